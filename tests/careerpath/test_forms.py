"""The profile form (`careerpath/forms.py`) and what it feeds: any role of any track can be held now (grouped by
track), pay is checked against the band in the location's currency, and the export says each step's kind and
provenance and your pay's currency."""

import re
from html import unescape

import pytest
from django.urls import reverse

from careerpath.forms import ProfileForm
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

QUERY = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}


def form(catalog, **changes) -> ProfileForm:
    bound = ProfileForm({**QUERY, **changes}, catalog=catalog)
    bound.is_valid()
    return bound


def test_the_current_level_accepts_a_role_of_any_track(catalog):
    for slug in ("team-lead", "director-vp", "vp-ml", "research-scientist", "staff-research-scientist"):
        bound = form(catalog, current_level=slug, years_experience="12")
        assert bound.is_valid(), (slug, bound.errors)
        assert bound.profile().current_level == slug


def test_the_level_select_is_grouped_by_track(client):
    html = unescape(client.get(reverse("home")).content.decode())
    select = re.search(r'<select name="current_level".*?</select>', html, re.S)[0]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert groups == ["Individual contributor", "Management", "Research"]
    assert 'value="research-scientist"' in select and 'value="vp-ml"' in select


def test_the_pay_fields_show_the_currency_of_the_chosen_location(catalog):
    london = form(catalog, location="london")
    assert london.fields["current_base"].label == "Base pay now (£)"
    assert "GBP" in london.fields["current_base"].help_text and "London" in london.fields["current_base"].help_text
    assert form(catalog, location="bangalore").fields["current_equity"].label.endswith("(₹)")
    assert "₹ for Bangalore" not in form(catalog, location="seattle").fields["current_base"].help_text


def test_a_monthly_base_is_refused_naming_the_band_and_currency(catalog):
    message = form(catalog, location="london", current_base="6000").errors["current_base"][0]
    assert "Mid-level ML Engineer band in London" in message and "GBP" in message
    assert "Figures are yearly: is this a monthly amount?" in message
    assert "current_base" in form(catalog, current_base="1").errors


def test_a_base_far_above_the_band_is_refused(catalog):
    message = form(catalog, current_base="1500000").errors["current_base"][0]
    assert "far above" in message and "USD" in message


def test_a_real_base_below_or_above_the_band_is_accepted(catalog):
    assert form(catalog, current_base="90000").is_valid()
    assert form(catalog, current_base="400000").is_valid()


def test_bonus_and_equity_far_above_the_base_are_refused(catalog):
    assert (
        "10 times your base"
        in form(catalog, current_base="150000", current_equity="1600000").errors["current_equity"][0]
    )
    assert "current_bonus" in form(catalog, current_base="150000", current_bonus="400000").errors
    assert form(catalog, current_base="150000", current_bonus="30000", current_equity="200000").is_valid()


def test_the_export_gives_each_step_its_kind_and_provenance_and_your_pays_currency(user_client, make_plan, user):
    plan = make_plan(
        user, location="london", current_level="lead-principal", years_experience="10", current_base="120000"
    )
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    assert data["your_pay"]["currency"] == "GBP"
    management = next(t for t in data["tracks"] if t["track"] == "management")["steps"]
    assert [(s["kind"], s["provenance"]) for s in management[:2]] == [("current", "yours"), ("lateral", "assumption")]
    assert all(s["kind"] == "promotion" for s in management[2:])


def test_a_freelancer_with_us_clients_is_exported_in_us_dollars(user_client, make_plan, user):
    plan = make_plan(user, location="bangalore", work_mode="freelance", client_market="us")
    assert plan.client_market == "us"
    freelance = user_client.get(reverse("projection_json", args=[plan.pk])).json()["freelance"]
    assert (freelance["client_market"], freelance["currency"]) == ("us", "USD")
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "from US clients, about ₹" in html
