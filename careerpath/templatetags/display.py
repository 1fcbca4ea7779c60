"""Small display filters and the `{% badge %}` tag for every page (money and shares are `{% load money %}`)."""

from functools import lru_cache

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# A badge's kind: its look (the CSS class `badge-<look>`) and the words it says unless told others.
BADGES = {
    "article": ("article", "Article"),  # a figure quoted from the article
    "assumption": ("assumption", "Assumption"),  # a figure the article does not give
    "edited": ("assumption", "Edited"),  # an article figure changed in admin
    "yours": ("input", "Your pay"),  # a figure the person typed
    "pay": ("pay", "Shows your pay"),  # a share link that shows the pay
}


@register.simple_tag
def badge(kind: str, label: str = "", *, data: str = "") -> SafeString:
    """`{% badge "assumption" %}`, `{% badge "article" "Confirmed" %}`, `{% badge "pay" data="shows-pay" %}`:
    the markup of templates/partials/badge.html (the one place a badge is written) for a kind of `BADGES`."""
    return _badge(kind, str(label), data)


@lru_cache(maxsize=64)
def _badge(kind: str, label: str, data: str) -> SafeString:
    # A few kinds and labels in all: each is rendered once (a panel shows two dozen badges).
    look, words = BADGES[kind]
    html = get_template("partials/badge.html").render({"look": look, "label": label or words, "data": data})
    return mark_safe(html.strip())  # noqa: S308 -- the template escaped the label; the strip keeps sentences whole


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
