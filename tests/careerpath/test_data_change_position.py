"""The data-change notice says how the person's own pay moved in its band, and only the changes that
feed this plan (issue 23, finding 9), on the plan page and in the digest email."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.models import DataChangeAlert
from tests.builders import change_band

pytestmark = pytest.mark.django_db


def notice(html: str) -> str:
    match = re.search(r"<section[^>]*data-data-change[^>]*>(.*?)</section>", html, re.S)
    return re.sub(r"\s+", " ", match.group(1)) if match else ""


def test_the_notice_says_where_your_own_pay_moved_in_its_band(user_client, user, make_plan):
    plan = make_plan(user, location="seattle", current_base="160000")
    change_band("location-seattle", "2026 survey: Seattle", min_amount=150000, max_amount=200000)
    text = notice(user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())
    found = re.search(
        r"Your base pay, \$160,000, was at the (\d+)(?:st|nd|rd|th) percentile \(([a-z ]+)\) of the Mid-level ML "
        r"Engineer band here; it is now (?:at the (\d+)(?:st|nd|rd|th) percentile \(([a-z ]+)\) of|below the bottom "
        r"of) the new band, \$[\d,]+ – \$[\d,]+\.",
        text,
    )
    assert found, text
    if found[3]:
        assert int(found[3]) < int(found[1])


def test_without_pay_the_notice_has_no_position(user_client, user, make_plan):
    plan = make_plan(user, location="seattle")
    change_band("location-seattle", "2026 survey: Seattle", min_amount=150000, max_amount=200000)
    text = notice(user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())
    assert text and "Your base pay" not in text


def test_a_change_elsewhere_is_not_named_on_this_plan(user_client, user, make_plan):
    plan = make_plan(user, location="seattle", current_base="160000")
    change_band("location-london", "London/Berlin import", min_amount=62000, max_amount=97000)
    change_band("location-seattle", "2026 survey: Seattle", min_amount=150000, max_amount=200000)
    text = notice(user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())
    assert "the salary data changed (2026 survey: Seattle)." in text
    assert "London" not in text


def test_the_digest_says_it_too(make_user, make_plan):
    person = make_user("moved@example.com")
    make_plan(person, title="Seattle plan", location="seattle", current_base="160000")
    DataChangeAlert.objects.create(user=person, threshold=2)
    change_band("location-london", "London/Berlin import", min_amount=62000, max_amount=97000)
    change_band("location-seattle", "2026 survey: Seattle", min_amount=150000, max_amount=200000)
    call_command("send_data_change_digests", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    body = mail.outbox[0].body
    assert "Your base pay, $160,000, was at the" in body and "it is now" in body
    assert "London/Berlin import" not in body and "2026 survey: Seattle" in body


# Issue 32, item 5: pay below (or above) the band before and after keeps its clamped percentile, and the
# steps held at the person's pay may not move at all; the compa-ratio still moved, so the notice comes.


def raise_band(slug: str, note: str, factor: float) -> None:
    from compensation.models import SalaryBand

    band = SalaryBand.objects.get(slug=slug)
    low, high = round(float(band.min_amount) * factor), round(float(band.max_amount) * factor)
    change_band(slug, note, min_amount=low, max_amount=high)


def test_pay_below_the_band_before_and_after_still_gets_the_notice_with_its_compa_ratio(user_client, user, make_plan):
    plan = make_plan(user, location="london", current_base="50000", current_bonus="5000", current_equity="8000")
    raise_band("role-mid", "2026 survey: mid level", 1.08)  # moves the band of the level held, no other step

    page = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    text = notice(page)

    assert "Your base pay, £50,000, was below the bottom of the Mid-level ML Engineer band here" in text, text
    assert re.search(r"Its compa-ratio \(base ÷ the middle of the band\) went from 0\.\d\d to 0\.\d\d\.", text), text
    assert "Salary data changed" in user_client.get(reverse("plan_list")).content.decode()


def test_the_digest_counts_a_compa_ratio_move_past_the_threshold(make_user, make_plan):
    person = make_user("below@example.com")
    make_plan(person, title="London plan", location="london", current_base="50000")
    DataChangeAlert.objects.create(user=person, threshold=5)
    raise_band("role-mid", "2026 survey: mid level", 1.08)

    call_command("send_data_change_digests", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    assert "compa-ratio" in mail.outbox[0].body and "London plan" in mail.outbox[0].body
