"""One answer per page (issue 32), checked in a browser.

`checked` looks at each page at 360 and 1280 px, light and dark (axe, the Nu Html Checker, the page's width)
and keeps its screenshots in artifacts/screenshots/one-answer-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, SCREENSHOTS
from .pages import choose_location, confirm_email, projection_update, show_earnings, show_options, sign_up

pytestmark = pytest.mark.e2e


# 3. The pay typed into the estimate survives sign-up ----------------------------------------------


def test_pay_typed_into_the_estimate_is_filled_in_and_saved_after_sign_up(page, checked):
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
    checked(page, "one-answer-estimate-with-pay", "New plan · CareerPath", raw_html=False)
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_url(re.compile(r"/plans/\d+/$"))
    expect(page.locator("[data-summary]")).to_contain_text("£90,000")


# 4. The pay fields' label and help name one currency --------------------------------------------


def test_pay_label_and_help_follow_the_location_and_the_currency_question(page, checked):
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
    checked(page, "one-answer-pay-currency-question", "Plan your ML career · CareerPath", raw_html=False)
    page.locator(".your-pay-fields").screenshot(path=SCREENSHOTS / "one-answer-pay-fields-question-desktop.png")

    with projection_update(page):
        page.get_by_label("Convert it at the data's exchange rate").click()
    expect(page.get_by_label("Base pay now (£)")).to_have_value("157500")
    expect(base_help).to_have_text(re.compile(r"in GBP \(£\), the currency of London\.$"))
    expect(bonus_help).to_have_text(re.compile(r"in GBP \(£\), the currency of London\.$"))


# 1, 6 and 7. One recommendation, read in order on a phone, step cards in one glance ---------------

SF_SENIOR = {
    "current_level": "senior",
    "years_experience": 7,
    "location": "sf-bay-area",
    "industry": "technology-faang",
    "company_type": "large",
    "current_base": "238000",
    "current_bonus": "35000",
    "current_equity": "150000",
    "target_track": "",  # any track
}
FIGURES = r"[$£€₹][\d,]+(?: – [$£€₹][\d,]+)?|\b20\d\d\b"


def test_one_track_followed_read_in_order_with_cards_of_three_figures(page, checked, log_in_as, make_plan, user):
    plan = make_plan(user, title="Senior in SF", **SF_SENIOR)
    log_in_as(page.context, user)
    page.set_viewport_size(PHONE)
    page.goto(f"/plans/{plan.pk}/")

    # 6. On a phone: why this track, what the figures mean and your pay, then the steps.
    why = page.locator("#projection [data-summary-why]")
    expect(why).to_contain_text(re.compile(r"Following the (.+) track: of the 3 tracks it earns the most total pay"))
    order = [
        page.locator(selector).first.bounding_box()["y"]
        for selector in ("#projection [data-summary-why]", "#projection [data-money-basis]", "#projection .your-pay")
    ]
    first_step = page.locator("#projection li.step").first.bounding_box()["y"]
    assert order == sorted(order) and order[-1] < first_step, (order, first_step)
    expect(page.locator("#projection [data-money-basis]")).to_contain_text("total adds bonus and equity")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "one-answer-plan-first-screen-phone.png")

    # 1. The what-ifs and the earnings sentence speak of the track the headline follows.
    track = re.search(r"Following the (.+?) track", why.inner_text()).group(1)
    summary = show_earnings(page).locator("[data-lifetime-summary]")
    phrase = "staying an individual contributor" if track == "individual contributor" else f"the {track} track"
    expect(summary).to_contain_text(re.compile(rf"{phrase} earns \S+ more in total pay than"))
    expect(show_options(page)).to_contain_text(f"next step on the {track} track")
    expect(page.locator('[data-lifetime-location="sf-bay-area"]')).to_contain_text("(here, from your pay)")

    # 7. Each card: at most three figures until "More about this step" is opened; no 0th percentile.
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        for card in page.locator("#projection li.step").all():
            shown = card.evaluate(
                "li => [...li.childNodes].filter(n => n.nodeName !== 'DETAILS').map(n => n.textContent).join(' ')"
            )
            assert len(re.findall(FIGURES, shown)) <= 3, shown
    card = page.locator("#projection li.step").nth(1)
    card.locator("details.step-more summary").click()
    expect(card.locator(".band")).to_contain_text("Band here, base in today’s money")
    expect(page.locator("#projection")).not_to_contain_text("0th percentile")
    card.screenshot(path=SCREENSHOTS / "one-answer-step-card-opened-desktop.png")
    checked(page, "one-answer-plan-sf-senior", "Senior in SF · CareerPath", raw_html=False)
