"""The home page, the anonymous quick estimate, a figure's explanation, the secondary figures, methodology."""

from __future__ import annotations

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_http_methods, require_safe
from django_htmx.http import push_url

from compensation.catalog import get_catalog
from engine.projection import project

from ..clock import this_year
from ..forms import DetailsForm, ExplainForm, ProfileForm
from ..methodology import methodology_context
from ..presentation.panel import ProjectionPanel, panel_for
from ..profiles import profile_from_values
from .rendering import HOME_EXAMPLE, details_page, explain_page, noindex, render_page

# Stands for the visitor's CSRF token in the cached home page; each answer puts the visitor's own in.
CSRF_SLOT = "csrf-token-slot-0c5b1e"


@require_safe
def home(request):
    """The home page. A visitor who is not logged in sees the same page as every other until the data
    changes, so it comes from Django's cache framework, keyed by the data's version and the year, with
    nothing personal in it: the CSRF token is put in per request, and a page with messages is not cached.
    """
    catalog = get_catalog()

    def context() -> dict:
        return {
            "form": ProfileForm(initial=HOME_EXAMPLE, catalog=catalog),
            "panel": panel_for(profile_from_values(HOME_EXAMPLE), catalog),
            "link_query": "",
        }

    timeout = settings.PANEL_CACHE_SECONDS
    if request.htmx or request.user.is_authenticated or not timeout or get_messages(request):
        return render_page(request, "careerpath/home.html", context())
    cache = caches["render"]
    key = f"home:{catalog.version}:{this_year()}"
    body = cache.get(key)
    if body is None:  # the form and the panel are built only when the page is rendered
        page = {**context(), "csrf_token": CSRF_SLOT, "panel_timeout": timeout}
        body = render_to_string("careerpath/home.html", page, request)
        cache.set(key, body, timeout)
    response = HttpResponse(body.replace(CSRF_SLOT, get_token(request)))
    patch_vary_headers(response, ["HX-Request"])  # as render_page answers
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def estimate(request):
    """The quick estimate. A GET of pay-less inputs is a bookmarkable address; the form sends by POST, so
    pay typed into it never reaches a URL (an old link with pay in its query still answers).

    A POST without pay lands on that address; a POST with pay is answered where it is.
    """
    catalog = get_catalog()
    form = ProfileForm(request.POST if request.method == "POST" else request.GET, catalog=catalog)
    if not form.is_valid():
        return render_page(
            request, "careerpath/home.html", {"form": form, "invalid": form, "link_query": ""}, status=400
        )
    panel = panel_for(form.profile(), catalog, money=form.money_choice)
    address = f"{reverse('estimate')}?{estimate_query(panel)}"
    if request.method == "POST" and not request.htmx and not panel.has_own_pay:
        # Without JavaScript and without pay, the result is the bookmarkable address (post, redirect, get).
        return redirect(f"{address}#projection", permanent=False)
    context = {"form": form, "panel": panel, "link_query": estimate_query(panel)}
    response = render_page(request, "careerpath/home.html", context)
    if request.htmx:
        # The address bar follows the inputs, the pay left out: the address kept in the history is safe.
        push_url(response, address)
    return response


def estimate_query(panel: ProjectionPanel) -> str:
    return panel.query + ("&money=real" if panel.real else "")


@require_safe
def explain(request):
    """Why one figure is what it is: loaded when its "Why this figure" is opened (a page without JS)."""
    catalog = get_catalog()
    form = ExplainForm(request.GET, catalog=catalog)
    return explain_page(
        request,
        form,
        lambda: project(form.profile(), catalog, this_year()),
        back=form.is_valid() and f"{reverse('estimate')}?{form.query()}",
        invalid_back=reverse("home"),
    )


@require_safe
@noindex
def details(request):
    """The quick estimate's secondary figures (and a share link's, from before links named the link)."""
    catalog = get_catalog()
    form = DetailsForm(request.GET, catalog=catalog)
    return details_page(
        request,
        form,
        lambda: form.cleaned_data,
        back=lambda panel: f"{reverse('estimate')}?{estimate_query(panel)}",
        invalid_back=reverse("home"),
        shared=form.is_valid() and form.cleaned_data["shared"],
    )


@require_safe
def methodology(request):
    context = {**methodology_context(get_catalog(), this_year()), "nav": "methodology"}
    return render(request, "careerpath/methodology.html", context)
