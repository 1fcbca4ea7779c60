"""A person's plans: the list, a new plan, a plan's page and edit, duplicate, delete, compare."""

from __future__ import annotations

from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from compensation.catalog import get_catalog
from compensation.validation import StoredValueError
from engine.projection import project
from engine.slugs import Money

from .. import selectors, services
from ..clock import this_year
from ..forms import CompareForm, DataChangeSeenForm, DetailsForm, ExplainForm, MoneyForm, PlanForm, PreviewForm
from ..notices import notice_for
from ..presentation import compare
from ..presentation.panel import Links, panel_for
from ..presentation.words import summary_words
from ..profiles import describe, profile_from_values, values_from_plan, with_pay_of
from .rendering import HOME_EXAMPLE, details_page, explain_page, render_page

PLAN_PAGE = "careerpath/plan_form.html"


@login_required
@require_safe
def plan_list(request):
    page, rows = selectors.plan_page(request.user, request.GET.get("page"), get_catalog(), this_year())
    for row in rows:
        row["summary"] = summary_words(row["summary"])
    return render(request, "careerpath/plan_list.html", {"page": page, "rows": rows, "nav": "plans"})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_new(request):
    catalog = get_catalog()
    if request.method == "POST":
        form = PlanForm(request.POST, catalog=catalog)
        if form.is_valid():
            plan = services.create_plan(request.user, form.cleaned_data, catalog)
            messages.success(request, f"Plan “{plan.title}” saved.")
            return redirect(plan)
        return render(request, PLAN_PAGE, {"form": form, "nav": "plans"}, status=400)

    # Arriving from the quick estimate ("Save as a plan") brings its inputs in the query (never the pay).
    return new_plan_page(request, PreviewForm.from_query(request.GET, catalog), catalog)


@login_required
@require_POST
def plan_new_preview(request):
    """The new-plan form's values previewed: its live update (htmx), or the page without JavaScript."""
    catalog = get_catalog()
    return new_plan_page(
        request, PreviewForm(request.POST, catalog=catalog), catalog, typed=None if request.htmx else request.POST
    )


def new_plan_page(request, preview, catalog, *, typed=None):
    """The new-plan page with `preview`'s inputs (an estimate's) over the home example, ready to save."""
    values = {**HOME_EXAMPLE, "title": "My career plan"}
    if preview is not None and preview.is_valid():
        values = preview.merged_into(values)
        profile = preview.profile()
    else:
        profile = profile_from_values(values)
    form = PlanForm(typed, catalog=catalog) if typed is not None else PlanForm(initial=values, catalog=catalog)
    context = {"form": form, "nav": "plans"}
    if preview is not None and not preview.is_valid():
        return render_page(request, PLAN_PAGE, {**context, "invalid": preview}, status=400)
    context.update(
        panel=panel_for(profile, catalog, money=values.get("money") or Money.NOMINAL),
        names=SimpleLazyObject(lambda: describe(values, catalog)),
    )
    return render_page(request, PLAN_PAGE, context)


def _plan_page(request, plan, catalog, *, editing: bool, preview=None, typed=None):
    """A saved plan: its inputs beside its projection, or unsaved changes (`preview`) shown in their place."""
    if preview is not None and preview.is_valid():
        # The preview names every profile field, skills included: the saved skills are not needed. Its
        # profile is the form's; the plan's values (title, notes, version) only if the page shows the form.
        profile, money = preview.profile(), preview.money_choice
        values = cache(lambda: preview.merged_into(values_from_plan(plan, [], catalog)))
    else:
        money = MoneyForm.choice(request.GET)
        saved = {**selectors.plan_values(plan, catalog), "money": money}
        profile, values = profile_from_values(saved), lambda: saved
    # The form is built only if the page shows it: a live update answers with the projection alone.
    # Without JavaScript a preview shows the form as typed (title and notes included).
    if typed is not None:
        form = PlanForm(typed, catalog=catalog)
    else:
        form = SimpleLazyObject(lambda: PlanForm(initial=values(), catalog=catalog))
    context = {"plan": plan, "nav": "plans", "editing": editing, "form": form}
    if preview is not None and not preview.is_valid():
        return render_page(request, PLAN_PAGE, {**context, "invalid": preview}, status=400)
    context.update(
        panel=panel_for(profile, catalog, money=money, links=Links.plan(plan.pk)),
        previewing=preview is not None,
        names=SimpleLazyObject(lambda: describe(values(), catalog)),
    )
    if not request.htmx and plan.seen_data_version is not None and plan.seen_data_version < catalog.data_version:
        context["data_change"] = notice_for(plan, selectors.skill_ids(plan), catalog, this_year())
    return render_page(request, PLAN_PAGE, context)


def _query_preview(request, catalog):
    """Unsaved changes in the query (links from before previews were sent by POST): shown, not saved."""
    return PreviewForm.from_query(request.GET, catalog)


@login_required
@require_safe
def plan_detail(request, plan_id: int):
    plan, catalog = selectors.own_plan(request.user, plan_id), get_catalog()
    return _plan_page(request, plan, catalog, editing=False, preview=_query_preview(request, catalog))


