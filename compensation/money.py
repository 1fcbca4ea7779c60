"""The one place that formats money: $150,000; £55,000; €60,000; CA$90,000; ₹12,00,000 (₹12L).

Babel supplies each currency's symbol and group separator. Amounts are shown in whole units: the
article's yearly salaries and hourly rates never carry cents, and a projection is no more precise.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import format_currency

from engine.rounding import round_half_up, whole

__all__ = [
    "amounts_between",
    "band_range",
    "change_range",
    "currency_symbol",
    "format_compact",
    "format_money",
    "fraction_percent",
    "money_range",
    "ordinal",
    "pay_range",
    "percent_change",
    "percentile_words",
    "round_half_up",
    "signed_money",
    "signed_percent",
    "whole",
]

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


NBSP = "\u00a0"


def pay_range(low: float, high: float, currency: str) -> str:
    """A range, or one figure when both ends agree (a step held at the pay the person gave)."""
    return format_money(low, currency) if whole(low) == whole(high) else money_range(low, high, currency)


def band_range(low: float, high: float, currency: str, *, open_ended: bool = False, hourly: bool = False) -> str:
    """A salary band as the data states it: "$90,000 – $120,000", "$160,000 – $200,000+", "$60 – $150/hour"."""
    text = pay_range(low, high, currency)
    return text + ("+" if open_ended else "") + ("/hour" if hourly else "")


def signed_money(amount: float, currency: str) -> str:
    """ "+$4,200", "−$2,000", "no change"; one unbreakable piece of text."""
    rounded = whole(amount)
    if rounded == 0:
        return "no change"
    return ("+" if rounded > 0 else "") + format_money(rounded, currency).replace(" ", NBSP)


def change_range(low: float, high: float, currency: str) -> str:
    """A change to a pay range in words: "+$1,400 to +$2,800 a year", or one figure when both ends agree.

    The smaller change first, whichever end of the range it moves: "+$700 to +$800", never "+$800 to +$700".
    """
    low, high = sorted((low, high))
    first, second = signed_money(low, currency), signed_money(high, currency)
    if first == second:
        return first if first == "no change" else f"{first} a year"
    return f"{first} to {second} a year"


def amounts_between(low: float, high: float, currency: str) -> str:
    """The sizes of two changes, smaller first: "$4,700 to $5,200", or one figure when they agree."""
    first, second = sorted((abs(whole(low)), abs(whole(high))))
    if first == second:
        return format_money(first, currency)
    return f"{format_money(first, currency)} to {format_money(second, currency)}"


def percent_change(factor: float) -> str:
    """1.17 -> "+17 %"; 0.85 -> "−15 %": a multiplier as a whole-percent change."""
    points = round((factor - 1) * 100)
    return f"{'+' if points >= 0 else MINUS}{abs(points)}{NBSP}%"


def signed_percent(value: float) -> str:
    """+5 %, −3 %, +0.4 %: a change already in percent, whole, with one decimal below 1 %."""
    shown = f"{abs(value):.1f}" if abs(value) < 1 else f"{abs(value):.0f}"
    return f"{'+' if value >= 0 else MINUS}{shown} %"


def fraction_percent(value: float) -> str:
    """0.25 -> "25%", 0.125 -> "12.5%": a share held as a fraction (data rows store shares and points so)."""
    return f"{float(value) * 100:.4g}%"


def fraction_points(value: float) -> str:
    """0.05 -> "5 pts": percentile points held as a fraction of a band."""
    return f"{float(value) * 100:.4g} pts"


# Where a percentile inside a band is, in words: below each limit, its words.
POSITION_WORDS = (
    (25, "in the bottom quarter"),
    (40, "below the middle"),
    (61, "around the middle"),
    (76, "above the middle"),
    (101, "in the top quarter"),
)


def percentile_words(percentile: int) -> str:
    """A percentile inside a band in words: 12 -> "in the bottom quarter", 50 -> "around the middle"."""
    return next(text for limit, text in POSITION_WORDS if percentile < limit)


def ordinal(number: int) -> str:
    """42 -> "42nd", 11 -> "11th"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
