"""The estimate on its way to a plan: "Sign up to save it" (before the account exists), then the estimate kept
from before sign-up, looked at, saved or dismissed (offered on My plans; see estimates.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from careerpath import services
from careerpath.forms import PreviewForm
from careerpath.profiles import query_of
from careerpath.views.estimate import estimate as estimate_page
from careerpath.views.plans import new_plan_page
from compensation.catalog import get_catalog

from .estimates import SESSION_KEY, SIGN_UP_KEY, describe_pay, pay_less, plan_form
from .models import PendingEstimate


@require_POST
def estimate_sign_up(request):
    """The estimate form, pay included, sent by "Sign up to save it": kept in the session (never in a URL) for
    the account about to be made; then the sign-up page, which returns to the estimate once confirmed."""
    form = PreviewForm(request.POST, catalog=get_catalog())
    if not form.is_valid():
        return estimate_page(request)  # the estimate with its messages, everything typed kept (400)
    request.session[SIGN_UP_KEY] = query_of(form.profile())
    return redirect(f"{reverse('account_signup')}?{urlencode({'next': reverse('account_estimate')})}")


@login_required
@require_safe
def estimate_open(request):
    """The kept estimate on the new-plan page, pay included, ready to save (or the new-plan page if none)."""
    estimate = PendingEstimate.objects.filter(user=request.user).first()
    if estimate is None:
        return redirect("plan_new")  # saved or dismissed already
    catalog = get_catalog()
    pay = describe_pay(estimate)
    if pay:
        messages.info(request, f"Your estimate is filled in with the pay you typed ({pay}): save it to keep it.")
    else:
        messages.info(request, "Your estimate is filled in (you gave no pay): save it to keep it.")
    return new_plan_page(request, PreviewForm(QueryDict(estimate.query), catalog=catalog), catalog)


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
        return redirect(f"{reverse('plan_new')}?{pay_less(estimate.query)}")  # pay never goes into a URL
    pay = describe_pay(estimate)
    plan = services.create_plan(request.user, form.cleaned_data, form.catalog)  # its signal forgets the estimate
    with_pay = f", with your pay ({pay})" if pay else " (you gave no pay: add it under “Edit” when you like)"
    messages.success(request, f"Plan “{plan.title}” saved from your estimate{with_pay}.")
    return redirect(plan)


@login_required
@require_POST
def estimate_dismiss(request):
    request.session.pop(SESSION_KEY, None)
    PendingEstimate.objects.filter(user=request.user).delete()
    messages.success(request, "The estimate from before you signed up is dismissed.")
    return redirect("plan_list")
