"""The one rounding rule (`engine/rounding.py`): halves away from zero, the same for floats, Decimals and text,
so the figure shown is the figure exported."""

from decimal import Decimal

import pytest

from engine.rounding import percentile_in, round_half_up, round_pay, whole


@pytest.mark.parametrize(("amount", "rounded"), [(2.5, 3), (3.5, 4), (-2.5, -3), (2.4999, 2), (0, 0)])
def test_a_half_rounds_away_from_zero_not_to_even(amount, rounded):
    assert round_half_up(amount) == rounded


@pytest.mark.parametrize("amount", [12_350, 12_350.0, Decimal("12350"), "12350"])
def test_pay_to_the_hundred_is_the_same_whatever_type_the_amount_has(amount):
    assert round_half_up(amount, 100) == 12_400
    assert round_pay(amount) == 12_400.0


def test_whole_units_of_a_decimal_round_half_up():
    assert whole(Decimal("1234.5")) == 1235
    assert whole("-0.5") == -1


@pytest.mark.parametrize(("amount", "percentile"), [(100, 0), (150, 50), (200, 100), (50, 0), (250, 100), (112.5, 13)])
def test_a_percentile_in_a_band_is_clamped_to_0_to_100(amount, percentile):
    assert percentile_in(amount, 100, 200) == percentile


def test_a_band_of_no_width_puts_everyone_at_the_middle():
    assert percentile_in(100, 100, 100) == 50
