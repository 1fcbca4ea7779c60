"""One-click unsubscribe (RFC 8058) from the data-change digest, without logging in (issue 24, item 11)."""

import base64
import contextlib
import re
import time
from types import SimpleNamespace

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from accounts.models import DataChangeAlert
from accounts.services import (
    UNSUBSCRIBE_SALT,
    send_data_change_digests,
    unsubscribe_token,
    user_id_from_unsubscribe_token,
)
from tests.builders import change_band

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest(make_user, make_plan, settings):
    """A digest sent to an opted-in person; returns it with the person."""
    settings.SITE_URL = "https://careerpath.example.org"
    person = make_user("moved@example.com")
    make_plan(person, location="seattle")
    DataChangeAlert.objects.create(user=person, threshold=5)
    change_band("location-seattle", "2026 survey: Seattle", min_amount=145000, max_amount=192000)
    send_data_change_digests()
    (message,) = mail.outbox
    return message, person


def link_of(message) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    found = re.fullmatch(r"<https://careerpath\.example\.org(/accounts/unsubscribe/[^/>]+/)>", header)
    assert found, header
    return found[1]


def alerts_of(person):
    return DataChangeAlert.objects.get(user=person).threshold


def test_the_digest_carries_the_one_click_headers_and_the_link_in_its_body(digest):
    message, _ = digest

    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = link_of(message)
    assert f"https://careerpath.example.org{link}" in message.body
    # The headers survive into the message as sent.
    sent = message.message()
    assert sent["List-Unsubscribe"] == f"<https://careerpath.example.org{link}>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_one_click_post_without_a_session_or_csrf_token_turns_the_alerts_off(digest):
    message, person = digest
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        link_of(message), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "we will not email you about changes of the salary data any more" in response.content.decode()
    assert alerts_of(person) is None
    # And the next version's digest does not go.
    change_band("location-seattle", "Later", min_amount=160000, max_amount=210000)
    send_data_change_digests()
    assert len(mail.outbox) == 1


def test_opening_the_link_only_asks_so_link_scanners_change_nothing(digest):
    message, person = digest

    response = Client().get(link_of(message))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stop the emails that tell you when a change of the salary data moves one of your plans?" in html
    assert f'<form method="post" action="{link_of(message)}">' in html
    assert ">Stop these emails</button>" in html
    assert alerts_of(person) == 5
    assert Client().head(link_of(message)).status_code == 200
    assert alerts_of(person) == 5

    Client(enforce_csrf_checks=True).post(link_of(message))  # the button
    assert alerts_of(person) is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_foreign_token_is_a_clear_400_and_changes_nothing(digest, other_user, method):
    message, person = digest
    DataChangeAlert.objects.create(user=other_user, threshold=2)
    token = link_of(message).split("/")[-2]
    forged = signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"user": other_user.pk})[:-2] + "xx"
    for bad in (
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature changed
        forged,
        signing.Signer().sign_object({"user": other_user.pk}),  # signed, but not for this purpose
        signing.Signer(salt=UNSUBSCRIBE_SALT).sign("not json"),
        "nothing-signed-here",
        "%00",
    ):
        response = getattr(Client(enforce_csrf_checks=True), method)(reverse("account_unsubscribe", args=[bad]))
        assert response.status_code == 400, bad
        assert "This unsubscribe link is not valid" in response.content.decode()
    assert alerts_of(person) == 5
    assert alerts_of(other_user) == 2


def test_each_person_has_their_own_token(user, other_user):
    assert unsubscribe_token(user.pk) != unsubscribe_token(other_user.pk)


# Issue 33: links never expired, and the user id was readable in them (a signed value is only base64).


def _decoded(token: str) -> str:
    """Everything a person can read out of a token without the key: each part as is and base64-decoded."""
    readable = [token]
    for part in re.split(r"[:.]", token):
        with contextlib.suppress(ValueError):
            readable.append(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("latin-1"))
        with contextlib.suppress(ValueError):
            readable.append(str(int(part, 16)))
    return " ".join(readable)


def test_a_token_does_not_show_whose_it_is():
    user_id = 777_777
    for _ in range(20):
        readable = _decoded(unsubscribe_token(user_id))
        assert "user" not in readable and "777777" not in readable, readable
    assert len({unsubscribe_token(user_id) for _ in range(10)}) == 10  # each email's link is new
    assert user_id_from_unsubscribe_token(unsubscribe_token(user_id)) == user_id


def test_a_link_works_for_60_days_then_says_it_has_expired(digest, monkeypatch):
    message, person = digest
    link = link_of(message)
    sent = time.time()

    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: sent + 59 * 86400))
    assert Client().get(link).status_code == 200

    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: sent + 61 * 86400))
    for method in ("get", "post"):
        response = getattr(Client(enforce_csrf_checks=True), method)(link)
        assert response.status_code == 410
        assert "This unsubscribe link has expired: links work for 60 days" in response.content.decode()
    assert alerts_of(person) == 5
