"""The anonymous quick estimate on the home page."""

import pytest
from django.urls import reverse

from tests.conftest import PLAN_POST

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


def test_methodology_lists_every_band_and_parameter_with_provenance(client, catalog):
    html = client.get(reverse("methodology")).content.decode()
    for band in catalog.bands:
        assert f'id="band-{band.slug}"' in html
    for slug in catalog.parameters:
        assert f'id="param-{slug}"' in html
    assert "Entry-level (0-2 years): $90,000 – $120,000" in html


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}


def test_a_band_changed_in_admin_shows_on_the_next_live_update(client):
    """Rendered projections are cached per process; a data change must still show at once."""
    import datetime

    from careerpath.forms import profile_from_initial
    from careerpath.projection import project
    from compensation.catalog import get_catalog
    from compensation.models import SalaryBand
    from compensation.money import format_money

    def director_top() -> str:
        profile = profile_from_initial({**QUERY, "years_experience": 4, "target_year": None})
        step = project(profile, get_catalog(), datetime.date.today().year).track("management").top
        return format_money(step.base_max, step.currency)

    url, htmx = reverse("estimate"), {"HX-Request": "true"}
    before = director_top()
    assert before in client.get(url, QUERY, headers=htmx).content.decode()

    band = SalaryBand.objects.get(slug="role-director-vp")
    band.max_amount = band.max_amount * 2
    band.save()

    after = director_top()
    html = client.get(url, QUERY, headers=htmx).content.decode()
    assert after != before
    assert after in html and before not in html


def test_a_live_update_is_sent_gzipped_and_varies_on_htmx_and_encoding(client):
    import gzip

    headers = {"HX-Request": "true", "Accept-Encoding": "gzip, br"}
    plain = client.get(reverse("estimate"), QUERY, headers={"HX-Request": "true"})
    for _ in range(2):  # rendered, then from the cache
        packed = client.get(reverse("estimate"), QUERY, headers=headers)
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
    assert 'id="projection"' in plain.content.decode() and "<html" not in plain.content.decode()
    for response in (plain, packed):
        vary = {v.strip().lower() for v in response["Vary"].split(",")}
        assert {"hx-request", "accept-encoding"} <= vary
    page = client.get(reverse("estimate"), QUERY)
    assert "hx-request" in page["Vary"].lower() and "<html" in page.content.decode()
