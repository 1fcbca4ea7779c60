"""The error pages, in the site's layout, with a way back."""

import pytest
from django.template import loader
from playwright.sync_api import expect

from .conftest import NOT_FOUND_LOG

pytestmark = pytest.mark.e2e


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
