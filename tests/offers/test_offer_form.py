"""Bad input gets a clear message, nothing is saved, and nothing typed is lost."""

import datetime

import pytest
from django.utils import timezone

from offers.models import Offer

from .conftest import offer_post

pytestmark = pytest.mark.django_db


def _refused(user_client, **changes) -> str:
    response = user_client.post("/offers/new/", offer_post(**changes))
    assert response.status_code == 400
    assert not Offer.objects.exists()
    return response.content.decode()


def test_custom_percentages_must_sum_to_100(user_client):
    html = _refused(user_client, vesting="custom", vesting_custom="10,20,30,30")
    assert "The percentages add up to 90 %, not 100 %" in html
    assert 'value="10,20,30,30"' in html  # what was typed stays in the field


def test_a_custom_schedule_needs_numbers(user_client):
    assert "numbers separated by commas" in _refused(user_client, vesting="custom", vesting_custom="ten,ninety")
    assert "Give the custom schedule" in _refused(user_client, vesting="custom", vesting_custom="")


def test_a_custom_schedule_is_saved_as_given(user_client, user):
    response = user_client.post("/offers/new/", offer_post(vesting="custom", vesting_custom="10, 20, 30, 40%"))
    assert response.status_code == 302
    assert Offer.objects.get(owner=user).vesting_custom == "10,20,30,40"


def test_a_preset_ignores_a_custom_schedule_left_in_the_form(user_client, user):
    user_client.post("/offers/new/", offer_post(vesting_custom="1,2,3"))
    assert Offer.objects.get(owner=user).vesting_custom == ""


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("base", "The base salary cannot be negative."),
        ("sign_on_year1", "The year-1 sign-on bonus cannot be negative."),
        ("sign_on_year2", "The year-2 sign-on bonus cannot be negative."),
        ("equity_grant", "The equity grant cannot be negative."),
        ("bonus_target_percent", "The target bonus cannot be negative."),
        ("refresher_percent", "The refresher cannot be negative."),
        ("cliff_months", "The cliff cannot be negative."),
    ],
)
def test_negative_amounts_are_refused(user_client, field, message):
    html = _refused(user_client, **{field: "-5"})
    assert message in html
    assert 'value="Big Tech"' in html  # the rest of the form is kept


def test_stock_growth_may_be_negative(user_client, user):
    assert user_client.post("/offers/new/", offer_post(stock_growth_percent="-20")).status_code == 302


def test_a_cliff_longer_than_the_schedule_is_refused(user_client):
    html = _refused(user_client, cliff_months="60")
    assert "A cliff of 60 months is longer than the 4-year schedule (48 months)." in html


def test_a_start_date_more_than_two_years_away_is_refused(user_client):
    far = timezone.localdate() + datetime.timedelta(days=800)
    assert "Choose a start date within two years of today" in _refused(user_client, start_date=far.isoformat())


def test_a_mistyped_extra_zero_is_caught(user_client):
    assert "Enter at most $10,000,000" in _refused(user_client, base="23800000")


def test_the_error_summary_links_to_each_field(user_client):
    html = _refused(user_client, company="", base="")
    assert 'href="#id_company"' in html
    assert "Name the company" in html
    assert "Enter the base salary." in html


def test_a_plan_must_be_the_owners(user_client, make_plan, other_user):
    theirs = make_plan(other_user)
    assert "Choose one of your plans, or none." in _refused(user_client, plan=theirs.pk)
