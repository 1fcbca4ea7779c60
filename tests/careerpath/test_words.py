"""The panel's words (`careerpath/presentation/words.py`): one figure reads the same on every page."""

from types import SimpleNamespace

import pytest

from careerpath.presentation import words
from engine.results import PayPosition

BAND = "the Senior band in Seattle"


def side(*, base=(150_000, 180_000), total=(170_000, 210_000), year=2028, is_current=False):
    return SimpleNamespace(
        base_min=base[0], base_max=base[1], total_min=total[0], total_max=total[1], year=year, is_current=is_current
    )


@pytest.mark.parametrize(
    ("number", "said"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")]
)
def test_ordinals_read_as_english(number, said):
    assert words.ordinal(number) == said


def test_pay_inside_a_band_says_its_percentile_and_where_that_is():
    sentence = words.position_sentence("Your base", BAND, PayPosition(165_000, 150_000, 180_000), "USD")
    assert sentence.startswith("Your base is at the 50th percentile of the Senior band in Seattle")
    assert "$150,000 – $180,000" in sentence
    assert "around the middle" in sentence


def test_pay_below_a_band_says_by_how_much():
    sentence = words.position_sentence("Your base", BAND, PayPosition(140_000, 150_000, 180_000), "USD")
    assert "below the bottom of the Senior band in Seattle" in sentence
    assert "$10,000 less than the lowest pay the band covers" in sentence


def test_pay_above_an_open_ended_band_says_the_top_is_open_ended():
    sentence = words.position_sentence("Your base", BAND, PayPosition(200_000, 150_000, 180_000, True), "USD")
    assert "$150,000 – $180,000+" in sentence
    assert "$20,000 more than the band's top (open-ended in the article)" in sentence


def test_a_step_says_which_money_it_is_in():
    assert words.basis_words(True, 2030, 2026) == "today’s money"
    assert words.basis_words(False, 2026, 2026) == "as paid this year"
    assert words.basis_words(False, 2030, 2026) == "as paid in 2030"
    assert words.money_words(True) == "today’s money"
    assert words.money_words(False) == "as paid"


def test_a_name_inside_a_sentence_starts_lower_case_but_an_acronym_keeps_its_capitals():
    assert words.lower_first("Cloud platforms") == "cloud platforms"
    assert words.lower_first("NLP") == "NLP"
    assert words.lower_first("PhD") == "PhD"


def test_a_compare_sentence_says_total_first_then_base_then_when():
    sentence = words.compare_sentence(
        "Senior ML Engineer", side(), side(base=(154_000, 185_000), total=(175_000, 215_000), year=2030), "“B”", "USD"
    )
    assert sentence == (
        "“B” pays $5,000 more in total pay a year at Senior (base: $4,000 to $5,000 more) and gets there 2 years later."
    )


def test_a_compare_sentence_says_the_same_and_names_the_plan_that_alone_reaches_a_step():
    same = words.compare_sentence("Staff ML Engineer", side(), side(), "“B”", "USD")
    assert same == "“B” pays the same total pay at Staff (base: the same) and gets there the same year."
    assert words.compare_sentence("Staff ML Engineer", side(), None, "“B”", "USD") == (
        "Only the first plan reaches Staff on this track."
    )


def test_my_plans_says_where_the_pay_sits_without_a_percentile_outside_the_band():
    summary = {
        "currency": "USD",
        "title": "Senior ML Engineer",
        "year": 2028,
        "base_min": 150_000,
        "base_max": 180_000,
        "track_name": "Individual contributor",
        "percentile": 0,
        "position": "below",
    }
    said = words.summary_words(summary)
    assert said["yours"] == "Your base: below your level’s band here"
    assert said["when"] == "typically in 2028"
    assert words.summary_words({**summary, "position": "inside", "percentile": 40})["yours"] == (
        "Your base: 40th percentile of your level’s band here"
    )
    assert words.summary_words(None) is None
