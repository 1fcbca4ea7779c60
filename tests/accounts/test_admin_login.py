"""Staff log in to the admin through allauth's log-in page, with its rate limits.

Django's own admin form counted no failures: 40 wrong passwords for a staff address answered 200 each,
then the right one logged in. Now /admin/login/ sends everyone to allauth's log-in.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

STAFF = "staff@example.com"
TOO_MANY = "Too many failed login attempts. Try again later."


@pytest.fixture
def staff(make_user):
    return make_user(STAFF, is_staff=True, is_superuser=True)


def admin_log_in(client, password, email=STAFF):
    """What a person does on the admin's log-in address: follow it to the log-in form, post to it."""
    response = client.get(reverse("admin:login"), {"next": "/admin/"})
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(reverse("account_login"))
    return client.post(login_url, {"login": email, "password": password})


def logged_in_id(client):
    return client.session.get("_auth_user_id")


def test_admin_login_address_sends_to_the_site_login_and_back(client):
    response = client.get(reverse("admin:login"), {"next": "/admin/"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2F"


def test_staff_log_in_through_the_site_login_and_land_in_the_admin(client, staff):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    response = client.post(response.redirect_chain[-1][0], {"login": STAFF, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "Site administration" in page.content.decode()


@pytest.mark.parametrize("sixth_password", ["still-a-guess", PASSWORD], ids=["wrong", "right"])
def test_sixth_staff_password_in_a_row_is_refused(client, staff, sixth_password):
    for attempt in range(5):
        response = admin_log_in(client, f"guess-{attempt}")
        assert response.status_code == 200
        assert "The email address and/or password you specified are not correct." in response.content.decode()

    response = admin_log_in(client, sixth_password)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert logged_in_id(client) is None
    assert client.get("/admin/").status_code == 302


def test_too_many_log_ins_from_one_address_answer_429_on_the_admin_path_too(client, staff, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    for attempt in range(3):
        admin_log_in(client, f"guess-{attempt}")

    response = admin_log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "Too many attempts. Please wait a minute and try again." in response.content.decode()
    assert logged_in_id(client) is None


def test_logged_in_non_staff_cannot_open_the_admin_login(client, user):
    client.force_login(user)

    assert client.get(reverse("admin:login")).status_code == 403


def test_superuser_made_by_createsuperuser_confirms_the_address_once_then_reaches_the_admin(client, mailoutbox):
    # Django's own `manage.py createsuperuser` makes a user without an allauth EmailAddress row: the first log-in
    # sends a confirmation link, like any other unconfirmed address, and logs in nobody.
    get_user_model().objects.create_superuser(username="root", email="root@example.com", password=PASSWORD)

    response = admin_log_in(client, PASSWORD, email="root@example.com")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert logged_in_id(client) is None
    [message] = mailoutbox
    assert message.to == ["root@example.com"]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    client.post(link.split("testserver", 1)[1])  # confirming logs in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION)
    client.logout()

    response = admin_log_in(client, PASSWORD, email="root@example.com")

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
