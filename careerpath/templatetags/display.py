"""Small display filters for the plan pages (money and shares are `{% load money %}`)."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key, "")


@register.filter
def sentence_label(field):
    """A form field with its label in sentence case ("Remember Me" -> "Remember me"), for allauth's forms."""
    label = str(field.label or "")
    words = label.split(" ")
    field.label = " ".join([words[0], *(w if w.isupper() else w.lower() for w in words[1:])])
    return field
