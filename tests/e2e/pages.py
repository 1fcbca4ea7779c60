"""What the journeys do on a page, named as a person would say it."""

from __future__ import annotations

import re
from contextlib import contextmanager

from django.core import mail
from playwright.sync_api import Locator, Page, expect

from tests.factories import PASSWORD

# The projection ----------------------------------------------------------------------------------


def step(page: Page, role: str, track: str | None = None) -> Locator:
    """A step of the projection, e.g. step(page, "director-vp")."""
    scope = f'#projection [data-track="{track}"]' if track else "#projection"
    return page.locator(f'{scope} li.step[data-role="{role}"]').first


def figures(locator: Locator) -> tuple[int, int]:
    return int(locator.get_attribute("data-base-min")), int(locator.get_attribute("data-base-max"))


def all_figures(page: Page) -> dict[tuple[str, str], tuple[int, int]]:
    """{(track, role): (base_min, base_max)} for every step the page shows with pay."""
    rows = page.eval_on_selector_all(
        "#projection li.step[data-base-min]",  # a step that cannot be taken has no figures
        """steps => steps.map(s => [s.closest('[data-track]').dataset.track, s.dataset.role,
                                    Number(s.dataset.baseMin), Number(s.dataset.baseMax)])""",
    )
    return {(track, role): (low, high) for track, role, low, high in rows}


def mark_page(page: Page) -> None:
    """Leave a mark in the window: it survives an htmx swap and is gone after any navigation."""
    page.evaluate("() => { window.__marker = 1; }")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("() => window.__marker") == 1, "the page navigated instead of updating in place"


@contextmanager
def projection_update(page: Page):
    """Wrap a change to the inputs; returns once htmx swapped the new projection in and announced it."""
    page.evaluate("() => { document.getElementById('live-region').textContent = ''; }")
    # The projection's own request (its target's id): a part fetched when scrolled to is an htmx request too,
    # and one under way would otherwise answer for the update.
    with page.expect_response(lambda r: r.request.headers.get("hx-target") == "projection") as response:
        yield response
    assert response.value.status == 200, f"projection update answered {response.value.status}"
    expect(page.locator("#live-region")).to_contain_text("Projection updated")


def scroll_to(part: Locator) -> None:
    """Scroll a part that loads when seen into view, if it is still there: one already in view may be swapped
    for its figures at any moment, and a locator waiting for it then would wait for nothing."""
    part.evaluate_all("parts => parts.forEach(p => p.scrollIntoView({block: 'center', behavior: 'instant'}))")


def show_earnings(page: Page) -> Locator:
    """Scroll to earnings over the years, which load when they come into view (issue 25); returns them.
    (An estimate's own pay, which a link cannot carry, keeps them in the live update.)"""
    scroll_to(page.locator("#projection .earnings-later"))
    earnings = page.locator("#projection section.earnings")
    expect(earnings).to_be_visible()
    return earnings


def choose_location(page: Page, location: str) -> None:
    """Choose a location and wait for the projection; with pay typed in another currency the page first asks
    what the numbers are (issue 21): they are converted at the data's rate."""
    with projection_update(page):
        page.get_by_label("Location").select_option(location)
        question = page.locator("[data-pay-currency-question]")
        if question.count() and question.is_visible():
            page.get_by_label("Convert it at the data's exchange rate").click()


def show_options(page: Page) -> Locator:
    """Scroll to the what-ifs and other locations, which load when they come into view; returns them."""
    scroll_to(page.locator("#projection .options"))
    options = page.locator("#projection .what-if-block")
    expect(options).to_be_visible()
    return options


# Accounts ----------------------------------------------------------------------------------------


def sign_up(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill the sign-up form shown now and send it."""
    form = page.locator('form[action*="/accounts/signup/"]')
    form.locator('input[name="email"]').fill(email)
    form.locator('input[name="password1"]').fill(password)
    form.locator('input[name="password2"]').fill(password)
    form.locator('[type="submit"]').click()


def confirmation_link(email: str) -> str:
    """The email-confirmation link of the last message sent to `email` (locmem backend)."""
    messages = [m for m in mail.outbox if email in m.to]
    assert messages, f"no email was sent to {email}"
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", messages[-1].body)
    assert match, f"no confirmation link in: {messages[-1].body}"
    return match.group(0)


def confirm_email(page: Page, email: str) -> None:
    """Open the link from the email and confirm the address; returns on the page that leads to."""
    link = confirmation_link(email)
    page.goto(link[link.index("/accounts/") :])
    page.locator('form[action*="/accounts/confirm-email/"] [type="submit"]').click()
    # Where it leads depends on the session (logged in, or the log-in page): a caller reads page.url.
    page.wait_for_url(lambda url: "/accounts/confirm-email/" not in url)


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill the log-in form shown now and send it; returns once the answer has loaded."""
    form = page.locator('form[action*="/accounts/login/"]')
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    # Waited for whether it logs in or is refused (the same address again): else the next step reads, or
    # navigates away from, the log-in page before the answer (and its session cookie) arrives.
    with page.expect_navigation():
        form.locator('[type="submit"]').click()


def log_out(page: Page) -> None:
    page.locator("header").get_by_role("button", name="Log out").click()


def edit_inputs(page: Page) -> None:
    """Unfold a saved plan's inputs ("Edit inputs"), folded on a phone so the plan opens on its figures."""
    details = page.locator("details.edit-inputs")
    if details.count() and details.get_attribute("open") is None:
        details.locator("summary").click()
