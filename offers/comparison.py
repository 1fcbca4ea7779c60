"""Several offers (and the current job from a plan's pay today) side by side, in one currency."""

from __future__ import annotations

from careerpath.models import Plan
from careerpath.profiles import profile_from_values
from careerpath.selectors import plan_values
from compensation.models import DataStamp
from engine.catalog import Catalog
from engine.offers import YEARS_SHOWN, Column, compare, convert
from engine.options import focus_track
from engine.projection import project

from .analysis import OfferAnalysis
from .mapping import values_of
from .models import Offer
from .presentation import compare_sentences


def build_comparison(offers: list[Offer], plan: Plan | None, catalog: Catalog, year: int) -> dict:
    """Years 1–5 of each offer (and of the plan's pay today, if it gives one) in the first offer's currency."""
    analyses = [OfferAnalysis(values_of(offer, catalog), catalog, year) for offer in offers]
    currency = analyses[0].currency if analyses else "USD"
    to_rate = catalog.rates[currency].usd_per_unit
    columns, rates_used = [], set()

    def into(amounts, source_currency: str) -> tuple[int, ...]:
        if source_currency != currency:
            rates_used.add(source_currency)
        return tuple(convert(a, catalog.rates[source_currency].usd_per_unit, to_rate) for a in amounts)

    for offer, analysis in zip(offers, analyses, strict=True):
        totals = [y.total for y in analysis.figures.years[:YEARS_SHOWN]]
        columns.append(Column(offer.company, into(totals, analysis.currency)))
    plan_note = ""
    if plan is not None:
        values = {**plan_values(plan, catalog), "horizon_years": max(YEARS_SHOWN, plan.horizon_years)}
        projection = project(profile_from_values(values), catalog, year)
        track = focus_track(projection)
        # The plan's own year-by-year earnings as paid (the figures of its page), not a re-estimate.
        totals = [round(e.total) for e in track.earnings[:YEARS_SHOWN]]
        columns.append(Column(f"Current job ({plan.title})", into(totals, projection.currency)))
        plan_note = (
            f"“{plan.title}” is its own earnings as paid on the {track.name} track, year by year as its page shows "
            + (
                "them (from the pay you gave)."
                if plan.current_base is not None
                else "them (estimated: it gives no pay)."
            )
        )
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
            "cells": [{"amount": c.totals[i], "leads": c.label in result.leaders[i]} for c in columns],
            "leaders": result.leaders[i],
        }
        for i in range(YEARS_SHOWN)
    ]
    return {
        "currency": currency,
        "columns": columns,
        "offers": offers,
        "rows": rows,
        "averages": [c.average_4y for c in columns],
        "sentences": compare_sentences(result, currency),
        "rates": rates,
        "rates_date": stamp.published_at if stamp else None,
        "data_version": stamp.number if stamp else 0,
        "plan": plan,
        "plan_note": plan_note,
        "year": year,
    }
