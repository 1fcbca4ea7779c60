"""The rounding rule of every figure, for code that may not import Django apps (the pure engine).

`compensation.money.round_half_up` follows the same rule; it can import this one when the engine moves here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(amount: float | int | Decimal | str, unit: int = 1) -> int:
    """`amount` to a multiple of `unit`, halves away from zero (2.5 → 3, −2.5 → −3), as a person expects.

    Python's round() sends halves to the even neighbour. The decimal text of a float is used, so 0.285
    rounds as written rather than as its binary neighbour 0.28499….
    """
    value = Decimal(repr(amount)) if isinstance(amount, float) else Decimal(str(amount))
    return int((value / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * unit
