"""Numbers and names an offer refuses with a message, and stored values no page fails on (issue 33, items 2, 3, 8).

Before: vesting "nan,100" was saved and every read of the offer was a 500; a percent out of range was a
TypeError (the message "200 % or less" holds "% o", read as a format code when Django fills the message
in); a company's name with a line break, escape or bidi character was saved and "start plan" copied it
into a plan title the plan form itself refuses.
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from careerpath.models import Plan
from offers.forms import OfferForm
from offers.models import Offer
from tests.careerpath.test_bad_input import EXAMPLES, assert_handled, value

from .conftest import offer_post

pytestmark = pytest.mark.django_db

PERSON = {"years_experience": "7", "education": "masters"}  # what "start plan" asks of the person


def _refused(user_client, **changes) -> str:
    response = user_client.post("/offers/new/", offer_post(**changes))
    assert response.status_code == 400, response.status_code
    assert not Offer.objects.exists()
    return response.content.decode()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("bonus_target_percent", "201", "The target bonus must be 200 % or less."),
        ("bonus_target_percent", "1e5", "The target bonus must be 200 % or less."),
        ("refresher_percent", "101", "The refresher must be 100 % or less."),
        ("stock_growth_percent", "-91", "The stock growth must be -90 % or more."),
        ("stock_growth_percent", "201", "The stock growth must be 200 % or less."),
        ("stock_growth_percent", "1e5", "The stock growth must be 200 % or less."),
        ("bonus_target_percent", "nan", "Enter the target bonus as a number of percent, like 15."),
        ("refresher_percent", "inf", "Enter the refresher as a number of percent, like 15."),
        ("stock_growth_percent", "-Infinity", "Enter the stock growth as a number of percent, like 15."),
    ],
)
def test_a_percent_out_of_range_or_not_a_number_is_refused_with_its_message(user_client, field, typed, message):
    html = _refused(user_client, **{field: typed})
    assert message in html
    assert "%%" not in html


@pytest.mark.parametrize("schedule", ["nan,100", "100,nan", "inf,-inf", "1e999,1", "50,50,nan", "1e308,1e308"])
def test_a_custom_schedule_with_a_number_that_is_not_finite_is_refused(user_client, schedule):
    html = _refused(user_client, vesting="custom", vesting_custom=schedule)
    assert "numbers separated by commas" in html or "add up to" in html


@pytest.mark.parametrize(
    "company", ["Acme\r\nBcc: all@example.com", "Acme\nAI", "Acme\x1b[31mAI", "Acme\u202eIA", "Acme\u2066AI", "A\tB"]
)
def test_a_company_name_on_more_than_one_line_is_refused(user_client, company):
    html = _refused(user_client, company=company)
    assert "Keep the company&#x27;s name to one line" in html


# What the pages and exports read: a stored value the form refuses answers 409 with a link to edit it.
READS = ["offer_detail", "offer_json", "offer_csv"]


@pytest.mark.parametrize(
    "stored",
    [
        {"vesting": "custom", "vesting_custom": "nan,100"},
        {"vesting": "custom", "vesting_custom": "inf,-inf"},
        {"vesting": "custom", "vesting_custom": "ten,ninety"},
        {"vesting": "custom", "vesting_custom": "10,20"},
        {"vesting": "custom", "vesting_custom": ""},
        {"refresher_percent": "500"},
        {"bonus_target_percent": "999.99"},
        {"stock_growth_percent": "-99"},
    ],
)
def test_a_stored_value_the_form_refuses_never_makes_a_page_fail(user_client, offer, stored):
    Offer.objects.filter(pk=offer.pk).update(**stored)
    edit = reverse("offer_edit", args=[offer.pk])

    for name in READS:
        response = user_client.get(reverse(name, args=[offer.pk]))
        assert response.status_code == 409, (name, response.status_code)
        assert edit in response.content.decode()
    compare = user_client.get(reverse("offer_compare"), {"ids": [offer.pk]})
    assert compare.status_code == 409
    start = user_client.post(reverse("offer_start_plan", args=[offer.pk]), PERSON)
    assert start.status_code == 409
    assert not Plan.objects.exists()
    assert user_client.get(edit).status_code == 200  # where it can be put right
    assert user_client.get(reverse("offer_list")).status_code == 200


def test_start_plan_from_a_company_name_stored_on_two_lines_makes_a_one_line_title(user_client, offer):
    Offer.objects.filter(pk=offer.pk).update(company="Acme\r\nBcc: all@example.com\u202e")

    user_client.post(reverse("offer_start_plan", args=[offer.pk]), PERSON)

    assert Plan.objects.get().title == "From the offer: Acme Bcc: all@example.com"


# Every number field at its edges, with everything else sound: never a 500, and a refused value has a message.
EDGES = st.sampled_from(
    [
        *("nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e5", "1e999999999", "-1e999999999", "1e-999999999"),
        *("201", "200.001", "-90.01", "-91", "101", "100.5", "1E+2", "0x10", "٣", "9" * 400, "-0", "1_0", " 5 "),
        *("nan,100", "inf,0", "100,1e308", "1e-400,100", "50;50", "%", "%s", "%(limit_value)s", "100 %"),
    ]
)
NUMBER_FIELDS = [name for name, field in OfferForm.base_fields.items() if name not in ("company", "start_date")]


@EXAMPLES
@given(field=st.sampled_from(NUMBER_FIELDS), typed=EDGES, custom=st.booleans())
def test_every_offer_field_survives_its_edges(user_client, field, typed, custom):
    schedule = {"vesting": "custom", "vesting_custom": "25,25,25,25"} if custom else {}
    data = offer_post(**{**schedule, field: typed})
    response = user_client.post("/offers/new/", data)
    assert_handled(response, {field: typed})
    if response.status_code == 302:
        offer = Offer.objects.latest("pk")
        for name in READS:  # what was accepted can be read
            assert user_client.get(reverse(name, args=[offer.pk])).status_code == 200


@EXAMPLES
@given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(OfferForm.base_fields, st.one_of(value, EDGES))))
def test_the_offer_form_survives_any_input(user_client, data):
    assert_handled(user_client.post("/offers/new/", data), data)
