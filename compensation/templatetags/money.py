"""{{ amount|money:currency }} and {{ amount|money_compact:currency }}."""

from django import template

from compensation.money import format_money

register = template.Library()


@register.filter
def money(amount, currency: str) -> str:
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency)


@register.filter
def money_compact(amount, currency: str) -> str:
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency, compact=True)
