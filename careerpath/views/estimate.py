"""The home page, the anonymous quick estimate, a figure's explanation, the secondary figures, methodology."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from compensation.catalog import get_catalog
from engine.projection import project

from ..clock import this_year
from ..forms import DetailsForm, ExplainForm, ProfileForm
from ..methodology import methodology_context
from ..presentation.panel import ProjectionPanel
from ..presentation.words import explanation_lines
from ..profiles import describe
from .rendering import noindex, panel_for, render_page

# What the home page's estimate shows before the visitor changes anything.
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


@require_safe
def home(request):
    catalog = get_catalog()
    context = {"form": ProfileForm(initial=HOME_EXAMPLE, catalog=catalog), "panel": panel_for(HOME_EXAMPLE, catalog)}
    return render_page(request, "careerpath/home.html", context)


@require_safe
def estimate(request):
    catalog = get_catalog()
    form = ProfileForm(request.GET, catalog=catalog)
    if not form.is_valid():
        return render_page(request, "careerpath/home.html", {"form": form, "invalid": form}, status=400)
    panel = ProjectionPanel(form.profile(), catalog, this_year(), money=form.money_choice)
    return render_page(request, "careerpath/home.html", {"form": form, "panel": panel})


@require_safe
def explain(request):
    """Why one figure is what it is: loaded when its "Why this figure" is opened (a page without JS)."""
    catalog = get_catalog()
    form = ExplainForm(request.GET, catalog=catalog)
    if not form.is_valid():
        return render(request, "careerpath/explain.html", {"form": form, "back": reverse("home")}, status=400)
    found = form.explanation(project(form.profile(), catalog, this_year()))
    if found is None:
        raise Http404  # a step below the person's level, or freelance pay for someone salaried
    heading, items = found
    context = {
        "form": form,
        "heading": heading,
        "lines": explanation_lines(items),
        "back": f"{reverse('estimate')}?{form.query()}",
    }
    return render_page(request, "careerpath/explain.html", context, partial="explanation")


@require_safe
@noindex
def details(request):
    """A projection's secondary figures, fetched when they come into view or are opened (a page without JS)."""
    catalog = get_catalog()
    form = DetailsForm(request.GET, catalog=catalog)
    if not form.is_valid():
        context = {"form": form, "heading": "Figures not found", "back": reverse("home")}
        # htmx swaps a 422 (the note replaces "Loading…"); a 400 it would leave unshown.
        return render_page(request, "careerpath/details.html", context, status=400, partial="failed")
    data = form.cleaned_data
    panel = ProjectionPanel(
        form.profile(), catalog, this_year(), shared=data["shared"], money=form.money_choice, years_track=data["track"]
    )
    context = {
        "form": form,
        "heading": form.heading(),
        "names": describe(data, catalog),
        "part": data["part"],
        "panel": panel,
        "back": f"{reverse('estimate')}?{panel.query}{'&money=real' if panel.real else ''}",
    }
    return render_page(request, "careerpath/details.html", context, partial=data["part"])


@require_safe
def methodology(request):
    context = {**methodology_context(get_catalog()), "nav": "methodology"}
    return render(request, "careerpath/methodology.html", context)
