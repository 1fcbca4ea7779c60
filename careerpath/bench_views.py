"""A bare view for the HTTP benchmark: the cost of Django itself, to compare real pages against.

`scripts/bench.sh` loads every page and this view through the same gunicorn, so "a partial answers
at half the bare view's rate" is a statement about our code, not about the machine. The URL exists
only when the server is started with BENCH_BARE_VIEW=1; production never serves it.
"""

import os

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET


@require_GET
def bare(request):
    """Through the whole middleware stack, but no template, no catalog, no query."""
    return HttpResponse(b"ok", content_type="text/plain")


@require_GET
def bare_user(request):
    """The bare view plus what every logged-in page pays first: the session and the user (two queries)."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous", content_type="text/plain")


def urlpatterns_if_enabled() -> list[URLPattern]:
    """`/bench/bare/` and `/bench/bare-user/` when BENCH_BARE_VIEW=1, else nothing (refuses other values)."""
    value = os.environ.get("BENCH_BARE_VIEW", "0").strip()
    if value not in ("0", "1", ""):
        raise ImproperlyConfigured(f"BENCH_BARE_VIEW must be 0 or 1, not {value!r}")
    if value != "1":
        return []
    return [
        path("bench/bare/", bare, name="bench_bare"),
        path("bench/bare-user/", bare_user, name="bench_bare_user"),
    ]
