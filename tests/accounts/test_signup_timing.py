"""Sign-up takes as long for an address that has an account as for a new one (issue 33, item 6).

The answers were already the same page; the time was not: 0.025 s for a known address against 0.87 s for a
new one (hashing the new account's password), so timing told whether an address had an account. A real
server (gunicorn, the production password hasher) answers 20 sign-ups of each kind, interleaved; the
medians must be within 20 % of each other.
"""

import statistics
import time

from tests.factories import PASSWORD
from tests.servers import WebClient, gunicorn_servers, run_manage, site_database

TRIES = 20
CREATE_USER = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
user = get_user_model().objects.create_user(username="ada@example.com", email="ada@example.com", password="PASSWORD")
EmailAddress.objects.create(user=user, email="ada@example.com", verified=True, primary=True)
"""


def _sign_up(base: str, email: str) -> float:
    client = WebClient(base)
    page = client.get("/accounts/signup/")
    assert page.status == 200
    started = time.perf_counter()
    answer = client.post_form(
        page.text, "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    took = time.perf_counter() - started
    assert answer.status == 302, answer.status
    assert answer.location.endswith("/accounts/confirm-email/")
    return took


def test_sign_up_takes_as_long_for_a_known_address_as_for_a_new_one(tmp_path):
    with site_database(tmp_path) as database_url:
        run_manage(database_url, "shell", "-c", CREATE_USER.replace("PASSWORD", PASSWORD))
        limits = {"RATE_LIMIT_SIGNUP": "1000/m/ip"}
        with gunicorn_servers(1, tmp_path, DATABASE_URL=database_url, **limits) as (base,):
            _sign_up(base, "warm-up@example.com")
            known, new = [], []
            for number in range(TRIES):
                known.append(_sign_up(base, "ada@example.com"))
                new.append(_sign_up(base, f"new-{number}@example.com"))

    fast, slow = sorted([statistics.median(known), statistics.median(new)])
    assert slow <= fast * 1.2, f"median known {statistics.median(known):.3f} s, new {statistics.median(new):.3f} s"
