"""Journey (issue 15): enter your pay, see where it sits and what each path earns change live, on a phone
and a desktop; share the plan without and with the pay."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import WIDTHS
from .pages import assert_not_reloaded, mark_page, projection_update, show_earnings

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_entering_pay_changes_the_percentile_and_lifetime_sentences_live(page, checked, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto("/")
    mark_page(page)
    pay_sentence = page.locator("#projection [data-pay-sentence]")
    lifetime = page.locator("#projection [data-lifetime-summary]")
    expect(pay_sentence).to_have_count(0)
    show_earnings(page)  # loaded when scrolled to; with pay typed they come with each update
    expect(lifetime).to_contain_text("Over 10 years")
    before = lifetime.inner_text()

    with projection_update(page):
        page.get_by_label("Base pay now").fill("190000")
    expect(pay_sentence).to_contain_text(
        re.compile(r"Your base is at the \d+(st|nd|rd|th) percentile of the Mid-level ML Engineer band in Seattle")
    )
    expect(pay_sentence).to_contain_text("compa-ratio")
    # The address follows the inputs but never holds the pay (issue 24): it is sent by POST.
    expect(page).to_have_url(re.compile(r"/estimate/\?.*location=seattle"))
    assert "current_base" not in page.url

    with projection_update(page):
        page.get_by_label("Base pay now").fill("400000")
    expect(pay_sentence).to_contain_text("is above the top of the Mid-level ML Engineer band")
    expect(lifetime).not_to_have_text(before)
    changed = lifetime.inner_text()

    with projection_update(page):
        page.get_by_label("Show pay").select_option("real")
    expect(lifetime).to_contain_text("Over 10 years, in today’s money,")
    expect(lifetime).not_to_have_text(changed)
    expect(page).to_have_url(re.compile(r"money=real"))

    with projection_update(page):
        page.get_by_label("Earnings horizon").select_option("20")
    expect(page.locator("#earnings-heading")).to_contain_text("Earnings over 20 years")
    assert_not_reloaded(page)
    page.locator("details.earnings-years[data-track='management'] summary").click()
    expect(page.locator("details.earnings-years[data-track='management'] tbody tr")).to_have_count(20)
    checked(page, f"earnings-{width}", "Plan your ML career · CareerPath")


def test_a_share_link_shows_the_pay_only_when_allowed(page, open_context, checked, log_in_as, make_plan, user):
    plan = make_plan(
        user,
        title="Senior at big tech",
        current_level="senior",
        years_experience="7",
        industry="technology-faang",
        current_base="240000",
        current_equity="90000",
    )
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    expect(page.locator("#projection [data-pay-sentence]")).to_contain_text("Your base is at the")
    checked(page, "plan-with-pay", "Senior at big tech · CareerPath")

    page.goto(f"/plans/{plan.pk}/share/")
    expect(page.get_by_label("Show my pay on this link")).not_to_be_checked()
    page.get_by_role("button", name="Create a share link").click()
    private = page.get_by_role("link", name="Open the shared page").first.get_attribute("href")
    page.get_by_label("Show my pay on this link").check()
    page.get_by_role("button", name="Create a share link").click()
    expect(page.locator("[data-shows-pay]")).to_have_count(1)
    checked(page, "share-with-pay", "Share Senior at big tech · CareerPath")
    public = page.get_by_role("link", name="Open the shared page").first.get_attribute("href")
    assert public != private

    visitor = open_context().new_page()
    visitor.goto(private)
    show_earnings(visitor)
    expect(visitor.locator("#projection [data-lifetime-summary]")).to_be_visible()
    assert "210000" not in visitor.content() and "210,000" not in visitor.content()
    checked(visitor, "shared-without-pay", "Senior at big tech (shared plan) · CareerPath")
    visitor.goto(public)
    expect(visitor.locator("#projection [data-pay-sentence]")).to_contain_text("This plan’s base is")
    show_earnings(visitor).get_by_role("link", name="in today’s money").click()
    visitor.wait_for_url("**money=real")  # else the old page, its earnings loaded, answers for the new one
    show_earnings(visitor)
    expect(visitor.locator("#projection [data-lifetime-summary]")).to_contain_text("in today’s money,")
    checked(visitor, "shared-with-pay", "Senior at big tech (shared plan) · CareerPath")
