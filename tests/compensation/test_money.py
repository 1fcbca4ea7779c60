"""Money reads the way people of each currency write it, everywhere on the site."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from compensation.money import format_money


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (150000, "USD", "$150,000"),
        (55000, "GBP", "£55,000"),
        (60000, "EUR", "€60,000"),
        (90000, "CAD", "CA$90,000"),
        (1200000, "INR", "₹12,00,000"),
        (3500000, "INR", "₹35,00,000"),
        (12000000, "INR", "₹1,20,00,000"),
        (1250000, "USD", "$1,250,000"),
        (0, "USD", "$0"),
    ],
)
def test_yearly_amounts_have_the_currency_symbol_grouping_and_no_decimals(amount, currency, expected):
    assert format_money(amount, currency) == expected


def test_hourly_rates_are_whole_units_too():
    assert format_money(60, "USD") == "$60"
    assert format_money(150, "USD") == "$150"


def test_decimal_and_float_amounts_round_half_up_to_whole_units():
    assert format_money(Decimal("90000.00"), "USD") == "$90,000"
    assert format_money(123456.5, "USD") == "$123,457"
    assert format_money(2.5, "USD") == "$3"
    assert format_money(Decimal("1199999.6"), "INR") == "₹12,00,000"


def test_currency_code_may_be_lower_case():
    assert format_money(55000, "gbp") == "£55,000"


def test_negative_amounts_take_a_minus_sign_before_the_symbol():
    assert format_money(-2000, "USD") == "−$2,000"


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (150000, "USD", "$150K"),
        (200000, "USD", "$200K"),
        (15450, "USD", "$15.5K"),
        (1200000, "USD", "$1.2M"),
        (950000, "USD", "$950K"),
        (999999, "USD", "$1M"),
        (55000, "GBP", "£55K"),
        (60000, "EUR", "€60K"),
        (90000, "CAD", "CA$90K"),
        (1200000, "INR", "₹12L"),
        (3500000, "INR", "₹35L"),
        (1250000, "INR", "₹12.5L"),
        (12000000, "INR", "₹1.2Cr"),
        (99960, "INR", "₹1L"),
        (95000, "INR", "₹95K"),
        (60, "USD", "$60"),
        (950, "USD", "$950"),
        (-150000, "USD", "−$150K"),
    ],
)
def test_compact_form_uses_thousands_millions_lakhs_and_crores(amount, currency, expected):
    assert format_money(amount, currency, compact=True) == expected


def render(source: str, **context) -> str:
    return Template("{% load money %}" + source).render(Context(context))


def test_money_filter_formats_in_the_given_currency():
    assert render("{{ amount|money:currency }}", amount=Decimal("1200000"), currency="INR") == "₹12,00,000"
    assert render('{{ amount|money:"USD" }}', amount=90000) == "$90,000"


def test_money_compact_filter_gives_the_short_form():
    assert render("{{ amount|money_compact:currency }}", amount=1200000, currency="INR") == "₹12L"
    assert render('{{ amount|money_compact:"USD" }}', amount=150000) == "$150K"


def test_filters_render_nothing_for_a_missing_or_unreadable_amount():
    assert render('{{ amount|money:"USD" }}', amount=None) == ""
    assert render('{{ missing|money:"USD" }}') == ""
    assert render('{{ amount|money_compact:"USD" }}', amount="n/a") == ""


@pytest.mark.parametrize("currency", ["USD", "CAD", "GBP", "EUR", "INR"])
def test_fast_grouping_writes_exactly_what_babel_writes(currency):
    from compensation.money import _format, babel_format

    amounts = [0, 7, 99, 999, 1000, 12345, 100000, 999999, 1000000, 12000000, 123456789, 1234567890]
    amounts += list(range(0, 3_000_000, 9_973))
    for amount in amounts:
        assert _format(amount, currency) == babel_format(amount, currency), amount
