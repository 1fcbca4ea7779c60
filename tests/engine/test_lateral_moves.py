"""A lateral move lands at most at the same seniority, never pays less and at most a named share more (issues 21
and 30): research ↔ IC ↔ management."""

from itertools import pairwise

from hypothesis import HealthCheck, given, settings

from engine.projection import project
from engine.slugs import StepKind
from tests.builders import YEAR, people, profile

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def lateral(result, track):
    steps = next(t for t in result.tracks if t.track == track).steps
    return next((before, step) for before, step in pairwise(steps) if step.kind == StepKind.LATERAL)


def test_a_research_scientist_moves_to_the_ic_role_of_the_same_seniority(catalog):
    for education in ("phd", "masters"):
        person = profile(current_level="research-scientist", years_experience=6, education=education)
        result = project(person, catalog, YEAR)
        for track in ("ic", "management"):
            before, step = lateral(result, track)
            assert before.title == "AI Research Scientist"
            assert step.title == "Senior ML Engineer", (education, track)  # 6 years: a Senior's, not Mid-level
            assert step.base_min >= before.base_min and step.total_min >= before.total_min


def test_a_new_phd_research_scientist_moves_to_senior_when_a_senior_engineers_years_come(catalog):
    result = project(profile(current_level="research-scientist", years_experience=0, education="phd"), catalog, YEAR)
    _, step = lateral(result, "ic")
    assert step.title == "Senior ML Engineer"
    assert step.year == YEAR + catalog.roles["senior"].typical_years  # not moved down to Mid-level meanwhile


def test_a_staff_engineer_or_team_lead_with_a_phd_moves_into_research_at_most_at_their_seniority(catalog):
    """Issue 30: a move into research is no promotion; the research ladder has no rung at a Staff engineer's
    seniority, so the move lands on the rung below, held at the pay before."""
    for level in ("lead-principal", "team-lead"):
        person = profile(current_level=level, years_experience=9, education="phd")
        before, step = lateral(project(person, catalog, YEAR), "research")
        assert step.title == "Senior Research Scientist", level
        assert (step.base_min, step.base_max) == (before.base_min, before.base_max)


def test_management_and_ic_move_across_at_the_same_rung(catalog):
    for level, track, lands in (
        ("team-lead", "ic", "Staff/Lead ML Engineer"),
        ("senior-manager", "ic", "Principal ML Engineer"),
        ("director-vp", "ic", "ML Architect"),
        ("lead-principal", "management", "AI/ML Team Lead"),
        ("principal", "management", "Senior ML Engineering Manager"),
        ("ml-architect", "management", "Director or VP of Machine Learning"),
    ):
        years = catalog.roles[level].typical_years
        _, step = lateral(project(profile(current_level=level, years_experience=years), catalog, YEAR), track)
        assert step.title == lands, (level, track)


def test_a_lateral_move_lands_at_most_at_the_same_seniority_and_pays_at_most_a_named_share_more(catalog):
    cap = 1 + catalog.param("lateral-max-raise").value

    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        result = project(person, catalog, YEAR)
        for track in result.tracks:
            for before, step in pairwise(track.steps):
                if step.kind != StepKind.LATERAL:
                    continue
                was, now = catalog.roles[before.role], catalog.roles[step.role]
                first = catalog.track_roles(track.track)[0]
                # Out of research a Research Scientist counts a Senior's years; into research a PhD reaches
                # the ladder's first rung.
                if was.tracks != ("research",) and now != first:
                    assert now.order <= was.order, (before.role, step.role)
                assert step.base_min >= before.base_min and step.base_max >= before.base_max
                if now.order <= was.order:
                    assert step.base_min <= max(before.base_min * cap, step.band_min) + 100, (before.role, step.role)
                if before.total_min is not None and step.total_min is not None and not step.bonus_share:
                    assert step.total_min >= before.total_min and step.total_max >= before.total_max

    check()


def test_a_senior_with_a_phd_moves_into_research_at_senior_not_staff(catalog):
    """Issue 30: SF Senior, 7 years, PhD went to Staff/Principal Research Scientist at twice the pay."""
    person = profile(current_level="senior", years_experience=7, education="phd", location="sf-bay-area")
    before, step = lateral(project(person, catalog, YEAR), "research")
    assert step.title == "Senior Research Scientist"
    assert step.total_max <= before.total_max * (1 + catalog.param("lateral-max-raise").value) + 100
