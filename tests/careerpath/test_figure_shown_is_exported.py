"""The figure shown is the figure exported (issue 24, item 10): for any plan with pay, each step's figures on
the plan page (its `data-*` attributes) are the same whole numbers as in projection.json and projection.csv."""

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from careerpath.forms import PlanForm
from careerpath.models import Plan
from careerpath.services import create_plan
from compensation.catalog import get_catalog
from engine.profile import Profile
from engine.projection import project
from tests.builders import people
from tests.factories import csv_table

pytestmark = pytest.mark.django_db

FIGURES = ("data-base-min", "data-base-max", "data-band-min", "data-band-max")


class StepFigures(HTMLParser):
    """Each `[data-role]` step's figures, in page order: (role, base min, base max, band min, band max)."""

    def __init__(self):
        super().__init__()
        self.steps: list[tuple] = []
        self.freelance: tuple | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("data-role") == "freelance":
            self.freelance = (int(found["data-base-min"]), int(found["data-base-max"]))
        elif "data-role" in found and all(name in found for name in FIGURES):
            self.steps.append((found["data-role"], *(int(found[name]) for name in FIGURES)))


def plan_post(person: Profile) -> dict:
    """The plan form as a person would fill it in for `person`."""
    post = {
        "title": "Random plan",
        "current_level": person.current_level,
        "years_experience": str(person.years_experience),
        "location": person.location,
        "industry": person.industry,
        "company_type": person.company_type,
        "education": person.education,
        "skills": sorted(person.skills),
        "work_mode": person.work_mode,
        "target_track": person.target_track or "",
        "target_year": "" if person.target_year is None else str(person.target_year),
        "horizon_years": str(person.horizon_years),
        "notes": "",
    }
    for name in ("current_base", "current_bonus", "current_equity"):
        amount = getattr(person, name)
        post[name] = "" if amount is None else str(amount)
    return post


def saved(owner, person: Profile) -> Plan:
    catalog = get_catalog()
    form = PlanForm(plan_post(person), catalog=catalog)
    assume(form.is_valid())  # a pay the form refuses (out of range, bonus without base) is never a plan
    return create_plan(owner, form.cleaned_data, catalog)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_step_shows_the_figures_its_exports_hold(user_client, user, catalog, data):
    person = data.draw(people(catalog, with_target=True))
    # Pay inside a sensible range around the band of the person's level here (the form refuses a figure far
    # outside it), with bonus and equity or without.
    first = project(person, catalog, 2026).tracks[0].steps[0]
    place = data.draw(st.floats(0.0, 1.2))
    base = round(first.band_min + place * (first.band_max - first.band_min))
    extras = data.draw(st.sampled_from([(None, None), (0.1, 0.3), (0.2, None)]))
    person = replace(
        person,
        current_base=base,
        current_bonus=None if extras[0] is None else round(base * extras[0]),
        current_equity=None if extras[1] is None else round(base * extras[1]),
    )
    plan = saved(user, person)
    page = StepFigures()
    page.feed(user_client.get(plan.get_absolute_url()).content.decode())
    exported = user_client.get(f"/plans/{plan.pk}/projection.json").json()
    table = csv_table(user_client.get(f"/plans/{plan.pk}/projection.csv").content.decode())
    freelance_rows = [row for row in table if row["Track"] == "Freelance"]  # the freelance rate, last
    table = table[: len(table) - len(freelance_rows)]

    in_json = [
        (step["role"], step["base_min"], step["base_max"], step["band_min"], step["band_max"])
        for track in exported["tracks"]
        for step in track["steps"]
    ]
    in_csv = [
        (role, int(row["Base min"]), int(row["Base max"]), int(row["Band min"]), int(row["Band max"]))
        for (role, *_), row in zip(in_json, table, strict=True)
    ]
    assert page.steps == in_json == in_csv
    totals = [(step["total_min"], step["total_max"]) for track in exported["tracks"] for step in track["steps"]]
    assert [(_int(row["Total min"]), _int(row["Total max"])) for row in table] == totals
    if exported["freelance"] is not None:
        yearly = (exported["freelance"]["yearly_min"], exported["freelance"]["yearly_max"])
        [row] = freelance_rows
        assert page.freelance == yearly == (int(row["Base min"]), int(row["Base max"]))
    if exported["your_pay"] is not None:
        assert exported["your_pay"]["base"] == person.current_base


def _int(cell: str) -> int | None:
    return int(cell) if cell else None
