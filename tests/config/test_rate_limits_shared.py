"""Without Redis, rate limits still count across every server process: they live in Django's database
cache, in the database all processes share.

Two gunicorn processes (one worker each, no REDIS_URL) on one database of their own, a sign-up limit
lowered to 4 a minute per IP address so the test is quick. Before, each process counted alone: sign-ups
ran at twice the limit, and failed log-ins for one address got past the lock-out through the other process.
"""

import pytest

from tests.factories import PASSWORD
from tests.servers import WebClient, gunicorn_servers, run_manage, site_database

TOO_MANY_FAILED = "Too many failed login attempts. Try again later."
WRONG = "The email address and/or password you specified are not correct."
TOO_MANY = "Too many attempts"
SIGNUPS_A_MINUTE = 4
HOST = "localhost"  # behind a load balancer every process sees the site's one Host
CREATE_USER = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
for email in ("ada@example.com", "bob@example.com"):
    user = get_user_model().objects.create_user(username=email, email=email, password="PASSWORD")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rate-limits")
    with site_database(folder) as database_url:
        run_manage(database_url, "shell", "-c", CREATE_USER.replace("PASSWORD", PASSWORD))
        # The per-IP failure limit is raised so that only the per-address lock is tested.
        limits = {"RATE_LIMIT_SIGNUP": f"{SIGNUPS_A_MINUTE}/m/ip", "RATE_LIMIT_LOGIN_FAILED": "100/m/ip,5/5m/key"}
        with gunicorn_servers(2, folder, DATABASE_URL=database_url, **limits) as bases:
            yield bases


def test_sign_ups_are_limited_across_processes(servers):
    answers = []
    for number in range(SIGNUPS_A_MINUTE + 2):
        client = WebClient(servers[number % 2], host=HOST)
        email = f"new-{number}@example.com"
        page = client.submit("/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})
        answers.append((page.status, page.headers.get("Retry-After")))

    # Over the limit: 429, and how long to wait (the longest period of the limits that answer 429).
    assert answers == [(302, None)] * SIGNUPS_A_MINUTE + [(429, "60"), (429, "60")], answers


def test_sixth_wrong_password_for_one_address_is_refused_whichever_process_answers(servers):
    for attempt in range(5):  # the limit is 5 failures per address in 5 minutes
        page = WebClient(servers[attempt % 2], host=HOST).log_in("ada@example.com", f"guess-{attempt}")
        assert WRONG in page.text, f"attempt {attempt + 1} was not counted as a plain failure"

    for base in servers:  # even the right password now waits, on either process
        page = WebClient(base, host=HOST).log_in("ada@example.com", PASSWORD)
        # As docs/accounts.md says: the log-in form answers again (200), with the message, keeping the address.
        assert page.status == 200, f"{base} let the 6th attempt through"
        assert TOO_MANY_FAILED in page.text
        assert 'value="ada@example.com"' in page.text


# Every spelling of the site's Host a client can send: allauth keyed the lock by the raw header.
HOST_SPELLINGS = ["localhost", "127.0.0.1:4", "LOCALHOST", "localhost:65535", "127.0.0.1"]


def test_the_lock_for_one_address_holds_whatever_host_the_request_names(servers):
    for attempt in range(5):
        host = HOST_SPELLINGS[attempt % len(HOST_SPELLINGS)]
        page = WebClient(servers[attempt % 2], host=host).log_in("Bob@Example.com", f"guess-{attempt}")
        assert WRONG in page.text, f"attempt {attempt + 1} (Host {host}) was not counted as a plain failure"

    for host in HOST_SPELLINGS:
        for base in servers:
            page = WebClient(base, host=host).log_in("bob@example.com", PASSWORD)
            assert page.status == 200, f"Host {host} on {base} let the 6th attempt through ({page.location})"
            assert TOO_MANY_FAILED in page.text
