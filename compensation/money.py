"""The one place that formats money: $150,000; £55,000; €60,000; CA$90,000; ₹12,00,000 (₹12L).

Babel supplies each currency's symbol and group separator. Amounts are shown in whole units: the
article's yearly salaries and hourly rates never carry cents, and a projection is no more precise.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import format_currency

# The locale whose conventions a reader of that currency expects. en_US writes a foreign dollar
# with its prefix (CA$90,000), so it cannot be confused with US dollars.
LOCALES = {"USD": "en_US", "CAD": "en_US", "GBP": "en_GB", "EUR": "en_IE", "INR": "en_IN"}
PATTERN = "¤#,##0"
# Indian grouping: lakhs and crores (₹12,00,000), not thousands.
PATTERN_INR = "¤#,##,##0"

# Short units, largest first: (size, suffix). Rupee amounts are read in lakhs and crores.
UNITS = ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K"))
UNITS_INR = ((10_000_000, "Cr"), (100_000, "L"), (1_000, "K"))

MINUS = "−"  # U+2212, the typographic minus sign


def round_half_up(amount: float | int | Decimal | str, unit: int = 1) -> int:
    """The one rounding rule of every figure: to a multiple of `unit`, halves away from zero.

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


def babel_format(amount: int, currency: str) -> str:
    """Babel's own rendering of a whole amount: the reference `_format` must match (tests compare them)."""
    return format_currency(
        amount,
        currency,
        format=PATTERN_INR if currency == "INR" else PATTERN,
        locale=LOCALES.get(currency, "en_US"),
        currency_digits=False,
    )


@lru_cache(maxsize=64)
def _style(currency: str) -> tuple[str, str]:
    """The currency's symbol and group separator in its reader's locale, as Babel writes them."""
    sample = babel_format(1000, currency)  # "$1,000", "₹1,000", "€1,000"
    return sample[: sample.index("1")], sample[sample.index("1") + 1]


def _format(amount: int, currency: str) -> str:
    """A non-negative whole amount with the currency's symbol and grouping.

    Babel's pattern engine costs ~0.1 ms a call and a projection shows ~100 figures, so the digits
    are grouped here with the symbol and separator Babel gives once per currency.
    """
    symbol, separator = _style(currency)
    digits = str(amount)
    if currency == "INR" and len(digits) > 3:  # lakhs and crores: 12,00,000
        head, tail = digits[:-3], digits[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        grouped = separator.join([head, *groups, tail]) if head else separator.join([*groups, tail])
    else:
        grouped = f"{amount:,}".replace(",", separator)
    return symbol + grouped


def currency_symbol(currency: str) -> str:
    """The symbol as format_money writes it: "$", "CA$", "£", "€", "₹"."""
    return _style(currency)[0]


def format_money(amount: float | int | Decimal | str, currency: str, *, compact: bool = False) -> str:
    """`amount` in whole units of `currency`; `compact` gives $150K, $1.2M, ₹12L, ₹1.2Cr."""
    currency = currency.upper()
    if compact:
        return format_compact(amount, currency)
    value = whole(amount)
    sign = MINUS if value < 0 else ""
    return sign + _format(abs(value), currency)


def money_range(low: float, high: float, currency: str) -> str:
    """A range as every page shows it: "$150,000 – $180,000"."""
    return f"{format_money(low, currency)} – {format_money(high, currency)}"


def _short(number: Decimal) -> Decimal:
    """Three significant figures at most, one decimal at most: 150, 15.5, 1.3."""
    places = Decimal(1) if number >= 100 else Decimal("0.1")
    return number.quantize(places, rounding=ROUND_HALF_UP)


def format_compact(amount: float | int | Decimal | str, currency: str) -> str:
    """A short form for chart axes and dense tables: $150K, $1.2M, ₹12L, ₹1.2Cr; below a thousand, $950."""
    currency = currency.upper()
    rounded = whole(amount)
    sign = MINUS if rounded < 0 else ""
    value = Decimal(abs(rounded))
    units = UNITS_INR if currency == "INR" else UNITS
    index = next((i for i, (size, _) in enumerate(units) if value >= size), None)
    if index is None:
        return sign + _format(abs(rounded), currency)
    size, suffix = units[index]
    short = _short(value / size)
    # A figure that rounds up to the next unit moves there: 999,999 is $1M, not $1000K.
    if index > 0 and short * size >= units[index - 1][0]:
        size, suffix = units[index - 1]
        short = _short(value / size)
    number = f"{short:f}"
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return f"{sign}{currency_symbol(currency)}{number}{suffix}"
