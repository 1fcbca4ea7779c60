"""Earnings over the years, per track (issue 15): year by year, nominal and in today's money, over a horizon."""

from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.presentation.earnings_chart import build as build_chart
from careerpath.presentation.panel import ProjectionPanel
from engine.earnings import earnings_over, with_paid_years
from engine.options import what_ifs
from engine.profile import HORIZONS
from engine.projection import project
from tests.builders import YEAR, people, profile

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_one_entry_a_year_over_the_horizon_from_this_year(catalog):
    for horizon in HORIZONS:
        projection = project(profile(horizon_years=horizon), catalog, YEAR)
        for track in projection.tracks:
            assert [e.year for e in track.earnings] == list(range(YEAR, YEAR + horizon))


def test_cumulative_totals_are_the_sums_of_the_yearly_totals(catalog):
    @SETTINGS
    @given(person=people(catalog, max_years=40, with_pay=True))
    def check(person):
        for track in project(person, catalog, YEAR).tracks:
            nominal = real = 0
            for entry in track.earnings:
                nominal += entry.total
                real += entry.total_real
                assert entry.cumulative_total == nominal and entry.cumulative_total_real == real
                assert entry.total == entry.base + entry.bonus_equity
                assert entry.total_real == entry.base_real + entry.bonus_equity_real
                assert 0 <= entry.base <= entry.total and entry.bonus_equity >= 0

    check()


def test_real_is_at_most_nominal_for_positive_inflation(catalog):
    @SETTINGS
    @given(person=people(catalog, max_years=40, with_pay=True))
    def check(person):
        projection = project(person, catalog, YEAR)
        assert projection.inflation > 0
        for track in projection.tracks:
            first = track.earnings[0]
            assert (first.total_real, first.base_real) == (first.total, first.base)  # this year is today's money
            for entry in track.earnings:
                assert entry.base_real <= entry.base and entry.total_real <= entry.total
                assert entry.cumulative_total_real <= entry.cumulative_total
            # A path held at a token base (the form refuses one) for the whole horizon rounds to the same hundreds.
            if len(track.earnings) >= 5 and (person.current_base is None or person.current_base >= 1000):
                assert track.cumulative_real < track.cumulative

    check()


def test_a_longer_horizon_never_lowers_a_cumulative_figure(catalog):
    @SETTINGS
    @given(person=people(catalog, max_years=40, with_pay=True))
    def check(person):
        results = [project(replace(person, horizon_years=h), catalog, YEAR) for h in HORIZONS]
        for shorter, longer in pairwise(results):
            for a, b in zip(shorter.tracks, longer.tracks, strict=True):
                assert b.cumulative >= a.cumulative and b.cumulative_real >= a.cumulative_real
                assert b.earnings[: len(a.earnings)] == a.earnings  # the same years, the same figures

    check()


def test_adding_a_skill_never_lowers_a_cumulative_figure(catalog):
    @SETTINGS
    @given(person=people(catalog, max_years=40, with_pay=True), skill=st.sampled_from(sorted(catalog.skills)))
    def check(person, skill):
        before = project(person, catalog, YEAR)
        after = project(replace(person, skills=person.skills | {skill}), catalog, YEAR)
        for a, b in zip(before.tracks, after.tracks, strict=True):
            assert b.cumulative >= a.cumulative and b.cumulative_real >= a.cumulative_real, a.track
            for x, y in zip(a.earnings, b.earnings, strict=True):
                assert y.total >= x.total

    check()


def test_within_a_level_pay_grows_by_the_raise_and_inflation(catalog):
    projection = project(profile(current_level="lead-principal", years_experience=9), catalog, YEAR)
    ic = projection.track("ic")  # Lead/Principal, then ML Architect some years later
    growth = (1 + projection.raise_rate) * (1 + projection.inflation)
    first, second = ic.earnings[0], ic.earnings[1]
    assert second.role == first.role == "lead-principal"
    assert second.base == pytest.approx(first.base * growth, abs=100)
    assert second.base_real == pytest.approx(first.base_real * (1 + projection.raise_rate), abs=100)


def test_a_promotion_pays_at_least_the_new_steps_middle_and_at_least_a_raise():
    from engine.results import Step

    def step(role, year, low, high, current=False):
        return Step(role, role, 0, year, year, current, low, high, low * 1.2, high * 1.2, "USD", 0.5, False, ())

    steps = [step("mid", 2026, 100_000, 120_000, True), step("senior", 2028, 150_000, 170_000)]
    rows = earnings_over(steps, 2026, 4, 0.01, 0.0)
    assert [r.role for r in rows] == ["mid", "mid", "senior", "senior"]
    assert [r.base for r in rows] == [110_000, 111_100, 160_000, 161_600]
    assert rows[2].promoted and not rows[1].promoted
    # A promotion into a step that pays less than the grown pay keeps the grown pay, plus the raise.
    low = [step("mid", 2026, 100_000, 120_000, True), step("senior", 2027, 100_000, 110_000)]
    assert [r.base for r in earnings_over(low, 2026, 2, 0.01, 0.0)] == [110_000, 111_100]


