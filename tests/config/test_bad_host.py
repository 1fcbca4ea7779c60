"""A request for a host the site does not serve gets the site's 400 page, with every security header.

Django refuses the Host in CommonMiddleware (request.get_host()); the header middlewares sit above
it, so they still see the response.
"""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": settings.PERMISSIONS_POLICY,
}


@pytest.mark.parametrize("path", ["/", "/healthz", "/plans/", "/accounts/login/", "/admin/"])
def test_bad_host_gets_the_400_page_with_every_security_header(client, path):
    response = client.get(path, HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "<title>Bad request · CareerPath</title>" in response.content.decode()
    for name, value in HEADERS.items():
        assert value in response.get(name, ""), f"{name} missing on the bad-host 400 for {path}"
