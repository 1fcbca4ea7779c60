"""The production URLconf plus the bare views the HTTP benchmark compares real pages against.

Served only under `careerpath.bench_settings` (`make bench`); production never routes them.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

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


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/bare-user/", bare_user, name="bench_bare_user"),
    *site_urlpatterns,
]
