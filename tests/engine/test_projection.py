"""The projection engine on the fixture data: figures a person would check, and its rules."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.options import across_locations, what_ifs
from engine.profile import Profile, ProjectionError
from engine.projection import project
from engine.slugs import WorkMode
from tests.builders import YEAR, people, profile

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_management_track_runs_from_current_level_to_vp(catalog):
    result = project(profile(), catalog, YEAR)
    roles = [step.role for step in result.track("management").steps]
    assert roles == ["mid", "senior", "team-lead", "senior-manager", "director-vp", "vp-ml"]


def test_ic_track_ends_at_ml_architect_and_research_at_research_scientist(catalog):
    result = project(profile(current_level="entry", years_experience=1), catalog, YEAR)
    assert [s.role for s in result.track("ic").steps] == [
        "entry",
        "mid",
        "senior",
        "lead-principal",
        "principal",
        "ml-architect",
    ]
    # Without a PhD or research years, research cannot be entered: the track stays at the current step.
    research = result.track("research")
    assert [s.role for s in research.steps] == ["entry"] and research.blocked is not None


def test_us_average_person_in_retail_gets_the_article_level_band_window(catalog):
    # Retail's band equals the US average, so the industry ratio is 1; Seattle's midpoint is
    # 157,500 against 135,000. With no skills the person sits at percentile 0.30 (+ 0.04 for one
    # year in level), and the window covers half the band: 120,000 + 0.34 × 0.5 × 40,000 = 126,800.
    current = project(profile(), catalog, YEAR).track("ic").steps[0]
    ratio = 157_500 / 135_000
    assert current.base_min == pytest.approx(126_800 * ratio, abs=50)
    assert current.base_max == pytest.approx((126_800 + 20_000) * ratio, abs=50)
    assert current.base_min % 100 == 0  # shown to the nearest hundred
    assert current.currency == "USD"


def test_london_figures_are_in_pounds_scaled_by_londons_band(catalog):
    london = project(profile(location="london"), catalog, YEAR).track("ic").steps[0]
    seattle = project(profile(), catalog, YEAR).track("ic").steps[0]
    assert london.currency == "GBP"
    assert london.base_min == pytest.approx(seattle.base_min * 72_500 / 157_500, abs=100)


def test_bangalore_figures_stay_in_rupees(catalog):
    step = project(profile(location="bangalore", current_level="entry", years_experience=1), catalog, YEAR)
    assert step.currency == "INR"
    assert 1_000_000 < step.track("ic").steps[0].base_min < 3_500_000


def test_steps_are_dated_by_typical_years_and_spaced(catalog):
    steps = project(profile(years_experience=4), catalog, YEAR).track("management").steps
    assert [s.year for s in steps] == [YEAR, YEAR + 2, YEAR + 5, YEAR + 8, YEAR + 11, YEAR + 15]
    assert all(s.earliest_year <= s.year for s in steps)


def test_every_step_explains_its_band_with_provenance(catalog):
    result = project(profile(), catalog, YEAR)
    director = result.track("management").steps[-2]
    assert director.is_assumption
    band_line = director.explanation[0]
    assert band_line.band.slug == "role-director-vp"
    assert band_line.source.is_assumption and band_line.source.text
    senior = result.track("management").steps[1]
    assert senior.explanation[0].source.text == "Senior-level (6+ years): $160,000 – $200,000+"
    assert any(item.label == "Location" for item in result.common)


def test_freelance_mode_gives_hourly_band_and_yearly_amount(catalog):
    result = project(profile(work_mode=WorkMode.FREELANCE), catalog, YEAR)
    f = result.freelance
    assert 60 <= f.hourly_min < f.hourly_max <= 150
    assert f.yearly_min == pytest.approx(f.hourly_min * 1500, abs=1500)


def test_remote_for_us_company_raises_pay_outside_the_us_and_says_it_is_an_assumption(catalog):
    local = project(profile(location="bangalore"), catalog, YEAR)
    remote = project(profile(location="bangalore", work_mode=WorkMode.REMOTE_US), catalog, YEAR)
    assert remote.track("ic").steps[0].base_min > local.track("ic").steps[0].base_min
    assert remote.notes and remote.notes[0].source.is_assumption


def test_target_verdicts(catalog):
    assert (
        project(profile(target_track="management", target_year=YEAR + 20), catalog, YEAR).target.verdict == "on-track"
    )
    assert project(profile(target_track="management", target_year=YEAR + 1), catalog, YEAR).target.verdict == "unlikely"


def test_unknown_slug_is_refused(catalog):
    with pytest.raises(ProjectionError):
        project(profile(location="atlantis"), catalog, YEAR)


def test_what_if_lists_each_missing_skill_and_higher_degree(catalog):
    skills, degrees = what_ifs(profile(skills=frozenset({"nlp"})), catalog, YEAR)
    assert {w.key for w in skills} == set(catalog.skills) - {"nlp"}
    assert {w.key for w in degrees} == {"masters", "phd"}
    assert all(w.delta_min > 0 for w in skills)


def test_across_locations_converts_to_usd_with_the_rate(catalog):
    rows = {row.location: row for row in across_locations(profile(), catalog, YEAR)}
    assert rows["london"].currency == "GBP"
    assert rows["london"].usd_min == pytest.approx(rows["london"].base_min * 1.27, abs=50)  # to the hundred
    assert rows["seattle"].is_current


# Properties over random profiles --------------------------------------------------------------------


def figures(result):
    return [(s.base_min, s.base_max) for t in result.tracks for s in t.steps]


def by_role(result):
    return {(t.track, s.role): (s.base_min, s.base_max) for t in result.tracks for s in t.steps}


def never_lower(before, after):
    """Every step both paths have pays at least as much after (a PhD may skip steps of the research track)."""
    a, b = by_role(before), by_role(after)
    return all(b[key][0] >= a[key][0] - 1e-6 and b[key][1] >= a[key][1] - 1e-6 for key in a.keys() & b.keys())


def in_base(catalog, country: str, industry: str) -> float:
    """An industry's premium in base pay in a country: its ratio damped by its exponent."""
    return catalog.industry_ratios[industry] ** catalog.industry_exponent(country, industry).value


