"""Shared fixtures: the compensation data is loaded once per test database."""

import pytest
from django.core.management import call_command

from tests.factories import PASSWORD, PlanFactory, UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The salary data, loaded once per test database, and its snapshot taken at once.

    pytest-django runs transactional tests (the browser and multi-process ones) after the others, and
    their flush empties the tables: a snapshot taken later, for a test without the database, would be empty.
    """
    from compensation.catalog import build_catalog

    with django_db_blocker.unblock():
        call_command("loaddata", "compensation", verbosity=0)
        return build_catalog(version=-1)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing a password the production way takes ~0.3 s; tests hash thousands."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_caches(request):
    """Each test starts with no rate-limit counters and no catalog snapshot from an earlier test.

    A test's rolled-back data change can reuse the catalog version number another test then sees.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    from compensation import catalog
    from dataversions import history

    # The database cache (rate limits without Redis) rolls back with each test's transaction, and a
    # test without the database may not touch it; transactional tests (a flush leaves it) clear it.
    cleared = [cache for cache in caches.all() if not isinstance(cache, DatabaseCache)]
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        cleared = list(caches.all())
    for cache in cleared:
        cache.clear()
    catalog.forget()
    history.forget()  # a rolled-back version's number is used again by the next test
    yield
    for cache in cleared:
        cache.clear()


@pytest.fixture
def make_user(db):
    """Create a user with a verified email address (allauth), able to log in."""

    def make(email="ada@example.com", password=PASSWORD, **extra):
        return UserFactory(email=email, password=password, **extra)

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


@pytest.fixture
def staff_client(client, make_user):
    """Logged in as a superuser, for the admin and the staff pages."""
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.fixture(scope="session")
def catalog(django_db_setup):
    """The fixture data as the engine sees it (an immutable snapshot, taken when the data was loaded)."""
    return django_db_setup


@pytest.fixture
def make_plan(db):
    """Create a plan through the same form the site uses."""

    def make(owner, **changes):
        return PlanFactory(owner=owner, **changes)

    return make


@pytest.fixture
def plan(make_plan, user):
    return make_plan(user)
