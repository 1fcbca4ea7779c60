"""Changing a password while logged in, and resetting a forgotten one by email."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "violet-harbour-compass-58"


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def can_log_in(client, email, password) -> bool:
    client.logout()
    client.post(reverse("account_login"), {"login": email, "password": password})
    return "_auth_user_id" in client.session


def request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


# Changing the password


def test_change_password_page_is_in_the_site_layout(user_client):
    response = user_client.get(reverse("account_change_password"))

    html = response.content.decode()
    assert "<title>Change password · CareerPath</title>" in html
    for field in ("id_oldpassword", "id_password1", "id_password2"):
        assert f'<label for="{field}">' in html


def test_change_password_with_the_current_one(user_client, user):
    response = user_client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert "_auth_user_id" in user_client.session  # still logged in
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert can_log_in(user_client, user.email, NEW_PASSWORD)
    assert not can_log_in(user_client, user.email, PASSWORD)


def test_change_password_refuses_a_wrong_current_password(user_client, user):
    response = user_client.post(
        reverse("account_change_password"),
        {"oldpassword": "not-it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please type your current password." in html
    assert 'aria-describedby="id_oldpassword_helptext id_oldpassword_error"' in html
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_change_password_refuses_a_weak_new_password(user_client, user):
    response = user_client.post(
        reverse("account_change_password"), {"oldpassword": PASSWORD, "password1": "qwerty", "password2": "qwerty"}
    )

    html = response.content.decode()
    assert "This password is too short. It must contain at least 8 characters." in html
    assert "This password is too common." in html
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# Resetting a forgotten password


def test_reset_page_is_in_the_site_layout(client):
    response = client.get(reverse("account_reset_password"))

    html = response.content.decode()
    assert "<title>Reset your password · CareerPath</title>" in html
    assert '<label for="id_email">' in html


def test_reset_link_by_email_sets_a_new_password(client, user):
    response = request_reset(client, user.email)

    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "[CareerPath] Password reset"
    link = link_in(message)
    assert link.startswith("http://testserver/accounts/password/reset/key/")

    # The link moves the key out of the address before showing the form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "<title>Choose a new password · CareerPath</title>" in html
    form_url = form_page.redirect_chain[-1][0]
    assert "set-password" in form_url

    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert done["Location"] == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert can_log_in(client, user.email, NEW_PASSWORD)


def test_reset_link_works_only_once(client, user):
    request_reset(client, user.email)
    link = link_in(mail.outbox[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = client.get(link, follow=True)

    html = again.content.decode()
    assert "<title>Link not valid · CareerPath</title>" in html
    assert "This password reset link is not valid" in html


def test_reset_refuses_a_weak_password(client, user):
    request_reset(client, user.email)
    form_url = client.get(link_in(mail.outbox[0]))["Location"]

    response = client.post(form_url, {"password1": "12345678", "password2": "12345678"})

    html = response.content.decode()
    assert "This password is entirely numeric." in html
    assert "This password is too common." in html
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_answers_the_same_for_known_and_unknown_emails(client, user):
    known = request_reset(client, user.email)
    unknown = request_reset(client, "nobody@example.com")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    known_page = client.get(known["Location"]).content.decode()
    unknown_page = client.get(unknown["Location"]).content.decode()
    text = "If that address has an account, we have sent it a link to choose a new password."
    assert text in known_page and text in unknown_page
    # Only the owner of each address learns anything: the reset link, or "no such account".
    assert [m.to for m in mail.outbox] == [[user.email], ["nobody@example.com"]]
    assert "/accounts/password/reset/key/" not in mail.outbox[1].body


@override_settings(ACCOUNT_RATE_LIMITS={"reset_password": "20/m/ip,2/m/key"})
def test_reset_requests_are_rate_limited(client, user):
    for _ in range(2):
        assert request_reset(client, user.email).status_code == 302

    response = request_reset(client, user.email)

    assert response.status_code == 429
    assert "Too many attempts. Please wait a minute and try again." in response.content.decode()
    assert len(mail.outbox) == 2
