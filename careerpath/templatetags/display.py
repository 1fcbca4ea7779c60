"""Small display filters and the `{% badge %}` tag for every page (money and shares are `{% load money %}`)."""

from django import template
from django.utils.safestring import SafeString

from ..presentation.badges import badge as badge_markup

register = template.Library()


@register.simple_tag
def badge(kind: str, label: str = "", *, data: str = "") -> SafeString:
    """`{% badge "assumption" %}`, `{% badge "article" "Confirmed" %}`, `{% badge "pay" data="shows-pay" %}`:
    the markup of templates/partials/badge.html, the one place a badge is written (presentation/badges.py)."""
    return badge_markup(kind, str(label), data)


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
