"""Printing a plan gives the projection without the site's chrome; every page names its icon."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, SCREENSHOTS

pytestmark = pytest.mark.e2e


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
