"""An offer read against the salary data: its band, its figures, its scenarios and exports.

The engine (`engine.offers`) works on plain numbers; `offers.mapping` turns an offer into them. Every policy
number comes from the catalog: the merit raise (the data's raise within a level plus the currency's
inflation), the counter-offer's bounds (parameter rows), and the band the offer is placed in (the
projection engine's band for that role and place, as for a plan's pay today). Nothing here adds money the
offer does not give: a refresher "like a typical one" is a scenario beside the figures, never in them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from careerpath.exports import evidence_json
from compensation.money import round_half_up
from engine.bands import band_here
from engine.catalog import Catalog, Evidence, Parameter, Source
from engine.offers import (
    VESTING_PRESETS,
    Counter,
    OfferBreakdown,
    OfferTerms,
    OptionScenario,
    breakdown,
    counter_offer,
    default_refresher_percent,
    exercise_costs,
    option_scenarios,
    options_vesting,
)
from engine.profile import Profile
from engine.results import PayPosition
from engine.slugs import Param

from .mapping import check_stored, currency_of, merit_raise_percent, terms_of, vesting_percents
from .models import OPTIONS

OPTION_LABELS = {
    "fmv": "At the 409A price",
    "preferred": "At the preferred price",
    "exit": "At your exit price, diluted",
    "zero": "At zero",
}


# The survey's amounts, each converted when the survey's currency is not the offer's.
_CENTILES = ("p10", "p25", "p50", "p75", "p90")


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


@dataclass(frozen=True)
class OfferAnalysis:
    """Everything the offer page, its exports and the comparison show about one offer."""

    values: dict
    catalog: Catalog
    year: int

    def __post_init__(self) -> None:
        check_stored(self.values)

    @cached_property
    def currency(self) -> str:
        return currency_of(self.values, self.catalog)

    @cached_property
    def band(self) -> Band:
        return band_for(self.values, self.catalog, self.year)

    @property
    def is_options(self) -> bool:
        return self.values.get("equity_type") == OPTIONS

    @property
    def refresher_given(self) -> bool:
        return bool(self.values.get("refresher_percent"))

    @cached_property
    def refresher_percent(self) -> float:
        """The refresher the offer gives: none when blank (a refresher is never promised)."""
        return self.terms.refresher_percent

    @cached_property
    def raise_percent(self) -> float:
        return merit_raise_percent(self.catalog, self.currency)

    @cached_property
    def vesting_percents(self) -> tuple[float, ...]:
        return vesting_percents(self.values)

    @property
    def vesting_name(self) -> str:
        preset = VESTING_PRESETS.get(self.values["vesting"])
        if preset is not None:
            return preset.name
        return "Custom: " + ", ".join(f"{p:g} %" for p in self.vesting_percents)

    @cached_property
    def terms(self) -> OfferTerms:
        return terms_of(self.values, self.catalog)

    @cached_property
    def figures(self) -> OfferBreakdown:
        return breakdown(self.terms)

    # A scenario beside the figures, never in them ------------------------------------------------

    @cached_property
    def typical_refresher_percent(self) -> int:
        """The refresher that would keep yearly equity at the level's market share of total pay (0: none to show)."""
        if self.refresher_given or self.is_options or not self.terms.equity_grant:
            return 0
        return default_refresher_percent(
            self.terms.base, self.terms.bonus_target_percent, self.terms.equity_grant, self.band.share
        )

    @cached_property
    def refreshed(self) -> OfferBreakdown | None:
        """The offer's years if refreshed like a typical offer at this level: a scenario, labelled, with its source."""
        if not self.typical_refresher_percent:
            return None
        return breakdown(terms_of(self.values, self.catalog, refresher_percent=self.typical_refresher_percent))

    # Options -------------------------------------------------------------------------------------

    @cached_property
    def option_scenarios(self) -> tuple[OptionScenario, ...]:
        return option_scenarios(self.terms)

    @cached_property
    def options_vesting(self) -> tuple[int, ...]:
        return options_vesting(self.terms)

    @cached_property
    def exercise_costs(self) -> tuple[int, ...]:
        return exercise_costs(self.terms)

    @cached_property
    def option_rows(self) -> list[dict]:
        """Year by year: the options vesting, their worth under each scenario, and the cost to exercise them."""
        return [
            {
                "year": i + 1,
                "vesting": vesting,
                "cells": [
                    {"slug": s.slug, "label": OPTION_LABELS[s.slug], "price": s.price, "value": s.values[i]}
                    for s in self.option_scenarios
                ],
                "cost": self.exercise_costs[i],
            }
            for i, vesting in enumerate(self.options_vesting)
        ]

    # The counter-offer ---------------------------------------------------------------------------

    @cached_property
    def counter_percentile(self) -> Parameter:
        return self.catalog.param(Param.OFFER_COUNTER_PERCENTILE)

    @cached_property
    def counter_max_raise(self) -> Parameter:
        return self.catalog.param(Param.OFFER_COUNTER_MAX_RAISE)

    @cached_property
    def counter(self) -> Counter:
        return counter_offer(
            self.figures,
            self.band.total_min,
            self.band.total_max,
            round(self.counter_percentile.value),
            self.counter_max_raise.value,
        )

    @cached_property
    def survey_cell(self) -> Evidence | None:
        """The public survey's cell for the offer's level in its country, if it has enough answers to be used."""
        return self.catalog.evidence_for(self.values["level"], self.country)

    @cached_property
    def evidence(self) -> Evidence | None:
        """The survey cell the counter-offer is checked against, in the offer's currency: converted once, at this
        data's exchange rates, when the survey's currency differs (`evidence_converted_from` then names it)."""
        cell = self.survey_cell
        if cell is None or cell.currency == self.currency:
            return cell
        amounts = {k: float(self.catalog.convert(getattr(cell, k), cell.currency, self.currency)) for k in _CENTILES}
        return replace(cell, currency=self.currency, **amounts)

    @property
    def survey_answers(self) -> int:
        """How many answers the survey has for the offer's level in its country (0: no cell), used or not."""
        cell = self.catalog.survey.get((self.values["level"], self.country))
        return cell.n if cell is not None else 0

    @cached_property
    def survey_min_count(self) -> Parameter:
        return self.catalog.param(Param.SURVEY_MIN_COUNT)

    @property
    def evidence_converted_from(self) -> str:
        cell = self.survey_cell
        return cell.currency if cell is not None and cell.currency != self.currency else ""

    @property
    def data_version(self) -> int:
        return self.catalog.data_version

    @property
    def counter_record(self) -> dict:
        """The counter-offer as kept on the offer when its owner sees it (plain JSON)."""
        c = self.counter
        return {"total": c.total, "base_needed": c.base_needed, "equity_needed": c.equity_needed}

    def counter_moved(self, seen_version: int | None, seen: dict | None) -> dict | None:
        """The counter-offer as last seen and as now, when a newer salary data version moved it (else None)."""
        if seen_version is None or seen is None or seen_version >= self.data_version:
            return None
        now = self.counter_record
        if all(seen.get(key) == value for key, value in now.items()):
            return None
        return {"version": seen_version, "now_version": self.data_version, "before": seen, "after": now}

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
    def country(self) -> str:
        return self.catalog.locations[self.values["location"]].country

    @property
    def location_name(self) -> str:
        return self.catalog.locations[self.values["location"]].name

    def as_json(self) -> dict:
        """offer.json: issue 22's contract, with guaranteed and at-risk pay, the equity type and the scenarios."""
        figures, counter = self.figures, self.counter
        return {
            "currency": self.currency,
            "equity_type": self.values.get("equity_type") or "shares",
            "data_version": self.data_version,
            "years": [
                {
                    "year": y.year,
                    "base": y.base,
                    "bonus": y.bonus,
                    "sign_on": y.sign_on,
                    "equity_initial": y.equity_initial,
                    "equity_refresh": y.equity_refresh,
                    "total": y.total,
                    "guaranteed": y.guaranteed,
                    "at_risk": y.at_risk,
                }
                for y in figures.years
            ],
            "guaranteed": [y.guaranteed for y in figures.years],
            "at_risk": [y.at_risk for y in figures.years],
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
                "max_raise": counter.max_raise,
                "below_market": counter.capped,
                "evidence": evidence_json(self.evidence),  # the public survey, in the offer's currency, or None
            },
            "leave": [
                {"month": row.month, "forfeited_equity": row.forfeited_equity, "sign_on_clawback": row.sign_on_clawback}
                for row in figures.leave
            ],
            "scenarios": self.scenarios_json(),
        }

    def scenarios_json(self) -> list[dict]:
        """What the figures would be under other prices or a refresher: beside the headline, never in it."""
        rows = [
            {
                "name": f"options at {scenario.slug}",
                "price": scenario.price,
                "per_option": scenario.per_option,
                "equity": list(scenario.values),
            }
            for scenario in self.option_scenarios
        ]
        if self.refreshed is not None:
            rows.append(
                {
                    "name": "refreshed like a typical offer",
                    "refresher_percent": self.typical_refresher_percent,
                    "totals": [y.total for y in self.refreshed.years],
                }
            )
        return rows

    def inputs(self) -> list[tuple[str, object]]:
        """Every input of the offer, by its label, for the CSV's title block."""
        v = self.values
        rows: list[tuple[str, object]] = [
            ("Company", v["company"]),
            ("Level", self.level_name),
            ("Place", self.location_name),
            ("Currency", self.currency),
            ("Start date", v["start_date"].isoformat() if v.get("start_date") else ""),
            ("Base salary", v["base"]),
            ("Target bonus (% of base)", v["bonus_target_percent"]),
            ("Sign-on bonus, year 1", v["sign_on_year1"]),
            ("Sign-on bonus, year 2", v["sign_on_year2"]),
            ("Sign-on clawback (months)", v["sign_on_clawback_months"]),
            ("Equity type", "options" if self.is_options else "shares"),
        ]
        if self.is_options:
            rows += [
                ("Options", v.get("options_count")),
                ("Strike price", v.get("strike_price")),
                ("409A price", v.get("fmv_price")),
                ("Preferred price", v.get("preferred_price") if v.get("preferred_price") is not None else ""),
                ("Exit price per share", v.get("exit_value") if v.get("exit_value") is not None else ""),
                ("Dilution per round (%)", v.get("dilution_percent_per_round")),
                ("Future rounds", v.get("rounds")),
                (
                    "Exercise window after leaving (days)",
                    "" if v.get("exercise_window_days") is None else v["exercise_window_days"],
                ),
            ]
        else:
            rows.append(("Equity grant (value at grant)", v["equity_grant"]))
        rows += [
            ("Vesting", self.vesting_name),
            ("Cliff (months)", v["cliff_months"]),
            (
                "Yearly refresher (% of the grant)",
                v["refresher_percent"] if v["refresher_percent"] is not None else "none",
            ),
            ("Yearly stock growth (%)", v["stock_growth_percent"]),
        ]
        return rows

    def csv_rows(self, evidence: str = "") -> list[list]:
        """offer.csv: a title block (the inputs, the assumptions, the survey evidence in words, the data version),
        then the year-by-year table and the leaving-early table, in whole units of the currency, under human
        headings."""
        rows: list[list] = [[f"Offer from {self.values['company']}"]]
        rows += [[label, value] for label, value in self.inputs()]
        rows += [
            [
                "Assumption",
                f"Base grows {self.raise_percent:.1f} % a year as paid (inflation in {self.currency} plus a raise "
                "within a level, from the salary data)",
            ],
            ["Assumption", "No refresher unless the offer gives one; stock growth as entered (0: the grant price)"],
            ["Counter-offer evidence", evidence],
            ["Data version", self.data_version],
            [],
            [
                "Year",
                f"Base ({self.currency})",
                f"Target bonus ({self.currency})",
                f"Sign-on ({self.currency})",
                f"Initial grant vesting ({self.currency})",
                f"Refreshers vesting ({self.currency})",
                f"Total ({self.currency})",
                f"Guaranteed ({self.currency})",
                f"At risk ({self.currency})",
            ],
        ]
        rows += [
            [y.year, y.base, y.bonus, y.sign_on, y.equity_initial, y.equity_refresh, y.total, y.guaranteed, y.at_risk]
            for y in self.figures.years
        ]
        rows += [
            [],
            [
                "Leave after (months)",
                f"Equity forfeited ({self.currency})",
                f"Sign-on paid back ({self.currency})",
                "Before the cliff",
            ],
        ]
        rows += [
            [r.month, r.forfeited_equity, r.sign_on_clawback, "yes" if r.before_cliff else "no"]
            for r in self.figures.leave
        ]
        return rows
