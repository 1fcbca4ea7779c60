"""The input rules every form shares (compensation/validation.py), and that every form uses them (issue 33).

One rule for one-line names: a plan's title, an offer's company, the note that names a version of the
salary data (in pages and email subjects), a location's or role's name. Before, only the plan title had a
rule, without bidi controls; an offer's company took CR/LF, escape and bidi characters."""

import math
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.forms import DecimalField, IntegerField
from django.test import RequestFactory

from careerpath.forms import PlanForm
from compensation.catalog import get_catalog
from compensation.models import Location, Role
from compensation.validation import (
    OneLineName,
    bounded_number,
    field_messages,
    is_finite_number,
    one_line,
    one_line_message,
)
from offers.forms import OfferForm
from publishing.admin.salary import SurveyForm, VersionedForm

pytestmark = pytest.mark.django_db

NOT_ONE_LINE = ["A\r\nBcc: x@example.com", "A\nB", "A\rB", "A\tB", "A\x1b[2JB", "A\x00B", "A\u2028B", "A\u2029B"]
NOT_ONE_LINE += ["A\u202eB", "A\u202aB", "A\u2066B", "A\u2069B", "A\u200fB", "A\u061cB", "A\x85B"]


@pytest.mark.parametrize("value", NOT_ONE_LINE)
def test_the_one_line_rule_refuses_breaks_controls_escapes_and_bidi(value):
    with pytest.raises(ValidationError) as refused:
        OneLineName("the name")(value)
    assert refused.value.messages == [one_line_message("the name")]


@pytest.mark.parametrize("value", ["Staff ML — Zürich 🚀", "Acme AI, Inc.", "עברית", "العربية", "👩‍💻 team"])
def test_one_line_of_any_script_is_fine(value):
    OneLineName()(value)


def test_one_line_folds_what_is_stored_already():
    assert one_line("Acme\r\n\u202eAI\x1b\tInc ") == "Acme AI Inc"


def _admin_form(model, request):
    from django.contrib import admin

    return admin.site._registry[model].get_form(request)


@pytest.fixture
def staff_request(make_user):
    request = RequestFactory().get("/")
    request.user = make_user("admin@example.com", is_staff=True, is_superuser=True)
    return request


def test_every_form_that_takes_a_name_uses_the_one_rule(staff_request):
    catalog = get_catalog()
    forms_and_fields = [
        (PlanForm(catalog=catalog), "title"),
        (OfferForm(catalog=catalog), "company"),
        (SurveyForm(), "change_note"),
        (_admin_form(Location, staff_request)(), "name"),
        (_admin_form(Location, staff_request)(), "change_note"),
        (_admin_form(Role, staff_request)(), "name"),
    ]
    for form, name in forms_and_fields:
        assert issubclass(type(form), PlanForm | OfferForm | SurveyForm | VersionedForm)
        rules = [v for v in form.fields[name].validators if isinstance(v, OneLineName)]
        assert rules, f"{type(form).__name__}.{name} has no one-line rule"
        with pytest.raises(ValidationError):
            form.fields[name].clean("Two\r\nlines")


def test_a_message_with_a_literal_percent_is_shown_as_written():
    field = DecimalField(
        max_value=200, max_digits=5, decimal_places=2, error_messages=field_messages(max_value="200 % or less")
    )
    with pytest.raises(ValidationError) as refused:
        field.clean("201")
    assert refused.value.messages == ["200 % or less"]
    plain = IntegerField(error_messages=field_messages(invalid="a whole number, like 5 %"))
    with pytest.raises(ValidationError) as refused:
        plain.clean("x")
    assert refused.value.messages == ["a whole number, like 5 %"]


@pytest.mark.parametrize(
    "text", ["1e999999999", "1e10", "-1e-10", "9" * 16, "nan", "inf", "-Infinity", "", "1e", ".", "0x10", "1_000"]
)
def test_a_number_beyond_the_bounds_is_refused_before_it_is_read(text):
    with pytest.raises(ValueError):
        bounded_number(text)


@pytest.mark.parametrize(("text", "value"), [("150000", 150000.0), ("-12.5", -12.5), ("1e9", 1e9), ("1.5E+3", 1500.0)])
def test_a_number_within_the_bounds_is_read(text, value):
    assert bounded_number(text) == value


def test_finite_numbers():
    assert is_finite_number(1) and is_finite_number(2.5) and is_finite_number(Decimal("3"))
    assert not any(is_finite_number(v) for v in (math.nan, math.inf, Decimal("NaN"), Decimal("-Infinity"), "5", True))
