"""Writes to plans and share links (`careerpath/services.py`): every write to a plan goes through here."""

import pytest

from careerpath import services
from careerpath.forms import PlanForm
from careerpath.models import Plan
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db


def values(catalog, **changes) -> dict:
    form = PlanForm({**PLAN_POST, **changes}, catalog=catalog)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_a_new_plan_is_saved_with_its_skills_and_has_seen_todays_data(catalog, user):
    plan = services.create_plan(user, values(catalog), catalog)
    assert plan.owner == user
    assert plan.title == PLAN_POST["title"]
    assert sorted(plan.skills.values_list("slug", flat=True)) == sorted(PLAN_POST["skills"])
    assert plan.seen_data_version == catalog.data_version
    assert plan.version == 1


def test_a_new_plan_keeps_the_summary_my_plans_shows(catalog, user):
    plan = services.create_plan(user, values(catalog), catalog)
    assert plan.summary
    assert plan.summary_data_version == catalog.data_version


def test_an_update_from_the_current_version_is_saved_and_moves_the_version(catalog, make_plan, user):
    plan = make_plan(user)
    saved = services.update_plan(plan, {**values(catalog, title="Renamed"), "version": plan.version}, catalog)
    assert isinstance(saved, Plan)
    assert saved.version == plan.version + 1
    assert Plan.objects.get(pk=plan.pk).title == "Renamed"


def test_an_update_from_an_old_version_writes_nothing_and_returns_the_plan_as_it_is(catalog, make_plan, user):
    plan = make_plan(user)
    services.update_plan(plan, {**values(catalog, title="First"), "version": plan.version}, catalog)
    conflict = services.update_plan(plan, {**values(catalog, title="Second"), "version": plan.version}, catalog)
    assert isinstance(conflict, services.Conflict)
    assert conflict.current.title == "First"
    assert Plan.objects.get(pk=plan.pk).title == "First"


def test_a_duplicate_is_a_new_plan_with_the_same_inputs_and_skills_at_version_1(catalog, make_plan, user):
    plan = make_plan(user)
    services.update_plan(plan, {**values(catalog), "version": plan.version}, catalog)
    copy = services.duplicate_plan(Plan.objects.get(pk=plan.pk))
    assert copy.pk != plan.pk
    assert copy.title == f"{plan.title} (copy)"
    assert copy.version == 1
    assert set(copy.skills.all()) == set(plan.skills.all())
    assert copy.location_id == plan.location_id


def test_a_duplicates_title_is_cut_to_the_longest_a_title_may_be(catalog, make_plan, user):
    plan = make_plan(user, title="x" * Plan.TITLE_MAX_LENGTH)
    assert len(services.duplicate_plan(plan).title) == Plan.TITLE_MAX_LENGTH


def test_data_seen_never_moves_backwards(make_plan, user):
    plan = make_plan(user)
    services.mark_data_seen(plan, plan.seen_data_version + 2)
    plan.refresh_from_db()
    seen = plan.seen_data_version
    services.mark_data_seen(plan, seen - 1)
    plan.refresh_from_db()
    assert plan.seen_data_version == seen


def test_revoking_a_share_link_twice_keeps_the_first_time(make_plan, user):
    link = services.create_share_link(make_plan(user), show_pay=False)
    services.revoke_share_link(link)
    first = link.revoked
    services.revoke_share_link(link)
    link.refresh_from_db()
    assert first is not None
    assert link.revoked == first
