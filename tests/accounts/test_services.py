"""Owners who opt in get one email per data version that moved a plan of theirs past their threshold."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.models import DataChangeAlert, DigestSent
from tests.builders import change_band

pytestmark = pytest.mark.django_db


def opt_in(user, threshold):
    DataChangeAlert.objects.create(user=user, threshold=threshold)


def digests() -> None:
    call_command("send_data_change_digests", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_setting_is_off_by_default_and_chosen_on_the_account_page(user_client, user):
    html = user_client.get(reverse("account_overview")).content.decode()
    assert "Email me when a change of the salary data moves one of my plans by more than" in html
    assert '<option value="" selected>Never (off)</option>' in html

    response = user_client.post(reverse("account_data_change_alerts"), {"threshold": "5"})

    assert response.status_code == 302
    assert DataChangeAlert.objects.get(user=user).threshold == 5
    assert '<option value="5" selected>' in user_client.get(reverse("account_overview")).content.decode()
    user_client.post(reverse("account_data_change_alerts"), {"threshold": ""})
    assert DataChangeAlert.objects.get(user=user).threshold is None


def test_only_2_5_or_10_percent(user_client, user):
    assert user_client.post(reverse("account_data_change_alerts"), {"threshold": "3"}).status_code == 400
    assert not DataChangeAlert.objects.filter(user=user).exists()


def test_the_digest_goes_once_to_opted_in_owners_past_their_threshold(make_user, make_plan):
    moved = make_user("moved@example.com")  # Seattle: +7 % or so, over 5
    timid = make_user("timid@example.com")  # the same move, but 10 % asked for
    silent = make_user("silent@example.com")  # moved, never asked
    away = make_user("away@example.com")  # asked, but London does not move
    for person, location in ((moved, "seattle"), (timid, "seattle"), (silent, "seattle"), (away, "london")):
        make_plan(person, title=f"{person.email} plan", location=location)
    opt_in(moved, 5)
    opt_in(timid, 10)
    opt_in(away, 2)
    change_band("location-seattle", "2026 survey: Seattle", min_amount=145000, max_amount=192000)

    digests()
    digests()  # a second run sends nothing again

    assert [m.to for m in mail.outbox] == [["moved@example.com"]]
    message = mail.outbox[0]
    assert "moved@example.com plan" in message.subject
    assert "2026 survey: Seattle" in message.body
    assert "because the Seattle band changed from $135,000 – $180,000 to $145,000 – $192,000" in message.body
    assert "/plans/" in message.body
    assert DigestSent.objects.get().data_version == 2


def test_a_new_version_brings_a_new_digest_of_what_changed_since(make_user, make_plan):
    person = make_user("moved@example.com")
    make_plan(person, location="seattle")
    opt_in(person, 2)
    change_band("location-seattle", "First", min_amount=145000, max_amount=192000)
    digests()
    change_band("location-seattle", "Second", min_amount=160000, max_amount=210000)
    digests()

    assert len(mail.outbox) == 2
    assert "(Second)" in mail.outbox[1].body and "(First" not in mail.outbox[1].body


def test_a_plan_whose_change_was_seen_is_not_emailed(make_user, make_plan):
    person = make_user("moved@example.com")
    plan = make_plan(person, location="seattle")
    opt_in(person, 2)
    change_band("location-seattle", "First", min_amount=145000, max_amount=192000)
    plan.seen_data_version = 2
    plan.save()

    digests()

    assert mail.outbox == []
