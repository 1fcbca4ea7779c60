"""'Start a plan from this offer' makes a new salaried plan whose first years are the offer's, and overwrites
nothing: updating one of the person's plans is a choice made on a page that shows each change first."""

import re

import pytest
from django.core import serializers

from careerpath.models import Plan
from careerpath.profiles import profile_from_values
from careerpath.selectors import plan_values
from compensation.catalog import get_catalog
from engine.projection import project

pytestmark = pytest.mark.django_db

PERSON = {"years_experience": "7", "education": "masters"}


def _snapshot(plans) -> str:
    return serializers.serialize("json", Plan.objects.filter(pk__in=[p.pk for p in plans]).order_by("pk"))


def test_the_start_page_asks_for_years_and_degree_and_defaults_to_a_new_plan(user_client, offer, plan):
    html = user_client.get(f"/offers/{offer.pk}/plan/").content.decode()
    assert "Years of experience" in html
    assert "Highest degree" in html
    assert "A new plan (your other plans stay as they are)" in html
    [new_plan] = re.findall(r'<input type="radio" name="update" value=""[^>]*>', html)
    assert "checked" in new_plan


def test_a_salaried_offer_makes_a_new_salaried_plan_and_leaves_every_other_plan_byte_identical(
    user_client, make_offer, make_plan, user
):
    freelance = make_plan(user, title="Freelance", work_mode="freelance")
    current = make_plan(user, title="Current job SF", location="sf-bay-area", current_base="180000")
    offer = make_offer(user, plan=current.pk)
    before = _snapshot([freelance, current])

    response = user_client.post(f"/offers/{offer.pk}/plan/", PERSON)

    plan = Plan.objects.exclude(pk__in=[freelance.pk, current.pk]).get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.pk}/"
    assert _snapshot([freelance, current]) == before
    assert plan.work_mode == "onsite"
    assert plan.years_experience == 7
    assert plan.education.slug == "masters"
    assert (plan.current_level.slug, plan.location.slug, plan.industry.slug, plan.company_type.slug) == (
        "senior",
        "sf-bay-area",
        "technology-faang",
        "large",
    )
    assert (plan.current_base, plan.current_bonus, plan.current_equity) == (238_000, 35_700, 159_000)
    offer.refresh_from_db()
    assert offer.plan == plan


def test_the_new_plans_first_four_years_equal_the_offers_totals_as_paid(user_client, make_offer, user):
    offer = make_offer(user, sign_on_year1=60_000, sign_on_year2=40_000)
    user_client.post(f"/offers/{offer.pk}/plan/", PERSON)
    plan = Plan.objects.get(owner=user)
    catalog = get_catalog()
    offer_totals = [y.total for y in user_client.get(f"/offers/{offer.pk}/").context["figures"].years[:4]]
    projection = project(profile_from_values(plan_values(plan, catalog)), catalog, 2026)
    for track in projection.tracks:
        assert [round(e.total) for e in track.earnings[:4]] == offer_totals
    page = user_client.get(f"/plans/{plan.pk}/")
    assert page.status_code == 200
    assert "The first 4 years of earnings are the offer from Big Tech’s totals as paid (USD)" in page.content.decode()


def test_updating_a_plan_shows_each_change_before_after_and_saves_only_when_confirmed(
    user_client, make_offer, make_plan, user
):
    current = make_plan(user, title="Current job SF", current_base="180000")
    offer = make_offer(user)
    before = _snapshot([current])

    shown = user_client.post(f"/offers/{offer.pk}/plan/", {**PERSON, "update": current.pk})
    html = shown.content.decode()
    assert shown.status_code == 200
    assert _snapshot([current]) == before  # nothing saved yet
    assert "What changes in “Current job SF”" in html
    assert "Seattle" in html and "San Francisco Bay Area" in html
    assert "$180,000" in html and "$238,000" in html

    response = user_client.post(
        f"/offers/{offer.pk}/plan/", {**PERSON, "update": current.pk, "version": current.version, "confirm": "on"}
    )
    assert response.status_code == 302
    current.refresh_from_db()
    assert current.current_base == 238_000
    assert current.location.slug == "sf-bay-area"
    assert Plan.objects.filter(owner=user).count() == 1


def test_a_plan_of_someone_else_cannot_be_updated(user_client, make_offer, make_plan, user, other_user):
    theirs = make_plan(other_user)
    offer = make_offer(user)
    response = user_client.post(f"/offers/{offer.pk}/plan/", {**PERSON, "update": theirs.pk})
    assert response.status_code == 400
    assert "Choose one of your plans, or a new plan." in response.content.decode()


def test_years_of_experience_are_required(user_client, offer):
    response = user_client.post(f"/offers/{offer.pk}/plan/", {"education": "masters"})
    assert response.status_code == 400
    assert "Enter your years of experience." in response.content.decode()
    assert not Plan.objects.exists()


def test_updating_a_plan_keeps_its_years_and_degree_unless_given(user_client, make_offer, make_plan, user):
    current = make_plan(user, title="Current job SF", years_experience="9", education="phd")
    offer = make_offer(user)
    data = {"update": current.pk, "version": current.version, "confirm": "on"}
    assert user_client.post(f"/offers/{offer.pk}/plan/", data).status_code == 302
    current.refresh_from_db()
    assert (current.years_experience, current.education.slug) == (9, "phd")


def test_an_update_confirmed_from_a_stale_page_saves_nothing_and_shows_the_changes_again(
    user_client, make_offer, make_plan, user
):
    current = make_plan(user, title="Current job SF", current_base="180000")
    offer = make_offer(user)
    data = {**PERSON, "update": current.pk, "version": current.version - 1, "confirm": "on"}
    response = user_client.post(f"/offers/{offer.pk}/plan/", data)
    assert response.status_code == 409
    assert "was saved elsewhere since" in response.content.decode()
    current.refresh_from_db()
    assert current.current_base == 180_000
