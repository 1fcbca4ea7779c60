"""The anonymous quick estimate on the home page."""

import pytest
from django.urls import reverse

from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

QUERY = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}


def test_home_shows_an_example_projection_and_a_call_to_sign_up(client):
    html = client.get(reverse("home")).content.decode()
    assert 'data-role="director-vp"' in html
    assert "Sign up to save it" in html


def test_estimate_without_js_renders_the_whole_page(client):
    response = client.get(reverse("estimate"), {**QUERY, "location": "london"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html and "£" in html


def test_estimate_partial_for_htmx(client):
    response = client.get(reverse("estimate"), {**QUERY, "location": "berlin-munich"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "€" in html


def test_estimate_with_bad_input_says_what_is_wrong(client):
    response = client.get(reverse("estimate"), {**QUERY, "years_experience": "lots", "location": "nowhere"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter your years of experience as a whole number" in html
    assert "Choose a location from the list." in html


def test_no_template_comment_leaks_into_the_page(client):
    html = client.get(reverse("home")).content.decode()
    assert "{#" not in html and "#}" not in html
