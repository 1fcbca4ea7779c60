"""Journey: your pay. Enter it and see where it sits and what each path earns change live, on a phone and a
desktop, then share the plan without and with the pay. Pay typed for Seattle, then London chosen: the page asks
before reading the numbers as pounds, converts on request, and shows pounds in the fields and the projection (on
the home page and a plan's). Pay typed or saved never travels in a URL: the plan form's live update goes by
POST, "why this figure", the what-ifs and the year-by-year tables are fetched by the plan's id or the share
link's token, and every request the browser makes is recorded and checked."""

import re

import pytest
from playwright.sync_api import Page, expect

from careerpath.models import ShareLink

from .conftest import SCREENSHOTS, WIDTHS
from .pages import assert_not_reloaded, edit_inputs, mark_page, projection_update, show_earnings, show_options

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
        page.get_by_label("Base pay now").fill("170000")  # inside the 140,000–186,700 band
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
        current_base="220000",  # inside the 186,700–233,300+ band
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
    assert "220000" not in visitor.content() and "220,000" not in visitor.content()
    checked(visitor, "shared-without-pay", "Senior at big tech (shared plan) · CareerPath")
    visitor.goto(public)
    expect(visitor.locator("#projection [data-pay-sentence]")).to_contain_text("This plan’s base is")
    show_earnings(visitor).get_by_role("link", name="in today’s money").click()
    visitor.wait_for_url("**money=real")  # else the old page, its earnings loaded, answers for the new one
    show_earnings(visitor)
    expect(visitor.locator("#projection [data-lifetime-summary]")).to_contain_text("in today’s money,")
    checked(visitor, "shared-with-pay", "Senior at big tech (shared plan) · CareerPath")


def ask_and_convert(page, checked, name, title):
    question = page.locator("[data-pay-currency-question]")
    expect(question).to_be_hidden()
    requests = []
    page.on("request", lambda r: requests.append(r) if r.headers.get("hx-request") == "true" else None)
    page.get_by_label("Location").select_option("london")
    expect(question).to_be_visible()
    expect(question).to_contain_text("You typed your pay in USD ($), and London pays in GBP (£)")
    expect(question).to_be_in_viewport()
    assert requests == [], "the live update waits for the choice"
    expect(page.get_by_label("Base pay now")).to_have_value("200000")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for label, size in WIDTHS.items():
            page.set_viewport_size(size)
            question.scroll_into_view_if_needed()
            expect(question).to_be_in_viewport()
            suffix = "" if scheme == "light" else "-dark"
            page.screenshot(path=SCREENSHOTS / f"{name}-asked-{label}{suffix}.png")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(WIDTHS["desktop"])

    with projection_update(page):
        page.get_by_label("Convert it at the data's exchange rate").click()
    expect(question).to_be_hidden()
    expect(page.get_by_label("Base pay now (£)")).to_have_value("157500")  # $200,000 ÷ 1.27, to the hundred
    expect(page.get_by_label("Annual bonus now (£)")).to_have_value("15700")  # $20,000 ÷ 1.27
    expect(page.locator("#projection")).to_contain_text("£157,500")
    expect(page.locator("#projection [data-pay-sentence]")).to_contain_text("London")
    assert_not_reloaded(page)
    checked(page, name, title, raw_html=False)


def test_home_asks_before_reading_seattle_pay_as_pounds(page, checked):
    page.goto("/")
    mark_page(page)
    with projection_update(page):
        page.get_by_label("Base pay now ($)").fill("200000")
    with projection_update(page):
        page.get_by_label("Annual bonus now ($)").fill("20000")
    ask_and_convert(page, checked, "pay-currency-home", "Plan your ML career · CareerPath")


def test_a_plan_asks_before_reading_seattle_pay_as_pounds(page, checked, log_in_as, make_plan, user):
    plan = make_plan(user, title="Seattle pay", current_base="200000", current_bonus="20000")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    mark_page(page)
    details = page.locator("details[data-fold-on-phone]")
    if details.count() and not details.first.evaluate("d => d.open"):
        details.first.locator("summary").click()
    ask_and_convert(page, checked, "pay-currency-plan", "Seattle pay · CareerPath")


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
