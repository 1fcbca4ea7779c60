"""Offer views: HTTP in, a form or a selector, a service or the analysis, a template out.

Every view finds offers through the signed-in owner, so another person's offer is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careerpath import selectors as plan_selectors
from careerpath.clock import this_year
from careerpath.exports import write_csv
from careerpath.services import Conflict
from careerpath.views.rendering import render_page
from compensation.catalog import get_catalog
from compensation.validation import StoredValueError

from . import selectors, services
from .analysis import OfferAnalysis
from .comparison import build_comparison, currency_choices
from .forms import CompareForm, LeaveForm, OfferForm, StartPlanForm
from .mapping import values_of
from .presentation import (
    change_rows,
    counter_evidence_sentence,
    counter_moved_sentence,
    counter_sentence,
    drop_sentence,
    position_sentence,
    year_chart,
)

FORM_PAGE = "offers/offer_form.html"
START_PAGE = "offers/offer_start_plan.html"


def _form(request, catalog, **kwargs) -> OfferForm:
    return OfferForm(catalog=catalog, plans=selectors.plans_of(request.user), **kwargs)


@login_required
@require_safe
def offer_list(request):
    catalog = get_catalog()
    offers = list(selectors.offers_of(request.user))
    rows = []
    for offer in offers:
        try:
            analysis = OfferAnalysis(values_of(offer, catalog), catalog, this_year())
        except StoredValueError as error:  # one offer with a value its form refuses: the others still list
            level, location = catalog.name_for("role", offer.level_id), catalog.name_for("location", offer.location_id)
            rows.append({"offer": offer, "level": level, "location": location, "needs_fixing": error.what})
            continue
        rows.append(
            {
                "offer": offer,
                "level": analysis.level_name,
                "location": analysis.location_name,
                "currency": analysis.currency,
                "year1": analysis.figures.year1,
                "average_4y": analysis.figures.average_4y,
            }
        )
    return render(request, "offers/offer_list.html", {"rows": rows, "nav": "offers"})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_new(request):
    catalog = get_catalog()
    if request.method == "POST":
        form = _form(request, catalog, data=request.POST)
        if form.is_valid():
            offer = services.create_offer(request.user, form.cleaned_data, catalog)
            messages.success(request, f"Offer from “{offer.company}” saved.")
            return redirect(offer)
        return render(request, FORM_PAGE, {"form": form, "nav": "offers"}, status=400)
    initial = {"start_date": timezone.localdate(), "cliff_months": 12, "sign_on_clawback_months": 12}
    return render(request, FORM_PAGE, {"form": _form(request, catalog, initial=initial), "nav": "offers"})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_edit(request, offer_id: int):
    offer = selectors.own_offer(request.user, offer_id)
    catalog = get_catalog()
    if request.method == "POST":
        form = _form(request, catalog, data=request.POST)
        if form.is_valid():
            services.update_offer(offer, form.cleaned_data, catalog)
            messages.success(request, f"Offer from “{offer.company}” saved.")
            return redirect(offer)
        return render(request, FORM_PAGE, {"form": form, "offer": offer, "nav": "offers"}, status=400)
    form = _form(request, catalog, initial=values_of(offer, catalog))
    return render(request, FORM_PAGE, {"form": form, "offer": offer, "nav": "offers"})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_delete(request, offer_id: int):
    offer = selectors.own_offer(request.user, offer_id)
    if request.method == "POST":
        company = offer.company
        services.delete_offer(offer)
        messages.success(request, f"Offer from “{company}” deleted.")
        return redirect("offer_list")
    return render(request, "offers/offer_confirm_delete.html", {"offer": offer, "nav": "offers"})


def _analysis(request, offer_id: int):
    offer = selectors.own_offer(request.user, offer_id)
    catalog = get_catalog()
    return offer, OfferAnalysis(values_of(offer, catalog), catalog, this_year())


@login_required
@require_safe
def offer_detail(request, offer_id: int):
    offer, analysis = _analysis(request, offer_id)
    currency, figures = analysis.currency, analysis.figures
    months = analysis.terms.schedule_months
    leave_form = LeaveForm(request.GET if "leave" in request.GET else None, months=months)
    if leave_form.is_bound and not leave_form.is_valid():
        raise Http404  # a month the schedule does not have: the picker offers only real ones
    leave_month = leave_form.cleaned_data["leave"] if leave_form.is_bound else None
    context = {
        "leave_form": leave_form
        if leave_form.is_bound
        else LeaveForm(initial={"leave": offer.cliff_months or 12}, months=months),
        "left": figures.leave[leave_month - 1] if leave_month else None,
        "offer": offer,
        "a": analysis,
        "currency": currency,
        "figures": figures,
        "nav": "offers",
    }
    if not request.htmx:  # the leave answer alone needs none of this
        context.update(
            chart=year_chart(figures, currency),
            drop=drop_sentence(figures, currency),
            base_place=position_sentence("A base", analysis.base_position, currency),
            total_place=position_sentence("A year-1 total", analysis.total_position, currency),
            average_place=position_sentence("A 4-year average", analysis.average_position, currency),
            counter_moved=_moved_words(offer, analysis),
            counter=counter_sentence(
                analysis.counter, currency, f"a {analysis.level_name} in {analysis.location_name}"
            ),
            counter_evidence=_evidence_words(analysis),
        )
    return render_page(request, "offers/offer_detail.html", context, partial="leave-answer")


def _evidence_words(analysis: OfferAnalysis) -> str:
    return counter_evidence_sentence(
        analysis.evidence,
        analysis.level_name,
        analysis.country,
        analysis.evidence_converted_from,
        analysis.survey_answers,
        round(analysis.survey_min_count.value),
    )


def _moved_words(offer, analysis: OfferAnalysis) -> str:
    moved = analysis.counter_moved(offer.seen_data_version, offer.seen_counter)
    return counter_moved_sentence(moved, analysis.currency) if moved else ""


@login_required
@require_POST
def offer_counter_seen(request, offer_id: int):
    """'Got it': the counter-offer as the data gives it now is the one the owner has seen."""
    offer, analysis = _analysis(request, offer_id)
    services.mark_counter_seen(offer, analysis)
    return redirect(offer)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_start_plan(request, offer_id: int):
    """A new plan from the offer (the default), or, chosen explicitly, an existing plan updated to it: that
    first shows each change before → after, and is saved only from that page."""
    offer = selectors.own_offer(request.user, offer_id)
    plans = plan_selectors.plan_choices(request.user)
    catalog, year = get_catalog(), this_year()
    data = request.POST if request.method == "POST" else (request.GET if request.GET else None)
    form = StartPlanForm(data, catalog=catalog, plans=plans)
    context = {"offer": offer, "form": form, "nav": "offers"}
    if not form.is_bound:
        return render(request, START_PAGE, context)
    if not form.is_valid():
        return render(request, START_PAGE, context, status=400)
    person = form.person()
    target = form.cleaned_data["update"]
    if target is None:
        if request.method != "POST":
            return render(request, START_PAGE, context)
        plan = services.start_plan_from_offer(offer, person, catalog, year)
        messages.success(request, f"Plan “{plan.title}” started from this offer. Your other plans are unchanged.")
        return redirect(plan)
    plan = plan_selectors.own_plan(request.user, target)
    before, after = services.plan_changes(offer, plan, person, catalog, year)
    context.update(plan=plan, changes=change_rows(before, after, catalog), version=plan.version)
    if request.method == "POST" and form.cleaned_data["confirm"]:
        saved = services.update_plan_from_offer(offer, plan, person, form.cleaned_data["version"], catalog, year)
        if isinstance(saved, Conflict):
            messages.error(request, f"“{plan.title}” was saved elsewhere since: check the changes again.")
            context.update(plan=saved.current, version=saved.current.version)
            return render(request, START_PAGE, context, status=409)
        messages.success(request, f"Plan “{saved.title}” now starts from this offer.")
        return redirect(saved)
    return render(request, START_PAGE, context)


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def offer_json(request, offer_id: int):
    offer, analysis = _analysis(request, offer_id)
    response = JsonResponse(analysis.as_json(), json_dumps_params={"indent": 2})
    return _download(response, f"offer-{offer.pk}.json")


@login_required
@require_safe
def offer_csv(request, offer_id: int):
    offer, analysis = _analysis(request, offer_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    write_csv(
        response, analysis.csv_rows(_evidence_words(analysis))
    )  # a company named "=…" is text in a spreadsheet, never a formula
    return _download(response, f"offer-{offer.pk}.csv")


@login_required
@require_safe
def offer_compare(request):
    offers = list(selectors.offers_of(request.user).only("id", "company", "location_id"))
    plans = list(selectors.plans_of(request.user))
    catalog = get_catalog()
    currencies = currency_choices(offers, catalog)
    if "ids" not in request.GET:
        form = CompareForm(offers=offers, plans=plans, currencies=currencies)
        return render(request, "offers/offer_compare.html", {"form": form, "offers": offers, "nav": "offers"})
    form = CompareForm(request.GET, offers=offers, plans=plans, currencies=currencies)
    if not form.is_valid():
        codes = {e.code for name, errors in form.errors.as_data().items() if name != "currency" for e in errors}
        if "invalid_choice" in codes:
            raise Http404  # not this person's offer or plan: say no more than that
        context = {"form": form, "offers": offers, "nav": "offers"}
        return render(request, "offers/offer_compare.html", context, status=400)
    chosen = selectors.compare_set(request.user, form.cleaned_data["ids"])
    plan_id = form.cleaned_data["plan"]
    plan = plan_selectors.own_plan(request.user, plan_id) if plan_id else None
    currency = form.cleaned_data["currency"] or None
    comparison = build_comparison(chosen, plan, catalog, this_year(), currency)
    context = {"form": form, "offers": offers, "c": comparison, "nav": "offers"}
    return render(request, "offers/offer_compare.html", context)
