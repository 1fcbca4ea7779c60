"""The projection as JSON and CSV, matching the figures on the plan page."""

import csv
import io
import re

import pytest
from django.urls import reverse

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
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    roles = [(r["track"], r["role"]) for r in rows]
    assert ("management", "director-vp") in roles and ("research", "research-scientist") in roles
    json_steps = user_client.get(reverse("projection_json", args=[plan.pk])).json()["tracks"]
    first = json_steps[0]["steps"][0]
    assert int(rows[0]["base_min"]) == first["base_min"]


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
    rows = list(
        csv.DictReader(io.StringIO(user_client.get(reverse("projection_csv", args=[plan.pk])).content.decode()))
    )
    assert int(rows[0]["band_min"]) == data["tracks"][0]["steps"][0]["band_min"]
    assert int(rows[0]["percentile_max"]) == data["tracks"][0]["steps"][0]["percentile_max"]
