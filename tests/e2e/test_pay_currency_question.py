"""Journey (issue 21): pay typed for Seattle, then London chosen: the page asks before reading the numbers as
pounds, converts on request, and shows pounds in the fields and the projection; on the home page and a plan's."""

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, WIDTHS
from .pages import assert_not_reloaded, mark_page, projection_update

pytestmark = pytest.mark.e2e


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
