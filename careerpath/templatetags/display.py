"""Small display filters for the plan pages."""

from django import template

from careerpath.panel import percent_change
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


@register.filter
def change_percent(factor: float) -> str:
    """A multiplier as a change: 1.1 -> "+10 %", 0.9 -> "−10 %", 1 -> "unchanged"."""
    if round(float(factor), 4) == 1:
        return "unchanged"
    return percent_change(float(factor))


@register.filter
def sentence_label(field):
    """A form field with its label in sentence case ("Remember Me" -> "Remember me"), for allauth's forms."""
    label = str(field.label or "")
    words = label.split(" ")
    field.label = " ".join([words[0], *(w if w.isupper() else w.lower() for w in words[1:])])
    return field
