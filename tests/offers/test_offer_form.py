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


# Issue 31: the plan form's pay rules --------------------------------------------------------------


def test_a_base_far_below_the_band_asks_if_it_is_a_monthly_amount(user_client):
    html = _refused(user_client, base=15_000)
    assert "Figures are yearly: is this a monthly amount?" in html
    assert 'value="15000"' in html


def test_a_base_far_above_the_band_asks_to_check_the_zeros(user_client):
    assert "check the number of zeros" in _refused(user_client, base=9_000_000)


def test_a_base_of_zero_or_one_is_refused(user_client):
    for base in (0, 1):
        response = user_client.post("/offers/new/", offer_post(base=base))
        assert response.status_code == 400
    assert not Offer.objects.exists()


def test_changing_the_location_after_typing_pay_asks_to_convert_keep_or_clear(user_client, user):
    typed = offer_post(location="london", base=135_000, equity_grant=0, pay_currency="USD")
    response = user_client.post("/offers/new/", typed)
    html = response.content.decode()
    assert response.status_code == 400
    assert "You typed the amounts ($135,000) in USD, and London pays in GBP" in html
    assert 'value="135000"' in html
    user_client.post("/offers/new/", {**typed, "pay_currency_choice": "convert"})
    offer = Offer.objects.get(owner=user)
    assert offer.base == round(135_000 / 1.27)  # converted at the data's rate (1 GBP = 1.27 USD)


def test_keeping_the_numbers_saves_them_in_the_new_currency(user_client, user):
    typed = offer_post(location="london", base=90_000, equity_grant=0, pay_currency="USD", pay_currency_choice="keep")
    assert user_client.post("/offers/new/", typed).status_code == 302
    assert Offer.objects.get(owner=user).base == 90_000


def test_options_need_their_count_strike_and_409a(user_client):
    html = _refused(user_client, equity_type="options", equity_grant="")
    assert "Give the number of options the offer grants." in html
    assert "Give the strike price" in html
    assert "Give the 409A price" in html


def test_an_options_offer_is_saved_with_its_prices_and_no_grant_value(user_client, user):
    response = user_client.post(
        "/offers/new/",
        offer_post(
            equity_type="options",
            options_count=10_000,
            strike_price="2",
            fmv_price="5",
            preferred_price="12",
            vesting="even-4y-cliff-1y",
            equity_grant="",
        ),
    )
    assert response.status_code == 302
    offer = Offer.objects.get(owner=user)
    assert (offer.equity_type, offer.options_count, offer.equity_grant) == ("options", 10_000, 0)
