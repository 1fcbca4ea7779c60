"""Writes to plans and share links: views call these and translate the outcome to HTTP."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from engine.catalog import Catalog

from .clock import this_year
from .models import Plan, ShareLink
from .profiles import plan_columns, skill_ids_of
from .summaries import FIELDS as SUMMARY_FIELDS
from .summaries import recompute, write_summary


def _fill(plan: Plan, values: dict, catalog: Catalog) -> None:
    plan.title = values["title"]
    plan.notes = values["notes"]
    for column, value in plan_columns(values, catalog).items():
        setattr(plan, column, value)
    if "paid_years" in values:  # only a plan started from an offer sets them; the plan form keeps them
        plan.paid_years = values["paid_years"]
    else:
        values = {**values, "paid_years": plan.paid_years}
    write_summary(plan, values, catalog, this_year())  # what My plans shows, without projecting there


@transaction.atomic
def create_plan(owner, values: dict, catalog: Catalog) -> Plan:
    """A new plan from validated form values; made with today's data, so nothing has changed for it yet."""
    plan = Plan(owner=owner, seen_data_version=catalog.data_version)
    _fill(plan, values, catalog)
    plan.save()
    plan.skills.set(skill_ids_of(values, catalog))
    return plan


@dataclass(frozen=True)
class Conflict:
    """Someone saved the plan since it was opened: the plan as it is now, nothing written."""

    current: Plan


def update_plan(plan: Plan, values: dict, catalog: Catalog) -> Plan | Conflict:
    """Save validated values over `plan` if it is still at the version they were edited from."""
    with transaction.atomic():
        current = Plan.objects.select_for_update().get(pk=plan.pk)
        if values["version"] != current.version:
            return Conflict(current)
        current.version += 1
        _fill(current, values, catalog)
        current.save()
        current.skills.set(skill_ids_of(values, catalog))
    return current


def delete_plan(plan: Plan) -> None:
    plan.delete()


@transaction.atomic
def duplicate_plan(plan: Plan) -> Plan:
    """A copy of the plan with its skills, titled "… (copy)", at version 1."""
    skill_ids = list(plan.skills.values_list("id", flat=True))
    copy = Plan.objects.get(pk=plan.pk)
    copy.pk = None
    copy._state.adding = True
    copy.title = f"{plan.title} (copy)"[: Plan.TITLE_MAX_LENGTH]
    copy.version = 1
    copy.save()
    copy.skills.set(skill_ids)
    return copy


def mark_data_seen(plan: Plan, version: int) -> None:
    """The owner has seen the plan's figures at data version `version` (never moves backwards; not an edit)."""
    if plan.seen_data_version is None or version > plan.seen_data_version:
        Plan.objects.filter(pk=plan.pk).update(seen_data_version=version)  # `updated` stays


def create_share_link(plan: Plan, *, show_pay: bool) -> ShareLink:
    return ShareLink.objects.create(plan=plan, show_pay=show_pay)


def revoke_share_link(link: ShareLink) -> None:
    if link.revoked is None:
        link.revoked = timezone.now()
        link.save(update_fields=["revoked"])


def refresh_summaries(catalog: Catalog, year: int, batch: int = 500) -> int:
    """Store the summary of every plan the salary data moved since it was computed, `batch` plans at a time
    (`manage.py refresh_summaries`, after a data change); the number stored."""
    stored = 0
    stale = Plan.objects.exclude(summary_data_version=catalog.data_version).order_by("pk")
    last = 0
    while plans := list(stale.filter(pk__gt=last)[:batch]):
        changed = recompute(plans, catalog, year)
        with transaction.atomic():
            Plan.objects.bulk_update(changed, SUMMARY_FIELDS)
        stored += len(changed)
        last = plans[-1].pk
    return stored
