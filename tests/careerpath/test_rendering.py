"""One straight line per request: a page or a live update reads its inputs once, runs the engine once,
and a page that is only read (GET) writes nothing to the database."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import careerpath.profiles
from careerpath.models import ShareLink
from compensation.catalog import get_catalog
from engine.projection import project
from tests.builders import change_band
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

LIVE_UPDATE = {**PLAN_POST, "current_base": "150000", "pay_currency": "USD", "money": "real", "years_experience": "6"}


class Calls:
    """How many times the engine's `project` and the mapping (`careerpath.profiles`, entered from outside)
    run, counted by their code objects: whatever name a module imported them under."""

    def __init__(self) -> None:
        self.project = 0
        self.mapping = 0
        self._mapping_file = careerpath.profiles.__file__
        self._mapping_codes = {
            f.__code__
            for f in vars(careerpath.profiles).values()
            if callable(f) and getattr(f, "__module__", None) == careerpath.profiles.__name__ and hasattr(f, "__code__")
        }

    def __call__(self, frame, event, arg) -> None:
        if event != "call":
            return
        code = frame.f_code
        if code is project.__code__:
            self.project += 1
        elif code in self._mapping_codes and frame.f_back.f_code.co_filename != self._mapping_file:
            self.mapping += 1


@contextmanager
def counting() -> Iterator[Calls]:
    calls, before = Calls(), sys.getprofile()
    sys.setprofile(calls)
    try:
        yield calls
    finally:
        sys.setprofile(before)


@pytest.fixture(autouse=True)
def no_panel_cache(settings):
    settings.PANEL_CACHE_SECONDS = 0  # every answer renders its panel: the work is what is counted


def test_a_live_update_of_the_estimate_reads_its_inputs_once_and_projects_once(client):
    with counting() as calls:
        response = client.post(reverse("estimate"), LIVE_UPDATE, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "data-base-min" in response.content.decode()
    assert calls.project == 1
    assert calls.mapping <= 2  # the form's values to a profile; the profile to the panel's links


def test_a_live_update_of_a_plan_reads_its_inputs_once_and_projects_once(user_client, plan):
    with counting() as calls:
        response = user_client.post(reverse("plan_preview", args=[plan.pk]), LIVE_UPDATE, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "data-base-min" in response.content.decode()
    assert calls.project == 1
    assert calls.mapping <= 2


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda plan, token: reverse("home"), id="home"),
        pytest.param(
            lambda plan, token: (
                f"{reverse('estimate')}?current_level=mid&years_experience=4"
                "&location=london&industry=retail-ecommerce&company_type=large&education=bachelors"
                "&work_mode=onsite"
            ),
            id="estimate",
        ),
        pytest.param(lambda plan, token: reverse("plan_detail", args=[plan.pk]), id="plan page"),
        pytest.param(lambda plan, token: reverse("plan_edit", args=[plan.pk]), id="plan edit"),
        pytest.param(lambda plan, token: reverse("plan_new"), id="new plan"),
        pytest.param(lambda plan, token: reverse("shared_plan", args=[token]), id="share page"),
    ],
)
def test_every_page_with_a_projection_runs_the_engine_once(user_client, plan, page):
    token = ShareLink.objects.create(plan=plan, show_pay=True).token
    with counting() as calls:
        response = user_client.get(page(plan, token))
    assert response.status_code == 200
    assert calls.project == 1


def test_the_plan_preview_without_javascript_runs_the_engine_once(user_client, plan):
    with counting() as calls:
        response = user_client.post(reverse("plan_preview", args=[plan.pk]), LIVE_UPDATE)
    assert response.status_code == 200
    assert calls.project == 1


def test_reading_pages_writes_nothing_even_when_the_data_moved(user_client, user, make_plan):
    plans = [make_plan(user, title=f"Plan {i}", current_base="180000") for i in range(2)]
    token = ShareLink.objects.create(plan=plans[0]).token
    change_band("location-seattle", "2026 survey: Seattle", min_amount=170000, max_amount=230000)
    get_catalog()
    pages = [
        reverse("plan_list"),
        reverse("plan_detail", args=[plans[0].pk]),
        reverse("plan_edit", args=[plans[1].pk]),
        reverse("shared_plan", args=[token]),
        reverse("projection_json", args=[plans[0].pk]),
    ]
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            assert user_client.get(page).status_code == 200
        written = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
        assert written == [], page
