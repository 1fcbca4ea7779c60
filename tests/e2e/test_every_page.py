"""What every page does, whoever visits: every control is reached with Tab and shows where focus is, and the
skip link works; the error pages are in the site's layout, with a way back; printing a plan gives the projection
without the site's chrome; every page names its icon."""

import re

import pytest
from django.template import loader
from playwright.sync_api import expect

from .conftest import NOT_FOUND_LOG, ROOT, SCREENSHOTS

pytestmark = pytest.mark.e2e


# Marks every control a person can operate (visible, enabled, not inside a closed <details>) and
# returns how many there are.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]';
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const inClosedDetails = el => {
    const details = el.parentElement && el.parentElement.closest('details:not([open])');
    return details !== null && !(el.tagName === 'SUMMARY' && el.parentElement === details);
  };
  const controls = [...document.querySelectorAll(selector)]
    .filter(el => !el.disabled && shown(el) && !inClosedDetails(el));
  controls.forEach((el, i) => el.setAttribute('data-e2e-control', String(i)));
  return controls.length;
}"""

# Which control has focus now, and whether it is drawn with a focus indicator.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const text = (el.textContent || el.name || '').trim().slice(0, 30);
  const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + text;
  return {control: el.getAttribute('data-e2e-control'), visible: outline || shadow, label: label};
}"""


def tab_through(page) -> tuple[set[str], list[str]]:
    """Press Tab until focus comes back round; the controls reached and those without a focus style."""
    reached, unmarked = set(), []
    total = page.evaluate(MARK_CONTROLS)
    for _ in range(total + 60):  # parts fetched when scrolled to add controls on the way (not marked)
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (focused["control"] is not None and focused["control"] in reached):
            break
        if focused["control"] is not None:
            reached.add(focused["control"])
        if not focused["visible"]:
            unmarked.append(focused["label"])
    return {str(i) for i in range(total)} - reached, unmarked


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_every_control_on_the_plan_page_is_reached_by_tab_and_shows_focus(page, log_in_as, make_plan, user, width):
    plan = make_plan(user)
    log_in_as(page.context, user)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"/plans/{plan.pk}/")
    missed, unmarked = tab_through(page)
    assert not missed, f"controls Tab never reached: {missed}"
    assert not unmarked, f"controls with no visible focus: {unmarked}"


def test_every_control_on_the_home_page_is_reached_by_tab_and_shows_focus(page):
    page.goto("/")
    missed, unmarked = tab_through(page)
    assert not missed, f"controls Tab never reached: {missed}"
    assert not unmarked, f"controls with no visible focus: {unmarked}"


def test_skip_link_is_first_shows_on_focus_and_moves_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the projection")).to_be_focused()  # first where one shows
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Current level")).to_be_focused()


def test_unknown_address_shows_the_not_found_page_with_a_way_home(page, checked, browser_errors, live_server):
    browser_errors.allow(NOT_FOUND_LOG)
    response = page.goto("/no-such-page/")
    assert response.status == 404
    checked(page, "error-404", "Page not found · CareerPath")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.locator("main a", has_text="Back to the home page").click()
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("machine-learning career")


@pytest.mark.parametrize(
    ("code", "title"),
    [
        (400, "Bad request"),
        (403, "Not allowed"),
        (500, "Something went wrong"),
        (503, "Temporarily unavailable"),
    ],
)
def test_other_error_pages_are_accessible_and_lead_home(page, checked, browser_errors, code, title):
    browser_errors.allow(rf"the server responded with a status of {code} ")
    # These are hard to provoke on purpose, so the browser is handed the rendered page at an address
    # of the live server, where its stylesheets load as usual.
    html = loader.get_template(f"errors/{code}.html").render({})
    page.route(f"**/__error/{code}/", lambda route: route.fulfill(status=code, body=html, content_type="text/html"))
    page.goto(f"/__error/{code}/")
    checked(page, f"error-{code}", f"{title} · CareerPath", raw_html=False)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("main a", has_text="Back to the home page")).to_have_attribute("href", "/")


def test_printed_plan_shows_the_projection_without_navigation_or_buttons(page, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    page.emulate_media(media="print")

    for hidden in ("header.site-header", "footer.site-footer", ".plan-actions", "#profile-form button[type=submit]"):
        for element in page.locator(hidden).all():  # the form has two buttons: save, and preview without JS
            expect(element).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Move to management")
    expect(page.locator('#projection li.step[data-role="director-vp"]')).to_be_visible()
    expect(page.locator("#projection .chart-svg")).to_be_visible()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "plan-print.png", full_page=True)
    pdf = page.pdf(path=ROOT / "artifacts" / "plan.pdf", format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 6, f"the printed plan has {pages} pages"


def test_pages_name_the_svg_favicon_and_favicon_ico_leads_to_it(page):
    page.goto("/")
    icon = page.locator('link[rel="icon"]')
    expect(icon).to_have_attribute("type", "image/svg+xml")
    response = page.request.get(icon.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in response.text()

    legacy = page.request.get("/favicon.ico")
    assert legacy.ok
    assert legacy.url.endswith(icon.get_attribute("href"))
