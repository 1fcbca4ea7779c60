"""Journey: add an offer (a refused custom schedule first), read it, add another, compare both beside a plan's
pay today, and start a plan from an offer. Every page at phone and desktop widths, light and dark."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


def fill_offer(page: Page, **values: str) -> None:
    """Fill fields by their label (Django writes "Company:")."""
    for label, value in values.items():
        field = page.get_by_label(f"{label}:", exact=True)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def test_create_view_compare_and_start_a_plan_from_an_offer(page, checked, log_in_as, make_plan, user, browser_errors):
    browser_errors.allow(r"status of 400 \(Bad Request\) \(http://[^)]*/offers/new/\)")  # the refused form
    make_plan(user, title="Where I am", current_base="180000", current_bonus="15000", current_equity="30000")
    log_in_as(page.context, user)
    start = (timezone.localdate() + datetime.timedelta(days=45)).isoformat()

    page.goto("/offers/")
    checked(page, "offers-empty", "My offers · CareerPath")
    page.get_by_role("button", name="New offer").click()
    checked(page, "offer-new", "New offer · CareerPath")

    fill_offer(
        page,
        **{
            "Company": "Big Tech",
            "Level": "Senior ML Engineer",
            "Location": "San Francisco Bay Area",
            "Industry": "Technology (FAANG)",
            "Start date": start,
            "Base salary": "238000",
            "Target bonus (% of base)": "15",
            "Sign-on bonus, year 1": "60000",
            "Sign-on bonus, year 2": "40000",
            "Equity grant (value at grant)": "636000",
            "Vesting schedule": "Custom: a percent per year, summing to 100",
            "Custom schedule (percent per year)": "5,15,40,30",
            "Yearly refresher (% of the grant)": "0",
        },
    )
    page.get_by_role("button", name="Save offer").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("The percentages add up to 90 %, not 100 %")
    expect(page.get_by_label("Company:", exact=True)).to_have_value("Big Tech")  # nothing typed is lost
    checked(page, "offer-new-errors", "New offer · CareerPath", raw_html=False)

    fill_offer(page, **{"Custom schedule (percent per year)": "5,15,40,40"})
    page.get_by_role("button", name="Save offer").click()
    expect(page).to_have_url(re.compile(r"/offers/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Big Tech")
    years = page.locator("table.offer-years tbody tr")
    expect(years).to_have_count(5)
    expect(years.nth(0).locator("td").nth(3)).to_have_text("$31,800")  # 5 % of the grant in year 1
    expect(years.nth(4).locator("td").nth(3)).to_have_text("$0")
    expect(page.locator("[data-offer-drop]")).to_contain_text("In year 5 pay falls to")
    # Below the band's 75th percentile (model v3's big-tech band): the counter-offer asks for base or equity.
    expect(page.locator("[data-counter]")).to_contain_text(
        re.compile(r"ask for \$[\d,]+ more base, or \$[\d,]+ more equity over four years")
    )
    expect(page.locator("[data-cliff]")).to_contain_text("The cliff: month 12.")
    expect(page.get_by_role("img", name="Total pay year by year")).to_be_visible()
    page.get_by_text("Month by month, to the end of the schedule").click()
    expect(page.locator('table.offer-leave tr[data-month="11"]')).to_contain_text("$636,000")
    checked(page, "offer", "Offer: Big Tech · CareerPath")
    # What leaving after 18 months gives up, swapped in place by htmx.
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.get_by_label("If I leave after").select_option(label="18 months")
    expect(page.locator("#leave-answer")).to_contain_text("Leaving after 18 months gives up")
    expect(page.locator("#leave-answer")).to_contain_text("of sign-on paid back")
    big_tech = page.url

    # A second offer: even vesting, monthly from the start.
    page.goto("/offers/new/")
    fill_offer(
        page,
        **{
            "Company": "Steady AI",
            "Level": "Senior ML Engineer",
            "Location": "San Francisco Bay Area",
            "Start date": start,
            "Base salary": "230000",
            "Target bonus (% of base)": "10",
            "Equity grant (value at grant)": "500000",
            "Vesting schedule": "25 % a year over four years, monthly from the start",
            "Cliff (months)": "0",
        },
    )
    page.get_by_role("button", name="Save offer").click()
    page.wait_for_url(re.compile(r"/offers/\d+/$"))  # loaded: a count of 0 holds for a page half read too
    expect(page.get_by_role("heading", level=1)).to_have_text("Steady AI")
    expect(page.locator("[data-cliff]")).to_have_count(0)

    # Compare both beside the plan's pay today.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My offers").click()
    checked(page, "offers", "My offers · CareerPath")
    page.get_by_role("button", name="Compare offers").click()
    page.get_by_label("Big Tech").check()
    page.get_by_label("Steady AI").check()
    page.get_by_label("Your current job (a plan’s pay today)").select_option(label="Where I am")
    page.get_by_role("button", name="Compare").click()
    table = page.locator("table.offer-compare")
    expect(table.locator("thead")).to_contain_text("Current job (Where I am)")
    expect(table.locator('tr[data-year="1"] [data-leader]')).to_have_text("Steady AI")  # 25 % vests in year 1
    expect(table.locator('tr[data-year="3"] [data-leader]')).to_have_text("Big Tech")  # 40 % vests in year 3
    expect(page.locator(".compare-highlights")).to_contain_text("Big Tech starts behind Steady AI")
    expect(page.locator("[data-currency]")).to_contain_text("All figures in USD")
    checked(page, "offer-compare", "Compare offers · CareerPath")

    # Start a plan from the first offer.
    page.goto(big_tech)
    page.get_by_role("button", name="Start my plan from this offer").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/edit/$"))
    expect(page.locator(".messages")).to_contain_text("started from this offer")
    expect(page.get_by_label("Base pay now")).to_have_value("238000")
    expect(page.get_by_label("Location")).to_have_value("sf-bay-area")

    # The offer now names the plan it updates.
    page.goto(big_tech)
    expect(page.locator(".start-plan")).to_contain_text("Updates “From the offer: Big Tech”")
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("button", name="Start my plan from this offer")).to_be_visible()
    page.set_viewport_size(DESKTOP)
