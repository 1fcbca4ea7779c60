"""Small display filters for the plan pages."""

from django import template

from compensation.money import format_money

register = template.Library()


@register.filter
def percent(value: float) -> str:
    """0.05 -> "5%"; 0.125 -> "12.5%"."""
    return f"{float(value) * 100:.4g}%"


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key, "")


@register.filter
def signed_money(amount: float, currency: str) -> str:
    """A difference: "+$5,000", "−$2,000", "±$0"."""
    rounded = round(float(amount))
    if rounded == 0:
        return "±" + format_money(0, currency)
    sign = "+" if rounded > 0 else "−"
    return sign + format_money(abs(rounded), currency)
