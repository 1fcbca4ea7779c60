"""`manage.py seed_scale` makes synthetic people with plans for the benchmarks, the same for the same seed."""

import io

import pytest
from django.core.management import call_command

from careerpath.models import Plan

pytestmark = pytest.mark.django_db


def seed(**options) -> None:
    call_command("seed_scale", stdout=io.StringIO(), **options)


def test_seed_scale_makes_the_people_and_plans_asked_for():
    seed(users=3, plans=12)
    plans = Plan.objects.filter(owner__username__startswith="bench-user-")
    assert plans.count() == 12
    assert plans.values("owner").distinct().count() <= 3


def test_the_same_seed_makes_the_same_plans():
    seed(users=3, plans=12, seed=7)
    first = list(Plan.objects.order_by("pk").values_list("location_id", "current_level_id", "years_experience"))
    Plan.objects.all().delete()
    seed(users=3, plans=12, seed=7)
    again = list(Plan.objects.order_by("pk").values_list("location_id", "current_level_id", "years_experience"))
    assert first == again
