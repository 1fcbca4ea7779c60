"""Reads of plans and share links: what pages list and show, owner-only, in a constant number of queries."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.shortcuts import get_object_or_404

from engine.catalog import Catalog
from engine.projection import project

from .models import Plan, ShareLink
from .notices import plans_with_changes
from .profiles import describe, profile_from_values, values_from_plan, without_pay
from .summaries import recompute

PLANS_PER_PAGE = 20


def own_plan(owner, plan_id: int) -> Plan:
    """The owner's plan, or 404: another person's plan does not exist for them."""
    return get_object_or_404(Plan, pk=plan_id, owner=owner)


def skill_ids(plan: Plan) -> list[int]:
    return list(plan.skills.values_list("id", flat=True))


def plan_values(plan: Plan, catalog: Catalog) -> dict:
    return values_from_plan(plan, skill_ids(plan), catalog)


def plan_page(owner, page_number, catalog: Catalog, year: int) -> tuple[Page, list[dict]]:
    """One page of the owner's plans, each with its inputs' names and whether the data moved it."""
    # Every column: a plan whose summary is recomputed needs all its inputs, and deferred ones cost a query each.
    plans = Plan.objects.filter(owner=owner)
    page = Paginator(plans, PLANS_PER_PAGE).get_page(page_number)
    shown = list(page.object_list)
    changed = plans_with_changes(shown, catalog, year)
    recompute(shown, catalog, year)  # in memory, one batch, only for plans the data moved since: a GET writes nothing
    rows = [
        {
            "plan": plan,
            "level": catalog.name_for("role", plan.current_level_id),
            "location": catalog.name_for("location", plan.location_id),
            "industry": catalog.name_for("industry", plan.industry_id),
            "data_changed": plan.pk in changed,
            "summary": plan.summary,
        }
        for plan in shown
    ]
    return page, rows


def plan_choices(owner, limit: int = 200):
    return Plan.objects.filter(owner=owner).only("id", "title")[:limit]


def compare_sides(plans: list[Plan], catalog: Catalog, year: int) -> list[dict]:
    """Two plans projected over the same years (the longer horizon of the two), for the compare page."""
    horizon = max(plan.horizon_years for plan in plans)
    sides = []
    for plan in plans:
        values = {**values_from_plan(plan, [s.pk for s in plan.skills.all()], catalog), "horizon_years": horizon}
        sides.append(
            {
                "plan": plan,
                "names": describe(values, catalog),
                "initial": values,
                "projection": project(profile_from_values(values), catalog, year),
            }
        )
    return sides


def shared_plan(token: str, catalog: Catalog) -> tuple[ShareLink, dict]:
    """A live share link and its plan's values as the link may show them (pay only if allowed), or 404."""
    link = get_object_or_404(ShareLink.objects.select_related("plan"), token=token, revoked__isnull=True)
    values = plan_values(link.plan, catalog)
    if not link.show_pay:
        values = without_pay(values)  # from here on the pay does not exist for this page
    return link, values
