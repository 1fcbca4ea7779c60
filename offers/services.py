"""Writes of offers: create, update, delete, and start (or update) a plan from an offer."""

from __future__ import annotations

from django.db import transaction

from careerpath import selectors
from careerpath import services as plan_services
from careerpath.models import Plan
from compensation.money import round_half_up
from engine.catalog import Catalog
from engine.slugs import WorkMode

from .analysis import OfferAnalysis, values_of
from .models import Offer

# What a new plan keeps of the owner's latest plan: the person, not the job.
KEPT = ("years_experience", "education", "skills", "work_mode", "target_track", "target_year", "horizon_years")


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
    offer.seen_data_version = catalog.data_version  # saved with today's data: nothing has changed for it yet
    offer.save()
    return offer


def create_offer(owner, data: dict, catalog: Catalog) -> Offer:
    """A new offer from an OfferForm's cleaned data (the form checked the plan is the owner's)."""
    return _copy_onto(Offer(owner=owner), data, catalog)


def update_offer(offer: Offer, data: dict, catalog: Catalog) -> Offer:
    return _copy_onto(offer, data, catalog)


def mark_data_seen(offer: Offer, version: int) -> None:
    """The owner has seen the offer's figures at data version `version` (never moves backwards; not an edit)."""
    if offer.seen_data_version is None or version > offer.seen_data_version:
        Offer.objects.filter(pk=offer.pk).update(seen_data_version=version)  # `updated` stays


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
    pay = {
        "current_level": analysis.values["level"],
        "location": analysis.values["location"],
        "industry": analysis.values["industry"],
        "company_type": analysis.values["company_type"],
        "current_base": analysis.figures.year1.base,
        "current_bonus": analysis.figures.year1.bonus,
        "current_equity": round_half_up(sum(y.equity for y in first) / len(first)),
    }
    plan = Plan.objects.select_for_update().filter(pk=offer.plan_id, owner=offer.owner).first()
    if plan is not None:
        saved = plan_services.update_plan(plan, {**selectors.plan_values(plan, catalog), **pay}, catalog)
        return (saved.current if isinstance(saved, plan_services.Conflict) else saved), False
    latest = Plan.objects.filter(owner=offer.owner).first()
    if latest is not None:
        kept = {name: value for name, value in selectors.plan_values(latest, catalog).items() if name in KEPT}
    else:  # the level's usual years and the first degree in the data, for the owner to check
        kept = {
            "years_experience": catalog.roles[analysis.values["level"]].typical_years,
            "education": next(iter(catalog.educations)),
            "skills": [],
            "work_mode": WorkMode.ONSITE,
            "target_track": "",
            "target_year": None,
        }
    title = f"From the offer: {offer.company}"[: Plan.TITLE_MAX_LENGTH]
    plan = plan_services.create_plan(offer.owner, {"title": title, "notes": "", **kept, **pay}, catalog)
    offer.plan = plan
    offer.save(update_fields=["plan", "updated"])
    return plan, True
