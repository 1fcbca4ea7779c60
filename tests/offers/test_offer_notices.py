"""Issue 32, item 5: an offer's "salary data changed" notice when its band position or its counter-offer
moves, as the digest email says it (the offer page's own notice is the offers app's)."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import DataChangeAlert
from careerpath.clock import this_year
from compensation.catalog import get_catalog
from compensation.models import SalaryBand
from offers.notices import offer_notice
from tests.builders import change_band

pytestmark = pytest.mark.django_db


def notice(html: str) -> str:
    match = re.search(r"<section[^>]*data-data-change[^>]*>(.*?)</section>", html, re.S)
    return re.sub(r"\s+", " ", match.group(1)) if match else ""


def raise_band(slug: str, note: str, factor: float) -> None:
    band = SalaryBand.objects.get(slug=slug)
    low, high = round(float(band.min_amount) * factor), round(float(band.max_amount) * factor)
    change_band(slug, note, min_amount=low, max_amount=high)


def test_the_offer_notice_says_its_band_position_and_counter_offer_moved(user, make_offer):
    offer = make_offer(user)
    raise_band("location-sf-bay-area", "2026 survey: San Francisco", 1.10)
    offer.refresh_from_db()

    found = offer_notice(offer, get_catalog(), this_year())
    text = found.sentence()

    assert "the salary data changed (2026 survey: San Francisco)." in text, text
    position = r"The base of this offer, \$238,000, was .+ compa-ratio \d\.\d\d\); it is now .+ compa-ratio [\d.]+\)\."
    assert re.search(position, text), text
    assert "The counter-offer target, the 75th percentile of the band as total pay, moved from $" in text


def test_a_change_the_offer_is_not_made_from_brings_no_offer_notice(user, make_offer):
    offer = make_offer(user)
    raise_band("location-london", "London import", 1.10)
    offer.refresh_from_db()

    assert offer_notice(offer, get_catalog(), this_year()) is None


def test_the_digest_names_the_offer_beside_the_plans(make_user, make_offer, make_plan):
    person = make_user("offers@example.com")
    make_offer(person, company="Rocket Labs")
    make_plan(person, title="Seattle plan", location="seattle", current_base="160000")
    DataChangeAlert.objects.create(user=person, threshold=5)
    raise_band("location-sf-bay-area", "2026 survey: San Francisco", 1.10)

    call_command("send_data_change_digests", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    body = mail.outbox[0].body
    assert "it moves these offers of yours:" in body
    assert "Offer: Rocket Labs" in body and "compa-ratio" in body and "counter-offer" in body
    assert "Seattle plan" not in body  # a San Francisco change does not feed a Seattle plan