@login_required
@require_POST
def plan_preview(request, plan_id: int):
    """A plan's unsaved changes previewed: the plan form's live update (htmx, by POST so the pay it holds
    stays out of URLs), or the whole page for "Preview" without JavaScript."""
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    preview = PreviewForm(request.POST, catalog=catalog)
    typed = None if request.htmx else request.POST
    return _plan_page(request, plan, catalog, editing=True, preview=preview, typed=typed)


@login_required
@require_safe
def plan_explain(request, plan_id: int):
    """Why one figure of the owner's plan is what it is: the profile as the page shows it, the saved pay."""
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    form = ExplainForm(request.GET, catalog=catalog)
    saved = selectors.plan_values(plan, catalog)
    return explain_page(
        request,
        form,
        lambda: project(profile_from_values(with_pay_of(form.cleaned_data, saved)), catalog, this_year()),
        back=plan.get_absolute_url(),
        invalid_back=plan.get_absolute_url(),
    )


@login_required
@require_safe
def plan_details(request, plan_id: int):
    """The owner's plan's secondary figures: the profile as the page shows it, the saved pay."""
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    form = DetailsForm(request.GET, catalog=catalog)
    return details_page(
        request,
        form,
        lambda: with_pay_of(form.cleaned_data, selectors.plan_values(plan, catalog)),
        back=lambda panel: plan.get_absolute_url() + ("?money=real" if panel.real else ""),
        invalid_back=plan.get_absolute_url(),
        links=Links.plan(plan.pk),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request, plan_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    if request.method != "POST":
        try:
            return _plan_page(request, plan, catalog, editing=True, preview=_query_preview(request, catalog))
        except StoredValueError:
            # A saved value the form refuses: the form, bound to what is saved, shows which and why.
            form = PlanForm(values_from_plan(plan, selectors.skill_ids(plan), catalog), catalog=catalog)
            form.is_valid()
            context = {"plan": plan, "nav": "plans", "editing": True, "form": form, "invalid": form}
            return render_page(request, PLAN_PAGE, context, status=409)

    form = PlanForm(request.POST, catalog=catalog)
    context = {"plan": plan, "nav": "plans", "editing": True, "form": form}
    if not form.is_valid():
        # The saved projection stays beside the form and its messages.
        panel = panel_for(profile_from_values(selectors.plan_values(plan, catalog)), catalog, links=Links.plan(plan.pk))
        return render_page(request, PLAN_PAGE, {**context, "panel": panel}, status=400)
    saved = services.update_plan(plan, form.cleaned_data, catalog)
    if isinstance(saved, services.Conflict):
        # Keep what the person typed; saving again now deliberately overwrites the other change.
        data = request.POST.copy()
        data["version"] = str(saved.current.version)
        form = PlanForm(data, catalog=catalog)
        form.is_valid()
        panel = panel_for(form.profile(), catalog, money=form.money_choice, links=Links.plan(plan.pk))
        context.update(plan=saved.current, form=form, conflict=True, panel=panel)
        return render_page(request, PLAN_PAGE, context, status=409)
    messages.success(request, f"Plan “{saved.title}” saved.")
    url = saved.get_absolute_url() + ("?money=real" if form.money_choice == Money.REAL else "")
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_POST
def plan_data_change_seen(request, plan_id: int):
    """Dismiss the plan's "the salary data changed" notice: the version it explained is now seen."""
    plan = selectors.own_plan(request.user, plan_id)
    form = DataChangeSeenForm(request.POST, current=get_catalog().data_version)
    if not form.is_valid():
        raise BadRequest("Not a data version this plan can have seen.")
    services.mark_data_seen(plan, form.cleaned_data["version"])
    return redirect(plan)


@login_required
@require_POST
def plan_duplicate(request, plan_id: int):
    copy = services.duplicate_plan(selectors.own_plan(request.user, plan_id))
    messages.success(request, f"Copied into “{copy.title}”. Change what you like and save.")
    return redirect("plan_edit", copy.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_delete(request, plan_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    if request.method == "POST":
        title = plan.title
        services.delete_plan(plan)
        messages.success(request, f"Plan “{title}” deleted.")
        return redirect("plan_list")
    return render(request, "careerpath/plan_confirm_delete.html", {"plan": plan, "nav": "plans"})


@login_required
@require_safe
def plan_compare(request):
    if not (request.GET.get("a") and request.GET.get("b")):  # "Compare" on a plan page names one
        context = {"choices": selectors.plan_choices(request.user), "nav": "plans"}
        return render(request, "careerpath/plan_compare.html", context)
    form = CompareForm(request.GET, owner=request.user)
    if not form.is_valid():
        raise Http404  # not two of this person's plans: say no more than that
    catalog = get_catalog()
    a, b = selectors.compare_sides(form.cleaned_data["plans"], catalog, this_year())
    currency = form.currency_for(compare.currency_choices(a["projection"], b["projection"]))
    context = {"a": a, "b": b, "c": compare.build(a, b, catalog, currency), "nav": "plans"}
    return render(request, "careerpath/plan_compare.html", context)
