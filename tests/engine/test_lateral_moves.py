"""A lateral move lands on the same seniority and never pays less (issue 21, item 3): research ↔ IC ↔ management."""

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


def test_a_staff_engineer_or_team_lead_moves_into_research_at_staff_not_below(catalog):
    for level in ("lead-principal", "team-lead"):
        _, step = lateral(project(profile(current_level=level, years_experience=9), catalog, YEAR), "research")
        assert step.title == "Staff/Principal Research Scientist", level  # not Senior Research Scientist


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


def test_a_lateral_move_never_lowers_seniority_and_never_pays_less(catalog):
    @SETTINGS
    @given(person=people(catalog))
    def check(person):
        result = project(person, catalog, YEAR)
        for track in result.tracks:
            top = max(catalog.roles[s.role].order for s in track.steps if track.track in catalog.roles[s.role].tracks)
            for before, step in pairwise(track.steps):
                if step.kind != StepKind.LATERAL:
                    continue
                was, now = catalog.roles[before.role].order, catalog.roles[step.role].order
                assert now >= min(was, top), (before.role, step.role)  # only a track whose top is lower
                assert step.base_min >= before.base_min and step.base_max >= before.base_max
                if before.total_min is not None and step.total_min is not None:
                    assert step.total_min >= before.total_min and step.total_max >= before.total_max

    check()
