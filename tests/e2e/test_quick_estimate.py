"""Journey: the anonymous quick estimate on the home page updates live; then sign up to save it."""

import re

import pytest
from playwright.sync_api import expect

from .pages import (
    all_figures,
    assert_not_reloaded,
    confirm_email,
    figures,
    mark_page,
    projection_update,
    sign_up,
    step,
)

pytestmark = pytest.mark.e2e


def test_quick_estimate_updates_live_then_sign_up_saves_it(page, checked):
    page.goto("/methodology/")
    checked(page, "methodology", "Methodology and sources · CareerPath")
    page.get_by_role("link", name="CareerPath", exact=True).click()
    checked(page, "home", "Plan your ML career · CareerPath")
    director = step(page, "director-vp")
    seattle = figures(director)
    mark_page(page)

    with projection_update(page):
        page.get_by_label("Location").select_option("london")
    expect(director).not_to_have_attribute("data-base-min", str(seattle[0]))
    expect(page.locator("#live-region")).to_contain_text("£")
    expect(page).to_have_url(re.compile(r"/estimate/\?.*location=london"))

    with projection_update(page):
        page.get_by_label("Years of experience").fill("7")
    with projection_update(page):
        page.get_by_label("Reinforcement learning").check()
    assert_not_reloaded(page)
    estimate = all_figures(page)
    assert estimate[("management", "director-vp")] != seattle
    checked(page, "home-estimate", "Plan your ML career · CareerPath")

    # "Sign up to save it" sends the form (by POST) to sign-up, which keeps it through email confirmation.
    save = page.locator("#save-estimate")
    expect(save).to_have_text("Sign up to save it")
    expect(save).to_have_attribute("form", "profile-form")
    save.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=%2Faccounts%2Festimate%2F$"))
    sign_up(page, "grace@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    confirm_email(page, "grace@example.com")

    expect(page).to_have_url(re.compile(r"/accounts/estimate/$"))
    expect(page.locator(".messages")).to_contain_text("Your estimate is filled in (you gave no pay)")
    checked(page, "plan-new", "New plan · CareerPath")
    expect(page.get_by_label("Location")).to_have_value("london")
    expect(page.get_by_label("Years of experience")).to_have_value("7")
    expect(page.get_by_label("Reinforcement learning")).to_be_checked()
    assert all_figures(page) == estimate
    page.get_by_label("Title").fill("London, seven years in")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))  # loaded: all_figures does not wait for the steps
    expect(page.get_by_role("heading", level=1)).to_have_text("London, seven years in")
    assert all_figures(page) == estimate
