"""Response headers Django does not set itself, and a friendly answer when the database is down."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


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
