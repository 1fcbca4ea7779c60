"""Site-wide answers that belong to no app: the health check, the favicon and the error pages."""

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request):
    # Browsers ask for /favicon.ico on pages that name no icon (and for downloads).
    return redirect(static("favicon.svg"), permanent=True)


def _error_page(code: int) -> HttpResponse:
    # No request context: the database (and so the session and user) may be what failed.
    return HttpResponse(loader.get_template(f"errors/{code}.html").render({}), status=code)


def bad_request(request, exception=None):
    return _error_page(400)


def permission_denied(request, exception=None):
    return _error_page(403)


def csrf_failure(request, reason=""):
    # A missing or stale form token. Django's own page has inline style (blocked by our CSP) and
    # explains CSRF to whoever forged the request; ours says to reload and try again.
    return _error_page(403)


def _retry_after_seconds() -> int:
    """The longest period of the rate limits that answer 429 (the failed-log-in lock answers on the form)."""
    periods = [
        rate.duration
        for action, rates in settings.ACCOUNT_RATE_LIMITS.items()
        if action != "login_failed"
        for rate in parse_rates(rates)
    ]
    return int(max(periods, default=60))


def too_many_requests(request, exception=None):
    """allauth's answer over a rate limit (it calls `config.urls.handler429`): 429 with Retry-After."""
    response = HttpResponse(loader.get_template("429.html").render({}, request), status=429)
    response["Retry-After"] = str(_retry_after_seconds())
    return response


def page_not_found(request, exception=None):
    return _error_page(404)


def server_error(request):
    return _error_page(500)
