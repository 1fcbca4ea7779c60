"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a journey visits goes through `checked(page, ...)`: its title is asserted, axe-core
finds no accessibility violation at phone (360 px) and desktop (1280 px) widths in the light and the
dark colour scheme, the body does not scroll sideways at 360 px, a screenshot of each width and
scheme lands in artifacts/screenshots/ (dark ones end in "-dark"), and its HTML
is kept for one run of the Nu Html Checker at the end of the session. Any console error or
Content-Security-Policy violation in any page fails the test that caused it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_VERSION = "4.14.1"
VNU_VERSION = "26.9.27"
ASSETS = ROOT / ".cache" / "e2e"
AXE = ASSETS / f"axe-core-{AXE_VERSION}.min.js"
VNU = ASSETS / f"vnu-{VNU_VERSION}.jar"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# E2E_DOCS_SCREENSHOTS=1 also refreshes the README's screenshots in docs/screenshots/ (committed).
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots" if os.environ.get("E2E_DOCS_SCREENSHOTS") == "1" else None

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
# Each screen a test is looked at on (the `screen` fixture): phone and desktop width, light and dark.
SCREENS = {
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
SCHEMES = ("light", "dark")

# Resolves once running CSS transitions have ended (a fading indicator would confuse the contrast
# check) and two more frames have passed: layout, resize handlers and their changes are done.
SETTLED = """() => Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(done => setTimeout(done, 2000)),
]).then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"""

# Tables and charts wider than the window, unless their box scrolls sideways (so all is reachable).
CUT_OFF = """() => [...document.querySelectorAll('table, svg.chart-svg')]
    .filter(t => t.offsetParent !== null || t.tagName === 'svg')
    .filter(t => {
        if (t.getBoundingClientRect().right <= window.innerWidth + 1) return false;
        const box = t.closest('.table-scroll, .chart-scroll');
        return !(box && getComputedStyle(box).overflowX === 'auto'
                 && box.getBoundingClientRect().right <= window.innerWidth + 1);
    })
    .map(t => (t.tagName + '.' + (t.getAttribute('class') || '')).trim())"""

# Chromium reports every failed load in the console; pages that answer 404 on purpose allow it.
NOT_FOUND_LOG = r"Failed to load resource: the server responded with a status of 404"


# Order and environment ---------------------------------------------------------------------------

E2E_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last (after pytest-django's own ordering).

    Once Playwright has started, its event loop counts as running in this thread until the session
    ends, and each browser test flushes the database; neither should reach another test.
    """
    items.sort(key=lambda item: Path(str(item.path)).is_relative_to(E2E_DIR))


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; the tests' ORM calls stay synchronous.

    Set for the browser tests only (they run last), so subprocesses of other tests don't inherit it.
    """
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


# Browser -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail("Chromium is needed for the browser tests: apt-get install chromium", pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative addresses in page.goto() and page.request go to pytest-django's live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "en-US", "timezone_id": "UTC"}


class BrowserErrors:
    """Console errors, uncaught exceptions and CSP violations seen in a test's pages."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        # hx-sync="this:replace" aborts a request a newer change made stale, and htmx logs each abort
        # as an error. A request that fails logs htmx:sendError or htmx:responseError, still caught.
        self.allowed: list[re.Pattern] = [re.compile(r"^error: htmx:(sendAbort|afterRequest), ")]

    def watch(self, context: BrowserContext) -> BrowserContext:
        context.on("console", self._console)
        context.on("weberror", lambda error: self.seen.append(f"uncaught: {error.error}"))
        return context

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") or "Content Security Policy" in message.text:
            text = f"{message.type}: {message.text} ({message.location.get('url', '')})"
            if not any(pattern.search(text) for pattern in self.allowed):
                self.seen.append(text)


@pytest.fixture
def browser_errors():
    errors = BrowserErrors()
    yield errors
    assert not errors.seen, "The browser reported errors:\n" + "\n".join(errors.seen)


@pytest.fixture
def open_context(new_context, browser_errors):
    """A fresh browser context (no cookies), watched for console errors."""

    def open_() -> BrowserContext:
        context = browser_errors.watch(new_context())
        context.set_default_timeout(10_000)  # a local server answers in well under a second
        return context

    return open_


@pytest.fixture
def context(open_context) -> BrowserContext:
    return open_context()


# Data --------------------------------------------------------------------------------------------


def _forget_catalog() -> None:
    # After a flush and reload the catalog's version counter can come back to the same number with
    # new primary keys, so the process's snapshot is dropped rather than trusted.
    from compensation import catalog
    from dataversions import history

    catalog.forget()
    history.forget()


@pytest.fixture(autouse=True)
def compensation_data(live_server, transactional_db):
    """live_server tests are transactional: pytest-django flushes the database after each one."""
    call_command("loaddata", "compensation", verbosity=0)
    _forget_catalog()
    cache.clear()  # rate limits count per IP, and every test comes from 127.0.0.1
    yield
    _forget_catalog()


@pytest.fixture
def log_in_as(live_server):
    """Give a browser context a logged-in session for `user` without going through the form."""
    from django.test import Client

    def log_in(context: BrowserContext, user) -> None:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])

    return log_in


# Page checks: title, accessibility, width, screenshots, HTML -------------------------------------


@pytest.fixture(scope="session")
def e2e_assets():
    if not (AXE.exists() and VNU.exists()):
        subprocess.run(["bash", str(ROOT / "scripts" / "e2e-assets.sh")], check=True)
    return {"axe": AXE.read_text(encoding="utf-8"), "vnu": VNU}


class HtmlPages:
    """Full-page HTML kept during the session, checked by the Nu Html Checker in one run at its end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: set[str] = set()

    def keep(self, name: str, html: str) -> None:
        if name in self.names:
            return
        self.names.add(name)
        (self.folder / f"{name}.html").write_text(html, encoding="utf-8")

    def errors(self, vnu: Path) -> list[str]:
        files = sorted(str(path) for path in self.folder.glob("*.html"))
        if not files:
            return []
        if not shutil.which("java"):
            return ["java is needed for the HTML checks: apt-get install default-jre-headless"]
        result = subprocess.run(
            ["java", "-jar", str(vnu), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            check=False,
        )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        return [
            f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}  [{m.get('extract', '').strip()}]"
            for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"
        ]


@pytest.fixture(scope="session")
def html_pages(tmp_path_factory, e2e_assets):
    pages = HtmlPages(tmp_path_factory.mktemp("html"))
    yield pages
    errors = pages.errors(e2e_assets["vnu"])
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)


def axe_violations(page: Page, axe_source: str) -> list[str]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not govern.
        page.evaluate(axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in v["nodes"][:5]
        )
        for v in result["violations"]
    ]


