"""Save or dismiss the estimate kept from before sign-up (offered on My plans; see estimates.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from careerpath import services

from .estimates import SESSION_KEY, plan_form
from .models import PendingEstimate


@login_required
@require_POST
def estimate_save(request):
    """The kept inputs through the plan form: a new plan, or the new-plan page with what no longer fits."""
    request.session.pop(SESSION_KEY, None)
    estimate = PendingEstimate.objects.filter(user=request.user).first()
    if estimate is None:
        return redirect("plan_list")  # saved or dismissed already (another tab)
    form = plan_form(estimate)
    if not form.is_valid():  # the salary data changed since: the form shows what to choose again
        estimate.delete()
        return redirect(f"{reverse('plan_new')}?{estimate.query}")
    plan = services.create_plan(request.user, form.cleaned_data, form.catalog)  # its signal forgets the estimate
    messages.success(request, f"Plan “{plan.title}” saved from your estimate.")
    return redirect(plan)


@login_required
@require_POST
def estimate_dismiss(request):
    request.session.pop(SESSION_KEY, None)
    PendingEstimate.objects.filter(user=request.user).delete()
    messages.success(request, "The estimate from before you signed up is dismissed.")
    return redirect("plan_list")
