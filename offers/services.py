"""Writes of offers: create, update, delete, and a plan from an offer (a new one, or one the owner chose to update)."""

from __future__ import annotations

from django.db import transaction

from careerpath import selectors as plan_selectors
from careerpath import services as plan_services
from careerpath.clock import this_year
from careerpath.models import Plan
from compensation.validation import one_line
from engine.catalog import Catalog

from .analysis import OfferAnalysis
from .mapping import columns_of, plan_values, values_of
from .models import Offer


def _copy_onto(offer: Offer, data: dict, catalog: Catalog) -> Offer:
    for column, value in columns_of(data, catalog).items():
        setattr(offer, column, value)
    _seen(offer, OfferAnalysis(values_of(offer, catalog), catalog, this_year()))
    offer.save()
    return offer


def _seen(offer: Offer, analysis: OfferAnalysis) -> None:
    offer.seen_data_version = analysis.data_version
    offer.seen_counter = analysis.counter_record


def mark_counter_seen(offer: Offer, analysis: OfferAnalysis) -> None:
    """The owner has seen the counter-offer at today's data (not an edit: `updated` stays)."""
    _seen(offer, analysis)
    Offer.objects.filter(pk=offer.pk).update(seen_data_version=offer.seen_data_version, seen_counter=offer.seen_counter)


def create_offer(owner, data: dict, catalog: Catalog) -> Offer:
    """A new offer from an OfferForm's cleaned data (the form checked the plan is the owner's)."""
    return _copy_onto(Offer(owner=owner), data, catalog)


def update_offer(offer: Offer, data: dict, catalog: Catalog) -> Offer:
    return _copy_onto(offer, data, catalog)


def delete_offer(offer: Offer) -> None:
    offer.delete()


def offer_as_plan(offer: Offer, catalog: Catalog, year: int, *, years_experience: int, education: str) -> dict:
    """A plan's values for the offer (its place, role, industry, company type, pay and yearly totals as paid,
    salaried) and the person's years and degree, as they gave them: never another plan's fields."""
    analysis = OfferAnalysis(values_of(offer, catalog), catalog, year)
    return plan_values(
        analysis.values, analysis.figures, catalog, years_experience=years_experience, education=education
    )


@transaction.atomic
def start_plan_from_offer(offer: Offer, person: dict, catalog: Catalog, year: int) -> Plan:
    """A new plan from the offer; every other plan stays as it is. The offer is then weighed beside it."""
    values = offer_as_plan(offer, catalog, year, **person)
    # A company's name stored before the one-line rule may hold a line break: the title never does.
    title = one_line(f"From the offer: {offer.company}")[: Plan.TITLE_MAX_LENGTH]
    plan = plan_services.create_plan(offer.owner, {"title": title, "notes": "", **values}, catalog)
    offer.plan = plan
    offer.save(update_fields=["plan", "updated"])
    return plan


def plan_changes(offer: Offer, plan: Plan, person: dict, catalog: Catalog, year: int) -> tuple[dict, dict]:
    """The plan's values now, and as the offer would make them (its title, notes, skills and targets kept)."""
    before = plan_selectors.plan_values(plan, catalog)
    kept_person = {name: before[name] if value is None else value for name, value in person.items()}
    offered = offer_as_plan(offer, catalog, year, **kept_person)
    kept = ("skills", "target_track", "target_year", "horizon_years")
    after = {**before, **{k: v for k, v in offered.items() if k not in kept}}
    return before, after


def update_plan_from_offer(
    offer: Offer, plan: Plan, person: dict, version: int, catalog: Catalog, year: int
) -> Plan | plan_services.Conflict:
    """The plan the owner chose, updated to the offer, if it is still at the version they saw the changes of."""
    _, after = plan_changes(offer, plan, person, catalog, year)
    saved = plan_services.update_plan(plan, {**after, "version": version}, catalog)
    if not isinstance(saved, plan_services.Conflict):
        offer.plan = saved
        offer.save(update_fields=["plan", "updated"])
    return saved
