"""An offer read against the salary data: its terms for the engine, its band, its figures and exports.

The engine (`engine.offers`) works on plain numbers. Every policy number it needs comes from the
catalog here: the merit raise (the data's raise within a level plus the currency's inflation), the
default refresher (from the level's bonus-and-equity share), and the band the offer is placed in
(the projection engine's band for that role and place, as for a plan's pay today).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from compensation.money import round_half_up
from engine.bands import band_here
from engine.catalog import Catalog, Source
from engine.offers import (
    CUSTOM,
    VESTING_PRESETS,
    Counter,
    OfferBreakdown,
    OfferTerms,
    breakdown,
    counter_offer,
    default_refresher_percent,
    parse_custom,
    schedule_percents,
)
from engine.profile import Profile
from engine.results import PayPosition

from .models import Offer

# The counter-offer aims at this percentile of the band as total pay: the definition, said on the page.
COUNTER_PERCENTILE = 75


@dataclass(frozen=True, slots=True)
class Band:
    """The band for the offer's role and place, as the projection engine builds it for a plan."""

    base_min: float
    base_max: float
    total_min: float
    total_max: float
    share: float  # bonus and equity as a share of total pay, for the level, industry and company type
    open_ended: bool
    share_source: Source | None


def merit_raise_percent(catalog: Catalog, currency: str) -> float:
    """The yearly raise as paid: the data's raise within a level, on top of the currency's inflation."""
    above = catalog.annual_raise(currency).value
    inflation = catalog.inflation(currency)
    return ((1 + above) * (1 + (inflation.value if inflation else 0.0)) - 1) * 100


def band_for(offer_values: dict, catalog: Catalog, year: int) -> Band:
    """The role's band in the offer's place. Skills, degree and years only place a person inside a band,
    so the level's usual years and the first degree in the data stand in for them."""
    role = catalog.roles[offer_values["level"]]
    profile = Profile(
        current_level=role.slug,
        years_experience=role.typical_years,
        location=offer_values["location"],
        industry=offer_values["industry"],
        company_type=offer_values["company_type"],
        education=next(iter(catalog.educations)),
    )
    here = band_here(profile, catalog)
    keep = 1 - here.bonus_share
    share = catalog.share_for(role.slug, offer_values["industry"], offer_values["company_type"])
    return Band(
        base_min=here.base_min,
        base_max=here.base_max,
        total_min=float(round_half_up(here.base_min / keep, 100)),
        total_max=float(round_half_up(here.base_max / keep, 100)),
        share=here.bonus_share,
        open_ended=here.open_ended,
        share_source=share.source if share else None,
    )


def values_of(offer: Offer, catalog: Catalog) -> dict:
    """An offer's fields as form values (slugs, not ids), resolved through the catalog without joins."""
    return {
        "company": offer.company,
        "location": catalog.slug_for("location", offer.location_id),
        "level": catalog.slug_for("role", offer.level_id),
        "industry": catalog.slug_for("industry", offer.industry_id),
        "company_type": catalog.slug_for("company_type", offer.company_type_id),
        "base": offer.base,
        "bonus_target_percent": offer.bonus_target_percent,
        "sign_on_year1": offer.sign_on_year1,
        "sign_on_year2": offer.sign_on_year2,
        "sign_on_clawback_months": offer.sign_on_clawback_months,
        "equity_grant": offer.equity_grant,
        "vesting": offer.vesting,
        "vesting_custom": offer.vesting_custom,
        "cliff_months": offer.cliff_months,
        "refresher_percent": offer.refresher_percent,
        "stock_growth_percent": offer.stock_growth_percent,
        "start_date": offer.start_date,
        "plan": offer.plan_id,
    }