@pytest.fixture
def checked(e2e_assets, html_pages):
    """Check the page shown now; `name` names its screenshots and saved HTML.

    The HTML checked is a fresh GET of the page's address (after an htmx update that is the pushed
    address, rendered whole); `raw_html=False` checks the live document instead, for a page that
    answered a POST. After a click to a page with the same title, wait for the new page first: the old
    page's title would answer for it.
    """

    def check(page: Page, name: str, title: str | re.Pattern, *, raw_html: bool = True) -> Page:
        expect(page).to_have_title(title if isinstance(title, re.Pattern) else re.compile(re.escape(title)))
        # The title is in the <head>: a page just navigated to may still be reading its body.
        page.wait_for_load_state()
        html = page.request.get(page.url).text() if raw_html else page.content()
        html_pages.keep(name, html)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        problems = []
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            suffix = "" if scheme == "light" else f"-{scheme}"
            for label, size in WIDTHS.items():
                page.set_viewport_size(size)
                page.evaluate(SETTLED)
                if label == "phone" and scheme == "light":
                    overflow = page.evaluate("() => document.documentElement.scrollWidth")
                    if overflow > PHONE["width"]:
                        problems.append(f"at 360 px the page is {overflow} px wide")
                    problems += [f"at 360 px {what} is cut off" for what in page.evaluate(CUT_OFF)]
                problems += [f"{label} {scheme}: {v}" for v in axe_violations(page, e2e_assets["axe"])]
                page.screenshot(path=SCREENSHOTS / f"{name}-{label}{suffix}.png", full_page=True)
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(DESKTOP)
        assert not problems, f"{name} ({page.url}):\n" + "\n".join(problems)
        return page

    return check


def docs_screenshot(page: Page, name: str, height: int | None = None) -> None:
    """The top `height` pixels of the page at its current width, or the window as it is (with what is
    fixed to it, such as a phone's summary bar) when `height` is None; for the README (opt-in, see above).
    test_phone_and_keyboard.py takes them, in a context opened with its colour scheme and reduced motion.
    """
    if DOCS_SCREENSHOTS is None:
        return
    # Taken once nothing moves: a transition caught mid-way drew dark fields on a light page (issue 23).
    page.evaluate(SETTLED)
    page.wait_for_function("() => document.getAnimations().length === 0")
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if height is None:
        page.screenshot(path=DOCS_SCREENSHOTS / f"{name}.png")
        return
    width = page.viewport_size["width"]
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    page.screenshot(path=DOCS_SCREENSHOTS / f"{name}.png", full_page=True, clip=clip)


@pytest.fixture(params=list(SCREENS))
def screen(request, page: Page) -> str:
    """The test runs once per screen in SCREENS, the page sized and coloured for it; returns its name."""
    size, scheme = SCREENS[request.param]
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    return request.param
