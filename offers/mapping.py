"""THE mapping of an offer: saved offer <-> form values <-> the engine's `OfferTerms`, and an offer as a plan.

Every page, export, comparison and service that turns one into another goes through here, so a field
added to an offer is added once. "Values" are what the offer form takes and gives: slugs for choices,
numbers for numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compensation.validation import StoredValueError, is_finite_number
from engine.catalog import Catalog
from engine.offers import (
    CUSTOM,
    OfferBreakdown,
    OfferTerms,
    OptionTerms,
    parse_custom,
    schedule_percents,
    with_options,
)
from engine.slugs import WorkMode

from .models import MAX_SCHEDULE_YEARS, OPTIONS, PERCENT_RANGES, PRICE_RANGE, Offer

# An offer's choice fields: form field -> (the catalog table its slug is in, the offer's id column).
CHOICES = {
    "location": ("location", "location_id"),
    "level": ("role", "level_id"),
    "industry": ("industry", "industry_id"),
    "company_type": ("company_type", "company_type_id"),
}
OPTION_FIELDS = (
    "options_count",
    "strike_price",
    "fmv_price",
    "preferred_price",
    "exit_value",
    "dilution_percent_per_round",
    "rounds",
    "exercise_window_days",
)
PLAIN = (
    "company",
    "base",
    "bonus_target_percent",
    "sign_on_year1",
    "sign_on_year2",
    "sign_on_clawback_months",
    "equity_type",
    "equity_grant",
    *OPTION_FIELDS,
    "vesting",
    "vesting_custom",
    "cliff_months",
    "refresher_percent",
    "stock_growth_percent",
    "start_date",
)


PRICES = ("strike_price", "fmv_price", "preferred_price", "exit_value")


def check_stored(values: Mapping[str, Any]) -> None:
    """Raise StoredValueError if a stored offer holds a value its form refuses (a NaN vesting year, a percent
    or price out of range, written before a rule or by hand): every page reading it then says so and links
    to its edit page (config.middleware.StoredValueMiddleware) instead of failing."""
    bounds = {**PERCENT_RANGES, **dict.fromkeys(PRICES, PRICE_RANGE)}
    for name, (low, high) in bounds.items():
        value = values.get(name)
        if value is not None and not (is_finite_number(value) and low <= value <= high):
            raise StoredValueError(f"a {name.replace('_', ' ')} of {str(value)[:20]}", "offer_edit", "offer_id")
    if values.get("vesting") == CUSTOM:
        text = values.get("vesting_custom") or ""
        try:
            percents = parse_custom(text)
        except ValueError:
            percents = ()
        if not percents or len(percents) > MAX_SCHEDULE_YEARS or any(p < 0 for p in percents):
            raise StoredValueError(f"the custom vesting schedule “{text[:40]}”", "offer_edit", "offer_id")
        if abs(sum(percents) - 100) > 0.001:
            raise StoredValueError(f"the custom vesting schedule “{text[:40]}”", "offer_edit", "offer_id")


def values_of(offer: Offer, catalog: Catalog) -> dict:
    """An offer's fields as form values (slugs, not ids), resolved through the catalog without joins."""
    values: dict[str, Any] = {
        field: catalog.slug_for(table, getattr(offer, column)) for field, (table, column) in CHOICES.items()
    }
    values.update({name: getattr(offer, name) for name in PLAIN})
    values["plan"] = offer.plan_id
    return values


def columns_of(values: Mapping[str, Any], catalog: Catalog) -> dict:
    """An offer's database columns from validated form values (the reverse of `values_of`)."""
    ids = catalog.ids
    columns = {column: ids[table][values[field]] for field, (table, column) in CHOICES.items()}
    columns.update({name: values.get(name) for name in PLAIN})
    columns["plan_id"] = values.get("plan")
    return columns


def merit_raise_percent(catalog: Catalog, currency: str) -> float:
    """The yearly raise as paid: the data's raise within a level, on top of the currency's inflation."""
    above = catalog.annual_raise(currency).value
    inflation = catalog.inflation(currency)
    return ((1 + above) * (1 + (inflation.value if inflation else 0.0)) - 1) * 100


def currency_of(values: Mapping[str, Any], catalog: Catalog) -> str:
    return catalog.locations[values["location"]].currency


def vesting_percents(values: Mapping[str, Any]) -> tuple[float, ...]:
    custom = parse_custom(values["vesting_custom"]) if values["vesting"] == CUSTOM else ()
    return schedule_percents(values["vesting"], custom)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def option_terms(values: Mapping[str, Any]) -> OptionTerms | None:
    """The options an offer grants, or None for shares."""
    if values.get("equity_type") != OPTIONS:
        return None
    return OptionTerms(
        count=int(values["options_count"] or 0),
        strike=float(values["strike_price"] or 0),
        fmv=float(values["fmv_price"] or 0),
        preferred=_number(values.get("preferred_price")),
        exit_price=_number(values.get("exit_value")),
        dilution_percent_per_round=float(values.get("dilution_percent_per_round") or 0),
        rounds=int(values.get("rounds") or 0),
    )


def terms_of(values: Mapping[str, Any], catalog: Catalog, *, refresher_percent: float | None = None) -> OfferTerms:
    """The engine's terms of an offer: what it says, and the merit raise from the data.

    A blank refresher is none. `refresher_percent` replaces it for a scenario (never the headline).
    """
    currency = currency_of(values, catalog)
    given = values.get("refresher_percent")
    refresher = refresher_percent if refresher_percent is not None else float(given or 0)
    terms = OfferTerms(
        currency=currency,
        base=values["base"],
        bonus_target_percent=float(values["bonus_target_percent"] or 0),
        sign_on_year1=values["sign_on_year1"] or 0,
        sign_on_year2=values["sign_on_year2"] or 0,
        sign_on_clawback_months=values["sign_on_clawback_months"],
        equity_grant=values["equity_grant"] or 0,
        vesting_percents=vesting_percents(values),
        cliff_months=values["cliff_months"],
        refresher_percent=refresher,
        stock_growth_percent=float(values["stock_growth_percent"] or 0),
        raise_percent=merit_raise_percent(catalog, currency),
    )
    options = option_terms(values)
    return terms if options is None else with_options(terms, options)


def plan_values(
    values: Mapping[str, Any], figures: OfferBreakdown, catalog: Catalog, *, years_experience: int, education: str
) -> dict:
    """A plan's form values for the offer: its place, role, industry, company type and pay, salaried, the
    person's years and degree, and the offer's yearly totals as paid for the years it gives.

    Pay today is the base, the target bonus and the grant as a year's worth (its value over its schedule,
    no refresher); the plan's first years are the offer's own totals, so nothing is averaged into them.
    """
    terms = figures.terms
    shown = figures.years[: max(4, terms.schedule_years)]  # the sign-on's and the grant's years
    return {
        "current_level": values["level"],
        "location": values["location"],
        "industry": values["industry"],
        "company_type": values["company_type"],
        "years_experience": years_experience,
        "education": education,
        "skills": [],
        "work_mode": WorkMode.ONSITE,
        "client_market": "local",
        "target_track": "",
        "target_year": None,
        "current_base": figures.year1.base,
        "current_bonus": figures.year1.bonus,
        "current_equity": round(terms.equity_grant / terms.schedule_years) if terms.equity_grant else 0,
        "paid_years": {
            "currency": terms.currency,
            "source": f"the offer from {values['company']}",
            "years": [[y.base, y.total] for y in shown],
        },
    }
