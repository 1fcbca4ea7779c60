"""Keyboard use: every control is reached with Tab, shows where focus is, and the skip link works."""

import pytest
from playwright.sync_api import expect

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
