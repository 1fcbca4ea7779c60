"""The production URLconf plus the bare views the HTTP benchmark compares real pages against.

Served only under `config.bench_settings` (`make bench`); production never routes them.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from careerpath.forms import ProfileForm
from compensation.catalog import get_catalog

from .urls import handler400, handler403, handler404, handler500
from .urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


@require_safe
def bare(request):
    """Through the whole middleware stack, but no template, no catalog, no query."""
    return HttpResponse(b"ok", content_type="text/plain")


@require_safe
def bare_user(request):
    """The bare view plus what every logged-in page pays first: the session and the user (two queries)."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous", content_type="text/plain")


@require_safe
def form_only(request):
    """What a live update pays before it projects anything: the catalog and the profile form, validated."""
    form = ProfileForm(request.GET, catalog=get_catalog())
    return HttpResponse(b"ok" if form.is_valid() else b"invalid", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/form/", form_only, name="bench_form"),
    path("bench/bare-user/", bare_user, name="bench_bare_user"),
    *site_urlpatterns,
]
