"""Offers are private: every other user gets a 404 on every offer URL, and share links never show them."""

import pytest
from django.test import Client

from offers.models import Offer
from tests.factories import PASSWORD

from .conftest import offer_post

pytestmark = pytest.mark.django_db


def _urls(offer_id: int) -> list[str]:
    return [
        f"/offers/{offer_id}/",
        f"/offers/{offer_id}/edit/",
        f"/offers/{offer_id}/delete/",
        f"/offers/{offer_id}/offer.json",
        f"/offers/{offer_id}/offer.csv",
        f"/offers/compare/?ids={offer_id}",
        f"/offers/{offer_id}/plan/",
    ]


@pytest.mark.parametrize("index", range(7))
def test_other_user_gets_404_on_every_offer_url(client, offer, other_user, index):
    client.force_login(other_user)
    assert client.get(_urls(offer.pk)[index]).status_code == 404


def test_other_user_gets_404_on_every_write(client, offer, other_user):
    client.force_login(other_user)
    assert client.post(f"/offers/{offer.pk}/edit/", offer_post(company="Mallory Inc")).status_code == 404
    assert client.post(f"/offers/{offer.pk}/delete/").status_code == 404
    assert client.post(f"/offers/{offer.pk}/plan/").status_code == 404
    assert (
        client.post(f"/offers/{offer.pk}/plan/", {"years_experience": "3", "education": "masters"}).status_code == 404
    )
    assert client.post(f"/offers/{offer.pk}/counter-seen/").status_code == 404
    offer.refresh_from_db()
    assert offer.company == "Big Tech"
    assert offer.plan is None


def test_other_user_gets_404_comparing_with_someone_elses_offer(client, make_offer, user, other_user):
    mine = make_offer(other_user, company="Mine")
    theirs = make_offer(user)
    client.force_login(other_user)
    assert client.get(f"/offers/compare/?ids={mine.pk}&ids={theirs.pk}").status_code == 404


def test_comparing_beside_someone_elses_plan_is_a_404(user_client, offer, make_plan, other_user):
    theirs = make_plan(other_user, current_base="100000")
    assert user_client.get(f"/offers/compare/?ids={offer.pk}&plan={theirs.pk}").status_code == 404


def test_an_unknown_offer_is_a_404(user_client):
    assert user_client.get("/offers/999999/").status_code == 404


def test_offers_never_appear_on_a_share_link(user_client, make_offer, user, plan):
    make_offer(user, company="Secret Startup", plan=plan.pk)
    user_client.post(f"/plans/{plan.pk}/share/", {"show_pay": "on"})
    token = plan.share_links.get().token
    visitor = Client()
    for suffix in ("", "projection.json", "projection.csv", "earnings.csv"):
        url = f"/s/{token}/{suffix}"
        response = visitor.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Secret Startup" not in body
        assert "636,000" not in body
        assert "/offers/" not in body


def test_deleting_the_account_deletes_its_offers(user_client, offer, user):
    response = user_client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_a_share_link_without_pay_hides_the_offers_years_of_a_plan_started_from_it(user_client, offer, user):
    from careerpath.models import Plan

    user_client.post(f"/offers/{offer.pk}/plan/", {"years_experience": "7", "education": "masters"})
    plan = Plan.objects.get(owner=user)
    user_client.post(f"/plans/{plan.pk}/share/", {})
    token = plan.share_links.get().token
    body = Client().get(f"/s/{token}/earnings.csv").content.decode()
    assert "305500" not in body and "305,500" not in body  # the offer's year 1 as paid
    assert "the offer from Big Tech" not in Client().get(f"/s/{token}/").content.decode()
