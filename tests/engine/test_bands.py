"""The band of a role in a place (`engine.bands.band_here`): the one the projection prices the current step in."""

import pytest
from hypothesis import HealthCheck, given, settings

from engine.bands import band_here
from engine.profile import ProjectionError
from engine.projection import project
from tests.builders import YEAR, people, profile

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_the_band_here_is_the_current_steps_band_for_any_person(catalog):
    @SETTINGS
    @given(people(catalog, with_pay=True))
    def check(person):
        step = project(person, catalog, YEAR).tracks[0].steps[0]
        here = band_here(person, catalog)
        assert (here.base_min, here.base_max, here.currency) == (step.band_min, step.band_max, step.currency)
        assert (here.bonus_share, here.open_ended) == (step.bonus_share, step.band_open_ended)

    check()


def test_skills_degree_years_and_pay_do_not_move_the_band(catalog):
    plain = band_here(profile(), catalog)
    placed = band_here(
        profile(skills=frozenset({"deep-learning", "nlp"}), education="phd", years_experience=9, current_base=1),
        catalog,
    )
    assert plain == placed


def test_remote_for_a_us_company_from_abroad_moves_the_band(catalog):
    here = band_here(profile(location="london"), catalog)
    remote = band_here(profile(location="london", work_mode="remote-us"), catalog)
    assert remote.currency == here.currency == "GBP"
    assert remote.base_min > here.base_min


def test_an_unknown_place_is_refused_as_the_projection_refuses_it(catalog):
    with pytest.raises(ProjectionError):
        band_here(profile(location="atlantis"), catalog)
