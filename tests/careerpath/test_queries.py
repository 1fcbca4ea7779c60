"""Queries per page are few and do not grow with the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compensation.catalog import get_catalog
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db
QUERY = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
ALL_SKILLS = ["deep-learning", "nlp", "reinforcement-learning", "cloud-platforms", "big-data", "software-engineering"]


def count(client, url, data=None, **kwargs) -> int:
    get_catalog()  # the snapshot is warm in a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data or {}, **kwargs)
    assert response.status_code == 200, url
    return len(queries)


def pages(plan, other):
    return [
        (reverse("home"), None, {}),
        (reverse("estimate"), QUERY, {"headers": {"HX-Request": "true"}}),
        (reverse("details"), {**QUERY, "part": "options"}, {"headers": {"HX-Request": "true"}}),
        (reverse("details"), {**QUERY, "part": "years", "track": "ic"}, {}),
        (reverse("methodology"), None, {}),
        (reverse("plan_list"), None, {}),
        (reverse("plan_detail", args=[plan.pk]), None, {}),
        (reverse("plan_edit", args=[plan.pk]), None, {}),
        (reverse("plan_detail", args=[plan.pk]), QUERY, {"headers": {"HX-Request": "true"}}),
        (reverse("plan_compare"), {"a": plan.pk, "b": other.pk}, {}),
        (reverse("plan_share", args=[plan.pk]), None, {}),
        (reverse("projection_json", args=[plan.pk]), None, {}),
    ]


def test_every_page_takes_at_most_five_queries_whatever_the_data(user_client, user, make_plan):
    plan = make_plan(user, skills=["nlp"])
    other = make_plan(user)
    small = [count(user_client, url, data, **kw) for url, data, kw in pages(plan, other)]
    assert max(small) <= 5, small

    for i in range(30):
        make_plan(user, title=f"More {i}", skills=ALL_SKILLS)
    plan.skills.set(plan.skills.model.objects.all())
    large = [count(user_client, url, data, **kw) for url, data, kw in pages(plan, other)]
    assert large == small


def test_a_live_update_of_a_plan_takes_four_queries(user_client, plan, django_assert_num_queries):
    """Session, user, the plan, the catalog version: the saved skills are not needed for a preview."""
    get_catalog()
    with django_assert_num_queries(4):
        response = user_client.post(reverse("plan_preview", args=[plan.pk]), QUERY, headers={"HX-Request": "true"})
    assert response.status_code == 200
