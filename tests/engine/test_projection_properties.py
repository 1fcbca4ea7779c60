"""Properties over the whole catalog, with hypothesis (issue 12): orderings, monotony, floors, freelance."""

from dataclasses import replace
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.projection import project
from engine.slugs import WorkMode
from tests.builders import YEAR, people

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LOCATIONS = ["sf-bay-area", "new-york-city", "seattle", "austin-boston"]  # the article's order, highest first
BASE_INDUSTRIES = ["finance-fintech", "automotive", "healthcare-pharma", "retail-ecommerce"]
FREELANCE_MULTIPLE = 1.5  # freelance yearly pay within 1/1.5 to 1.5 times the salaried base, same person and place


def steps(result):
    return {(t.track, s.role): s for t in result.tracks for s in t.steps}


def at_least(higher, lower, totals=True):
    """Every step both have pays at least as much in `higher`, base and (if asked) total."""
    a, b = steps(lower), steps(higher)
    for key in a.keys() & b.keys():
        assert b[key].base_min >= a[key].base_min and b[key].base_max >= a[key].base_max, key
        if totals and a[key].total_min is not None:
            assert b[key].total_min >= a[key].total_min and b[key].total_max >= a[key].total_max, key


def test_every_figure_is_positive_ordered_and_a_promotion_never_pays_less(catalog):
    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        result = project(person, catalog, YEAR)
        for track in result.tracks:
            previous = None
            for step in track.steps:
                assert 0 < step.band_min <= step.base_min < step.base_max <= max(step.band_max, step.base_max)
                assert 0 <= step.percentile_min <= step.percentile_max <= 100
                assert step.total_min >= step.base_min and step.total_max >= step.base_max
                assert all(v % 100 == 0 for v in (step.base_min, step.base_max, step.total_min, step.band_min))
                if previous is not None:
                    assert step.base_min >= previous.base_min and step.base_max >= previous.base_max
                    assert step.total_min >= previous.total_min and step.total_max >= previous.total_max
                    assert step.year > previous.year and step.earliest_year <= step.year
                    if not previous.is_current:
                        # A promotion waits the years between promotions; a move to another track its own.
                        gap = catalog.param(
                            "min-years-between-steps" if step.kind == "promotion" else "lateral-move-years"
                        ).value
                        assert step.earliest_year - previous.earliest_year >= gap
                previous = step

    check()


def test_more_skills_a_higher_degree_or_more_years_never_lower_a_figure(catalog):
    @SETTINGS
    @given(person=people(catalog), data=st.data())
    def check(person, data):
        result = project(person, catalog, YEAR)
        extra = data.draw(st.sampled_from(sorted(catalog.skills)))
        at_least(project(replace(person, skills=person.skills | {extra}), catalog, YEAR), result)
        at_least(project(replace(person, years_experience=person.years_experience + 1), catalog, YEAR), result)
        for slug, education in catalog.educations.items():
            mine = catalog.educations[person.education]
            if education.points >= mine.points and education.research_points >= mine.research_points:
                at_least(project(replace(person, education=slug), catalog, YEAR), result)

    check()


def test_the_articles_location_order_holds_for_base_and_total(catalog):
    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        results = [project(replace(person, location=slug), catalog, YEAR) for slug in LOCATIONS]
        for higher, lower in pairwise(results):
            at_least(higher, lower)

    check()


def test_the_articles_industry_order_holds(catalog):
    """Finance ≥ Automotive ≥ Healthcare ≥ Retail in base and total; FAANG ≥ every other in total pay.

    The article's FAANG band is total pay; as base pay (without its bonus and equity) it is about the
    US average, so FAANG's base is only compared with the US average (all industries) and Retail.
    """

    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        results = [project(replace(person, industry=slug), catalog, YEAR) for slug in BASE_INDUSTRIES]
        for higher, lower in pairwise(results):
            at_least(higher, lower)
        faang = project(replace(person, industry="technology-faang"), catalog, YEAR)
        for other in results:
            a, b = steps(other), steps(faang)
            for key in a.keys() & b.keys():
                assert b[key].total_min >= a[key].total_min and b[key].total_max >= a[key].total_max, key
        at_least(faang, project(replace(person, industry="all-industries"), catalog, YEAR))

    check()


def test_freelance_yearly_pay_stays_within_the_stated_multiple_of_the_salaried_figure(catalog):
    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        result = project(replace(person, work_mode=WorkMode.FREELANCE), catalog, YEAR)
        f, salaried = result.freelance, result.tracks[0].steps[0]
        assert f.currency == salaried.currency
        # A role above the article's top level band (Director, VP, Principal...) bills the top of the hourly band.
        assert 0 < f.yearly_min <= f.yearly_max
        assert f.yearly_max <= FREELANCE_MULTIPLE * salaried.base_max
        if not catalog.role_bands[person.current_level].source.is_assumption:  # the article's engineering levels
            assert f.yearly_min >= salaried.base_min / FREELANCE_MULTIPLE

    check()
