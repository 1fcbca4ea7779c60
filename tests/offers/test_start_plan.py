"""'Start my plan from this offer' creates a plan (or updates the one the offer is tied to)."""

import pytest

from careerpath.models import Plan

pytestmark = pytest.mark.django_db


def test_starting_a_plan_creates_one_with_the_offers_place_role_and_pay(user_client, offer, user):
    response = user_client.post(f"/offers/{offer.pk}/plan/")
    plan = Plan.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.pk}/edit/"
    assert plan.title == "From the offer: Big Tech"
    assert (plan.current_level.slug, plan.location.slug, plan.industry.slug) == (
        "senior",
        "sf-bay-area",
        "technology-faang",
    )
    assert (plan.current_base, plan.current_bonus) == (238_000, 35_700)
    assert plan.current_equity == 159_000  # the 4-year average of $636k under 5/15/40/40
    offer.refresh_from_db()
    assert offer.plan == plan


def test_starting_again_updates_the_tied_plan(user_client, make_offer, user, plan):
    offer = make_offer(user, plan=plan.pk)
    version = plan.version
    response = user_client.post(f"/offers/{offer.pk}/plan/")
    assert response["Location"] == f"/plans/{plan.pk}/"
    plan.refresh_from_db()
    assert Plan.objects.filter(owner=user).count() == 1
    assert plan.current_base == 238_000
    assert plan.location.slug == "sf-bay-area"
    assert plan.version == version + 1
    assert plan.education.slug == "masters"  # what the offer does not say stays


def test_starting_a_plan_only_answers_post(user_client, offer):
    assert user_client.get(f"/offers/{offer.pk}/plan/").status_code == 405
