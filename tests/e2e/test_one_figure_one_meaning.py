"""One figure, one meaning, on every page: compare that decides, "Your pay" badges, one figure one
meaning, the data-change notice, My plans with figures, exports. Each page is looked at on a phone
(360 px) and a desktop (1280 px), in the light and the dark colour scheme, with axe and the HTML check
(`checked`), and its behaviour is asserted at both widths.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.builders import change_band
from tests.factories import csv_table

from .conftest import DESKTOP, PHONE
from .pages import show_earnings

pytestmark = pytest.mark.e2e

PAID = {"current_base": "210000", "current_bonus": "40000", "current_equity": "80000"}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


def fits(page: Page, selector: str) -> list[str]:
    """The texts of `selector` whose box runs past the right edge of the window."""
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.textContent)",
    )


def test_compare_finance_against_big_tech_agrees_with_itself(page, checked, log_in_as, make_plan, user):
    """Findings 1 and 2: total pay first, base second; summary and table point the same way."""
    a = make_plan(user, title="Big tech", location="sf-bay-area", industry="technology-faang", **PAID)
    b = make_plan(user, title="Finance", location="sf-bay-area", industry="finance-fintech")
    log_in_as(page.context, user)
    page.goto(f"/plans/compare/?a={a.pk}&b={b.pk}")
    checked(page, "v3-compare-industry", "Compare plans · CareerPath")
    for size in WIDTHS.values():
        page.set_viewport_size(size)
        management = page.locator(".compare-highlights li", has_text="Management track")
        expect(management).to_contain_text(re.compile(r"over 10 years “Finance” earns \$[\d,]+ less in total pay"))
        expect(management).to_contain_text(re.compile(r"less in total pay a year at VP \(base: \$[\d,]+"))
        director = page.locator('.compare-steps tr[data-role="director-vp"][data-track="management"]')
        assert int(director.get_attribute("data-diff-total")) < 0
        expect(director).to_have_attribute("data-diff-currency", "USD")
        expect(page.locator("tr[data-pay-today]")).to_contain_text("$210,000 base, $330,000 total")
        assert not fits(page, ".compare-steps td, .compare-earnings td"), "a compare cell runs off the screen"


def test_compare_seattle_and_london_in_one_currency(page, checked, log_in_as, make_plan, user):
    seattle = make_plan(user, title="Seattle")
    london = make_plan(user, title="London", location="london")
    log_in_as(page.context, user)
    page.goto(f"/plans/compare/?a={london.pk}&b={seattle.pk}")
    expect(page.locator("[data-compare-rates]")).to_contain_text("converted into GBP at 1 USD = ")
    expect(page.locator("main")).not_to_contain_text("no difference is computed")
    page.get_by_label("Show both plans in").select_option("USD")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page).to_have_url(re.compile(r"currency=USD"))
    checked(page, "v3-compare-currency", "Compare plans · CareerPath")
    rows = page.locator(".compare-steps tbody tr")
    assert rows.count() >= 8
    for i in range(rows.count()):
        expect(rows.nth(i)).to_have_attribute("data-diff-currency", "USD")
        assert int(rows.nth(i).get_attribute("data-diff-total")) > 0  # Seattle pays more than London
    expect(page.locator("[data-compare-rates]")).to_contain_text(re.compile(r"1 GBP = [\d.]+ USD .*data version \d+"))
    page.set_viewport_size(PHONE)
    height = page.evaluate("() => document.querySelector('.compare-steps').getBoundingClientRect().height")
    assert height < 5000, f"the step table is {height} px tall on a phone"  # 13 roles on three ladders


def test_plan_page_badges_your_pay_and_says_base_or_total_and_its_money(page, checked, log_in_as, make_plan, user):
    """Findings 3, 4 and 5: the typed pay is "Your pay"; every figure says base/total and its money."""
    plan = make_plan(user, title="Paid plan", **PAID)
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    checked(page, "v3-plan-as-paid", "Paid plan · CareerPath")
    for size in WIDTHS.values():
        page.set_viewport_size(size)
        now = page.locator('#projection [data-track="management"] li.step[data-role="mid"]')
        expect(now.locator('[data-source="yours"]')).to_have_count(2)
        expect(now.locator(".badge")).to_have_text(["Your pay", "Your pay"])
        summary = page.locator("[data-summary]")
        expect(summary).to_contain_text(re.compile(r"base a year, as paid in \d{4}"))
        expect(summary).to_contain_text("Your pay now: $210,000 base ($330,000 total)")
        director = page.locator('#projection [data-track="management"] li.step[data-role="director-vp"]')
        expect(director).to_contain_text(re.compile(r"typically \d{4}"))  # said once (issue 32)
        expect(director).to_contain_text("base, as paid that year")
        expect(director.locator(".today")).to_contain_text("In today’s money: ")  # behind "More about this step"
        expect(page.locator("#projection [data-axis-title]").first).to_have_text(
            "Total pay and base pay a year, as paid in the year each step is reached (USD), by year"
        )
        show_earnings(page)
        expect(page.locator("#projection [data-axis-title]").last).to_contain_text("Total pay so far")

    page.goto(f"/plans/{plan.pk}/?money=real")
    checked(page, "v3-plan-todays-money", "Paid plan · CareerPath")
    director = page.locator('#projection [data-track="management"] li.step[data-role="director-vp"]')
    expect(director.locator(".pay")).to_contain_text("base, today’s money")
    expect(page.locator("#projection [data-axis-title]").first).to_contain_text(
        "Total pay and base pay a year, today’s money"
    )


def test_what_if_shows_next_step_base_and_horizon_total(page, checked):
    page.goto("/")
    page.locator("#projection .options").scroll_into_view_if_needed()
    items = page.locator("#projection .what-if li")
    expect(items.first).to_be_visible()
    for text in items.all_inner_texts():
        assert re.search(r"base a year at your next step, .+ \(today’s money\); [+−]?\$?[\d,]+.* total pay over", text)


def test_my_plans_and_the_notice_say_where_your_pay_sits(page, checked, log_in_as, make_plan, user):
    """Findings 9 and 10: My plans shows next step, pay and percentile; the notice, the position's move."""
    plan = make_plan(user, title="Seattle plan", location="seattle", current_base="160000")
    make_plan(user, title="London plan", location="london")
    change_band("location-london", "London/Berlin import", min_amount=62000, max_amount=97000)
    change_band("location-seattle", "2026 survey: Seattle", min_amount=150000, max_amount=200000)
    log_in_as(page.context, user)
    page.goto("/plans/")
    checked(page, "v3-my-plans", "My plans · CareerPath")
    for size in WIDTHS.values():
        page.set_viewport_size(size)
        summary = page.locator(f'tr[data-plan="{plan.pk}"] [data-plan-summary]')
        expect(summary).to_contain_text(re.compile(r"Senior ML Engineer, typically in \d{4}"))
        where = r"Your base: (\d+(st|nd|rd|th) percentile of|below|above) your level"
        expect(summary).to_contain_text(re.compile(where))
        assert not fits(page, "[data-plan-summary]")
    page.goto(f"/plans/{plan.pk}/")
    notice = page.locator("[data-data-change]")
    expect(notice).to_contain_text("Your base pay, $160,000, was at the")
    expect(notice).to_contain_text("2026 survey: Seattle")
    expect(notice).not_to_contain_text("London")
    checked(page, "v3-notice", "Seattle plan · CareerPath")


def test_projection_csv_reads_as_a_spreadsheet(page, log_in_as, make_plan, user):
    plan = make_plan(user, title="London plan", location="london")
    log_in_as(page.context, user)
    response = page.request.get(f"/plans/{plan.pk}/projection.csv")
    assert 'filename="careerpath-london-plan-projection.csv"' in response.headers["content-disposition"]
    rows = csv_table(response.text())
    assert {"Track", "Role", "Base min (USD)"} <= set(rows[0]) and "Hourly min" not in rows[0]
    earnings = csv_table(page.request.get(f"/plans/{plan.pk}/earnings.csv").text())
    assert list(earnings[0])[:3] == ["Year", "Individual contributor: role", "Individual contributor: base"]
