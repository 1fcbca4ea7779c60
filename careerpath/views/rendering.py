"""What every page of the plans app answers with: the whole page or its named partial, the projection's
secondary parts and explanations, and the example a new estimate or plan starts from.

The estimate, plan and share-link views all build their panel with `presentation.panel.panel_for` from a
profile read once: from the form that validated the request, or from a plan's values.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from engine.results import Projection, Step

from ..forms import Basis
from ..presentation.panel import panel_for
from ..presentation.words import evidence_sentence, explanation_lines
from ..profiles import describe, profile_from_values

# What the home page's estimate shows before the visitor changes anything, and a new plan's start.
HOME_EXAMPLE = {
    "current_level": "mid",
    "years_experience": 4,
    "location": "seattle",
    "industry": "technology-faang",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "cloud-platforms"],
    "work_mode": "onsite",
    "target_track": "",
    "target_year": None,
}


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


def noindex(view):
    """Share links and the figures built from a link's inputs: not for search engines."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def step_of(figure: str, projection: Projection) -> Step | None:
    """The step a figure ("track/role") names, if any."""
    if "/" not in figure:
        return None
    track_slug, role = figure.split("/", 1)
    track = next((t for t in projection.tracks if t.track == track_slug), None)
    return next((s for s in track.steps if s.role == role), None) if track else None


def explain_page(request, form, projection, *, back: str, invalid_back: str):
    """Why one figure is what it is: the explanation partial for htmx, a page without JavaScript."""
    if not form.is_valid():
        return render(request, "careerpath/explain.html", {"form": form, "back": invalid_back}, status=400)
    result = projection()
    found = form.explanation(result)
    if found is None:
        raise Http404  # a step below the person's level, or freelance pay for someone salaried
    heading, items = found
    context = {"form": form, "heading": heading, "lines": explanation_lines(items), "back": back}
    step = step_of(form.cleaned_data["figure"], result)
    if step is not None and step.evidence is not None:  # the public survey, shown beside the figure
        context["evidence"] = evidence_sentence(step.evidence, step.title)
    return render_page(request, "careerpath/explain.html", context, partial="explanation")


def details_page(request, form, values, *, back, invalid_back: str, shared: bool = False, links=None):  # noqa: PLR0913  keyword-only: where Back goes, whose page it is
    """A projection's secondary figures, fetched when they come into view or are opened (a page without JS)."""
    if not form.is_valid():
        context = {"form": form, "heading": "Figures not found", "back": invalid_back}
        # htmx swaps a 422 (the note replaces "Loading…"); a 400 it would leave unshown.
        return render_page(request, "careerpath/details.html", context, status=400, partial="failed")
    catalog = form.catalog
    data = form.cleaned_data
    values = values()
    panel = panel_for(
        profile_from_values(values),
        catalog,
        money=data["money"],
        links=links,
        shared=shared,
        years_track=data["track"],
        market_basis=data.get("basis") == Basis.MARKET,  # a share link's form has no basis: its links read the pay
    )
    context = {
        "form": form,
        "heading": form.heading(),
        "names": describe(values, catalog),
        "years": values["years_experience"],
        "part": data["part"],
        "panel": panel,
        "back": back(panel),
    }
    return render_page(request, "careerpath/details.html", context, partial=data["part"])
