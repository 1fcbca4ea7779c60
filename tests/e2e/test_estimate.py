"""Journey: the anonymous quick estimate. It updates live on the home page, then the person signs up to save it;
the secondary figures (what-ifs, other locations, earnings year by year) load when wanted: a live update leaves
them out, they load when scrolled to or opened, for the inputs of the moment, and without JavaScript the panel
links to a page with them."""

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
    show_options,
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


def test_after_a_live_update_the_options_load_for_the_new_inputs(page, checked):
    page.goto("/")
    with projection_update(page):
        page.get_by_label("Location").select_option("london")
    options = show_options(page)
    expect(page.locator("#projection .elsewhere tr.current")).to_have_attribute("data-location", "london")
    expect(options.locator("li").first).to_contain_text(re.compile(r"\+£[\d,]+"))
    checked(page, "options-after-update", re.compile("CareerPath"))

    years = page.locator("details.earnings-years[data-track='ic']")
    years.locator("summary").click()
    expect(years.locator("table caption")).to_contain_text("Individual contributor track")
    expect(years.locator("tbody tr").first).to_contain_text("£")


def test_the_options_page_passes_the_page_checks(page, checked):
    """The page a link without JavaScript opens: checked like every page (axe, light and dark, HTML)."""
    page.goto("/")
    url = page.locator("#projection .options a").get_attribute("href")
    page.goto(url)
    expect(page.locator(".what-if li").first).to_be_visible()
    checked(page, "details-options", "What if you change one thing · CareerPath")
    page.goto(url.replace("part=options", "part=years&track=research"))
    checked(page, "details-years", "Earnings year by year: research track · CareerPath")
    page.goto(url.replace("part=options", "part=earnings"))
    expect(page.locator("[data-lifetime-summary]")).to_be_visible()
    checked(page, "details-earnings", "Earnings over the years · CareerPath")
    page.goto(url.replace("part=options", "part=chart"))
    expect(page.locator("tbody tr").first).to_be_visible()
    checked(page, "details-chart", "The pay chart as a table · CareerPath")


def test_without_javascript_the_panel_links_its_options(new_context, base_url):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.get_by_role("link", name=re.compile("What each missing skill")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What if you change one thing")
    expect(page.locator(".what-if li").first).to_contain_text(re.compile(r"^(Adding|Getting a) "))
    page.get_by_role("link", name="Back to the projection").click()
    expect(page.locator("#projection")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Total pay over 10 years on each track")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Earnings over the years")
    page.get_by_text(re.compile("^Year by year: management track")).click()
    page.get_by_role("link", name="See the management track year by year").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Earnings year by year: management track")
    expect(page.locator("tbody tr")).to_have_count(10)
    context.close()
