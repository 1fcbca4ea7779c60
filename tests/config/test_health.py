"""The health check, and what people see while the database cannot be reached: a friendly 503 that
says nothing is lost, never a traceback.

`scripts/chaos.sh` proves the same against a real PostgreSQL server that is stopped and restarted.
"""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.urls import reverse

from careerpath.models import Plan
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

FRIENDLY = "CareerPath can’t reach its database right now. Nothing you saved is lost."


def database_down(error=OperationalError):
    """Every query fails as it does when PostgreSQL has stopped."""
    message = "connection failed: Connection refused\n\tIs the server running on that host?"
    return mock.patch(
        "django.db.backends.utils.CursorWrapper._execute_with_wrappers",
        side_effect=error(message),
    )


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert not response.cookies  # probes must not create sessions


def test_healthz_answers_503_when_the_database_cursor_fails(client):
    with mock.patch("config.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("could not connect to server")
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}
    assert "could not connect" not in response.content.decode()


def test_healthz_answers_503_when_the_query_fails(client):
    with database_down():
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_answers_a_friendly_503_while_the_database_is_down(client, error):
    with database_down(error):
        response = client.get(reverse("home"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert FRIENDLY in html
    assert "Traceback" not in html and "Connection refused" not in html and "Error" not in html
    assert response["Content-Security-Policy"] and response["X-Frame-Options"] == "DENY"


def test_a_logged_in_page_answers_503_while_the_session_cannot_be_read(client, user, plan):
    client.force_login(user)

    with database_down():
        response = client.get(reverse("plan_detail", args=[plan.pk]))

    assert response.status_code == 503
    assert FRIENDLY in response.content.decode()


def test_an_htmx_request_answers_503_too(client):
    query = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}

    with database_down():
        response = client.get(reverse("estimate"), query, HTTP_HX_REQUEST="true")

    assert response.status_code == 503
    assert FRIENDLY in response.content.decode()


def test_a_save_while_the_database_is_down_answers_503_and_then_works(client, user):
    client.force_login(user)

    with database_down():
        failed = client.post(reverse("plan_new"), PLAN_POST)
    saved = client.post(reverse("plan_new"), PLAN_POST)

    assert failed.status_code == 503
    assert FRIENDLY in failed.content.decode()
    assert saved.status_code == 302
    assert Plan.objects.filter(owner=user).count() == 1


def test_the_site_recovers_when_the_database_is_back(client):
    with database_down():
        assert client.get(reverse("home")).status_code == 503

    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}
