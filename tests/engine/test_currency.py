"""The one currency conversion (`engine.currency.convert`, `Catalog.convert`): through US dollars, half up."""

from engine.currency import convert


def test_an_amount_goes_through_us_dollars_and_rounds_half_up():
    assert convert(100_000, 1.27, 1.0) == 127_000
    assert convert(1, 1.5, 1.0) == 2  # 1.5 rounds up, not to even


def test_pay_rounds_to_the_hundred_as_the_engine_rounds_pay():
    assert convert(100_000, 1.0, 1.27, 100) == 78_700


def test_the_catalog_converts_at_its_own_rates(catalog):
    rates = catalog.rates
    expected = convert(50_000, rates["GBP"].usd_per_unit, rates["EUR"].usd_per_unit, 100)
    assert catalog.convert(50_000, "GBP", "EUR", 100) == expected
    assert catalog.convert(50_000, "USD", "USD") == 50_000
