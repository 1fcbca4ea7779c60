"""Journey: a plan. Sign up, verify the email, build a plan live, save it, log out, log back in: it is there;
export its projection as JSON and CSV: the files hold the figures the page shows."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.factories import csv_table

from .pages import (
    all_figures,
    assert_not_reloaded,
    confirmation_link,
    figures,
    log_in,
    log_out,
    mark_page,
    projection_update,
    sign_up,
    step,
)

pytestmark = pytest.mark.e2e


EMAIL = "ada@example.com"


def test_sign_up_build_a_plan_live_save_it_and_find_it_after_logging_in_again(page, checked, live_server):
    page.goto("/")
    page.locator("header a", has_text="Sign up").click()
    checked(page, "signup", "Sign up · CareerPath")
    sign_up(page, EMAIL)
    checked(page, "verification-sent", "Check your email · CareerPath")

    link = confirmation_link(EMAIL)
    page.goto(link[link.index("/accounts/") :])
    checked(page, "confirm-email", "Confirm your email address · CareerPath")
    page.locator('form[action*="/accounts/confirm-email/"] [type="submit"]').click()

    # Logged in straight away, on an empty plan list.
    expect(page).to_have_url(f"{live_server.url}/plans/")
    checked(page, "plans-empty", "My plans · CareerPath")
    expect(page.locator("main")).to_contain_text("You have no plans yet")
    page.locator("main").get_by_text("New plan").first.click()
    checked(page, "plan-new", "New plan · CareerPath")

    # Every change re-renders the projection in place.
    mark_page(page)
    director = step(page, "director-vp")
    before = figures(director)
    with projection_update(page):
        page.get_by_label("Location").select_option("sf-bay-area")
    expect(director).not_to_have_attribute("data-base-min", str(before[0]))
    after_location = figures(director)
    assert after_location[0] > before[0]  # the Bay Area pays more than Seattle

    with projection_update(page):
        page.get_by_label("Natural Language Processing").check()
    expect(director).not_to_have_attribute("data-base-min", str(after_location[0]))

    with projection_update(page):
        page.get_by_label("Target track").select_option("research")
    expect(page.locator("#projection .track-target")).to_have_attribute("data-track", "research")
    assert_not_reloaded(page)
    # The live update goes by POST (the form holds pay, which never goes into a URL): the address stays.
    expect(page).to_have_url(re.compile(r"/plans/new/$"))
    preview = all_figures(page)

    page.get_by_label("Title").fill("Research in the Bay Area")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))  # loaded: all_figures does not wait for the steps
    expect(page.get_by_role("heading", level=1)).to_have_text("Research in the Bay Area")
    expect(page.locator(".messages")).to_contain_text("saved")
    assert all_figures(page) == preview
    plan_url = page.url

    log_out(page)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("header")).to_contain_text("Log in")
    page.goto(plan_url)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))  # plans are private
    checked(page, "login", "Log in · CareerPath")
    log_in(page, EMAIL)
    expect(page).to_have_url(plan_url)
    assert all_figures(page) == preview

    page.get_by_role("navigation", name="Main").get_by_role("link", name="My plans").click()
    checked(page, "plans", "My plans · CareerPath")
    row = page.locator("table.plans tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Research in the Bay Area")
    expect(row).to_contain_text("San Francisco Bay Area")


def test_exported_json_and_csv_match_the_figures_on_the_plan_page(page, checked, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management", location="london")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    checked(page, "plan-london", "Move to management · CareerPath")
    shown = all_figures(page)
    assert ("management", "director-vp") in shown

    actions = page.get_by_role("navigation", name="Plan actions")
    with page.expect_download() as download_info:
        actions.get_by_role("link", name="JSON").click()
    download = download_info.value
    assert download.suggested_filename == "careerpath-move-to-management-projection.json"
    exported = json.loads(download.path().read_text(encoding="utf-8"))
    assert exported["plan"] == {"id": plan.pk, "title": "Move to management"}
    assert exported["currency"] == "GBP"
    from_json = {
        (track["track"], step["role"]): (step["base_min"], step["base_max"])
        for track in exported["tracks"]
        for step in track["steps"]
    }
    assert from_json == shown

    response = page.request.get(actions.get_by_role("link", name="CSV", exact=True).get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="careerpath-move-to-management-projection.csv"' in response.headers["content-disposition"]
    rows = csv_table(response.text())
    assert {row["Currency"] for row in rows} == {"GBP"}
    # The CSV names tracks and roles as people do; the JSON's slugs map them back.
    names = {
        (track["name"], step["title"]): (track["track"], step["role"])
        for track in exported["tracks"]
        for step in track["steps"]
    }
    from_csv = {names[(row["Track"], row["Role"])]: (int(row["Base min"]), int(row["Base max"])) for row in rows}
    assert from_csv == shown
