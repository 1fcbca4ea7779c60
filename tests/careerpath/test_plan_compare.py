"""Comparing two of one's own plans side by side."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_compare_shows_both_plans_step_by_step_with_differences(user_client, user, make_plan):
    a = make_plan(user, title="Seattle plan")
    b = make_plan(user, title="Bay Area plan", location="sf-bay-area")
    response = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Seattle plan" in html and "Bay Area plan" in html
    assert 'class="differs">San Francisco Bay Area' in html
    assert 'data-role="director-vp" data-track="management"' in html
    assert "“Bay Area plan” pays $" in html and "more at Director/VP" in html  # the Bay Area pays more


def test_compare_across_currencies_computes_no_difference(user_client, user, make_plan):
    a = make_plan(user, title="Seattle plan")
    b = make_plan(user, title="London plan", location="london")
    html = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk}).content.decode()
    assert "different currencies: USD and GBP" in html


def test_compare_without_choice_offers_a_picker(user_client, user, make_plan):
    make_plan(user, title="One")
    make_plan(user, title="Two")
    html = user_client.get(reverse("plan_compare")).content.decode()
    assert '<select name="a"' in html and "Two" in html


def test_compare_with_someone_elses_plan_is_404(user_client, user, other_user, make_plan):
    mine = make_plan(user)
    theirs = make_plan(other_user)
    assert user_client.get(reverse("plan_compare"), {"a": mine.pk, "b": theirs.pk}).status_code == 404
    assert user_client.get(reverse("plan_compare"), {"a": mine.pk, "b": "x"}).status_code == 404


def test_compare_needs_login(client, plan):
    response = client.get(reverse("plan_compare"), {"a": plan.pk, "b": plan.pk})
    assert response.status_code == 302 and reverse("account_login") in response.url
