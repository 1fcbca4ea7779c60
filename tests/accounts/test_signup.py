"""Sign-up: email and password, a confirmation link by email, then the user lands on their plans."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "plum-orchard-lantern-73"
SIGNUP = {"email": "grace@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_signup_page_is_in_the_site_layout_with_labelled_fields(client):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Sign up · CareerPath</title>" in html
    assert "<h1>Sign up</h1>" in html
    assert 'class="skip-link"' in html  # our base.html, not allauth's bare layout
    for field in ("id_email", "id_password1", "id_password2"):
        assert f'<label for="{field}">' in html
    assert 'aria-describedby="id_password1_helptext"' in html
    assert "style=" not in html and "<script>" not in html


def test_signup_sends_a_confirmation_link_that_logs_the_user_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session  # not logged in before confirming
    page = client.get(response["Location"])
    assert "<title>Check your email · CareerPath</title>" in page.content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["grace@example.com"]
    assert message.subject.startswith("[CareerPath] ")
    assert message.subject == "[CareerPath] Please confirm your email address"  # sentence case, as every page
    assert "signed up for CareerPath with this email address" in message.body
    link = link_in(message)
    assert link.startswith("http://testserver/accounts/confirm-email/")

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    html = confirm_page.content.decode()
    assert "<title>Confirm your email address · CareerPath</title>" in html
    assert "grace@example.com" in html

    confirmed = client.post(link)

    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("plan_list")
    shown = [str(m) for m in get_messages(confirmed.wsgi_request)]
    assert "You are logged in as grace@example.com." in shown
    user = get_user_model().objects.get(email="grace@example.com")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert EmailAddress.objects.get(user=user).verified
    assert user.check_password(NEW_PASSWORD)


def test_signup_with_a_local_next_lands_there_after_confirming(client):
    client.post(reverse("account_signup"), {**SIGNUP, "next": "/plans/new/?location=seattle"})

    confirmed = client.post(link_in(mail.outbox[0]))

    assert confirmed["Location"] == "/plans/new/?location=seattle"


def test_signup_ignores_an_off_site_next(client):
    client.post(reverse("account_signup"), {**SIGNUP, "next": "https://evil.example/"})

    confirmed = client.post(link_in(mail.outbox[0]))

    assert confirmed["Location"] == reverse("plan_list")


def test_unconfirmed_account_cannot_log_in_and_gets_a_new_link(client):
    client.post(reverse("account_signup"), SIGNUP)
    mail.outbox.clear()
    cache.clear()  # allauth sends one confirmation email per address every three minutes

    response = client.post(reverse("account_login"), {"login": "grace@example.com", "password": NEW_PASSWORD})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_a_broken_confirmation_link_says_so(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))

    assert response.status_code == 200
    assert "This confirmation link has expired or is not valid." in response.content.decode()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "This password is too common."),
        ("Xy7!", "This password is too short. It must contain at least 8 characters."),
        ("83920174655", "This password is entirely numeric."),
    ],
)
def test_weak_password_is_rejected_with_a_message_tied_to_the_field(client, password, message):
    response = client.post(
        reverse("account_signup"), {"email": "grace@example.com", "password1": password, "password2": password}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in html
    assert 'id="id_password1_error"' in html
    assert not get_user_model().objects.filter(email="grace@example.com").exists()


def test_mismatched_passwords_are_rejected(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password2": "something-else-entirely-5"})

    assert "You must type the same password each time." in response.content.decode()
    assert not get_user_model().objects.filter(email="grace@example.com").exists()


def test_signup_with_a_taken_email_does_not_reveal_the_account(client, user):
    """With ACCOUNT_PREVENT_ENUMERATION the page is the same; the owner gets an email instead."""
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": user.email})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert get_user_model().objects.filter(email=user.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "an account using that email address already exists" in mail.outbox[0].body


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_signup_is_rate_limited(client):
    for n in range(2):
        response = client.post(reverse("account_signup"), {**SIGNUP, "email": f"person{n}@example.com"})
        assert response.status_code == 302

    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "person9@example.com"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts. Please wait a minute and try again." in html
    assert "<title>Too many attempts · CareerPath</title>" in html
    assert not get_user_model().objects.filter(email="person9@example.com").exists()


def test_adding_an_email_address_sends_a_link_that_confirms_it(user_client, user):
    user_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # asked before any address change
    response = user_client.post(reverse("account_email"), {"action_add": "", "email": "ada@work.example"})

    assert response.status_code == 302
    address = EmailAddress.objects.get(user=user, email="ada@work.example")
    assert not address.verified
    assert mail.outbox[0].to == ["ada@work.example"]
    assert "add this email address to a CareerPath account" in mail.outbox[0].body

    user_client.post(link_in(mail.outbox[0]))

    address.refresh_from_db()
    assert address.verified