@dataclass(frozen=True)
class OfferAnalysis:
    """Everything the offer page, its exports and the comparison show about one offer."""

    values: dict
    catalog: Catalog
    year: int

    @cached_property
    def currency(self) -> str:
        return self.catalog.locations[self.values["location"]].currency

    @cached_property
    def band(self) -> Band:
        return band_for(self.values, self.catalog, self.year)

    @property
    def refresher_is_assumption(self) -> bool:
        return self.values["refresher_percent"] is None

    @cached_property
    def refresher_percent(self) -> float:
        given = self.values["refresher_percent"]
        if given is not None:
            return float(given)
        return default_refresher_percent(
            self.values["base"],
            float(self.values["bonus_target_percent"]),
            self.values["equity_grant"],
            self.band.share,
        )

    @cached_property
    def raise_percent(self) -> float:
        return merit_raise_percent(self.catalog, self.currency)

    @cached_property
    def vesting_percents(self) -> tuple[float, ...]:
        custom = parse_custom(self.values["vesting_custom"]) if self.values["vesting"] == CUSTOM else ()
        return schedule_percents(self.values["vesting"], custom)

    @property
    def vesting_name(self) -> str:
        preset = VESTING_PRESETS.get(self.values["vesting"])
        if preset is not None:
            return preset.name
        return "Custom: " + ", ".join(f"{p:g} %" for p in self.vesting_percents)

    @cached_property
    def terms(self) -> OfferTerms:
        v = self.values
        return OfferTerms(
            currency=self.currency,
            base=v["base"],
            bonus_target_percent=float(v["bonus_target_percent"]),
            sign_on_year1=v["sign_on_year1"],
            sign_on_year2=v["sign_on_year2"],
            sign_on_clawback_months=v["sign_on_clawback_months"],
            equity_grant=v["equity_grant"],
            vesting_percents=self.vesting_percents,
            cliff_months=v["cliff_months"],
            refresher_percent=self.refresher_percent,
            stock_growth_percent=float(v["stock_growth_percent"]),
            raise_percent=self.raise_percent,
        )

    @cached_property
    def figures(self) -> OfferBreakdown:
        return breakdown(self.terms)

    @cached_property
    def counter(self) -> Counter:
        return counter_offer(self.figures, self.band.total_min, self.band.total_max, COUNTER_PERCENTILE)

    @cached_property
    def base_position(self) -> PayPosition:
        return PayPosition(float(self.values["base"]), self.band.base_min, self.band.base_max, self.band.open_ended)

    @cached_property
    def total_position(self) -> PayPosition:
        year1 = float(self.figures.year1.total)
        return PayPosition(year1, self.band.total_min, self.band.total_max, self.band.open_ended)

    @cached_property
    def average_position(self) -> PayPosition:
        return PayPosition(float(self.figures.average_4y), self.band.total_min, self.band.total_max)

    @property
    def level_name(self) -> str:
        return self.catalog.roles[self.values["level"]].name

    @property
    def location_name(self) -> str:
        return self.catalog.locations[self.values["location"]].name

    def as_json(self) -> dict:
        """offer.json, as issue 22's contract gives it."""
        figures, counter = self.figures, self.counter
        return {
            "currency": self.currency,
            "years": [
                {
                    "year": y.year,
                    "base": y.base,
                    "bonus": y.bonus,
                    "sign_on": y.sign_on,
                    "equity_initial": y.equity_initial,
                    "equity_refresh": y.equity_refresh,
                    "total": y.total,
                }
                for y in figures.years
            ],
            "average_4y": figures.average_4y,
            "year5_total": figures.year5_total,
            "percentile_total": self.total_position.percentile,
            "band_total_min": round_half_up(self.band.total_min),
            "band_total_max": round_half_up(self.band.total_max),
            "counter": {
                "percentile": counter.percentile,
                "total": counter.total,
                "base_needed": counter.base_needed,
                "equity_needed": counter.equity_needed,
            },
            "leave": [
                {"month": row.month, "forfeited_equity": row.forfeited_equity, "sign_on_clawback": row.sign_on_clawback}
                for row in figures.leave
            ],
        }

    def csv_rows(self) -> list[list]:
        """offer.csv: the year-by-year table, then the leaving-early table, in whole units of the currency."""
        rows: list[list] = [
            ["currency", "year", "base", "bonus", "sign_on", "equity_initial", "equity_refresh", "total"]
        ]
        rows += [
            [self.currency, y.year, y.base, y.bonus, y.sign_on, y.equity_initial, y.equity_refresh, y.total]
            for y in self.figures.years
        ]
        rows += [[], ["currency", "leave_after_month", "forfeited_equity", "sign_on_clawback", "before_cliff"]]
        rows += [
            [self.currency, r.month, r.forfeited_equity, r.sign_on_clawback, "yes" if r.before_cliff else "no"]
            for r in self.figures.leave
        ]
        return rows
