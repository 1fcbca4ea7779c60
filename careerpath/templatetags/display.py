"""Small display filters for the plan pages."""

import datetime

from django import template
from django.template.loader import render_to_string

from careerpath import render_cache
from careerpath.forms import ProfileForm
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


@register.simple_tag
def form_fields(form: ProfileForm, template_name: str):
    """`template_name` rendered with `form`; once per initial values while nobody has typed into it.

    The template renders fields only (no CSRF token, nothing of the user's but the values).
    """

    def render() -> str:
        return render_to_string(template_name, {"form": form})

    if form.is_bound:  # what was typed, and its errors: never shared
        return render()
    values = tuple(_hashable(form.initial.get(name)) for name in form.fields)
    key = (template_name, type(form), form.auto_id, form.prefix, datetime.date.today().year, values)
    return render_cache.fields.get_or_render(form.catalog, key, render)


def _hashable(value):
    return tuple(value) if isinstance(value, list | tuple | set | frozenset) else value
