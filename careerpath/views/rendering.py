"""The one way a page answers: the whole page, or its named `projection` partial when htmx asks."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from engine.catalog import Catalog
from engine.slugs import Money

from ..clock import this_year
from ..presentation.panel import ProjectionPanel
from ..profiles import profile_from_values


def render_page(
    request, template: str, context: dict, status: int = 200, *, partial: str = "projection"
) -> HttpResponse:
    """The page, or only its `partial` when htmx asks for it (as django-htmx's example does).

    htmx is configured to swap a 422: a 400's message then shows in place of the fragment.
    """
    if request.htmx and not request.htmx.boosted:
        template += f"#{partial}"
        status = 422 if status == 400 else status
    context.setdefault("panel_timeout", settings.PANEL_CACHE_SECONDS)
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])  # one URL, two bodies: caches must keep them apart
    return response


def panel_for(values: dict, catalog: Catalog, **options) -> ProjectionPanel:
    """The projection panel of form values (a plan's, or the home example's)."""
    money = values.get("money") or Money.NOMINAL  # how earnings are shown, kept beside the form's values
    return ProjectionPanel(profile_from_values(values), catalog, this_year(), money=money, **options)


def noindex(view):
    """Share links and the figures built from a link's inputs: not for search engines."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped
