"""Reads of plans and share links (`careerpath/selectors.py`): owner-only, pay only where allowed."""

import pytest
from django.http import Http404
from django.utils import timezone

from careerpath import selectors
from tests.factories import ShareLinkFactory

pytestmark = pytest.mark.django_db

YEAR = 2026


def test_own_plan_is_the_owners_and_does_not_exist_for_anyone_else(make_plan, user, other_user):
    plan = make_plan(user)
    assert selectors.own_plan(user, plan.pk) == plan
    with pytest.raises(Http404):
        selectors.own_plan(other_user, plan.pk)


def test_plan_values_are_the_saved_inputs(catalog, make_plan, user):
    plan = make_plan(user, location="london", current_base="90000")
    values = selectors.plan_values(plan, catalog)
    assert values["location"] == "london"
    assert values["current_base"] == 90000


def test_a_plan_page_lists_only_the_owners_plans_with_their_inputs_named(catalog, make_plan, user, other_user):
    mine = [make_plan(user, title=f"Mine {n}") for n in range(3)]
    make_plan(other_user, title="Not mine")
    page, rows = selectors.plan_page(user, 1, catalog, YEAR)
    assert {row["plan"].pk for row in rows} == {plan.pk for plan in mine}
    assert page.paginator.count == 3
    assert {row["location"] for row in rows} == {catalog.locations["seattle"].name}


def test_a_plan_page_holds_at_most_a_page_of_plans(catalog, make_plan, user):
    for n in range(selectors.PLANS_PER_PAGE + 1):
        make_plan(user, title=f"Plan {n}")
    page, rows = selectors.plan_page(user, 2, catalog, YEAR)
    assert page.number == 2
    assert len(rows) == 1


def test_a_share_link_without_pay_shows_the_plan_without_its_pay(catalog, make_plan, user):
    link = ShareLinkFactory(plan=make_plan(user, current_base="180000"), show_pay=False)
    found, values = selectors.shared_plan(link.token, catalog)
    assert found == link
    assert values["current_base"] is None
    assert values["location"] == "seattle"


def test_a_share_link_with_pay_allowed_shows_the_pay(catalog, make_plan, user):
    link = ShareLinkFactory(plan=make_plan(user, current_base="180000"), show_pay=True)
    _, values = selectors.shared_plan(link.token, catalog)
    assert values["current_base"] == 180000


def test_a_revoked_share_link_does_not_exist(catalog, make_plan, user):
    link = ShareLinkFactory(plan=make_plan(user), revoked=timezone.now())
    with pytest.raises(Http404):
        selectors.shared_plan(link.token, catalog)


def test_compare_sides_project_both_plans_over_the_longer_horizon(catalog, make_plan, user):
    short, long = make_plan(user, horizon_years="5"), make_plan(user, horizon_years="20")
    sides = selectors.compare_sides([short, long], catalog, YEAR)
    assert [side["plan"] for side in sides] == [short, long]
    assert {side["initial"]["horizon_years"] for side in sides} == {20}
