"""CSRF protection on every state-changing request, htmx requests included.

Django's test client skips CSRF checks unless asked, so every test here uses
`Client(enforce_csrf_checks=True)`: a POST without the token is refused with 403, and a POST with the
token the page gives (the form's hidden field, or the `X-CSRFToken` header htmx sends from `<body
data-hx-headers>`) goes through.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from careerpath.models import Plan, ShareLink
from tests.csp import inline_code
from tests.factories import PASSWORD, PLAN_POST

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict(user):
    """A logged-in client that enforces CSRF like a browser session would."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def htmx_token(html: str) -> str:
    """The token htmx sends with every request: `<body data-hx-headers='{"X-CSRFToken": …}'>`."""
    headers = re.search(r"<body[^>]*\sdata-hx-headers='([^']+)'", html).group(1)
    return json.loads(headers)["X-CSRFToken"]


def form_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


# Every URL refuses a POST without a token --------------------------------------------------------

SAMPLE_ARGUMENTS = {"plan_id": "plan", "link_id": "link", "token": "token", "uidb36": "1", "key": "abc-def"}


def every_route(patterns=None, prefix=""):
    """(name, pattern) of every URL of the site, admin and allauth included."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            yield from (
                (f"{namespace}{name}" if name else None, route)
                for name, route in every_route(entry.url_patterns, prefix + str(entry.pattern))
            )
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern)


def concrete_url(route: str, plan: Plan, link: ShareLink) -> str:
    values = {"plan": str(plan.pk), "link": str(link.pk), "token": link.token, "1": "1", "abc-def": "abc-def"}
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[SAMPLE_ARGUMENTS.get(m.group(1), "1")], route)
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[SAMPLE_ARGUMENTS.get(m.group(1), "1")], route)
    route = route.replace("<path:object_id>", "1").replace("\\", "")
    return "/" + route


# The digests' one-click unsubscribe (RFC 8058): mail clients POST it without a session or token; the
# signed link is its protection and it can only turn its own person's alerts off (test_digest_unsubscribe.py).
CSRF_EXEMPT = {"accounts/unsubscribe/<str:token>/"}
ROUTES = sorted({route for _, route in every_route()} - {"favicon.ico"} - CSRF_EXEMPT)


def test_the_route_list_covers_the_site():
    names = {name for name, _ in every_route()}

    for expected in ("plan_new", "plan_edit", "plan_delete", "share_revoke", "account_login", "account_delete"):
        assert expected in names
    assert any(route.startswith("admin/") for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_every_url_refuses_a_post_without_a_token(strict, plan, route):
    link = ShareLink.objects.create(plan=plan)
    url = concrete_url(route, plan, link)
    before = (Plan.objects.count(), list(ShareLink.objects.values_list("revoked", flat=True)))

    response = strict.post(url, {**PLAN_POST, "version": plan.version, "password": PASSWORD})

    assert response.status_code == 403, url
    assert (Plan.objects.count(), list(ShareLink.objects.values_list("revoked", flat=True))) == before


# htmx requests ------------------------------------------------------------------------------------


def test_htmx_edit_without_the_header_is_refused(strict, plan):
    strict.get(reverse("plan_detail", args=[plan.pk]))  # sets the CSRF cookie, as a browser would have

    response = strict.post(
        reverse("plan_edit", args=[plan.pk]),
        {**PLAN_POST, "title": "Forged", "version": plan.version},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.title == "Move to management"


def test_htmx_edit_with_the_header_from_the_page_works(strict, plan):
    page = strict.get(reverse("plan_detail", args=[plan.pk])).content.decode()

    response = strict.post(
        reverse("plan_edit", args=[plan.pk]),
        {**PLAN_POST, "title": "Saved through htmx", "version": plan.version},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=htmx_token(page),
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("plan_detail", args=[plan.pk])
    plan.refresh_from_db()
    assert plan.title == "Saved through htmx"


def test_htmx_header_token_of_another_session_is_refused(strict, plan, other_user):
    stranger = Client(enforce_csrf_checks=True)
    stranger.force_login(other_user)
    their_token = htmx_token(stranger.get(reverse("plan_list")).content.decode())
    strict.get(reverse("plan_detail", args=[plan.pk]))

    response = strict.post(
        reverse("plan_edit", args=[plan.pk]),
        {**PLAN_POST, "title": "Forged", "version": plan.version},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=their_token,
    )

    assert response.status_code == 403


def test_every_page_with_htmx_carries_the_token_header(strict, plan):
    for url in (reverse("home"), reverse("plan_new"), reverse("plan_detail", args=[plan.pk])):
        html = strict.get(url).content.decode()
        assert len(htmx_token(html)) == 64, url


# Ordinary forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "action", "data", "expected"),
    [
        ("plan_new", "plan_new", PLAN_POST, 302),
        ("plan_detail", "plan_duplicate", {}, 302),
        ("plan_share", "plan_share", {}, 302),
        ("plan_delete", "plan_delete", {}, 302),
    ],
)
def test_forms_post_with_the_token_from_the_page(strict, plan, page, action, data, expected):
    args = [] if page == "plan_new" else [plan.pk]
    html = strict.get(reverse(page, args=args)).content.decode()

    refused = strict.post(reverse(action, args=args), data)
    accepted = strict.post(reverse(action, args=args), {**data, "csrfmiddlewaretoken": form_token(html)})

    assert refused.status_code == 403
    assert accepted.status_code == expected


def test_revoking_a_share_link_needs_the_token(strict, plan):
    link = ShareLink.objects.create(plan=plan)
    html = strict.get(reverse("plan_share", args=[plan.pk])).content.decode()
    url = reverse("share_revoke", args=[plan.pk, link.pk])

    assert strict.post(url).status_code == 403
    link.refresh_from_db()
    assert link.revoked is None
    assert strict.post(url, {"csrfmiddlewaretoken": form_token(html)}).status_code == 302
    link.refresh_from_db()
    assert link.revoked is not None


def test_a_post_from_another_origin_is_refused_even_with_a_token(strict, plan):
    html = strict.get(reverse("plan_share", args=[plan.pk])).content.decode()

    response = strict.post(
        reverse("plan_share", args=[plan.pk]),
        {"csrfmiddlewaretoken": form_token(html)},
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 403
    assert not plan.share_links.exists()


# Accounts -----------------------------------------------------------------------------------------


def test_login_needs_the_token(user):
    client = Client(enforce_csrf_checks=True)
    html = client.get(reverse("account_login")).content.decode()
    data = {"login": user.email, "password": PASSWORD}

    assert client.post(reverse("account_login"), data).status_code == 403
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("account_login"), {**data, "csrfmiddlewaretoken": form_token(html)}).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_logout_needs_a_post_with_the_token(strict, user):
    strict.get(reverse("account_logout"))
    assert strict.session["_auth_user_id"] == str(user.pk)  # a GET (a link, an image) does not log out

    assert strict.post(reverse("account_logout")).status_code == 403
    assert strict.session["_auth_user_id"] == str(user.pk)


def test_account_deletion_needs_the_token(strict, user):
    html = strict.get(reverse("account_delete")).content.decode()

    assert strict.post(reverse("account_delete"), {"password": PASSWORD}).status_code == 403
    user.refresh_from_db()
    response = strict.post(reverse("account_delete"), {"password": PASSWORD, "csrfmiddlewaretoken": form_token(html)})
    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()


def test_the_refusal_is_our_own_page_and_runs_under_the_policy(strict, plan):
    response = strict.post(reverse("plan_share", args=[plan.pk]))

    assert response.status_code == 403
    html = response.content.decode()
    assert "reload the page and try again" in html
    assert "CSRF" not in html  # no Django debugging help for an attacker
    assert inline_code(html).problems == []
