"""The offer pages take a fixed number of queries, however many offers there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # the catalog snapshot is built once per process, not per request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_takes_the_same_queries_for_one_offer_or_many(user_client, make_offer, user):
    make_offer(user)
    one = _queries(user_client, "/offers/")
    for n in range(5):
        make_offer(user, company=f"Co {n}")
    assert _queries(user_client, "/offers/") == one


def test_the_offer_page_takes_four_queries(user_client, make_offer, user, plan):
    offer = make_offer(user, plan=plan.pk)
    # Session, user, the catalog's version, the offer with its plan.
    assert _queries(user_client, f"/offers/{offer.pk}/") == 4


def test_the_start_a_plan_page_and_compare_take_the_same_queries_for_one_plan_or_many(
    user_client, make_offer, make_plan, user
):
    offer = make_offer(user)
    plan = make_plan(user, current_base="150000")
    start = _queries(user_client, f"/offers/{offer.pk}/plan/")
    compare = _queries(user_client, f"/offers/compare/?ids={offer.pk}&plan={plan.pk}")
    for n in range(4):
        make_plan(user, title=f"Plan {n}")
    assert _queries(user_client, f"/offers/{offer.pk}/plan/") == start
    assert _queries(user_client, f"/offers/compare/?ids={offer.pk}&plan={plan.pk}") == compare
