"""Your pay today: its percentile and compa-ratio in the band of your level here, and the projection
starting from it (issue 15)."""

import re
from dataclasses import replace

import pytest

from careerpath.presentation.panel import ProjectionPanel
from engine.projection import project
from engine.results import PayPosition
from tests.builders import YEAR, profile

BAND = (100_000.0, 200_000.0)


@pytest.mark.parametrize(
    ("amount", "percentile", "compa_ratio", "position"),
    [
        (100_000, 0, 100 / 150, "inside"),  # at the bottom
        (200_000, 100, 200 / 150, "inside"),  # at the top
        (150_000, 50, 1.0, "inside"),  # the middle
        (138_000, 38, 138 / 150, "inside"),
        (80_000, 0, 80 / 150, "below"),
        (260_000, 100, 260 / 150, "above"),
    ],
)
def test_percentile_and_compa_ratio_at_inside_below_and_above_a_band(amount, percentile, compa_ratio, position):
    place = PayPosition(amount, *BAND)
    assert place.percentile == percentile
    assert place.compa_ratio == pytest.approx(compa_ratio)
    assert place.position == position


def test_the_base_given_is_placed_in_the_band_of_the_current_level_here(catalog):
    plain = project(profile(), catalog, YEAR)
    current = plain.tracks[0].steps[0]
    middle = (current.band_min + current.band_max) / 2
    pay = project(profile(current_base=int(middle)), catalog, YEAR).your_pay
    assert (pay.base.band_min, pay.base.band_max) == (current.band_min, current.band_max)
    assert pay.base.percentile == 50 and pay.base.compa_ratio == pytest.approx(1.0, abs=0.001)
    assert pay.total is None  # no bonus or equity given: total pay is estimated, not placed
    assert plain.your_pay is None


def test_the_current_step_equals_the_pay_given(catalog):
    given = profile(current_base=151_234, current_bonus=10_000, current_equity=25_000)
    projection = project(given, catalog, YEAR)
    for track in projection.tracks:
        now = track.steps[0]
        assert now.is_current
        assert (now.base_min, now.base_max) == (151_234, 151_234)
        assert (now.total_min, now.total_max) == (186_234, 186_234)
        assert track.earnings[0].base == 151_200 and track.earnings[0].total == 186_200  # to the hundred
    assert projection.your_pay.total.amount == 186_234
    assert any(item.label == "Your pay" for item in projection.tracks[0].steps[0].explanation)


def test_a_base_without_bonus_or_equity_keeps_the_estimated_share_on_top(catalog):
    projection = project(profile(current_base=150_000), catalog, YEAR)
    now = projection.tracks[0].steps[0]
    share = now.bonus_share
    assert share > 0 and now.total_min == round(150_000 / (1 - share), -2)


def test_later_steps_never_pay_less_than_what_you_earn_now(catalog):
    rich = profile(current_base=400_000, current_bonus=50_000, current_equity=100_000)
    projection = project(rich, catalog, YEAR)
    for track in projection.tracks:
        for step in track.steps[1:]:
            assert step.base_min >= 400_000 and step.total_min >= 550_000
        assert all(b.total >= a.total for a, b in zip(track.earnings, track.earnings[1:], strict=False))
    assert projection.your_pay.base.position == "above"


def test_no_pay_keeps_todays_projection(catalog):
    before = project(profile(), catalog, YEAR)
    assert [t.steps for t in before.tracks] == [t.steps for t in project(profile(), catalog, YEAR).tracks]
    assert before.tracks[0].steps[0].base_min < before.tracks[0].steps[0].base_max  # a range, not a figure


def test_the_sentence_says_where_the_base_sits_in_words(catalog):
    current = project(profile(), catalog, YEAR).tracks[0].steps[0]
    low = int(current.band_min + 0.38 * (current.band_max - current.band_min))
    panel = ProjectionPanel(profile(current_base=low), catalog, YEAR)
    sentence = panel.your_pay["sentence"]
    assert sentence.startswith("Your base is at the 38th percentile of the Mid-level ML Engineer band in Seattle")
    assert "Retail/E-commerce, large company" in sentence
    assert f"compa-ratio {panel.projection.your_pay.base.compa_ratio:.2f}" in sentence
    assert sentence.endswith("below the middle.")


def test_below_the_bottom_and_above_the_top_are_said_plainly(catalog):
    current = project(profile(), catalog, YEAR).tracks[0].steps[0]
    below = ProjectionPanel(profile(current_base=int(current.band_min) - 10_000), catalog, YEAR).your_pay
    assert "is below the bottom of the Mid-level ML Engineer band" in below["sentence"]
    assert "$10,000 less than the lowest pay the band covers" in below["sentence"]
    above = ProjectionPanel(profile(current_base=int(current.band_max) + 5_000), catalog, YEAR).your_pay
    assert "is above the top of the Mid-level ML Engineer band" in above["sentence"]
    assert "$5,000 more than" in above["sentence"]


def test_total_pay_is_placed_against_the_band_as_total_pay(catalog):
    given = profile(industry="technology-faang", current_base=180_000, current_bonus=20_000, current_equity=60_000)
    panel = ProjectionPanel(given, catalog, YEAR)
    total = panel.projection.your_pay.total
    share = panel.projection.tracks[0].steps[0].bonus_share
    assert total.amount == 260_000
    assert total.band_min == pytest.approx(panel.projection.your_pay.base.band_min / (1 - share), abs=50)
    assert panel.your_pay["total_sentence"].startswith("Your total pay, $260,000 with bonus and equity,")


def test_a_shared_panel_speaks_of_the_plan_not_of_you(catalog):
    panel = ProjectionPanel(profile(current_base=150_000), catalog, YEAR, shared=True)
    assert panel.your_pay["sentence"].startswith("This plan’s base is")


def test_pay_in_another_currency_is_read_in_that_currency(catalog):
    london = project(replace(profile(location="london"), current_base=80_000), catalog, YEAR)
    assert london.currency == "GBP" and london.tracks[0].steps[0].base_min == 80_000


@pytest.mark.parametrize(
    ("share", "words"),
    [
        (0.10, "in the bottom quarter."),
        (0.38, "below the middle."),
        (0.50, "around the middle."),
        (0.70, "above the middle."),
        (0.90, "in the top quarter."),
    ],
)
def test_a_place_inside_the_band_is_put_in_words(catalog, share, words):
    current = project(profile(), catalog, YEAR).tracks[0].steps[0]
    base = int(current.band_min + share * (current.band_max - current.band_min))
    assert ProjectionPanel(profile(current_base=base), catalog, YEAR).your_pay["sentence"].endswith(words)


def test_a_step_at_the_pay_given_shows_one_figure_not_a_range(catalog):
    panel = ProjectionPanel(profile(current_base=150_000), catalog, YEAR)
    now = panel.tracks[0]["steps"][0]
    assert now["pay"] == "$150,000" and re.search(r"Your pay in it: the \d+(st|nd|rd|th) percentile", now["place"])
    assert panel.summary["now_pay"] == "$150,000 base"  # the summary says base (issue 23)
    assert "–" in ProjectionPanel(profile(), catalog, YEAR).tracks[0]["steps"][0]["pay"]
