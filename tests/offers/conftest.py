"""Offers made through the same form the site uses (tests.factories.OfferFactory)."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import OFFER_POST, OfferFactory

# The SF senior big-tech case of issue 22: a $636k grant over four years under Amazon's 5/15/40/40.
SF_SENIOR = OFFER_POST


def offer_post(**changes) -> dict:
    start = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    return {**SF_SENIOR, "start_date": start, **{k: str(v) for k, v in changes.items()}}


@pytest.fixture
def make_offer(db):
    def make(owner, **changes):
        return OfferFactory(owner=owner, **changes)

    return make


@pytest.fixture
def offer(make_offer, user):
    return make_offer(user)
