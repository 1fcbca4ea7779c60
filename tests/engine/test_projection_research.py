"""The research track: who enters it directly, its band, and a floor that says so (issue 12: 7)."""

from engine.projection import project
from tests.builders import YEAR, neutral, profile


def test_a_new_phd_graduate_enters_the_research_track_directly(catalog):
    result = project(neutral(current_level="entry", years_experience=0, education="phd"), catalog, YEAR)
    research = result.track("research").steps
    assert [s.role for s in research] == ["entry", "research-scientist"]
    assert research[1].year - YEAR >= catalog.param("min-years-between-steps").value
    assert not research[1].floored


def test_a_phd_enters_from_any_level(catalog):
    for level, years in (("entry", 1), ("mid", 4), ("senior", 7), ("lead-principal", 10)):
        steps = project(profile(current_level=level, years_experience=years, education="phd"), catalog, YEAR)
        assert [s.role for s in steps.track("research").steps] == [level, "research-scientist"]


def test_without_a_phd_research_comes_after_senior(catalog):
    for education in ("bachelors", "masters"):
        steps = project(profile(current_level="entry", years_experience=1, education=education), catalog, YEAR)
        assert [s.role for s in steps.track("research").steps] == ["entry", "mid", "senior", "research-scientist"]


def test_senior_to_research_scientist_is_a_raise_not_a_floor(catalog):
    result = project(profile(current_level="senior", years_experience=7), catalog, YEAR)
    senior, scientist = result.track("research").steps
    assert not scientist.floored
    assert scientist.base_min > senior.base_min and scientist.base_max > senior.base_max
    assert catalog.role_bands["research-scientist"].mid > catalog.role_bands["senior"].mid


def test_a_phd_weighs_more_on_the_research_track(catalog):
    plain = project(profile(current_level="senior", years_experience=7), catalog, YEAR)
    phd = project(profile(current_level="senior", years_experience=7, education="phd"), catalog, YEAR)
    research_gain = phd.track("research").top.base_min - plain.track("research").top.base_min
    ic_gain = phd.track("ic").top.base_min - plain.track("ic").top.base_min
    assert research_gain > 2 * ic_gain > 0


def test_a_floored_step_says_so_in_words(catalog):
    # A Lead/Principal without a PhD moving into research: the research band here pays less.
    result = project(profile(current_level="lead-principal", years_experience=10), catalog, YEAR)
    lead, scientist = result.track("research").steps
    assert scientist.floored
    assert (scientist.base_min, scientist.base_max) >= (lead.base_min, lead.base_max)
    line = next(item for item in scientist.explanation if item.label == "Held at your previous pay")
    assert "Lead/Principal ML Engineer" in line.detail and "not taken for less pay" in line.detail
