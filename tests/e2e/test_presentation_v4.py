"""Presentation v4 (issue 32): one answer per page, checked in a browser.

`checked` looks at each page at 360 and 1280 px, light and dark (axe, the Nu Html Checker, the page's width)
and keeps its screenshots in artifacts/screenshots/v4-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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
