"""The one currency conversion: an amount through US dollars at the data's exchange rates (`usd_per_unit`)."""

from __future__ import annotations

from engine.rounding import round_half_up


def convert(amount: float, from_usd_per_unit: float, to_usd_per_unit: float, unit: int = 1) -> int:
    """`amount` in one currency, in another, rounded half up to a multiple of `unit` (pay: 100; offers: 1).

    A converted figure is an estimate of the same pay, so it is rounded as that pay is.
    """
    return round_half_up(amount * from_usd_per_unit / to_usd_per_unit, unit)
