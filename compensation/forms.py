"""Form fields for money, shared by every form that takes an amount: one set of messages for people."""

from django import forms

from engine.catalog import Catalog

from .money import format_money, round_half_up


def amount_field(
    label: str, what: str, *, max_value: int, whose: str = "your", required: bool = False, help_text: str = ""
) -> forms.IntegerField:
    """A yearly amount in whole units of a currency: no symbols, no commas, never negative.

    `what` names the amount in messages ("base pay"), `whose` whose it is ("your", "the").
    """
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=max_value,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": f"Enter {whose} {what}.",
            "invalid": f"Enter {whose} {what} as a whole number, like 150000, without symbols or commas.",
            "min_value": f"{whose.capitalize()} {what} cannot be negative.",
            "max_value": f"{whose.capitalize()} {what} is far above any pay in the data: check the number of zeros.",
        },
    )


# The most a pay field takes: ten million US dollars a year, in the location's currency at the data's exchange
# rate (far above any engineer's pay, so a mistyped extra zero or two is caught, not projected).
MAX_PAY_USD = 10_000_000
MAX_STORED = 2_000_000_000  # fits the database column whatever the exchange rate


def local_limit(catalog: Catalog, location: str | None, usd: float = MAX_PAY_USD) -> tuple[int, str] | None:
    """`usd` in the currency of `location` at the data's rate, to the thousand, and the currency; None if unknown."""
    place = catalog.locations.get(location or "")
    rate = catalog.rates.get(place.currency) if place else None
    if rate is None or rate.usd_per_unit <= 0:
        return None
    return round_half_up(usd / rate.usd_per_unit, 1000), place.currency  # type: ignore[union-attr]


def over_limit_message(limit: int, currency: str) -> str:
    return f"Enter at most {format_money(limit, currency)} a year (amounts are yearly, in the location’s currency)."
