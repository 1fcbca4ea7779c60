"""The one place that formats money: $150,000; £55,000; €60,000; CA$90,000; ₹12,00,000 (₹12L)."""

from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency

LOCALES = {"INR": "en_IN", "EUR": "en_IE", "GBP": "en_GB", "CAD": "en_US", "USD": "en_US"}
PATTERN = "¤#,##0"
PATTERN_INR = "¤#,##,##0"


@lru_cache(maxsize=64)
def _format(amount: int, currency: str) -> str:
    pattern = PATTERN_INR if currency == "INR" else PATTERN
    return format_currency(
        amount, currency, format=pattern, locale=LOCALES.get(currency, "en_US"), currency_digits=False
    )


def format_money(amount: float | int | Decimal, currency: str, *, compact: bool = False) -> str:
    """Whole units in the currency's usual form; `compact` gives $150K, $1.2M, ₹12L, ₹1.2Cr."""
    value = round(float(amount))
    if compact:
        return format_compact(value, currency)
    if value < 0:
        return "−" + _format(-value, currency)
    return _format(value, currency)


def _trim(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def format_compact(value: float, currency: str) -> str:
    symbol = _format(0, currency).replace("0", "")
    sign = "−" if value < 0 else ""
    value = abs(value)
    if currency == "INR":
        if value >= 10_000_000:
            return f"{sign}{symbol}{_trim(value / 10_000_000)}Cr"
        if value >= 100_000:
            return f"{sign}{symbol}{_trim(value / 100_000)}L"
    if value >= 1_000_000:
        return f"{sign}{symbol}{_trim(value / 1_000_000)}M"
    if value >= 1_000:
        return f"{sign}{symbol}{_trim(value / 1_000)}K"
    return f"{sign}{symbol}{round(value)}"
