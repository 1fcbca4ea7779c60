"""Comparing up to four offers, with the current job from a plan, in one currency."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_compare_page_offers_the_owners_offers(user_client, make_offer, user):
    make_offer(user, company="Steady Co")
    make_offer(user, company="Amazonish")
    html = user_client.get("/offers/compare/").content.decode()
    assert "Steady Co" in html
    assert "Amazonish" in html


def test_two_offers_side_by_side_with_the_leader_each_year(user_client, make_offer, user):
    steady = make_offer(user, company="Steady Co", vesting="front-33-33-22-12", cliff_months=0)
    back = make_offer(user, company="Amazonish", equity_grant=700_000)
    response = user_client.get(f"/offers/compare/?ids={steady.pk}&ids={back.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "All figures in USD" in html
    rows = response.context["c"]["rows"]
    assert [row["leaders"] for row in rows] == [
        ("Steady Co",),
        ("Steady Co",),
        ("Amazonish",),
        ("Amazonish",),
        ("Steady Co", "Amazonish"),  # year 5: both grants have vested, the same cash
    ]
    assert "Amazonish starts behind Steady Co but has paid more in total by the end of year 4." in html


def test_a_plans_pay_today_is_a_column_and_other_currencies_are_converted_at_a_named_rate(
    user_client, make_offer, make_plan, user
):
    first = make_offer(user, company="SF Co")
    london = make_offer(user, company="London Co", location="london", base=120_000, equity_grant=100_000)
    plan = make_plan(user, current_base="150000", current_bonus="10000", current_equity="20000")
    response = user_client.get(f"/offers/compare/?ids={first.pk}&ids={london.pk}&plan={plan.pk}")
    html = response.content.decode()
    assert "1 GBP = 1.2700 USD" in html
    assert "Current job (Move to management)" in html
    london_year1 = response.context["c"]["columns"][1].totals[0]
    assert london_year1 > 120_000 * 1.27  # base, bonus and equity, in US dollars


def test_more_than_four_offers_is_refused_with_a_message(user_client, make_offer, user):
    ids = [make_offer(user, company=f"Co {n}").pk for n in range(5)]
    response = user_client.get("/offers/compare/?" + "&".join(f"ids={pk}" for pk in ids))
    assert response.status_code == 400
    assert "Compare at most 4 offers at a time." in response.content.decode()


def test_a_plan_without_pay_has_no_column_and_says_why(user_client, offer, plan):
    html = user_client.get(f"/offers/compare/?ids={offer.pk}&plan={plan.pk}").content.decode()
    assert "gives no pay today, so it has no column" in html


def test_offer_charts_compared_side_by_side_share_one_scale(user_client, make_offer, user):
    """Issue 32, item 8: each chart used to pick its own top, so a smaller offer looked as tall."""
    import re

    small = make_offer(user, company="Small Co", base=120_000, equity_grant=0)
    large = make_offer(user, company="Large Co", base=238_000, equity_grant=636_000)
    html = user_client.get(f"/offers/compare/?ids={small.pk}&ids={large.pk}").content.decode()

    block = re.search(r"<div class=\"offer-charts\" data-shared-scale>(.*?)</div>", html, re.S).group(1)
    charts = re.findall(r"<svg.*?</svg>", block, re.S)
    assert len(charts) == 2
    tops = [re.findall(r'text-anchor="end"[^>]*>([^<]+)</text>', chart)[-1] for chart in charts]
    assert tops[0] == tops[1], tops  # the same axis labels
    heights = [max(float(h) for h in re.findall(r'height="([\d.]+)"', chart.split("</desc>")[1])) for chart in charts]
    assert heights[0] < heights[1]  # the smaller offer's bars are shorter on the shared scale
