"""`{% load money %}`: {{ amount|money:currency }} gives "$150,000", {{ amount|money_compact:currency }} "$150K".

An empty or unreadable amount renders as "" (as Django's own filters do) rather than breaking the page.
"""

from decimal import InvalidOperation

from django import template

from compensation.money import format_money

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
