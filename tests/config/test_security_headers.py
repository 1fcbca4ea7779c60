"""Security headers on every page, and HTML that runs under the strict Content-Security-Policy.

The policy forbids inline script and style and eval, so a page must carry no `<script>` with a body,
no `<style>` element, no `style=` or `on…=` attribute, no `javascript:` link, and no htmx feature that
needs eval (`hx-on`, `js:` values). The HTML is parsed, not searched, so text that merely mentions
these things does not count.
"""

import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from careerpath.models import ShareLink
from tests.csp import inline_code
from tests.factories import PASSWORD, PLAN_POST

pytestmark = pytest.mark.django_db

PREVIEW = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
HTMX = {"HTTP_HX_REQUEST": "true"}


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.fixture
def site(user, make_user, make_plan):
    """An owner with two plans and a live share link, and a staff member: what every page below needs."""
    plan = make_plan(user)
    other = make_plan(user, title="Research route", target_track="research")
    link = ShareLink.objects.create(plan=plan)
    make_user("staff@example.com", is_staff=True)
    return {"plan": plan, "other": other, "link": link}


# name: (url, client extras, who: "user" | "anonymous" | "staff", expected status)
PAGES = {
    "home": (lambda s: reverse("home"), {}, "anonymous", 200),
    "home logged in": (lambda s: reverse("home"), {}, "user", 200),
    "estimate": (lambda s: reverse("estimate") + "?" + _query(PREVIEW), {}, "anonymous", 200),
    "estimate partial": (lambda s: reverse("estimate") + "?" + _query(PREVIEW), HTMX, "anonymous", 200),
    "estimate with errors": (lambda s: reverse("estimate") + "?years_experience=x", {}, "anonymous", 400),
    "methodology": (lambda s: reverse("methodology"), {}, "anonymous", 200),
    "login": (lambda s: reverse("account_login"), {}, "anonymous", 200),
    "signup": (lambda s: reverse("account_signup"), {}, "anonymous", 200),
    "password reset": (lambda s: reverse("account_reset_password"), {}, "anonymous", 200),
    "plans list": (lambda s: reverse("plan_list"), {}, "user", 200),
    "new plan": (lambda s: reverse("plan_new"), {}, "user", 200),
    "plan page": (lambda s: reverse("plan_detail", args=[s["plan"].pk]), {}, "user", 200),
    "plan edit": (lambda s: reverse("plan_edit", args=[s["plan"].pk]), {}, "user", 200),
    "plan partial": (
        lambda s: reverse("plan_detail", args=[s["plan"].pk]) + "?" + _query({**PREVIEW, "location": "london"}),
        HTMX,
        "user",
        200,
    ),
    "plan delete": (lambda s: reverse("plan_delete", args=[s["plan"].pk]), {}, "user", 200),
    "compare": (
        lambda s: reverse("plan_compare") + f"?a={s['plan'].pk}&b={s['other'].pk}",
        {},
        "user",
        200,
    ),
    "compare chooser": (lambda s: reverse("plan_compare"), {}, "user", 200),
    "share page": (lambda s: reverse("plan_share", args=[s["plan"].pk]), {}, "user", 200),
    "shared plan": (lambda s: reverse("shared_plan", args=[s["link"].token]), {}, "anonymous", 200),
    "JSON export": (lambda s: reverse("projection_json", args=[s["plan"].pk]), {}, "user", 200),
    "CSV export": (lambda s: reverse("projection_csv", args=[s["plan"].pk]), {}, "user", 200),
    "account": (lambda s: reverse("account_overview"), {}, "user", 200),
    "account export": (lambda s: reverse("account_export"), {}, "user", 200),
    "account delete": (lambda s: reverse("account_delete"), {}, "user", 200),
    "password change": (lambda s: reverse("account_change_password"), {}, "user", 200),
    "reauthenticate": (lambda s: reverse("account_reauthenticate"), {}, "user", 200),
    "admin login": (lambda s: reverse("admin:login"), {}, "anonymous", 302),  # to allauth's log-in
    "admin index": (lambda s: reverse("admin:index"), {}, "staff", 200),
    "404 page": (lambda s: "/no-such-page/", {}, "anonymous", 404),
    "404 plan": (lambda s: reverse("plan_detail", args=[999999]), {}, "user", 404),
    "healthz": (lambda s: reverse("healthz"), {}, "anonymous", 200),
}


def _query(data: dict) -> str:
    return urlencode(data, doseq=True)


def fetch(site, client, name):
    url, extra, who, status = PAGES[name]
    client.logout()
    if who == "user":
        client.force_login(site["plan"].owner)
    elif who == "staff":
        client.force_login(get_user_model().objects.get(email="staff@example.com"))
    response = client.get(url(site), **extra)
    assert response.status_code == status, (name, response.status_code)
    return response


@pytest.mark.parametrize("name", PAGES)
def test_every_page_carries_the_security_headers(site, client, name):
    response = fetch(site, client, name)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions

    header = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    assert "unsafe-hashes" not in header
    directives = csp_directives(header)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]

    if response["Content-Type"].startswith("text/html"):
        assert inline_code(response.content.decode()).problems == []


def test_the_finder_catches_what_the_policy_would_block():
    html = (
        '<p style="color:red">x</p><img src=x onerror="alert(1)"><script>alert(1)</script>'
        '<style>p{}</style><a href="javascript:alert(1)">a</a><button hx-on:click="go()">b</button>'
        '<div data-hx-vals="js:{a: 1}"></div><script src="/static/app.js"></script>'
    )

    assert len(inline_code(html).problems) == 7


def test_text_that_mentions_script_tags_is_not_inline_code():
    assert inline_code("<p>&lt;script&gt;alert(1)&lt;/script&gt; style=&quot;x&quot;</p>").problems == []


def test_htmx_is_configured_for_the_strict_policy(site, client):
    response = fetch(site, client, "plan page")

    config = json.loads(inline_code(response.content.decode()).metas["htmx-config"])
    assert config["allowEval"] is False
    assert config["allowScriptTags"] is False
    assert config["includeIndicatorStyles"] is False


def test_htmx_indicator_styles_come_from_our_stylesheet():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    assert ".htmx-indicator" in css


def test_session_and_csrf_cookies_are_httponly_where_possible_and_samesite(client, user):
    client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"  # htmx reads the token from the page, never from this cookie


def test_shared_page_is_kept_out_of_search_engines(site, client):
    response = fetch(site, client, "shared plan")

    assert response["X-Robots-Tag"] == "noindex"
