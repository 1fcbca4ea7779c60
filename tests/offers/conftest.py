"""Offers made through the same form the site uses."""

import datetime

import pytest
from django.utils import timezone

# The SF senior big-tech case of issue 22: a $636k grant over four years under Amazon's 5/15/40/40.
SF_SENIOR = {
    "company": "Big Tech",
    "location": "sf-bay-area",
    "level": "senior",
    "industry": "technology-faang",
    "company_type": "large",
    "base": "238000",
    "bonus_target_percent": "15",
    "sign_on_year1": "",
    "sign_on_year2": "",
    "sign_on_clawback_months": "12",
    "equity_grant": "636000",
    "vesting": "amazon-5-15-40-40",
    "vesting_custom": "",
    "cliff_months": "12",
    "refresher_percent": "0",
    "stock_growth_percent": "0",
    "start_date": "",
    "plan": "",
}


def offer_post(**changes) -> dict:
    start = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    return {**SF_SENIOR, "start_date": start, **{k: str(v) for k, v in changes.items()}}


@pytest.fixture
def make_offer(db):
    from compensation.catalog import get_catalog
    from offers.forms import OfferForm
    from offers.selectors import plans_of
    from offers.services import create_offer

    def make(owner, **changes):
        catalog = get_catalog()
        form = OfferForm(offer_post(**changes), catalog=catalog, plans=plans_of(owner))
        assert form.is_valid(), form.errors
        return create_offer(owner, form.cleaned_data, catalog)

    return make


@pytest.fixture
def offer(make_offer, user):
    return make_offer(user)
