"""`make createsuperuser`: an admin who logs in by email, with no username to make up."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_creates_a_verified_staff_account_from_an_email_and_a_password(monkeypatch, client):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-admin-password-93")
    call_command("createadmin", email="Boss@Example.com", noinput=True)
    user = get_user_model().objects.get(email="boss@example.com")
    assert user.is_staff and user.is_superuser
    assert EmailAddress.objects.get(user=user).verified
    assert client.login(username="boss@example.com", password="a-long-admin-password-93")


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-email", "a-long-admin-password-93", "Enter a valid email address"),
        ("boss@example.com", "short", "too short"),
    ],
)
def test_refuses_bad_input_with_a_message_and_creates_nothing(monkeypatch, email, password, message):
    monkeypatch.setenv("ADMIN_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        call_command("createadmin", email=email, noinput=True)
    assert not get_user_model().objects.exists()


def test_refuses_an_address_already_in_use(monkeypatch, user):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-admin-password-93")
    with pytest.raises(CommandError, match="exists already"):
        call_command("createadmin", email=user.email, noinput=True)
