"""Presentation v4 (issue 32): one answer per page, checked in a browser.

`checked` looks at each page at 360 and 1280 px, light and dark (axe, the Nu Html Checker, the page's width)
and keeps its screenshots in artifacts/screenshots/v4-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .pages import choose_location, confirm_email, projection_update, sign_up

pytestmark = pytest.mark.e2e


# 3. The pay typed into the estimate survives sign-up ----------------------------------------------


def test_3_pay_typed_into_the_estimate_is_filled_in_and_saved_after_sign_up(page, checked):
    page.goto("/")
    choose_location(page, "london")
    with projection_update(page):
        page.get_by_label("Base pay now (£)").fill("90000")
    page.get_by_role("button", name="Sign up to save it").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=%2Faccounts%2Festimate%2F$"))
    sign_up(page, "ada@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    confirm_email(page, "ada@example.com")

    expect(page).to_have_url(re.compile(r"/accounts/estimate/$"))
    filled = "Your estimate is filled in with the pay you typed (base £90,000)"
    expect(page.locator(".messages")).to_contain_text(filled)
    expect(page.get_by_label("Base pay now (£)")).to_have_value("90000")
    checked(page, "v4-estimate-with-pay", "New plan · CareerPath", raw_html=False)
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    expect(page.locator("[data-summary]")).to_contain_text("£90,000")


# 4. The pay fields' label and help name one currency --------------------------------------------


def test_4_pay_label_and_help_follow_the_location_and_the_currency_question(page, checked):
    page.goto("/")
    base_help = page.locator("#id_current_base_helptext")
    bonus_help = page.locator("#id_current_bonus_helptext")
    with projection_update(page):
        page.get_by_label("Location").select_option("sf-bay-area")
    expect(base_help).to_have_text(re.compile(r"in USD \(\$\), the currency of San Francisco Bay Area\.$"))
    expect(bonus_help).to_have_text(re.compile(r"in USD \(\$\), the currency of San Francisco Bay Area\.$"))

    with projection_update(page):
        page.get_by_label("Base pay now ($)").fill("200000")
    page.get_by_label("Location").select_option("london")
    expect(page.locator("[data-pay-currency-question]")).to_be_visible()
    expect(page.get_by_label("Base pay now ($)")).to_have_value("200000")
    expect(base_help).to_contain_text("as typed, in USD ($); London pays in GBP (£)")
    checked(page, "v4-pay-currency-question", "Plan your ML career · CareerPath", raw_html=False)
    page.locator(".your-pay-fields").screenshot(path=SCREENSHOTS / "v4-pay-fields-question-desktop.png")

    with projection_update(page):
        page.get_by_label("Convert it at the data's exchange rate").click()
    expect(page.get_by_label("Base pay now (£)")).to_have_value("157500")
    expect(base_help).to_have_text(re.compile(r"in GBP \(£\), the currency of London\.$"))
    expect(bonus_help).to_have_text(re.compile(r"in GBP \(£\), the currency of London\.$"))
