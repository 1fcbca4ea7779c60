"""Share links: the owner creates and revokes them; anyone with a live link sees the plan read-only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from compensation.catalog import get_catalog
from engine.projection import project

from .. import selectors, services
from ..clock import this_year
from ..forms import MoneyForm, SharedDetailsForm, SharedFigureForm, ShareLinkForm
from ..models import ShareLink
from ..presentation.panel import Links, panel_for
from ..profiles import describe, profile_from_values
from .rendering import details_page, explain_page, noindex, render_page


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_share(request, plan_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    if request.method == "POST":
        form = ShareLinkForm(request.POST)
        form.is_valid()  # one checkbox: anything but "on" is unticked, so it is always valid
        link = services.create_share_link(plan, show_pay=form.cleaned_data["show_pay"])
        shown = "with your pay" if link.show_pay else "without your pay"
        messages.success(request, f"Share link created ({shown}). Anyone with the link can view this plan, read-only.")
        return redirect(f"{reverse('plan_share', args=[plan.pk])}#link-{link.pk}")
    context = {"plan": plan, "links": plan.share_links.all(), "nav": "plans", "form": ShareLinkForm()}
    return render(request, "careerpath/plan_share.html", context)


@login_required
@require_POST
def share_revoke(request, plan_id: int, link_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    services.revoke_share_link(get_object_or_404(ShareLink, pk=link_id, plan=plan))
    messages.success(request, "Share link revoked. It no longer opens the plan.")
    return redirect("plan_share", plan.pk)


@require_safe
@noindex
def shared_plan(request, token: str):
    catalog = get_catalog()
    link, values = selectors.shared_plan(token, catalog)
    values["money"] = MoneyForm.choice(request.GET)
    panel = panel_for(
        profile_from_values(values), catalog, money=values["money"], shared=True, links=Links.share(token)
    )
    context = {"plan": link.plan, "link": link, "initial": values, "names": describe(values, catalog), "panel": panel}
    return render_page(request, "careerpath/shared_plan.html", context)


@require_safe
@noindex
def shared_explain(request, token: str):
    """Why one figure of a shared plan is what it is: named by the link, the pay only if it shows it."""
    catalog = get_catalog()
    _link, values = selectors.shared_plan(token, catalog)
    back = reverse("shared_plan", args=[token])
    form = SharedFigureForm(request.GET, catalog=catalog)

    def projection():
        return project(profile_from_values(values), catalog, this_year())

    return explain_page(request, form, projection, back=back, invalid_back=back)


@require_safe
@noindex
def shared_details(request, token: str):
    """A shared plan's secondary figures, named by the link (never by its inputs or pay)."""
    catalog = get_catalog()
    _link, values = selectors.shared_plan(token, catalog)
    back = reverse("shared_plan", args=[token])
    return details_page(
        request,
        SharedDetailsForm(request.GET, catalog=catalog),
        lambda: values,
        back=lambda panel: back + ("?money=real" if panel.real else ""),
        invalid_back=back,
        shared=True,
        links=Links.share(token),
    )
