"""Writes of offers: create, update, delete, and start (or update) a plan from an offer."""

from __future__ import annotations

from django.db import transaction

from careerpath.models import Plan
from compensation.data import Catalog
from compensation.money import round_half_up

from .analysis import OfferAnalysis, values_of
from .models import Offer

PLAN_FIELDS_KEPT = ("years_experience", "education_id", "work_mode", "target_track_id", "horizon_years")


def _copy_onto(offer: Offer, data: dict, catalog: Catalog) -> Offer:
    ids = catalog.ids
    offer.company = data["company"]
    offer.location_id = ids["location"][data["location"]]
    offer.level_id = ids["role"][data["level"]]
    offer.industry_id = ids["industry"][data["industry"]]
    offer.company_type_id = ids["company_type"][data["company_type"]]
    for name in (
        "base",
        "bonus_target_percent",
        "sign_on_year1",
        "sign_on_year2",
        "sign_on_clawback_months",
        "equity_grant",
        "vesting",
        "vesting_custom",
        "cliff_months",
        "refresher_percent",
        "stock_growth_percent",
        "start_date",
    ):
        setattr(offer, name, data[name])
    offer.plan_id = data.get("plan")
    offer.save()
    return offer


def create_offer(owner, data: dict, catalog: Catalog) -> Offer:
    """A new offer from an OfferForm's cleaned data (the form checked the plan is the owner's)."""
    return _copy_onto(Offer(owner=owner), data, catalog)


def update_offer(offer: Offer, data: dict, catalog: Catalog) -> Offer:
    return _copy_onto(offer, data, catalog)


def delete_offer(offer: Offer) -> None:
    offer.delete()


@transaction.atomic
def start_plan_from_offer(offer: Offer, catalog: Catalog, year: int) -> tuple[Plan, bool]:
    """The offer's place, role and pay as a plan's "pay today": the plan it is tied to, updated, or a new one.

    Pay today is year 1's base and bonus, and the equity the offer vests a year on average over its first four
    years (initial grant and refreshers); the sign-on is left out, as it is paid once. A new plan takes the
    years of experience, degree and work mode of the owner's latest plan, or the level's usual years and the
    first degree in the data, for the owner to check.
    """
    analysis = OfferAnalysis(values_of(offer, catalog), catalog, year)
    first = analysis.figures.years[:4]
    equity = round_half_up(sum(y.equity for y in first) / len(first))
    plan = Plan.objects.select_for_update().filter(pk=offer.plan_id, owner=offer.owner).first()
    created = plan is None
    if created:
        latest = Plan.objects.filter(owner=offer.owner).first()
        plan = Plan(owner=offer.owner, title=f"From the offer: {offer.company}"[:120])
        if latest is not None:
            for name in PLAN_FIELDS_KEPT:
                setattr(plan, name, getattr(latest, name))
        else:
            plan.years_experience = catalog.roles[analysis.values["level"]].typical_years
            plan.education_id = catalog.ids["education"][next(iter(catalog.educations))]
    else:
        plan.version += 1
    plan.current_level_id = offer.level_id
    plan.location_id = offer.location_id
    plan.industry_id = offer.industry_id
    plan.company_type_id = offer.company_type_id
    plan.current_base = analysis.figures.year1.base
    plan.current_bonus = analysis.figures.year1.bonus
    plan.current_equity = equity
    plan.save()
    if created:
        offer.plan = plan
        offer.save(update_fields=["plan", "updated"])
    return plan, created
