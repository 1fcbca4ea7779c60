"""`{% load money %}`: the template face of `compensation.money`, the one formatter of money and shares.

{{ amount|money:currency }} "$150,000"; {{ amount|money_compact:currency }} "$150K";
{{ difference|signed_money:currency }} "+$5,000" or "no change"; {{ 0.05|percent }} "5%";
{{ 1.1|change_percent }} "+10 %".

An empty or unreadable amount renders as "" (as Django's own filters do) rather than breaking the page.
"""

from decimal import InvalidOperation

from django import template

from compensation.money import format_money, fraction_percent, percent_change
from compensation.money import signed_money as _signed_money

register = template.Library()


def _render(amount, currency: str, *, compact: bool) -> str:
    if amount is None or amount == "" or not currency:
        return ""
    try:
        return format_money(amount, currency, compact=compact)
    except (InvalidOperation, TypeError, ValueError):
        return ""


@register.filter
def money(amount, currency: str) -> str:
    return _render(amount, currency, compact=False)


@register.filter
def money_compact(amount, currency: str) -> str:
    return _render(amount, currency, compact=True)


@register.filter
def signed_money(amount, currency: str) -> str:
    """A difference: "+$5,000", "−$2,000", "no change"."""
    if amount is None or amount == "" or not currency:
        return ""
    return _signed_money(float(amount), currency)


@register.filter
def percent(value) -> str:
    """A share held as a fraction: 0.05 -> "5%"; 0.125 -> "12.5%"."""
    return fraction_percent(value)


@register.filter
def change_percent(factor) -> str:
    """A multiplier as a change: 1.1 -> "+10 %", 0.9 -> "−10 %", 1 -> "unchanged"."""
    if round(float(factor), 4) == 1:
        return "unchanged"
    return percent_change(float(factor))
