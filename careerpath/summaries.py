"""The few figures My plans shows for each plan: its next step, the year, the pay, the person's percentile.

Kept on the plan (`Plan.summary`, with the data version it was computed at) so the list never projects
more than the plans whose data moved: written when a plan is saved (`services`), and stored again for
every plan by `manage.py refresh_summaries` after the salary data moved. Until then My plans recomputes
a page's stale summaries in one batch, in memory: reading a page writes nothing.
"""

from __future__ import annotations

from engine.catalog import Catalog
from engine.options import focus_track
from engine.profile import ProjectionError
from engine.projection import project
from engine.results import Projection

from .models import Plan
from .profiles import profile_from_values, values_from_columns

FIELDS = ("summary", "summary_data_version")


def summary_of(projection: Projection) -> dict:
    """Plain numbers (JSON): the next step on the focus track, its year and base pay in today's money."""
    track = focus_track(projection)
    step = track.steps[1] if len(track.steps) > 1 else track.steps[0]
    pay = projection.your_pay
    return {
        "track": track.track,
        "track_name": track.name,
        "role": step.role,
        "title": step.title,
        "year": None if step.is_current else step.year,
        "base_min": round(step.base_min),
        "base_max": round(step.base_max),
        "currency": projection.currency,
        "percentile": None if pay is None else pay.base.percentile,
        "position": None if pay is None else pay.base.position,
    }


def write_summary(plan: Plan, values: dict, catalog: Catalog, year: int) -> None:
    """Set the plan's summary from its form values (the caller saves the plan)."""
    plan.summary = summary_of(project(profile_from_values(values), catalog, year))
    plan.summary_data_version = catalog.data_version


def recompute(plans: list[Plan], catalog: Catalog, year: int) -> list[Plan]:
    """Set, in memory and in one batch, the summaries of `plans` missing one or computed at another data
    version; return those plans (the caller stores them, or only shows them)."""
    stale = [p for p in plans if p.summary is None or p.summary_data_version != catalog.data_version]
    if not stale:
        return stale
    skills: dict[int, list[int]] = {}
    through = Plan.skills.through.objects.filter(plan_id__in=[p.pk for p in stale])
    for plan_id, skill_id in through.values_list("plan_id", "skill_id"):
        skills.setdefault(plan_id, []).append(skill_id)
    for plan in stale:
        columns = {field.attname: getattr(plan, field.attname) for field in Plan._meta.concrete_fields}
        values = values_from_columns(columns, skills.get(plan.pk, []), catalog)
        try:
            write_summary(plan, values, catalog, year)
        except (ProjectionError, KeyError):
            plan.summary, plan.summary_data_version = {}, catalog.data_version  # nothing to show, asked once
    return stale
