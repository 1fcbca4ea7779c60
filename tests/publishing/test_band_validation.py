"""Bands are validated as data everywhere (issue 24, items 2 and 8): the bottom above 0, the top at least
the bottom, finite numbers (NaN, sNaN and infinities refused with a message, never an exception), and a
change of more than ±50 % from the saved figures refused until confirmed: in the model, the admin form
and the survey import."""

from decimal import Decimal
from html import escape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from compensation.models import SalaryBand
from dataversions.models import DataVersion
from tests.builders import admin_band_form

pytestmark = pytest.mark.django_db

CHANGE_URL = "admin:compensation_salaryband_change"
IMPORT_URL = "admin:compensation_salaryband_import"
HEADER = "role,location,industry,min,max,open_top,currency,pay_basis,provenance,source\n"
LARGE = "more than ±50% from the saved band: check the figure, or confirm the change."


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def london():
    return SalaryBand.objects.get(slug="location-london")  # £55,000 – £90,000


def upload(client, text: str, **extra):
    file = SimpleUploadedFile("survey.csv", text.encode(), content_type="text/csv")
    return client.post(reverse(IMPORT_URL), {"file": file, "_upload": "Check the file", **extra})


def line_errors(response) -> list[str]:
    assert response.status_code == 200
    survey = response.context["survey"]
    return survey.errors if survey is not None else []


# The model ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "sNaN", "-NaN", "Infinity", "-Infinity", "inf"])
@pytest.mark.parametrize("field", ["min_amount", "max_amount"])
def test_a_band_that_is_not_a_finite_number_is_a_validation_error_not_an_exception(london, field, value):
    setattr(london, field, Decimal(value))

    with pytest.raises(ValidationError) as caught:
        london.full_clean()

    assert list(caught.value.message_dict) == [field]


def test_a_zero_band_is_refused(london):
    london.min_amount = london.max_amount = Decimal(0)

    with pytest.raises(ValidationError) as caught:
        london.full_clean()

    assert caught.value.message_dict == {
        "min_amount": ["The bottom of the band must be more than 0: a band of 0 pays nothing."]
    }


@pytest.mark.parametrize(
    ("low", "high", "field", "moved"),
    [
        (55000, 200000, "max_amount", "+122 %"),
        (20000, 90000, "min_amount", "−64 %"),
        (5500, 9000, "min_amount", "−90 %"),
    ],
)
def test_a_change_of_more_than_half_is_refused_until_confirmed(london, low, high, field, moved):
    london.min_amount, london.max_amount = Decimal(low), Decimal(high)

    with pytest.raises(ValidationError) as caught:
        london.full_clean()
    assert moved in caught.value.message_dict[field][0]
    assert LARGE in caught.value.message_dict[field][0]

    london.confirm_large_change = True
    london.full_clean()


def test_a_change_within_half_and_a_new_band_need_no_confirmation(london):
    london.min_amount, london.max_amount = Decimal(80000), Decimal(130000)  # +45 % and +44 %
    london.full_clean()
    new = SalaryBand(slug="overall-new", kind="overall", covers="total", min_amount=1, max_amount=10**9)
    new.rationale = "A test."
    new.full_clean()


# The admin form -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-inf"])
def test_the_admin_refuses_nan_and_infinity_with_a_message(staff_client, london, value):
    response = staff_client.post(reverse(CHANGE_URL, args=[london.pk]), admin_band_form(london, min_amount=value))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["min_amount"] == ["Enter a number."]
    london.refresh_from_db()
    assert london.min_amount == 55000


def test_the_admin_refuses_a_zero_london_band_even_with_a_note(staff_client, london):
    response = staff_client.post(
        reverse(CHANGE_URL, args=[london.pk]), admin_band_form(london, min_amount="0", max_amount="0")
    )

    assert response.status_code == 200
    assert "The bottom of the band must be more than 0" in response.content.decode()
    london.refresh_from_db()
    assert (london.min_amount, london.max_amount) == (55000, 90000)


def test_the_admin_shows_a_confirm_box_with_a_large_change_and_saves_it_once_ticked(staff_client, london):
    url = reverse(CHANGE_URL, args=[london.pk])
    html = staff_client.get(url).content.decode()
    assert 'type="hidden" name="confirm_large_change"' in html  # no box before a warning

    response = staff_client.post(url, admin_band_form(london, max_amount="900000"))

    html = response.content.decode()
    assert response.status_code == 200
    assert escape("The top of the band moves from £90,000 to £900,000 (+900 %), " + LARGE) in html
    assert 'type="checkbox" name="confirm_large_change"' in html
    assert "Confirm a change of more than 50%" in html
    london.refresh_from_db()
    assert london.max_amount == 90000

    # The note stays required with the box ticked.
    response = staff_client.post(url, admin_band_form(london, note="", max_amount="900000", confirm_large_change="on"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["change_note"] == ["This field is required."]

    response = staff_client.post(url, admin_band_form(london, max_amount="900000", confirm_large_change="on"))
    assert response.status_code == 302
    london.refresh_from_db()
    assert london.max_amount == 900000


def test_a_preview_of_a_large_change_shows_the_warning_too(staff_client, london):
    data = {**admin_band_form(london, max_amount="900000"), "_preview": "Preview effect"}
    del data["_save"]

    response = staff_client.post(reverse(CHANGE_URL, args=[london.pk]), data)

    assert response.status_code == 200
    assert LARGE in response.content.decode()


# The survey import --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "sNaN", "nan", "Infinity", "-Infinity", "inf", "1e999999999"])
@pytest.mark.parametrize("column", ["min", "max"])
def test_an_import_line_with_nan_or_infinity_is_a_line_error(staff_client, column, value):
    cells = {"min": "60000", "max": "95000", column: value}
    text = HEADER + f",london,,{cells['min']},{cells['max']},no,GBP,base,assumption,2026 survey\n"

    errors = line_errors(upload(staff_client, text))

    assert errors and all(error.startswith("Line 2 (location london): ") for error in errors), errors
    assert DataVersion.objects.count() == 1


def test_an_import_line_with_a_zero_band_is_a_line_error(staff_client):
    errors = line_errors(upload(staff_client, HEADER + ",london,,0,0,no,GBP,base,assumption,2026 survey\n"))

    assert errors == [
        "Line 2 (location london): min: The bottom of the band must be more than 0: a band of 0 pays nothing."
    ]


def test_an_import_with_a_large_change_needs_the_confirmation(staff_client, london):
    text = HEADER + ",london,,55000,900000,no,GBP,base,assumption,2026 survey\n"

    errors = line_errors(upload(staff_client, text))
    assert errors == [
        f"Line 2 (location london): max: The top of the band moves from £90,000 to £900,000 (+900 %), {LARGE[:-1]}."
    ]

    response = upload(staff_client, text, confirm_large_changes="on")
    assert line_errors(response) == []
    assert 'name="confirm_large_changes" value="on"' in response.content.decode()  # carried to the publish step
    response = staff_client.post(
        reverse(IMPORT_URL),
        {"text": text, "change_note": "2026 survey", "confirm_large_changes": "on", "_publish": "1"},
    )
    assert response.status_code == 302
    london.refresh_from_db()
    assert london.max_amount == 900000
