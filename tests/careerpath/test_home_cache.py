"""The anonymous home page from Django's cache framework: the same for every visitor until the data
changes, with nothing personal in it (each visitor's own CSRF token is put in per request)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from careerpath.views import estimate as estimate_views
from careerpath.views.estimate import CSRF_SLOT
from tests.builders import change_band
from tests.factories import PLAN_POST, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def renders(monkeypatch):
    """How many times the home page was rendered (not taken from the cache)."""
    count = []
    real = estimate_views.render_to_string

    def counting(*args, **kwargs):
        count.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(estimate_views, "render_to_string", counting)
    return count


def test_a_second_visitor_gets_the_page_from_the_cache_with_a_token_of_their_own(renders):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get("/"), second.get("/")
    assert one.status_code == two.status_code == 200
    assert len(renders) == 1
    token_one, token_two = TOKEN.search(one.text).group(1), TOKEN.search(two.text).group(1)
    assert CSRF_SLOT not in one.text + two.text
    assert token_one != token_two  # each visitor's own (masked) token
    assert f'"X-CSRFToken": "{token_two}"' in two.text  # the htmx header too
    assert TOKEN.sub("", one.text).replace(token_one, "") == TOKEN.sub("", two.text).replace(token_two, "")
    assert one["Vary"] == two["Vary"] and "HX-Request" in two["Vary"]
    # The token put in is the visitor's own: the form posts with it.
    query = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
    answer = second.post(
        reverse("estimate"), {**query, "csrfmiddlewaretoken": token_two}, headers={"HX-Request": "true"}
    )
    assert answer.status_code == 200
    assert first.post(reverse("estimate"), query, headers={"HX-Request": "true"}).status_code == 403


def test_a_data_change_renders_the_page_afresh(client, renders):
    client.get("/")
    change_band("role-mid", "Mid-level band checked", max_amount=199_000)
    html = client.get("/").text
    assert len(renders) == 2
    assert "Mid-level" in html


def test_someone_logged_in_gets_their_own_page_not_the_cached_one(client, renders):
    client.get("/")
    user = UserFactory()
    client.force_login(user)
    html = client.get("/").text
    assert len(renders) == 1  # the cached page was not used (nor stored) for them
    assert reverse("plan_list") in html and "Log out" in html


def test_a_page_with_a_message_is_rendered_for_that_visitor(client, renders):
    client.get("/")
    client.force_login(UserFactory())
    client.post(reverse("account_logout"))
    html = client.get("/").text
    assert "You have logged out." in html  # allauth's message, shown once, on a page rendered for this visitor
    assert "You have logged out." not in client.get("/").text


def test_with_the_cache_off_the_page_is_rendered_every_time(client, settings, renders, monkeypatch):
    settings.PANEL_CACHE_SECONDS = 0
    pages = []
    real = estimate_views.render_page
    monkeypatch.setattr(estimate_views, "render_page", lambda *a, **k: pages.append(1) or real(*a, **k))
    first, second = client.get("/"), client.get("/")
    assert first.status_code == second.status_code == 200
    assert len(pages) == 2 and len(renders) == 0  # rendered for each visit, nothing stored
