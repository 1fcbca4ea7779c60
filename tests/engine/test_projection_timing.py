"""When each step comes: the minimum gap, and plain notes on unusual inputs (issue 12: 4, 5)."""

from itertools import pairwise

from engine.projection import project
from tests.builders import YEAR, profile


def gaps(years):
    return [b - a for a, b in pairwise(years)]


def test_the_earliest_path_respects_the_minimum_years_between_steps(catalog):
    gap = catalog.param("min-years-between-steps").value
    result = project(profile(current_level="entry", years_experience=15, location="sf-bay-area"), catalog, YEAR)
    ic = result.track("ic").steps
    assert [s.role for s in ic] == ["entry", "mid", "senior", "lead-principal", "principal", "ml-architect"]
    assert all(g >= gap for g in gaps([s.earliest_year for s in ic[1:]]))
    assert all(g >= gap for g in gaps([s.year for s in ic[1:]]))


def test_a_senior_with_no_years_gets_a_note_and_a_sensible_date(catalog):
    fresh = project(profile(current_level="senior", years_experience=0), catalog, YEAR)
    usual = project(profile(current_level="senior", years_experience=6), catalog, YEAR)
    assert [n.label for n in fresh.notes] == ["Unusual input"]
    assert "usually has about 6 years" in fresh.notes[0].detail
    assert not usual.notes
    # The next step is dated from the level's usual years, but never before its own earliest years of
    # experience counted from the years given (issue 30: earliest years hold whatever years are given).
    staff = fresh.track("ic").steps[1]
    assert staff.earliest_year >= YEAR + catalog.roles["lead-principal"].earliest_years
    assert staff.year >= max(staff.earliest_year, usual.track("ic").steps[1].year)


def test_a_mid_level_with_25_years_gets_a_note_not_an_error(catalog):
    result = project(profile(current_level="mid", years_experience=25), catalog, YEAR)
    assert [n.label for n in result.notes] == ["Unusual input"]
    assert "25 years is more than usual" in result.notes[0].detail
    assert result.track("ic").steps[1].year == YEAR + 1


def test_what_is_unusual_comes_from_the_data(catalog):
    mid = catalog.roles["mid"]
    senior = catalog.roles["senior"]
    margin = int(catalog.param("unusual-years-margin").value)
    most = senior.typical_years + margin
    assert not project(profile(current_level="mid", years_experience=most), catalog, YEAR).notes
    assert project(profile(current_level="mid", years_experience=most + 1), catalog, YEAR).notes
    assert mid.typical_years == 3


def test_typical_dates_are_unchanged_for_usual_inputs(catalog):
    steps = project(profile(years_experience=4), catalog, YEAR).track("management").steps
    # Mid (4 y) -> Senior at 6 y, Team Lead at 9, then the typical gaps of the management ladder.
    assert [s.year for s in steps] == [YEAR, YEAR + 2, YEAR + 5, YEAR + 8, YEAR + 11, YEAR + 15]