def test_properties(catalog):
    @SETTINGS
    @given(person=people(catalog, max_years=50, with_target=True), data=st.data())
    def check(person: Profile, data):
        result = project(person, catalog, YEAR)
        # Never raises, and every figure is positive, ordered, in local currency.
        local = catalog.locations[person.location].currency
        for track in result.tracks:
            assert track.steps, track.track
            previous = None
            for step in track.steps:
                assert 0 < step.base_min <= step.base_max
                assert step.currency == local
                if step.total_min is not None:
                    assert step.total_min >= step.base_min
                if previous is not None:
                    # A promotion never pays less than the step before, and comes later.
                    assert step.base_min >= previous.base_min
                    assert step.base_max >= previous.base_max
                    assert step.year > previous.year
                    assert step.earliest_year <= step.year
                previous = step

        # More skills never lower a figure.
        extra = data.draw(st.sampled_from(sorted(catalog.skills)))
        more = project(replace(person, skills=person.skills | {extra}), catalog, YEAR)
        assert all(b >= a - 1e-6 for (a, _), (b, _) in zip(figures(result), figures(more), strict=True))
        assert all(b >= a - 1e-6 for (_, a), (_, b) in zip(figures(result), figures(more), strict=True))

        # A higher degree never lowers a figure.
        for slug, education in catalog.educations.items():
            if education.points >= catalog.educations[person.education].points:
                higher = project(replace(person, education=slug), catalog, YEAR)
                assert never_lower(result, higher)

        # A location or industry with a higher band (as base pay) never projects lower (same currency).
        loc_band = catalog.location_bands[person.location]
        for slug, band in catalog.location_bands.items():
            if band.currency == loc_band.currency and band.min >= loc_band.min and band.max >= loc_band.max:
                other = project(replace(person, location=slug), catalog, YEAR)
                assert all(b[0] >= a[0] - 1e-6 for a, b in zip(figures(result), figures(other), strict=True))
        # An industry with a higher premium in base pay (its band against the US average on the band's own
        # basis, damped by its exponent: big tech's is in its bonus and equity, issue 30).
        country = catalog.locations[person.location].country
        for slug in catalog.industry_bands:
            if in_base(catalog, country, slug) >= in_base(catalog, country, person.industry):
                other = project(replace(person, industry=slug), catalog, YEAR)
                assert all(b[1] >= a[1] - 1e-6 for a, b in zip(figures(result), figures(other), strict=True))

    check()


def test_bonus_share_is_explained_as_an_assumption_even_on_article_levels(catalog):
    mid = project(profile(), catalog, YEAR).track("ic").steps[0]
    bonus = next(item for item in mid.explanation if item.label == "Bonus and equity")
    assert bonus.source.is_assumption and "bonus" in bonus.source.text.lower()
