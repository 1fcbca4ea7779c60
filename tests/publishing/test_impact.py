"""Before saving a band, parameter, share or rate, admins see how many saved plans it moves, and how much."""

import re

import pytest
from django.urls import reverse

from careerpath.models import Plan
from careerpath.profiles import profile_from_plan
from compensation import state
from compensation.catalog import catalog_from_state, get_catalog
from compensation.models import Parameter, SalaryBand
from dataversions.models import DataVersion
from engine.diff import plan_change
from engine.projection import project
from publishing.impact import effect
from tests.builders import YEAR, admin_band_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(make_plan, user, other_user):
    """Plans in several places and levels, some with the same inputs."""
    made = []
    for owner in (user, other_user):
        for location in ("seattle", "london", "seattle", "sf-bay-area"):
            for level in ("entry", "senior"):
                made.append(make_plan(owner, location=location, current_level=level, years_experience="6"))
    made.append(make_plan(user, location="seattle", work_mode="freelance", skills=[]))
    return made


def with_band(**amounts):
    rows, ids = state.state_from_db()
    band = rows["salaryband"]["location-seattle"]
    rows["salaryband"]["location-seattle"] = {**band, **amounts}
    return catalog_from_state(rows, version=-1, ids=ids)


def direct(current, candidate) -> tuple[int, list[float]]:
    """Every plan projected one by one, before and after."""
    moved = []
    for plan in Plan.objects.all():
        profile = profile_from_plan(plan, list(plan.skills.values_list("id", flat=True)), current)
        change = plan_change(project(profile, current, YEAR), project(profile, candidate, YEAR))
        if change.moved:
            moved.append(change.largest)
    return len(moved), moved


def test_the_preview_counts_match_projecting_every_plan_one_by_one(plans):
    current, candidate = get_catalog(), with_band(min_amount="145000.00", max_amount="190000.00")

    result = effect(current, candidate, YEAR)
    count, moves = direct(current, candidate)

    assert result.plans == len(plans) and not result.sampled
    assert result.profiles < len(plans)  # plans with the same inputs are projected once
    assert result.overall.moved == count == 9  # the Seattle plans, freelance included
    assert result.overall.up == pytest.approx(max(moves))
    assert result.overall.down is None
    assert sorted(moves)[len(moves) // 2] == pytest.approx(result.overall.median)
    ic = dict(result.tracks)["Individual contributor"]
    assert ic.moved == 9


def test_a_sample_stands_for_many_plans_and_says_so(plans):
    current, candidate = get_catalog(), with_band(min_amount="145000.00")

    result = effect(current, candidate, YEAR, sample=10, seed=1)

    assert result.sampled and result.examined <= 10 and result.plans == len(plans)
    assert 0 <= result.overall.moved <= len(plans)


def test_preview_effect_in_admin_shows_the_effect_and_saves_nothing(staff_client, plans):
    band = SalaryBand.objects.get(slug="location-seattle")
    data = admin_band_form(band, note="", min_amount="145000", max_amount="190000")
    del data["_save"]
    data["_preview"] = "Preview effect"

    response = staff_client.post(reverse("admin:compensation_salaryband_change", args=[band.pk]), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'data-preview-moved="9"', html), html[:3000]
    assert "of 17 saved plans" in html
    assert SalaryBand.objects.get(slug="location-seattle").min_amount == 135000
    assert DataVersion.objects.count() == 1
    assert 'value="145000"' in html  # the edit is still in the form, ready to save


def test_preview_of_a_parameter(staff_client, plans):
    parameter = Parameter.objects.get(slug="base-percentile")
    url = reverse("admin:compensation_parameter_change", args=[parameter.pk])
    data = {
        "slug": parameter.slug,
        "name": parameter.name,
        "value": "0.45",
        "unit": parameter.unit,
        "description": parameter.description,
        "provenance": parameter.provenance,
        "source_quote": parameter.source_quote,
        "rationale": parameter.rationale,
        "_preview": "Preview effect",
    }
    html = staff_client.post(url, data).content.decode()
    assert 'data-preview-moved="17"' in html


def test_a_bad_edit_is_refused_before_any_preview(staff_client, plans):
    band = SalaryBand.objects.get(slug="location-seattle")
    data = {**admin_band_form(band, min_amount="200000"), "_preview": "Preview effect"}
    del data["_save"]
    html = staff_client.post(reverse("admin:compensation_salaryband_change", args=[band.pk]), data).content.decode()
    assert "data-preview" not in html
    assert "The top of the band must be at least its bottom" in html
