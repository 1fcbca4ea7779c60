"""Shared fixtures: the compensation data is loaded once per test database."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("loaddata", "compensation", verbosity=0)


@pytest.fixture
def make_user(db):
    """Create a user with a verified email address (allauth), able to log in."""
    from allauth.account.models import EmailAddress

    def make(email="ada@example.com", password=PASSWORD, **extra):
        user = get_user_model().objects.create_user(username=email, email=email, password=password, **extra)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def user(make_user):
    return make_user()


@pytest.fixture
def other_user(make_user):
    return make_user("mallory@example.com")


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client
