"""The research track: who enters it directly, its band, and a floor that says so (issue 12: 7)."""

from engine.projection import project
from tests.builders import YEAR, neutral, profile


def test_a_new_phd_graduate_moves_into_research_at_research_scientist_within_a_year(catalog):
    result = project(neutral(current_level="entry", years_experience=0, education="phd"), catalog, YEAR)
    research = result.track("research").steps
    assert [s.role for s in research] == [
        "entry",
        "research-scientist",
        "senior-research-scientist",
        "staff-research-scientist",
    ]
    assert [s.kind for s in research] == ["current", "lateral", "promotion", "promotion"]
    assert research[1].year - YEAR == catalog.param("lateral-move-years").value
    assert not research[1].floored


def test_a_phd_may_hold_research_scientist_now(catalog):
    result = project(neutral(current_level="research-scientist", years_experience=0, education="phd"), catalog, YEAR)
    research = result.track("research").steps
    assert research[0].role == "research-scientist" and research[0].kind == "current"
    assert [s.kind for s in research[1:]] == ["promotion", "promotion"]


def test_a_phd_enters_research_from_any_level_at_the_rung_its_seniority_allows(catalog):
    """A PhD makes research reachable, never a jump of rungs (issue 30): at most the level held, and from
    entry level the ladder's first rung."""
    for level, years, rung in (
        ("entry", 1, "research-scientist"),
        ("mid", 4, "research-scientist"),
        ("senior", 7, "senior-research-scientist"),
        ("lead-principal", 10, "senior-research-scientist"),  # research has no rung at a Staff engineer's
    ):
        steps = project(profile(current_level=level, years_experience=years, education="phd"), catalog, YEAR)
        research = steps.track("research").steps
        assert (research[1].role, research[1].kind) == (rung, "lateral"), level


def test_without_a_phd_or_research_years_the_research_step_cannot_be_taken(catalog):
    """Research roles need a PhD or research experience (issue 30): a Bachelor's or a Master's engineer, or a
    Bachelor's team lead, gets no projected research path with pay but a step that says what it needs."""
    for level, years, education in (
        ("entry", 1, "bachelors"),
        ("mid", 4, "masters"),
        ("senior", 7, "bachelors"),
        ("team-lead", 8, "bachelors"),
        ("lead-principal", 10, "masters"),
    ):
        result = project(profile(current_level=level, years_experience=years, education=education), catalog, YEAR)
        research = result.track("research")
        assert [s.kind for s in research.steps] == ["current"], level
        assert research.blocked is not None and research.blocked.needs == "needs a PhD or research experience"
        assert research.blocked.title == catalog.roles["research-scientist"].name
        assert all(t.blocked is None for t in result.tracks if t.track != "research")


def test_a_phd_or_a_research_role_opens_the_research_track(catalog):
    phd = project(profile(current_level="senior", years_experience=7, education="phd"), catalog, YEAR)
    assert phd.track("research").blocked is None and len(phd.track("research").steps) > 1
    held = project(profile(current_level="research-scientist", years_experience=6), catalog, YEAR)
    assert held.track("research").blocked is None and held.track("research").steps[0].role == "research-scientist"


def test_a_blocked_research_target_says_so(catalog):
    result = project(profile(target_track="research", target_year=YEAR + 5), catalog, YEAR)
    assert result.target.verdict == "blocked" and result.target.role == "research-scientist"


def test_a_lateral_move_never_pays_less(catalog):
    result = project(profile(current_level="senior", years_experience=7, education="phd"), catalog, YEAR)
    senior, scientist, *_ = result.track("research").steps
    assert scientist.kind == "lateral"
    assert scientist.base_min >= senior.base_min and scientist.total_min >= senior.total_min


def test_a_phd_weighs_more_on_the_research_track(catalog):
    plain = project(profile(current_level="senior", years_experience=7), catalog, YEAR)
    phd = project(profile(current_level="senior", years_experience=7, education="phd"), catalog, YEAR)
    research_gain = phd.track("research").top.base_min - plain.track("research").top.base_min
    ic_gain = phd.track("ic").top.base_min - plain.track("ic").top.base_min
    assert research_gain > 2 * ic_gain > 0


def test_a_floored_step_says_so_in_words(catalog):
    # A Director moving into research: the research band here pays less, and a move is not taken for less.
    result = project(profile(current_level="director-vp", years_experience=15, education="phd"), catalog, YEAR)
    director, scientist = result.track("research").steps
    assert scientist.floored and scientist.kind == "lateral"
    assert (scientist.base_min, scientist.base_max) >= (director.base_min, director.base_max)
    line = next(item for item in scientist.explanation if item.label == "Held at your previous pay")
    assert "Director or VP of Machine Learning" in line.detail and "not taken for less pay" in line.detail
