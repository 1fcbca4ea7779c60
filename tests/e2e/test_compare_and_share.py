"""Journey: duplicate a plan, change the copy, compare the two; share one, open the link, revoke it."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import NOT_FOUND_LOG
from .pages import all_figures, figures, projection_update, step

pytestmark = pytest.mark.e2e


def test_duplicate_edit_compare_share_revoke_and_delete(
    page, open_context, checked, log_in_as, make_plan, user, browser_errors
):
    original = make_plan(user, title="Move to management", industry="retail-ecommerce")
    log_in_as(page.context, user)

    page.goto(f"/plans/{original.pk}/")
    checked(page, "plan", "Move to management · CareerPath")
    original_figures = all_figures(page)

    # Duplicate: the copy opens for editing.
    page.get_by_role("button", name="Duplicate").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/edit/$"))
    expect(page.locator(".messages")).to_contain_text("Copied into “Move to management (copy)”")
    checked(page, "plan-edit", "Edit: Move to management (copy) · CareerPath")

    # Change the copy: a fintech employer pays more base than retail (big tech's premium is in its bonus and
    # equity since issue 30, not its base); the preview updates in place.
    page.get_by_label("Title").fill("Management at a fintech firm")
    before = figures(step(page, "director-vp"))
    with projection_update(page):
        page.get_by_label("Industry").select_option("finance-fintech")
    expect(step(page, "director-vp")).not_to_have_attribute("data-base-min", str(before[0]))
    assert figures(step(page, "director-vp"))[0] > before[0]
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))  # loaded: all_figures does not wait for the steps
    expect(page.get_by_role("heading", level=1)).to_have_text("Management at a fintech firm")
    expect(page.locator(".messages")).to_contain_text("saved")
    copy_figures = all_figures(page)
    copy_url = page.url

    # Compare the two, starting from the original's page: the other plan is offered second.
    page.goto(f"/plans/{original.pk}/")
    page.get_by_role("navigation", name="Plan actions").get_by_role("link", name="Compare").click()
    checked(page, "compare-pick", "Compare plans · CareerPath")
    expect(page.get_by_label("First plan")).to_have_value(str(original.pk))
    expect(page.get_by_label("Second plan")).to_have_value(copy_url.rstrip("/").rsplit("/", 1)[-1])
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"/plans/compare/\?a=\d+&b=\d+$"))  # the picking page has the same title
    checked(page, "compare", "Compare plans · CareerPath")
    inputs = page.locator("table.compare-inputs")
    expect(inputs.locator("thead")).to_contain_text("Move to management")
    expect(inputs.locator("thead")).to_contain_text("Management at a fintech firm")
    expect(inputs.locator("td.differs")).to_have_count(1)
    expect(inputs.locator("td.differs")).to_have_text("Finance/Fintech")
    director = page.locator('table.compare-steps tr[data-role="director-vp"]')
    a_min, a_max = original_figures[("management", "director-vp")]
    b_min, b_max = copy_figures[("management", "director-vp")]
    expect(director).to_contain_text(f"${a_min:,} – ${a_max:,}")
    expect(director).to_contain_text(f"${b_min:,} – ${b_max:,}")
    low, high = sorted((b_min - a_min, b_max - a_max))
    expect(director).to_contain_text("more in total pay a year at Director/VP")  # total pay leads, base after it
    expect(director).to_contain_text(f"(base: ${low:,} to ${high:,} more)")

    # Share the copy and open the link with no session.
    page.goto(copy_url)
    page.get_by_role("navigation", name="Plan actions").get_by_role("link", name="Share").click()
    checked(page, "share-empty", "Share Management at a fintech firm · CareerPath")
    page.get_by_role("button", name="Create a share link").click()
    expect(page.locator(".messages")).to_contain_text("Share link created")
    checked(page, "share", "Share Management at a fintech firm · CareerPath")
    share_url = page.locator("input.share-url").input_value()

    visitor = open_context().new_page()
    visitor.goto(share_url)
    checked(visitor, "shared-plan", "Management at a fintech firm (shared plan) · CareerPath")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Management at a fintech firm")
    assert all_figures(visitor) == copy_figures
    expect(visitor.locator("header nav")).to_contain_text("Log in")  # the visitor is not logged in

    # Revoke it: the link stops working at once.
    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messages")).to_contain_text("Share link revoked")
    expect(page.locator("table.share-links")).to_contain_text("Revoked")
    browser_errors.allow(NOT_FOUND_LOG)
    response = visitor.reload()
    assert response.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Page not found")

    # Delete the original; the copy stays.
    page.goto(f"/plans/{original.pk}/")
    page.get_by_role("navigation", name="Plan actions").get_by_role("link", name="Delete").click()
    checked(page, "plan-delete", "Delete Move to management · CareerPath")
    page.get_by_role("button", name="Delete plan").click()
    expect(page.locator(".messages")).to_contain_text("Plan “Move to management” deleted.")
    checked(page, "plans", "My plans · CareerPath")
    expect(page.locator("table.plans tbody tr")).to_have_count(1)
    expect(page.locator("table.plans tbody")).to_contain_text("Management at a fintech firm")


def test_editing_a_field_keeps_focus_and_announces_the_update(page, log_in_as, make_plan, user):
    plan = make_plan(user)
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/edit/")
    years = page.get_by_label("Years of experience")
    years.focus()
    with projection_update(page):
        page.keyboard.press("Control+A")
        page.keyboard.type("9")
    expect(years).to_be_focused()
    expect(page.locator("#live-region")).to_contain_text("Management: VP of Machine Learning by")
    location = page.get_by_label("Location")
    location.focus()
    with projection_update(page):
        page.keyboard.press("ArrowDown")
    expect(location).to_be_focused()
