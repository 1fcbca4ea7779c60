"""A badge's markup (templates/partials/badge.html) for its kind: what a figure rests on, or a state.

The `{% badge %}` tag (careerpath/templatetags/display.py) writes it in templates; the panel puts the same
markup beside each step's figures (two dozen a panel), rendered once per kind rather than once per step.
"""

from __future__ import annotations

from functools import lru_cache

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

# A badge's kind: its look (the CSS class `badge-<look>`) and the words it says unless told others.
BADGES = {
    "article": ("article", "Article"),  # a figure quoted from the article
    "assumption": ("assumption", "Assumption"),  # a figure the article does not give
    "edited": ("assumption", "Edited"),  # an article figure changed in admin
    "yours": ("input", "Your pay"),  # a figure the person typed
    "pay": ("pay", "Shows your pay"),  # a share link that shows the pay
}


@lru_cache(maxsize=64)
def badge(kind: str, label: str = "", data: str = "") -> SafeString:
    """The badge of `kind` (a key of `BADGES`), saying `label` or its usual words; `data` names a data attribute.

    A few kinds and labels in all: each is rendered once.
    """
    look, words = BADGES[kind]
    html = get_template("partials/badge.html").render({"look": look, "label": label or words, "data": data})
    return mark_safe(html.strip())  # noqa: S308 -- the template escaped the label; the strip keeps sentences whole
