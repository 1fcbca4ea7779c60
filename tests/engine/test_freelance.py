"""Freelance pay follows the location, in the plan's currency and US dollars, one rounding rule (issue 12: 2, 3, 9)."""

import re

import pytest
from django.urls import reverse

from compensation.money import format_money, round_half_up
from engine.projection import project
from engine.slugs import WorkMode
from tests.builders import YEAR, profile
from tests.factories import csv_table

BANGALORE = {
    "current_level": "mid",
    "years_experience": 3,
    "location": "bangalore",
    "industry": "retail-ecommerce",
    "company_type": "large",
    "education": "bachelors",
}
# Freelance yearly pay stays within this multiple of the salaried base for the same person and place.
MULTIPLE = 1.5


def test_bangalore_freelance_is_near_the_articles_bangalore_band(catalog):
    result = project(profile(**BANGALORE, work_mode=WorkMode.FREELANCE), catalog, YEAR)
    f = result.freelance
    salaried = result.tracks[0].steps[0]
    assert f.currency == "INR"
    assert 1_200_000 <= f.yearly_min < f.yearly_max <= 3_500_000  # "India (Bangalore): ₹12L – ₹35L per year"
    assert f.yearly_max <= MULTIPLE * salaried.base_max
    assert f.yearly_min >= salaried.base_min / MULTIPLE


def test_yearly_is_the_hourly_figure_shown_times_the_hours(catalog):
    for location in ("seattle", "london", "bangalore"):
        f = project(profile(location=location, work_mode=WorkMode.FREELANCE), catalog, YEAR).freelance
        assert f.hourly_min == round_half_up(f.hourly_min) and f.hourly_max == round_half_up(f.hourly_max)
        assert f.yearly_min == round_half_up(f.hourly_min * f.hours, 100)
        assert f.yearly_max == round_half_up(f.hourly_max * f.hours, 100)
        rate = catalog.rates[f.currency].usd_per_unit
        assert f.usd_yearly_min == round_half_up(f.yearly_min * rate, 100)


def test_a_us_freelancer_charges_within_the_articles_hourly_band(catalog):
    f = project(
        profile(location="us-average", industry="all-industries", work_mode=WorkMode.FREELANCE), catalog, YEAR
    ).freelance
    assert 60 <= f.hourly_min < f.hourly_max <= 150
    assert f.currency == "USD" and f.usd_yearly_min == f.yearly_min


def test_one_rounding_rule_half_up():
    assert round_half_up(118.5) == 119  # round() would give 118
    assert round_half_up(12_250.0, 100) == 12_300  # round(122.5) * 100 would give 12,200
    assert round_half_up(-2.5) == -3
    assert format_money(118.5, "USD") == "$119"


def test_the_estimate_page_shows_bangalore_freelance_in_rupees(client, db):
    response = client.get(reverse("estimate"), {**BANGALORE, "work_mode": "freelance"})
    html = response.content.decode()
    block = re.search(r'<article class="freelance".*?</article>', html, re.S)[0]
    assert "per hour" in block and "₹" in block
    low, high = (int(x) for x in re.search(r'data-base-min="(\d+)" data-base-max="(\d+)"', block).groups())
    assert 1_200_000 <= low < high <= 3_500_000
    assert format_money(low, "INR") in block


@pytest.mark.django_db
def test_json_and_csv_export_the_freelance_figures_the_page_shows(user_client, make_plan, user):
    plan = make_plan(user, location="bangalore", work_mode="freelance", industry="retail-ecommerce")
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    f = data["freelance"]
    assert set(f) >= {
        "hourly_min",
        "hourly_max",
        "hours",
        "yearly_min",
        "yearly_max",
        "currency",
        "usd_yearly_min",
        "usd_yearly_max",
    }
    assert f["currency"] == data["currency"] == "INR"
    assert f["yearly_min"] == f["hourly_min"] * f["hours"]
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    shown = re.search(r'data-role="freelance" data-base-min="(\d+)" data-base-max="(\d+)"', html)
    assert (int(shown[1]), int(shown[2])) == (f["yearly_min"], f["yearly_max"])
    last = csv_table(user_client.get(reverse("projection_csv", args=[plan.pk])).content.decode())[-1]
    assert last["Track"] == "Freelance" and int(last["Base min"]) == f["yearly_min"]
    assert int(last["Base min (USD)"]) == f["usd_yearly_min"]
