"""Comparing two of one's own plans side by side."""

import re

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
    assert "“Bay Area plan” pays $" in html and "more in total pay a year at Director/VP" in html  # pays more


def rows_of(html: str) -> dict[str, tuple[int, str]]:
    """Each step row's role (management track) -> (its total-pay difference, its currency)."""
    found = re.findall(
        r'data-role="([\w-]+)" data-track="management" data-diff-total="(-?\d+)" data-diff-currency="(\w+)"', html
    )
    return {role: (int(diff), cur) for role, diff, cur in found}


def test_what_differs_leads_with_total_pay_and_agrees_with_the_tables(user_client, user, make_plan):
    """Issue 23, finding 1: Finance pays less in total than big tech; the summary leads with that (base second) and
    agrees in direction with the tables."""
    a = make_plan(user, title="Big tech", location="sf-bay-area", industry="technology-faang")
    b = make_plan(user, title="Finance", location="sf-bay-area", industry="finance-fintech")
    html = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk}).content.decode()
    highlights = re.search(r"data-compare-highlights>(.*?)</ul>", html, re.S)[1]
    management = re.search(r"<li>Management track: (.*?)</li>", highlights)[1]
    assert management.startswith("over 10 years “Finance” earns $") and "less in total pay, as paid" in management
    assert "“Finance” pays $" in management and "less in total pay a year at VP (base: $" in management
    director_diff, currency = rows_of(html)["director-vp"]
    assert director_diff < 0 and currency == "USD"  # the table agrees: less total pay
    earnings = re.search(r'data-track="management" data-compare-earnings data-diff-total="(-?\d+)"', html)
    assert int(earnings[1]) < 0
    assert "different currencies" not in html


def test_compare_shows_each_plans_pay_today(user_client, user, make_plan):
    a = make_plan(user, title="Paid", current_base="210000", current_bonus="40000", current_equity="80000")
    b = make_plan(user, title="Unpaid")
    html = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk}).content.decode()
    row = re.search(r"<tr data-pay-today>(.*?)</tr>", html)[1]
    assert "<td>$210,000 base, $330,000 total</td>" in row and "Not given" in row


def test_compare_across_currencies_converts_into_the_first_plans_currency(user_client, user, make_plan, catalog):
    """Issue 23, finding 2: Seattle vs London has a difference on every row, with the rate named."""
    a = make_plan(user, title="Seattle plan")
    b = make_plan(user, title="London plan", location="london")
    html = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk}).content.decode()
    assert "no difference is computed" not in html
    rate = catalog.rates["GBP"].usd_per_unit
    assert f"converted into USD at 1 GBP = {rate:.4g} USD" in html
    assert f"data version {catalog.data_version}" in html
    rows = rows_of(html)
    assert set(rows) >= {"mid", "senior", "team-lead", "director-vp"}
    assert all(diff < 0 and cur == "USD" for diff, cur in rows.values())  # London pays less, in dollars
    assert not re.search(r'<tr data-role="[^"]+" data-track="[^"]+">', html)  # no row without a difference


def test_compare_currency_is_chosen_on_the_page(user_client, user, make_plan):
    london = make_plan(user, title="London plan", location="london")
    seattle = make_plan(user, title="Seattle plan")
    url = reverse("plan_compare")
    first = user_client.get(url, {"a": london.pk, "b": seattle.pk}).content.decode()
    assert 'data-diff-currency="GBP"' in first and 'data-diff-currency="USD"' not in first
    assert '<select name="currency" id="id_currency">' in first and "1 USD = " in first
    dollars = user_client.get(url, {"a": london.pk, "b": seattle.pk, "currency": "USD"}).content.decode()
    assert 'data-diff-currency="USD"' in dollars and 'data-diff-currency="GBP"' not in dollars
    assert "1 GBP = " in dollars
    bogus = user_client.get(url, {"a": london.pk, "b": seattle.pk, "currency": "XYZ"})
    assert bogus.status_code == 200 and 'data-diff-currency="GBP"' in bogus.content.decode()


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
