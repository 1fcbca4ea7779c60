"""Offer views: HTTP in, a form or a selector, a service or the analysis, a template out.

Every view finds offers through the signed-in owner, so another person's offer is a 404.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careerpath.clock import this_year
from careerpath.forms import DataChangeSeenForm
from compensation.catalog import get_catalog

from . import selectors, services
from .analysis import COUNTER_PERCENTILE, OfferAnalysis, values_of
from .comparison import build_comparison
from .forms import CompareForm, LeaveForm, OfferForm
from .notices import offer_notice
from .presentation import counter_sentence, drop_sentence, position_sentence, year_chart

FORM_PAGE = "offers/offer_form.html"


def _form(request, catalog, **kwargs) -> OfferForm:
    return OfferForm(catalog=catalog, plans=selectors.plans_of(request.user), **kwargs)


@login_required
@require_safe
def offer_list(request):
    catalog = get_catalog()
    offers = list(selectors.offers_of(request.user))
    rows = [
        {
            "offer": offer,
            "level": catalog.name_for("role", offer.level_id),
            "location": catalog.name_for("location", offer.location_id),
            "currency": catalog.locations[catalog.slug_for("location", offer.location_id)].currency,
        }
        for offer in offers
    ]
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
    if request.htmx and leave_month is not None:
        context = {
            "offer": offer,
            "currency": currency,
            "leave_form": leave_form,
            "left": figures.leave[leave_month - 1],
        }
        response = render(request, "offers/offer_detail.html#leave-answer", context)
        patch_vary_headers(response, ["HX-Request"])
        return response
    context = {
        "leave_form": leave_form
        if leave_form.is_bound
        else LeaveForm(initial={"leave": offer.cliff_months or 12}, months=months),
        "left": figures.leave[leave_month - 1] if leave_month else None,
        "offer": offer,
        "a": analysis,
        "currency": currency,
        "figures": figures,
        "chart": year_chart(figures, currency),
        "drop": drop_sentence(figures, currency),
        "base_place": position_sentence("A base", analysis.base_position, currency),
        "total_place": position_sentence("A year-1 total", analysis.total_position, currency),
        "average_place": position_sentence("A 4-year average", analysis.average_position, currency),
        "counter": counter_sentence(analysis.counter, currency),
        "counter_percentile": COUNTER_PERCENTILE,
        "nav": "offers",
        "data_change": offer_notice(offer, analysis.catalog, this_year()),
    }
    response = render(request, "offers/offer_detail.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def offer_data_change_seen(request, offer_id: int):
    """Dismiss the offer's "the salary data changed" notice: the version it explained is now seen."""
    offer = selectors.own_offer(request.user, offer_id)
    form = DataChangeSeenForm(request.POST, current=get_catalog().data_version)
    if not form.is_valid():
        raise BadRequest("Not a data version this offer can have seen.")
    services.mark_data_seen(offer, form.cleaned_data["version"])
    return redirect(offer)


@login_required
@require_POST
def offer_start_plan(request, offer_id: int):
    offer = selectors.own_offer(request.user, offer_id)
    plan, created = services.start_plan_from_offer(offer, get_catalog(), this_year())
    if created:
        messages.success(
            request,
            f"Plan “{plan.title}” started from this offer. Check your years of experience and degree, then save.",
        )
        return redirect("plan_edit", plan.pk)
    messages.success(request, f"Plan “{plan.title}” now starts from this offer’s place, role and pay.")
    return redirect(plan)


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
    csv.writer(response).writerows(analysis.csv_rows())
    return _download(response, f"offer-{offer.pk}.csv")


@login_required
@require_safe
def offer_compare(request):
    offers = list(selectors.offers_of(request.user).only("id", "company"))
    plans = list(selectors.plans_of(request.user))
    if "ids" not in request.GET:
        form = CompareForm(offers=offers, plans=plans)
        return render(request, "offers/offer_compare.html", {"form": form, "offers": offers, "nav": "offers"})
    form = CompareForm(request.GET, offers=offers, plans=plans)
    if not form.is_valid():
        codes = {e.code for errors in form.errors.as_data().values() for e in errors}
        if "invalid_choice" in codes:
            raise Http404  # not this person's offer or plan: say no more than that
        context = {"form": form, "offers": offers, "nav": "offers"}
        return render(request, "offers/offer_compare.html", context, status=400)
    catalog = get_catalog()
    chosen = selectors.compare_set(request.user, form.cleaned_data["ids"])
    plan_id = form.cleaned_data["plan"]
    plan = selectors.own_plan(request.user, plan_id) if plan_id else None
    comparison = build_comparison(chosen, plan, catalog, this_year())
    context = {"form": form, "offers": offers, "c": comparison, "nav": "offers"}
    return render(request, "offers/offer_compare.html", context)
