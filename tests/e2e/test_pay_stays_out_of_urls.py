"""Journey (issue 24, item 7): pay typed or saved never travels in a URL. The plan form's live update goes by
POST, "why this figure", the what-ifs and the year-by-year tables are fetched by the plan's id or the share
link's token, and every request the browser makes is recorded and checked."""

import re

import pytest
from playwright.sync_api import Page, expect

from careerpath.models import ShareLink

from .pages import assert_not_reloaded, edit_inputs, mark_page, projection_update, show_options

pytestmark = pytest.mark.e2e

PAY_NAMES = ("current_base", "current_bonus", "current_equity")
PAY = {"current_base": "187654", "current_bonus": "23456", "current_equity": "34567"}


def record_requests(page: Page) -> list[tuple[str, str]]:
    """Every request the page makes from now on, as (method, URL)."""
    seen: list[tuple[str, str]] = []
    page.on("request", lambda request: seen.append((request.method, request.url)))
    return seen


def with_pay(requests: list[tuple[str, str]]) -> list[str]:
    return [url for _, url in requests if any(name in url for name in PAY_NAMES) or "187654" in url]


def open_secondary_parts(page: Page) -> None:
    """Open a "Why this figure", scroll to the what-ifs, open a track's year by year."""
    why = page.locator("#projection li.step details.why").first
    why.locator("summary").click()
    expect(why.locator(".why-body")).to_contain_text("band")
    show_options(page)
    years = page.locator("#projection details.earnings-years").first
    years.locator("summary").click()
    expect(years.locator("tbody tr").first).to_be_visible()


def test_typing_pay_into_a_plan_updates_it_by_post_and_no_request_carries_pay(page, log_in_as, make_plan, user):
    plan = make_plan(user, title="Paid plan", **PAY)
    log_in_as(page.context, user)
    requests = record_requests(page)
    page.goto(f"/plans/{plan.pk}/")
    mark_page(page)
    edit_inputs(page)
    pay_sentence = page.locator("#projection [data-pay-sentence]")
    expect(pay_sentence).to_contain_text("Your base is at the")
    before = pay_sentence.inner_text()

    with projection_update(page) as update:
        page.get_by_label("Base pay now").fill("250000")
    sent = update.value.request
    assert sent.method == "POST" and sent.url.endswith(f"/plans/{plan.pk}/preview/")
    assert "current_base=250000" in (sent.post_data or "")  # the pay is in the body
    expect(pay_sentence).not_to_have_text(before)
    expect(page.locator("#projection")).to_contain_text("Showing unsaved changes")
    assert_not_reloaded(page)
    assert re.search(rf"/plans/{plan.pk}/$", page.url)  # the address is the plan's, nothing pushed

    open_secondary_parts(page)
    assert with_pay(requests) == []
    fetched = {url.split("?")[0].split(str(plan.pk))[-1] for _, url in requests if f"/plans/{plan.pk}/" in url}
    assert {"/preview/", "/explain/", "/details/"} <= fetched


def test_without_javascript_a_plan_previews_its_changes_by_post(browser, live_server, log_in_as, make_plan, user):
    plan = make_plan(user, title="Paid plan", **PAY)
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    log_in_as(context, user)
    page = context.new_page()
    requests = record_requests(page)
    page.goto(f"/plans/{plan.pk}/edit/")
    page.get_by_label("Base pay now").fill("250000")
    page.get_by_role("button", name="Preview changes").click()
    expect(page.locator("#projection")).to_contain_text("Showing unsaved changes")
    expect(page.get_by_label("Base pay now")).to_have_value("250000")
    expect(page.locator("#projection [data-pay-sentence]")).to_contain_text(
        "$40,500 more than the highest"
    )  # 250,000 above a 209,500 top
    assert with_pay(requests) == []
    context.close()


def test_an_estimate_with_pay_and_a_share_link_with_pay_keep_it_out_of_every_request(page, log_in_as, make_plan, user):
    requests = record_requests(page)
    page.goto("/")
    with projection_update(page) as update:
        page.get_by_label("Base pay now").fill("187654")
    assert update.value.request.method == "POST"
    expect(page.locator("#projection [data-market-pay]")).to_contain_text("use market pay")
    assert "location=seattle" in page.url and "current_base" not in page.url  # pushed, without the pay
    open_secondary_parts(page)

    plan = make_plan(user, title="Shared with pay", **PAY)
    page.goto(ShareLink.objects.create(plan=plan, show_pay=True).get_absolute_url())
    expect(page.locator("#projection [data-pay-sentence]")).to_contain_text("This plan’s base is")
    open_secondary_parts(page)
    assert with_pay(requests) == []
