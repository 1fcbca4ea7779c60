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


def test_the_current_job_column_is_the_plans_own_earnings_as_its_page_shows_them(user_client, offer, plan):
    from careerpath.profiles import profile_from_values
    from careerpath.selectors import plan_values
    from compensation.catalog import get_catalog
    from engine.options import focus_track
    from engine.projection import project

    catalog = get_catalog()
    response = user_client.get(f"/offers/compare/?ids={offer.pk}&plan={plan.pk}")
    projection = project(profile_from_values(plan_values(plan, catalog)), catalog, response.context["c"]["year"])
    earnings = [round(e.total) for e in focus_track(projection).earnings[:5]]
    rate = catalog.rates["USD"].usd_per_unit / catalog.rates[projection.currency].usd_per_unit
    column = response.context["c"]["columns"][1]
    assert column.label == "Current job (Move to management)"
    assert list(column.totals) == [round(e * rate) for e in earnings]
    assert "its own earnings as paid" in response.content.decode()


def test_compare_switches_currency_and_shows_each_amount_in_its_own_too(user_client, make_offer, user):
    sf = make_offer(user, company="SF Co")
    london = make_offer(user, company="London Co", location="london", base=120_000, equity_grant=100_000)
    url = f"/offers/compare/?ids={sf.pk}&ids={london.pk}"
    assert user_client.get(url).context["c"]["currency"] == "USD"
    response = user_client.get(url + "&currency=GBP")
    c = response.context["c"]
    assert c["currency"] == "GBP"
    html = response.content.decode()
    assert "£120,000" in html  # London's base, in its own currency
    year1 = c["rows"][0]["cells"][0]
    assert (year1["own"], year1["own_currency"]) == (305_500, "USD")  # SF's year 1, also in dollars
    base = next(row for row in c["components"] if row["name"] == "base")
    assert base["cells"][1]["year1"] == 120_000
    assert base["cells"][0]["own"][0] == 238_000 and base["cells"][0]["year1"] == round(238_000 / 1.27)
    assert user_client.get(url + "&currency=XYZ").status_code == 400


def test_compare_explains_parts_cliff_forfeits_band_and_draws_one_chart(user_client, make_offer, user):
    a = make_offer(user, company="Steady Co", vesting="front-33-33-22-12", cliff_months=0)
    b = make_offer(user, company="Amazonish", equity_grant=700_000)
    response = user_client.get(f"/offers/compare/?ids={a.pk}&ids={b.pk}")
    html = response.content.decode()
    c = response.context["c"]
    assert [row["label"] for row in c["components"]] == [
        "Base",
        "Target bonus",
        "Sign-on",
        "Initial grant vesting",
        "Total",
        "Guaranteed (base and sign-on)",
        "At risk (bonus and equity)",
    ]
    assert html.count('role="img"') == 1  # one chart
    assert {bar["series"] for bar in c["chart"]["bars"]} == {0, 1}
    ticks = c["chart"]["ticks"]
    assert all(bar["height"] <= ticks[0]["y"] - ticks[-1]["y"] for bar in c["chart"]["bars"])  # one scale
    assert 'data-part="cliff"' in html and "12 months" in html and "none" in html
    assert "Leave after 1 year: given up" in html
    assert c["details"][1]["leave_12"] == 700_000 - 35_000  # 5 % of the grant vested at the cliff
    assert "percentile of the band" in html or "the band" in html


def test_compare_says_why_the_leader_leads(user_client, make_offer, user):
    a = make_offer(user, company="Cash Co", base=260_000, equity_grant=100_000, vesting="even-4y-cliff-1y")
    b = make_offer(user, company="Stock Co", equity_grant=900_000, vesting="even-4y-cliff-1y")
    html = user_client.get(f"/offers/compare/?ids={a.pk}&ids={b.pk}").content.decode()
    assert (
        "Most of the difference is the initial grant: $225,000 a year on average at Stock Co, $25,000 at Cash Co."
        in html
    )
    assert "Guaranteed (base and sign-on):" in html
