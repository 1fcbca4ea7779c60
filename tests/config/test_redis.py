"""REDIS_URL for real: two gunicorn processes sharing one Redis and one database act as one site.

Rate-limit counts, sessions and log-outs are shared (they live in Django's cache, Redis here), and a
salary-data change made in the admin of one process shows on the other's next page. The test starts
a Redis server of its own (empty, no persistence, a free loopback port); without the redis-server
binary it is skipped, except in CI (CI=true), where it must run.
"""

import os
import re
import shutil
import subprocess
import time

import pytest

from tests.factories import PASSWORD
from tests.servers import WebClient, free_port, gunicorn_servers, run_manage, site_database

TOO_MANY = "Too many failed login attempts. Try again later."
WRONG = "The email address and/or password you specified are not correct."
BAND = "role-mid"
HOST = "localhost"
CREATE_USERS = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
for email, staff in (("ada@example.com", False), ("staff@example.com", True)):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="PASSWORD", is_staff=staff, is_superuser=staff
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI", "").lower() in ("1", "true"):
            pytest.fail("CI must run the Redis tests: install redis-server (scripts/install-test-deps.sh does).")
        pytest.skip("redis-server is not installed (apt-get install redis-server); CI runs this test")
    port = free_port()
    command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        import redis

        client = redis.Redis(port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def servers(redis_url, tmp_path_factory):
    """Two gunicorn processes, one worker each, sharing REDIS_URL and one database of their own."""
    folder = tmp_path_factory.mktemp("redis-site")
    with site_database(folder) as database_url:
        run_manage(database_url, "shell", "-c", CREATE_USERS.replace("PASSWORD", PASSWORD))
        with gunicorn_servers(2, folder, DATABASE_URL=database_url, REDIS_URL=redis_url) as bases:
            yield bases


@pytest.fixture(autouse=True)
def empty_redis(redis_url):
    """Each test starts with no rate-limit counts or cached sessions from the one before."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def logged_in_email(client: WebClient) -> str | None:
    page = client.get("/accounts/")
    return page.text if page.status == 200 else None


def test_sixth_wrong_password_is_refused_whichever_process_answers(servers):
    # Behind a load balancer every process sees the site's one Host (the count is per address whatever
    # the Host: the next test).
    first, second = servers
    for attempt in range(5):  # the limit is 5 failures per address in 5 minutes
        page = WebClient(servers[attempt % 2], host=HOST).log_in("ada@example.com", f"guess-{attempt}")
        assert WRONG in page.text, f"attempt {attempt + 1} was not counted as a plain failure"

    for base in (first, second):  # even the right password now waits, on either process
        page = WebClient(base, host=HOST).log_in("ada@example.com", PASSWORD)
        assert page.status == 200
        assert TOO_MANY in page.text, f"{base} let the 6th attempt through"


def test_the_lock_for_one_address_holds_whatever_host_the_request_names(servers):
    # Issue 33: allauth keyed the count by the raw Host header, so `localhost:4` or `LOCALHOST` got a
    # fresh count and the right password went through after 5 wrong ones. The flushed Redis holds only these.
    hosts = ["localhost", "127.0.0.1:4", "LOCALHOST", "localhost:65535", "127.0.0.1"]
    for attempt in range(5):
        page = WebClient(servers[attempt % 2], host=hosts[attempt]).log_in("Ada@Example.com", f"guess-{attempt}")
        assert WRONG in page.text, f"attempt {attempt + 1} was not counted as a plain failure"

    for host in hosts:
        for base in servers:
            page = WebClient(base, host=host).log_in("ada@example.com", PASSWORD)
            assert page.status == 200 and TOO_MANY in page.text, f"Host {host} on {base} let the 6th attempt through"


def test_a_session_made_on_one_process_is_valid_on_the_other_until_logged_out_on_either(servers):
    first, second = servers
    on_first = WebClient(first)
    assert on_first.log_in("ada@example.com").status == 302
    on_second = WebClient(second, jar=on_first.jar)

    assert "ada@example.com" in (logged_in_email(on_second) or "")

    logged_out = on_second.submit("/accounts/logout/", form_action="/accounts/logout/")
    assert logged_out.status == 302
    assert logged_in_email(WebClient(first, jar=on_first.jar)) is None


def test_a_band_changed_in_the_admin_of_one_process_shows_on_the_other(servers):
    first, second = servers
    assert "123,400" not in band_row(WebClient(second).get("/methodology/").text)
    admin = WebClient(first)
    assert admin.log_in("staff@example.com").status == 302

    changelist = admin.get(f"/admin/compensation/salaryband/?q={BAND}")
    change_path = re.search(r'href="(/admin/compensation/salaryband/\d+/change/[^"]*)"', changelist.text).group(1)
    # The change form posts to its own address (action=""); the page's other form is the log-out.
    edit = {"min_amount": "123400", "change_note": "Redis test: one band", "_save": "Save"}
    saved = admin.submit(change_path.split("?")[0], edit, form_action="")
    assert saved.status == 302, re.findall(r'class="errorlist[^>]*>(.*?)</ul>', saved.text, re.S)

    assert "123,400" in band_row(WebClient(second).get("/methodology/").text)


def band_row(html: str) -> str:
    """The methodology page's table row for the band."""
    match = re.search(rf'<tr id="band-{re.escape(BAND)}">(.*?)</tr>', html, re.S)
    assert match, f"no row for band {BAND}"
    return match.group(1)
