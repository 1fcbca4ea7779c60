"""The public survey beside every band (issue 30): in "Why this figure", in projection.json and on the
methodology page, with its source, year, count, median, middle half and a word for how far to trust it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SENIOR_IN_SEATTLE = {
    "current_level": "senior",
    "years_experience": "7",
    "location": "seattle",
    "industry": "all-industries",
    "company_type": "large",
    "education": "masters",
    "work_mode": "onsite",
}


def test_why_this_figure_shows_the_survey_for_the_role_in_the_country(client):
    html = client.get(reverse("explain"), {**SENIOR_IN_SEATTLE, "figure": "ic/senior"}).content.decode()
    assert "data-evidence" in html
    assert "aijobs.net salary survey" in html and "2024" in html
    assert "answers for Senior ML Engineer in the US; median $200,000; middle half $158,500 – $254,000" in html
    assert "strong evidence" in html


def test_a_role_without_enough_answers_shows_no_evidence(client):
    html = client.get(reverse("explain"), {**SENIOR_IN_SEATTLE, "figure": "ic/principal"}).content.decode()
    assert "data-evidence" not in html


def test_projection_json_steps_carry_the_evidence_or_null(user_client, make_plan, user):
    plan = make_plan(user, current_level="senior", years_experience=7, location="seattle")
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    ic = next(t for t in data["tracks"] if t["track"] == "ic")
    senior, principal = ic["steps"][0], next(s for s in ic["steps"] if s["role"] == "principal")
    assert senior["evidence"]["source"].startswith("aijobs.net salary survey")
    assert senior["evidence"]["years"] == "2024" and senior["evidence"]["currency"] == "USD"
    assert senior["evidence"]["n"] > 2000 and senior["evidence"]["p50"] == 200000
    assert senior["evidence"]["p25"] < senior["evidence"]["p50"] < senior["evidence"]["p75"]
    assert principal["evidence"] is None


def test_the_methodology_page_describes_the_survey_and_lists_its_cells(client):
    html = client.get(reverse("methodology")).content.decode()
    assert 'id="survey"' in html and "CC0" in html and "2025-01-19" in html
    assert 'id="survey-us-senior"' in html and 'id="survey-de-senior"' in html  # thin cells are listed too
    assert "(thin)" in html and "(strong)" in html and "not compared: too few answers" in html
    assert "12 of 12 cells within" in html
    # The order of the tracks, country by country (issue 30): the survey's ratio where it has both cells.
    assert "The order of the tracks</strong> (which one earns most over the years), country by country" in html
    us = html[html.index('data-country="US"') :].split("</li>")[0]
    assert "Senior Research Scientist earns 0.81 times a Senior ML Engineer in the survey" in us
    london = html[html.index('data-country="GB"') :].split("</li>")[0]
    assert "the order of the tracks comes from the article and assumptions" in london


def test_an_edited_band_keeps_the_articles_sentence_beside_its_note(client):
    html = client.get(reverse("methodology")).content.decode()
    row = html[html.index('id="band-role-entry"') :][:1500]
    assert "Edited" in row and "aijobs.net salary survey" in row
    assert "Entry-level (0-2 years): $90,000 – $120,000" in row
