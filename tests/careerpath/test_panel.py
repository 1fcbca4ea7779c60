"""The projection panel (`careerpath/presentation/panel.py`) rendered into Django's cache: keyed by inputs, year and
data version (`cache_key`), never shared between requests or plans."""

import gzip
import threading

import pytest
from django.urls import reverse

from careerpath.clock import this_year
from careerpath.forms import ProfileForm
from careerpath.presentation import panel as panel_module
from careerpath.profiles import profile_from_values
from compensation.catalog import get_catalog
from compensation.models import Role, SalaryBand
from compensation.money import format_money
from engine.projection import project
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

QUERY = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
HTMX = {"HX-Request": "true"}


def director_top() -> str:
    profile = profile_from_values({**QUERY, "years_experience": 4, "target_year": None})
    step = project(profile, get_catalog(), this_year()).track("management").top
    return format_money(step.base_max, step.currency)


def test_a_band_changed_in_admin_shows_on_the_next_live_update(client):
    url = reverse("estimate")
    before = director_top()
    assert before in client.get(url, QUERY, headers=HTMX).content.decode()

    band = SalaryBand.objects.get(slug="role-director-vp")
    band.max_amount = band.max_amount * 2
    band.save()

    after = director_top()
    html = client.get(url, QUERY, headers=HTMX).content.decode()
    assert after != before
    assert after in html and before not in html


def test_the_same_inputs_again_are_answered_without_running_the_engine(client, monkeypatch):
    first = client.get(reverse("estimate"), QUERY, headers=HTMX).content
    monkeypatch.setattr(panel_module, "project", lambda *args: pytest.fail("the engine ran on a cache hit"))
    assert client.get(reverse("estimate"), QUERY, headers=HTMX).content == first


def test_new_inputs_are_rendered_not_taken_from_the_cache(client):
    seattle = client.get(reverse("estimate"), QUERY, headers=HTMX).content.decode()
    london = client.get(reverse("estimate"), {**QUERY, "location": "london"}, headers=HTMX).content.decode()
    assert "£" in london and "£" not in seattle.split("elsewhere")[0]  # before either table of locations


def test_with_the_cache_off_every_update_runs_the_engine(client, settings, monkeypatch):
    settings.PANEL_CACHE_SECONDS = 0
    runs = []
    monkeypatch.setattr(panel_module, "project", lambda *args: runs.append(1) or project(*args))
    for _ in range(2):
        assert 'data-role="director-vp"' in client.get(reverse("estimate"), QUERY, headers=HTMX).content.decode()
    assert len(runs) == 2


def test_a_live_update_is_sent_gzipped_and_varies_on_htmx_and_encoding(client):
    headers = {**HTMX, "Accept-Encoding": "gzip, br"}
    plain = client.get(reverse("estimate"), QUERY, headers=HTMX)
    for _ in range(2):  # rendered, then from the cache
        packed = client.get(reverse("estimate"), QUERY, headers=headers)
        assert packed["Content-Encoding"] == "gzip"  # by Django's GZipMiddleware
        body = gzip.decompress(packed.content)
        assert body == plain.content
    assert 'id="projection"' in body.decode() and "<html" not in body.decode()
    vary = {v.strip().lower() for v in packed["Vary"].split(",")}
    assert {"hx-request", "accept-encoding"} <= vary
    page = client.get(reverse("estimate"), QUERY)
    assert "hx-request" in page["Vary"].lower() and "<html" in page.content.decode()


def test_forms_in_concurrent_requests_never_share_widgets(catalog):
    """Each form owns its fields and widgets: a change one request makes is invisible to another."""
    seen: dict[str, dict] = {}
    barrier = threading.Barrier(2)

    def request(name: str) -> None:
        form = ProfileForm(catalog=catalog)
        barrier.wait()
        form.fields["location"].widget.attrs["data-request"] = name
        form.fields["location"].error_messages["required"] = f"asked by {name}"
        barrier.wait()
        seen[name] = {
            "attrs": dict(form.fields["location"].widget.attrs),
            "message": form.fields["location"].error_messages["required"],
            "fresh": dict(ProfileForm(catalog=catalog).fields["location"].widget.attrs),
        }

    threads = [threading.Thread(target=request, args=(name,)) for name in ("ada", "grace")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["ada"]["attrs"]["data-request"] == "ada" and seen["grace"]["attrs"]["data-request"] == "grace"
    assert seen["ada"]["message"] == "asked by ada" and seen["grace"]["message"] == "asked by grace"
    assert "data-request" not in seen["ada"]["fresh"]


def test_kept_form_html_never_shows_another_plans_values(client, user, make_plan):
    client.force_login(user)
    first = make_plan(user, title="First plan", location="london")
    second = make_plan(user, title="Second plan")
    for _ in range(2):  # rendered, then kept
        one = client.get(reverse("plan_detail", args=[first.pk])).content.decode()
        two = client.get(reverse("plan_detail", args=[second.pk])).content.decode()
        assert 'value="First plan"' in one and 'value="Second plan"' not in one
        assert 'value="Second plan"' in two and 'value="First plan"' not in two
        assert '<option value="london" selected>' in one and '<option value="london" selected>' not in two


def test_a_bound_form_shows_what_was_typed_not_a_kept_copy(client):
    client.get(reverse("home"))  # keeps the home page's untouched form
    html = client.get(reverse("estimate"), {**QUERY, "years_experience": "lots"}).content.decode()
    assert 'value="lots"' in html


def test_a_step_card_prints_a_title_from_admin_escaped_once(client, settings, monkeypatch):
    """The step cards' values are escaped in panel.py (`printed`), as the template would: the same HTML."""
    settings.PANEL_CACHE_SECONDS = 0
    role = Role.objects.get(slug="director-vp")
    role.name = 'R&D <Director> "VP"'
    role.save()
    html = client.get(reverse("estimate"), QUERY, headers=HTMX).content.decode()
    assert "<strong>R&amp;D &lt;Director&gt; &quot;VP&quot;</strong>" in html
    assert "&amp;amp;" not in html and "<Director>" not in html
    monkeypatch.setattr(panel_module, "PRINTED", ())  # every value left to the template's autoescape
    assert client.get(reverse("estimate"), QUERY, headers=HTMX).content.decode() == html
