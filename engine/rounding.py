"""The one rounding rule of every figure: the engine rounds with it, the money formatter shows with it."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def round_half_up(amount: float | int | Decimal | str, unit: int = 1) -> int:
    """To a multiple of `unit`, halves away from zero.

    Python's round() sends 2.5 to 2 (half to even); a person expects 3. The engine rounds pay to the
    hundred and hourly rates to the unit with this, and the formatter shows whole units with it, so the
    figure shown is the figure exported.
    """
    if type(amount) is float or type(amount) is int:  # the engine's hot path
        if amount >= 0:
            return math.floor(amount / unit + 0.5) * unit
        return -math.floor(-amount / unit + 0.5) * unit
    whole = (Decimal(str(amount)) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(whole) * unit


def whole(amount: float | int | Decimal | str) -> int:
    """`amount` in whole units, half up."""
    return round_half_up(amount, 1)


def round_pay(amount: float) -> float:
    """Projected pay is an estimate: to the nearest hundred, halves up (`round_half_up`, inlined: the
    engine rounds a few hundred figures per projection)."""
    if type(amount) is float or type(amount) is int:
        if amount >= 0:
            return math.floor(amount / 100 + 0.5) * 100.0
        return -math.floor(-amount / 100 + 0.5) * 100.0
    return float(round_half_up(amount, 100))


def percentile_in(amount: float, low: float, high: float) -> int:
    """Where `amount` sits in the band low–high, as a whole percentile 0–100 (50 for a band of no width)."""
    if high <= low:
        return 50
    return min(100, max(0, round_half_up((amount - low) / (high - low) * 100)))
