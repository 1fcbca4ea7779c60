"""A plan says what a change of the salary data did to it, and why, until its owner dismisses it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careerpath.models import Plan, ShareLink
from careerpath.profiles import profile_from_values, values_from_plan
from compensation.catalog import get_catalog
from compensation.money import signed_percent
from engine.diff import plan_change
from engine.options import focus_track
from engine.projection import project
from tests.builders import YEAR, change_band

pytestmark = pytest.mark.django_db


def notice(html: str) -> str:
    match = re.search(r"<section[^>]*data-data-change[^>]*>(.*?)</section>", html, re.S)
    return re.sub(r"\s+", " ", match.group(1)) if match else ""


def test_an_affected_plan_says_what_moved_and_why(user_client, make_plan, user):
    plan = make_plan(user, location="seattle")
    catalog = get_catalog()
    before = project(
        profile_from_values(values_from_plan(plan, [s.pk for s in plan.skills.all()], catalog)), catalog, YEAR
    )

    change_band("location-seattle", "2026 survey: Seattle", min_amount=145000, max_amount=195000)

    after = project(before.profile, get_catalog(), YEAR)
    old_next, new_next = focus_track(before).steps[1], focus_track(after).steps[1]
    text = notice(user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())
    assert "the salary data changed (2026 survey: Seattle)" in text
    assert f"Your next step, {new_next.title}, moved from ${old_next.base_min:,.0f} – ${old_next.base_max:,.0f}" in text
    assert f"to ${new_next.base_min:,.0f} – ${new_next.base_max:,.0f}" in text
    percent = signed_percent(plan_change(before, after).headline.percent)
    assert f"({percent})" in text and percent.startswith("+")
    assert "because the Seattle band changed from $135,000 – $180,000 to $145,000 – $195,000" in text


def test_an_unaffected_plan_shows_no_notice_but_is_not_marked_seen(user_client, make_plan, user):
    plan = make_plan(user, location="london")
    change_band("location-seattle", "2026 survey: Seattle", min_amount=145000)

    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()

    assert "data-data-change" not in html
    assert "data-data-changed" not in user_client.get(reverse("plan_list")).content.decode()


def test_opening_the_page_does_not_mark_it_seen_and_dismissing_does(user_client, plan):
    change_band("location-seattle", "Seattle", min_amount=145000)
    url = reverse("plan_detail", args=[plan.pk])
    assert notice(user_client.get(url).content.decode())
    assert notice(user_client.get(url).content.decode())  # still there
    updated = Plan.objects.get(pk=plan.pk).updated

    response = user_client.post(reverse("plan_data_change_seen", args=[plan.pk]), {"version": 2})

    assert response.status_code == 302 and response["Location"] == url
    assert Plan.objects.get(pk=plan.pk).seen_data_version == 2
    assert Plan.objects.get(pk=plan.pk).updated == updated  # seeing is not editing
    assert not notice(user_client.get(url).content.decode())


def test_my_plans_marks_the_plans_with_unseen_changes(user_client, make_plan, user):
    moved = make_plan(user, title="Seattle plan", location="seattle")
    still = make_plan(user, title="London plan", location="london")
    change_band("location-seattle", "Seattle", min_amount=145000)

    html = user_client.get(reverse("plan_list")).content.decode()

    rows = dict(re.findall(r'<tr data-plan="(\d+)">(.*?)</tr>', html, re.S))
    assert "Salary data changed" in rows[str(moved.pk)]
    assert "Salary data changed" not in rows[str(still.pk)]


def test_a_share_link_always_shows_todays_data_without_a_notice(client, plan):
    link = ShareLink.objects.create(plan=plan)
    change_band("location-seattle", "Seattle", min_amount=145000)

    html = client.get(link.get_absolute_url()).content.decode()

    assert "data-data-change" not in html


def test_only_the_owner_can_dismiss(client, plan, other_user):
    change_band("location-seattle", "Seattle", min_amount=145000)
    client.force_login(other_user)
    assert client.post(reverse("plan_data_change_seen", args=[plan.pk]), {"version": 2}).status_code == 404
    assert Plan.objects.get(pk=plan.pk).seen_data_version == 1


def test_dismissing_a_version_newer_than_the_data_is_refused(user_client, plan):
    response = user_client.post(reverse("plan_data_change_seen", args=[plan.pk]), {"version": 99})
    assert response.status_code == 400
    assert Plan.objects.get(pk=plan.pk).seen_data_version == 1


def test_several_versions_since_are_explained_together(user_client, make_plan, user):
    plan = make_plan(user, location="seattle")
    change_band("location-seattle", "First Seattle update", min_amount=140000)
    change_band("location-seattle", "Second Seattle update", max_amount=190000)

    text = notice(user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())

    assert "(First Seattle update; Second Seattle update)" in text
    assert "the Seattle band changed from $135,000 – $180,000 to $140,000 – $190,000" in text


def test_the_notice_costs_a_fixed_number_of_queries_whatever_the_history(user_client, plan):
    def queries() -> int:
        get_catalog()
        with CaptureQueriesContext(connection) as captured:
            user_client.get(reverse("plan_detail", args=[plan.pk]))
        return len(captured)

    change_band("location-seattle", "One", min_amount=140000)
    queries()  # the snapshot as of the version the plan saw is built once per process
    few = queries()
    for n in range(5):
        change_band("location-seattle", f"More {n}", min_amount=141000 + n)
    queries()
    assert queries() == few
