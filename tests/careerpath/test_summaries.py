"""My plans with figures (issue 23, finding 10): each plan's next step, year, pay and the person's
percentile, from a summary kept on the plan, in a constant number of queries."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careerpath.models import Plan
from compensation.catalog import get_catalog
from tests.builders import change_band

pytestmark = pytest.mark.django_db


def summaries(html: str) -> list[str]:
    found = re.findall(r"<span data-plan-summary[^>]*>(.*?)</span></td>", html, re.S)
    return [re.sub(r"<[^>]+>", "", text) for text in found]


def list_queries(client) -> tuple[int, str]:
    get_catalog()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plan_list"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_each_plan_shows_its_next_step_year_pay_and_percentile(user_client, user, make_plan):
    make_plan(user, title="Paid", current_base="180000")
    make_plan(user, title="Unpaid", location="london")
    html = user_client.get(reverse("plan_list")).content.decode()
    paid, unpaid = sorted(summaries(html), key=lambda text: "£" in text)
    assert re.fullmatch(
        r"Senior ML Engineer, typically in \d{4} \(management track\)\$[\d,]+ – \$[\d,]+ base a year, today’s money"
        r"Your base: \d+(st|nd|rd|th) percentile of your level’s band here",
        paid,
    ), paid
    assert "£" in unpaid and "Your base" not in unpaid
    assert re.search(r'data-plan-summary data-percentile="\d+"', html)


def test_saving_a_plan_keeps_its_summary_at_the_data_version(user, make_plan):
    plan = make_plan(user, current_base="180000")
    stored = Plan.objects.get(pk=plan.pk)
    assert stored.summary_data_version == get_catalog().data_version
    assert stored.summary["role"] == "senior" and stored.summary["currency"] == "USD"
    assert 0 <= stored.summary["percentile"] <= 100


def test_the_list_shows_summaries_the_data_moved_in_one_batch_and_writes_nothing(user_client, user, make_plan):
    for i in range(3):
        make_plan(user, title=f"Plan {i}", current_base="180000")
    fresh, _ = list_queries(user_client)
    before = Plan.objects.first().summary

    change_band("location-seattle", "2026 survey: Seattle", min_amount=170000, max_amount=230000)
    get_catalog()
    with CaptureQueriesContext(connection) as queries:
        html = user_client.get(reverse("plan_list")).content.decode()
    stale_few = len(queries)
    written = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert written == []  # a GET writes nothing
    shown = Plan.objects.first()
    assert shown.summary == before  # still stored at the old version
    percentile = re.search(r'data-plan-summary data-percentile="(\d+)"', html)
    assert percentile and int(percentile.group(1)) < before["percentile"]  # the band rose: the same pay sits lower
    assert fresh < stale_few  # the page's stale plans are read together (their skills: one query)

    for i in range(12):
        make_plan(user, title=f"More {i}", current_base="180000")
    change_band("location-seattle", "2026 survey again", min_amount=175000, max_amount=235000)
    stale_many, _ = list_queries(user_client)
    assert stale_many == stale_few  # 15 plans to recompute cost what 3 did


def test_refresh_summaries_stores_what_the_data_moved_then_the_list_only_reads(user_client, user, make_plan):
    for i in range(3):
        make_plan(user, title=f"Plan {i}", current_base="180000")
    before = Plan.objects.first().summary
    change_band("location-seattle", "2026 survey: Seattle", min_amount=170000, max_amount=230000)
    stale, _ = list_queries(user_client)

    out = io.StringIO()
    call_command("refresh_summaries", "--batch", "2", stdout=out)
    assert "Stored 3 plan summaries." in out.getvalue()
    after = Plan.objects.first()
    assert after.summary_data_version == get_catalog().data_version
    assert after.summary["percentile"] < before["percentile"]
    assert list_queries(user_client)[0] < stale  # read as stored: no plan to recompute
