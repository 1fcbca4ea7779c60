"""An admin's "Preview effect" never holds the write lock, and stops at its deadline.

Django's admin runs a change form's POST in `transaction.atomic`; on SQLite, whose transactions
are IMMEDIATE here, that BEGIN takes the write lock, so a preview made inside it held the lock for
its whole run (~2.5 s) and every plan save waited behind it. The preview saves nothing, so it now
runs outside the transaction, and projects for at most `impact.DEADLINE` seconds.
"""

import statistics
import threading
import time

import pytest
from django.db import transaction
from django.urls import reverse

from compensation import state
from compensation.catalog import catalog_from_state, get_catalog
from compensation.models import SalaryBand
from publishing import impact
from publishing.admin import salary as salary_admin
from tests.builders import YEAR, admin_band_form
from tests.factories import PASSWORD, PLAN_POST
from tests.servers import WebClient, gunicorn_servers, run_manage, site_database

BAND = "location-seattle"
PLANS = 3000  # enough distinct inputs that projecting them all takes longer than the deadline
CREATE_PEOPLE = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from compensation.models import SalaryBand
for email, staff in (("ada@example.com", False), ("staff@example.com", True)):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="PASSWORD", is_staff=staff, is_superuser=staff
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
print(SalaryBand.objects.get(slug="BAND").pk)
"""


def preview_data(band: SalaryBand) -> dict:
    data = admin_band_form(band, note="", min_amount="145000", max_amount="190000")
    del data["_save"]
    return {**data, "_preview": "Preview effect"}


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.mark.django_db(transaction=True)
def test_the_preview_runs_outside_any_transaction(staff_client, monkeypatch, make_plan, user):
    make_plan(user, location="seattle")
    seen = []
    real_effect = impact.effect

    def watched(*args, **kwargs):
        seen.append(transaction.get_connection().in_atomic_block)
        return real_effect(*args, **kwargs)

    monkeypatch.setattr(salary_admin, "effect", watched)
    band = SalaryBand.objects.get(slug=BAND)

    response = staff_client.post(reverse("admin:compensation_salaryband_change", args=[band.pk]), preview_data(band))

    assert response.status_code == 200
    assert 'data-preview-moved="1"' in response.content.decode()
    assert seen == [False]


def test_a_preview_stops_at_its_deadline_and_says_it_estimated(db, make_plan, user, other_user):
    for owner in (user, other_user):
        for level in ("entry", "mid", "senior"):
            make_plan(owner, location="seattle", current_level=level)
    current = get_catalog()
    rows, ids = state.state_from_db()
    rows["salaryband"][BAND] = {**rows["salaryband"][BAND], "min_amount": "145000.00"}
    candidate = catalog_from_state(rows, version=-1, ids=ids)

    result = impact.effect(current, candidate, YEAR, deadline=0)

    assert result.stopped and result.sampled
    assert result.profiles == 1  # one set of inputs is projected, however short the deadline
    assert result.plans == 6 and result.examined == 2
    assert result.overall.moved == 6  # every Seattle plan moves: 2 examined stand for 6


# Two processes on one database: previews in the admin of one, plan saves on the other ------------


@pytest.fixture
def site(tmp_path):
    """Two gunicorn processes on a database with PLANS plans; (admin client, user client, band id)."""
    with site_database(tmp_path) as database_url:
        band_id = run_manage(
            database_url, "shell", "-c", CREATE_PEOPLE.replace("PASSWORD", PASSWORD).replace("BAND", BAND)
        ).split()[-1]
        run_manage(database_url, "seed_scale", "--users", "20", "--plans", str(PLANS))
        with gunicorn_servers(2, tmp_path, DATABASE_URL=database_url) as (first, second):
            staff, person = WebClient(first), WebClient(second)
            assert staff.log_in("staff@example.com").status == 302
            assert person.log_in("ada@example.com").status == 302
            yield staff, person, band_id


def test_plan_saves_do_not_wait_for_previews_running_beside_them(site):
    staff, person, band_id = site
    change = f"/admin/compensation/salaryband/{band_id}/change/"
    form = staff.get(change).text
    previews: list[float] = []
    stop, answered = threading.Event(), threading.Event()

    def keep_previewing():
        while not stop.is_set():
            started = time.monotonic()
            page = staff.post_form(form, change, {"min_amount": "145000", "_preview": "Preview effect"}, form_action="")
            assert page.status == 200 and "data-preview-moved" in page.text, page.text[:500]
            previews.append(time.monotonic() - started)
            answered.set()

    thread = threading.Thread(target=keep_previewing)
    thread.start()
    saves = []
    try:
        # Once the first preview has answered, the next one is under way: the saves run beside it.
        assert answered.wait(timeout=60), "no preview answered within a minute"
        for number in range(8):
            page = person.get("/plans/new/")
            assert page.status == 200, (page.status, page.location)
            started = time.monotonic()
            saved = person.post_form(
                page.text, "/plans/new/", {**PLAN_POST, "title": f"Saved {number}"}, form_action="/plans/new/"
            )
            saves.append(time.monotonic() - started)
            assert saved.status == 302, saved.text[:300]
    finally:
        stop.set()
        thread.join(timeout=60)

    assert len(previews) >= 2
    preview = statistics.median(previews)
    assert preview >= 1.0, f"previews took {previews}: too quick to show anything"
    assert max(saves) < min(1.0, preview / 2), f"saves took {saves} beside previews of {previews}"
