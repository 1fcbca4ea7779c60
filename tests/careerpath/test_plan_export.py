"""The projection as JSON and CSV, matching the figures on the plan page."""

import re

import pytest
from django.urls import reverse

from tests.factories import csv_table

pytestmark = pytest.mark.django_db


def test_json_has_the_documented_shape_and_the_page_figures(user_client, plan):
    response = user_client.get(reverse("projection_json", args=[plan.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    data = response.json()
    assert data["currency"] == "USD"
    tracks = {t["track"]: t for t in data["tracks"]}
    assert set(tracks) == {"ic", "management", "research"}
    director = next(step for step in tracks["management"]["steps"] if step["role"] == "director-vp")
    assert set(director) >= {
        "role",
        "title",
        "year",
        "earliest_year",
        "base_min",
        "base_max",
        "total_min",
        "total_max",
        "kind",
        "provenance",
        "explanation",
    }
    assert (director["kind"], director["provenance"]) == ("promotion", "assumption")
    assert isinstance(director["base_min"], int)
    assert director["explanation"][0]["provenance"] == "assumption"

    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    shown = re.search(r'data-role="director-vp" data-base-min="(\d+)" data-base-max="(\d+)"', html)
    assert (int(shown[1]), int(shown[2])) == (director["base_min"], director["base_max"])


def test_csv_has_a_row_per_step(user_client, plan):
    response = user_client.get(reverse("projection_csv", args=[plan.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_table(response.content.decode())
    roles = [(r["Track"], r["Role"]) for r in rows]
    assert ("Management", "Director or VP of Machine Learning") in roles
    # A Bachelor's plan cannot step into research (issue 30): the line above the table says what it needs.
    assert ("Research", "AI Research Scientist") not in roles
    blocked = "Research: cannot be taken,AI Research Scientist needs a PhD or research experience"
    assert blocked in response.content.decode()
    json_steps = user_client.get(reverse("projection_json", args=[plan.pk])).json()["tracks"]
    first = json_steps[0]["steps"][0]
    assert int(rows[0]["Base min"]) == first["base_min"]


def test_each_exported_step_has_its_band_and_percentiles_as_the_page_shows(user_client, plan):
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    for track in data["tracks"]:
        for step in track["steps"]:
            assert step["band_min"] <= step["base_min"] < step["base_max"] <= step["band_max"]
            assert 0 <= step["percentile_min"] < step["percentile_max"] <= 100
    director = next(step for step in data["tracks"][1]["steps"] if step["role"] == "director-vp")
    shown = re.search(r'data-role="director-vp"[^>]* data-band-min="(\d+)" data-band-max="(\d+)"', html)
    assert (int(shown[1]), int(shown[2])) == (director["band_min"], director["band_max"])
    rows = csv_table(user_client.get(reverse("projection_csv", args=[plan.pk])).content.decode())
    assert int(rows[0]["Band min"]) == data["tracks"][0]["steps"][0]["band_min"]
    assert int(rows[0]["Percentile of band max"]) == data["tracks"][0]["steps"][0]["percentile_max"]


def test_projection_csv_opens_with_a_title_and_the_inputs_and_uses_human_labels(user_client, user, make_plan):
    plan = make_plan(user, title="Lead in Seattle", current_base="180000")
    response = user_client.get(reverse("projection_csv", args=[plan.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="careerpath-lead-in-seattle-projection.csv"'
    text = response.content.decode()
    assert text.startswith("CareerPath projection,Lead in Seattle\r\n")
    for line in ("Level,Mid-level ML Engineer", "Location,Seattle", "Industry,Finance/Fintech", "Base pay now,180000"):
        assert f"\r\n{line}\r\n" in text
    rows = csv_table(text)
    assert {r["Track"] for r in rows} == {"Individual contributor", "Management", "Research"}
    assert "Staff/Lead ML Engineer" in {r["Role"] for r in rows}
    assert not any(slug in text for slug in (",ic,", "lead-principal", "director-vp"))
    assert "Hourly min" not in rows[0] and "Base min (USD)" not in rows[0]  # no always-empty columns
    assert all(value != "" for row in rows for value in row.values())
    assert rows[0]["Year typically reached"] == "Now" and rows[0]["Band source"] in ("Article", "Assumption")


def test_projection_csv_of_a_pound_plan_has_us_dollar_columns(user_client, user, make_plan, catalog):
    plan = make_plan(user, title="London", location="london")
    rows = csv_table(user_client.get(reverse("projection_csv", args=[plan.pk])).content.decode())
    rate = catalog.rates["GBP"].usd_per_unit
    first = rows[0]
    assert first["Currency"] == "GBP"
    assert abs(int(first["Base min (USD)"]) - int(first["Base min"]) * rate) <= 50
    assert abs(int(first["Total max (USD)"]) - int(first["Total max"]) * rate) <= 50


def test_projection_csv_of_a_freelancer_has_the_freelance_columns(user_client, user, make_plan):
    plan = make_plan(user, title="Freelance", work_mode="freelance")
    rows = csv_table(user_client.get(reverse("projection_csv", args=[plan.pk])).content.decode())
    last = rows[-1]
    assert last["Track"] == "Freelance" and int(last["Hourly min"]) > 0 and int(last["Billable hours a year"]) > 0
    assert int(last["Base min"]) == int(last["Hourly min"]) * int(last["Billable hours a year"])


def test_file_names_are_readable_and_json_keeps_its_keys(user_client, user, make_plan):
    plan = make_plan(user, title="Ünïcode: «plan» / 2027")
    response = user_client.get(reverse("projection_json", args=[plan.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="careerpath-unicode-plan-2027-projection.json"'
    assert set(response.json()) >= {"plan", "start_year", "currency", "tracks", "notes", "freelance", "your_pay"}


def test_a_bachelors_plan_page_and_json_show_the_research_step_that_cannot_be_taken(user_client, plan):
    """Research needs a PhD or research experience (issue 30): the page shows the step and what it needs, the JSON
    says so in `blocked`, and neither carries a research path with pay."""
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    card = html[html.index('data-role="blocked"') :][:600]
    assert (
        "AI Research Scientist" in card and "cannot be taken" in card and "needs a PhD or research experience" in card
    )
    research = next(
        t
        for t in user_client.get(reverse("projection_json", args=[plan.pk])).json()["tracks"]
        if t["track"] == "research"
    )
    assert research["blocked"]["needs"] == "needs a PhD or research experience"
    assert [s["kind"] for s in research["steps"]] == ["current"]