def test_each_what_if_gives_its_effect_over_the_horizon(catalog):
    skills, degrees = what_ifs(profile(), catalog, YEAR)
    for item in (*skills, *degrees):
        assert item.lifetime_gain >= item.lifetime_gain_real >= 0
    assert max(w.lifetime_gain for w in skills) > 0
    ten = {w.key: w.lifetime_gain for w in what_ifs(profile(), catalog, YEAR)[0]}
    twenty = {w.key: w.lifetime_gain for w in what_ifs(profile(horizon_years=20), catalog, YEAR)[0]}
    assert all(twenty[key] >= ten[key] for key in ten)


def test_the_panel_ranks_changes_by_their_lifetime_effect(catalog):
    panel = ProjectionPanel(profile(), catalog, YEAR)
    gains = {w.key: w for w in (*panel.options.skill_ifs, *panel.options.degree_ifs)}
    ranked = [row["key"] for row in panel.options.lifetime_ifs]
    values = [gains[key].lifetime_gain for key in ranked]
    assert values == sorted(values, reverse=True)
    usd = [row["usd"] for row in panel.options.lifetime_elsewhere]
    assert len(usd) == len(catalog.location_bands)
    assert panel.options.lifetime_elsewhere[0]["location"] == "sf-bay-area"  # the most over ten years, in dollars


def test_the_lifetime_sentence_names_the_best_track_and_the_gap(catalog):
    panel = ProjectionPanel(profile(), catalog, YEAR)
    projection = panel.projection
    best = max(projection.tracks, key=lambda t: t.cumulative)
    management = projection.track("management")
    summary = panel.earnings["summary"]
    # Model v3: parallel ladders, so from mid-level in Seattle retail the IC ladder (Staff/Lead, then Principal)
    # earns a little more over ten years than management (issue 21: no track wins by construction).
    assert best.track == "ic"
    assert summary.startswith("Over 10 years, as paid, staying an individual contributor earns")
    gap = f"${best.cumulative - management.cumulative:,.0f}"
    real_gap = f"${best.cumulative_real - management.cumulative_real:,.0f}"
    assert f"earns {gap} more in total pay than the management track (in today’s money: {real_gap})." in summary
    real = ProjectionPanel(profile(), catalog, YEAR, money="real").earnings["summary"]
    assert real.startswith("Over 10 years, in today’s money,") and f"(as paid: {gap})" in real


def test_the_target_year_is_marked_not_used_as_the_horizon(catalog):
    panel = ProjectionPanel(profile(target_track="management", target_year=YEAR + 3), catalog, YEAR)
    assert len(panel.earnings_years[0]["rows"]) == 10
    marked = [row["year"] for track in panel.earnings_years for row in track["rows"] if row["is_target"]]
    assert marked == [YEAR + 3] * 3
    assert panel.earnings_chart.target_year == YEAR + 3
    far = ProjectionPanel(profile(target_year=YEAR + 30), catalog, YEAR)
    assert far.earnings["target_outside"] and far.earnings_chart.target_x is None


def test_the_chart_draws_each_track_cumulative_line_nominal_or_real(catalog):
    projection = project(profile(), catalog, YEAR)
    nominal, real = build_chart(projection, real=False), build_chart(projection, real=True)
    assert [line.track for line in nominal.lines] == ["ic", "management", "research"]
    for a, b in zip(nominal.lines, real.lines, strict=True):
        assert len(a.points) == 10
        ys = [p.y for p in a.points]
        assert ys == sorted(ys, reverse=True)  # cumulative: the line only rises (y grows downwards)
        assert a.points[-1].label != b.points[-1].label  # the same years, other amounts
    assert nominal.plot_left <= min(p.x for line in nominal.lines for p in line.points)


def test_known_years_as_paid_replace_the_first_years_and_the_projection_goes_on_after(catalog):
    """An offer's years (issue 31): the plan earns exactly them, to the unit, then its own path."""
    steps = project(profile(), catalog, YEAR).tracks[0].steps
    plain = earnings_over(steps, YEAR, 6, 0.01, 0.025)
    known = with_paid_years(plain, ((200_000, 280_000), (207_050, 307_050)), 0.025)
    assert [e.total for e in known[:2]] == [280_000, 307_050]
    assert [e.base for e in known[:2]] == [200_000, 207_050]
    assert [e.total for e in known[2:]] == [e.total for e in plain[2:]]
    assert known[1].cumulative_total == 587_050
