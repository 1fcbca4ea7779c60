"""Several offers (and the current job from a plan's pay today) side by side, in one currency."""

from __future__ import annotations

from careerpath.models import Plan
from careerpath.profiles import profile_from_values
from careerpath.selectors import plan_values
from compensation.models import DataStamp
from engine.catalog import Catalog
from engine.offers import YEARS_SHOWN, Column, compare
from engine.options import focus_track
from engine.projection import project

from .analysis import OfferAnalysis
from .mapping import values_of
from .models import Offer
from .presentation import compare_chart, compare_sentences, ordinal, why_sentences

COMPONENTS = (
    ("base", "Base"),
    ("bonus", "Target bonus"),
    ("sign_on", "Sign-on"),
    ("equity_initial", "Initial grant vesting"),
    ("equity_refresh", "Refreshers vesting"),
    ("total", "Total"),
    ("guaranteed", "Guaranteed (base and sign-on)"),
    ("at_risk", "At risk (bonus and equity)"),
)


def currency_choices(offers: list[Offer], catalog: Catalog) -> list[str]:
    """The currencies a comparison can be shown in: each offer's, and US dollars."""
    codes = [catalog.locations[catalog.slug_for("location", offer.location_id)].currency for offer in offers]
    return list(dict.fromkeys([*codes, "USD"]))


def build_comparison(
    offers: list[Offer], plan: Plan | None, catalog: Catalog, year: int, currency: str | None = None
) -> dict:
    """Years 1–5 of each offer (and the plan's own earnings) in one currency (the first offer's unless chosen),
    with each offer's parts year 1 and over four years, its cliff and what leaving early gives up, and its band."""
    analyses = [OfferAnalysis(values_of(offer, catalog), catalog, year) for offer in offers]
    currency = currency or (analyses[0].currency if analyses else "USD")
    to_rate = catalog.rates[currency].usd_per_unit
    columns, rates_used = [], set()
    owns: list[tuple[list[int], str]] = []  # each column's totals in its own currency

    def into(amounts, source_currency: str) -> tuple[int, ...]:
        if source_currency != currency:
            rates_used.add(source_currency)
        return tuple(catalog.convert(a, source_currency, currency) for a in amounts)

    for offer, analysis in zip(offers, analyses, strict=True):
        totals = [y.total for y in analysis.figures.years[:YEARS_SHOWN]]
        columns.append(Column(offer.company, into(totals, analysis.currency)))
        owns.append((totals, analysis.currency))
    plan_note = ""
    if plan is not None:
        values = {**plan_values(plan, catalog), "horizon_years": max(YEARS_SHOWN, plan.horizon_years)}
        projection = project(profile_from_values(values), catalog, year)
        track = focus_track(projection)
        # The plan's own year-by-year earnings as paid (the figures of its page), not a re-estimate.
        totals = [round(e.total) for e in track.earnings[:YEARS_SHOWN]]
        columns.append(Column(f"Current job ({plan.title})", into(totals, projection.currency)))
        owns.append((totals, projection.currency))
        plan_note = (
            f"“{plan.title}” is its own earnings as paid on the {track.name} track, year by year as its page shows "
            + (
                "them (from the pay you gave)."
                if plan.current_base is not None
                else "them (estimated: it gives no pay)."
            )
        )
    components = _components(analyses, currency, into)
    result = compare(columns)
    stamp = DataStamp.objects.first()
    rates = [
        {
            "currency": code,
            "usd_per_unit": catalog.rates[code].usd_per_unit,
            "per_target": catalog.rates[code].usd_per_unit / to_rate,
        }
        for code in sorted(rates_used)
    ]
    rows = [
        {
            "year": i + 1,
            "cells": [
                {
                    "label": c.label,
                    "amount": c.totals[i],
                    "leads": c.label in result.leaders[i],
                    "own": own[i],
                    "own_currency": own_currency,
                }
                for c, (own, own_currency) in zip(columns, owns, strict=True)
            ],
            "leaders": result.leaders[i],
        }
        for i in range(YEARS_SHOWN)
    ]
    return {
        "currency": currency,
        "columns": columns,
        "offers": offers,
        "rows": rows,
        "averages": [{"label": c.label, "amount": c.average_4y} for c in columns],
        "sentences": compare_sentences(result, currency) + why_sentences(components, currency),
        "rates": rates,
        "rates_date": stamp.published_at if stamp else None,
        "data_version": stamp.number if stamp else 0,
        "plan": plan,
        "plan_note": plan_note,
        "year": year,
        "components": components,
        "details": [_details(a, currency, into) for a in analyses],
        "chart": compare_chart(columns, currency),
    }


def _components(analyses: list[OfferAnalysis], currency: str, into) -> list[dict]:
    """Rows per part of pay: year 1 and the 4-year average of each offer, in the comparison's currency and,
    when it differs, in the offer's own."""
    rows = []
    for name, label in COMPONENTS:
        if name == "equity_refresh" and not any(a.refresher_given for a in analyses):
            continue  # refreshers only if an offer gives them
        cells = []
        for a in analyses:
            years = a.figures.years
            own = [getattr(years[0], name), round(sum(getattr(y, name) for y in years[:4]) / 4)]
            shown = into(own, a.currency)
            cells.append(
                {
                    "company": a.values["company"],
                    "year1": shown[0],
                    "average": shown[1],
                    "own": own,
                    "own_currency": a.currency,
                }
            )
        rows.append({"name": name, "label": label, "cells": cells, "converted": currency})
    return rows


def _details(a: OfferAnalysis, currency: str, into) -> dict:
    """The cliff, what leaving after one and two years gives up, and where year 1 sits in the band."""
    leave = a.figures.leave

    def given_up(month: int) -> int | None:
        return into([leave[month - 1].total], a.currency)[0] if month <= len(leave) else None

    position = a.total_position
    if position.position == "inside":
        band = f"{ordinal(position.percentile)} percentile of the band"
    else:
        band = f"{position.position} the band"
    return {
        "company": a.values["company"],
        "cliff_months": a.values["cliff_months"],
        "leave_12": given_up(12),
        "leave_24": given_up(24),
        "band": band,
        "equity_type": "options at the 409A" if a.is_options else "shares",
    }
