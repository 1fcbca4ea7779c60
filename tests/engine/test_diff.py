"""What moved between two projections (`engine/diff.py`): a plan's change between data versions, and two plans
compared step by step."""

from dataclasses import replace

import pytest

from engine.diff import Move, compare_rows, plan_change
from engine.projection import project
from tests.builders import YEAR, profile

pytestmark = pytest.mark.django_db


def move(**changes) -> Move:
    base = {
        "track": "ic",
        "track_name": "Individual contributor",
        "role": "senior",
        "title": "Senior ML Engineer",
        "figure": "base",
        "old_min": 100,
        "old_max": 200,
        "new_min": 110,
        "new_max": 220,
        "currency": "USD",
    }
    return Move(**{**base, **changes})


def test_the_same_projection_twice_moved_nothing(catalog):
    projection = project(profile(), catalog, YEAR)
    change = plan_change(projection, projection)
    assert not change.moved
    assert change.largest == 0.0
    assert change.headline is None


def test_a_raised_location_band_moves_the_plan_up(catalog):
    old = project(profile(), catalog, YEAR)
    band = catalog.location_bands["seattle"]
    bands = tuple(replace(b, max=b.max * 1.2) if b is band else b for b in catalog.bands)
    # Fresh band indexes: the new catalog files its bands anew (the shared catalog's stay as they are).
    raised = replace(catalog, bands=bands, role_bands={}, location_bands={}, industry_bands={}, other_bands={})
    change = plan_change(old, project(profile(), raised, YEAR))
    assert change.moved
    assert change.largest > 0
    assert change.headline is not None


def test_a_move_is_the_change_of_its_ranges_midpoint_in_percent():
    assert move().percent == pytest.approx(10.0)
    assert move(old_min=0, old_max=0).percent == 0.0


def test_comparing_a_plan_with_itself_gives_no_difference(catalog):
    projection = project(profile(target_track="management"), catalog, YEAR)
    rows = compare_rows(projection, projection)
    assert rows
    for row in rows:
        assert (row.delta_min, row.delta_max, row.delta_years) == (0, 0, 0)


def test_a_step_only_one_plan_reaches_has_no_difference(catalog):
    research = project(profile(target_track="research", education="phd"), catalog, YEAR)
    ic = project(profile(), catalog, YEAR)
    rows = [row for row in compare_rows(ic, research) if row.a is None or row.b is None]
    for row in rows:
        assert row.delta_min is None
        assert row.delta_years is None
