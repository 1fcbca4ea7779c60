"""Structure that does not decide the answer (issue 30): the earliest years hold the years given, and the top of
a ladder says so in words. (Lateral moves: test_lateral_moves.py; a PhD into research: test_projection_research.py.)"""

import pytest

from engine.projection import project
from tests.builders import YEAR, profile


@pytest.mark.parametrize(("level", "years"), [("mid", 1), ("entry", 0), ("ml-architect", 0), ("senior", 2)])
def test_no_step_comes_before_its_earliest_years_counted_from_the_years_given(catalog, level, years):
    """Issue 30: Mid with 1 year reached Director at 9 years; an ML Architect with 0 years at 1."""
    result = project(profile(current_level=level, years_experience=years), catalog, YEAR)
    for track in result.tracks:
        for step in track.steps[1:]:
            role = catalog.roles[step.role]
            assert step.earliest_year - YEAR + years >= role.earliest_years, (track.track, step.role)
            assert step.year >= step.earliest_year


def test_director_is_never_before_ten_years(catalog):
    result = project(profile(current_level="mid", years_experience=1), catalog, YEAR)
    director = next(s for s in result.track("management").steps if s.role == "director-vp")
    assert director.earliest_year - YEAR + 1 >= 10


def test_the_top_of_every_ladder_says_so_in_words(catalog):
    result = project(profile(education="phd"), catalog, YEAR)
    for track in result.tracks:
        top = track.steps[-1].explanation[-1]
        assert top.label == "Top of this track"
        assert "pay grows only with yearly raises" in top.detail
        assert all(item.label != "Top of this track" for step in track.steps[:-1] for item in step.explanation)


def test_the_most_a_move_pays_more_is_a_parameter_row(catalog):
    row = catalog.param("lateral-max-raise")
    assert 0 < row.value <= 0.25 and row.source.is_assumption and row.source.text
