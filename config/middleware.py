"""Response headers Django does not set itself, and a friendly answer when the database is down."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control

from careerpath.profiles import PAY_FIELDS
from compensation.validation import StoredValueError

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PrivateResponseMiddleware:
    """`Cache-Control: private, no-store` on every response that may show pay or personal data, so no
    proxy, shared cache or browser cache keeps a copy (a back button on a shared computer, a CDN).

    Private by default: everything a logged-in person sees (plans and their parts and exports, offers,
    account pages), every share link (they may show pay), every POST answer (the quick estimate echoes
    the pay typed), error pages. Only pages that show nobody's data, asked for by a visitor who is not
    logged in, may be cached. Static files never reach this (WhiteNoise answers them above it).
    """

    PUBLIC_VIEWS = frozenset({"home", "methodology", "healthz"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._private(request):
            response.headers.pop("Expires", None)
            patch_cache_control(response, private=True, no_store=True, max_age=0)
            response.headers["Cache-Control"] = ", ".join(
                part for part in response["Cache-Control"].split(", ") if not part.startswith("public")
            )
        return response

    def _private(self, request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return True
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name not in self.PUBLIC_VIEWS:
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)


class PayOutOfQueriesMiddleware:
    """Pay in a GET query is never read: the request is sent to the same address without it (302).

    Forms send pay by POST and no page writes it into a link; an old bookmark or link such as
    `/estimate/?current_base=...` still opens, as the estimate without the pay, and its address (what
    browsers keep in their history) no longer holds it. The first request has reached the access log
    already: the README says to keep those logs private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(name in request.GET for name in PAY_FIELDS):
            kept = request.GET.copy()
            for name in PAY_FIELDS:
                kept.pop(name, None)
            query = kept.urlencode()
            return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answer a friendly 503 when the database cannot be reached, instead of a bare 500.

    Django reconnects on the next request by itself (CONN_HEALTH_CHECKS), so the app recovers as
    soon as the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("database unavailable: %s", exception.__class__.__name__)
            response = HttpResponse(loader.get_template("errors/503.html").render({}), status=503)
            response["Retry-After"] = "30"
            return response
        return None


class StoredValueMiddleware:
    """A stored value the forms refuse (StoredValueError) answers a 409 that names it and links to where it
    can be fixed, instead of a 500: an old or hand-written row can never take a page down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StoredValueError):
            return None
        logger.warning("stored value refused on %s: %s", request.resolver_match.view_name, exception.what)
        edit_url = ""
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        if exception.edit_view and exception.edit_kwarg in kwargs:
            try:
                edit_url = reverse(exception.edit_view, kwargs={exception.edit_kwarg: kwargs[exception.edit_kwarg]})
            except NoReverseMatch:
                edit_url = ""
        context = {"what": exception.what, "edit_url": edit_url}
        return HttpResponse(loader.get_template("errors/stored_value.html").render(context, request), status=409)
