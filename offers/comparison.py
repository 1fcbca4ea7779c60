"""Several offers (and the current job from a plan's pay today) side by side, in one currency."""

from __future__ import annotations

from careerpath.models import Plan
from compensation.models import DataStamp
from engine.catalog import Catalog
from engine.offers import YEARS_SHOWN, Column, compare, current_job_totals

from .analysis import OfferAnalysis, merit_raise_percent, values_of
from .models import Offer
from .presentation import chart_top, compare_sentences, year_chart


def build_comparison(offers: list[Offer], plan: Plan | None, catalog: Catalog, year: int) -> dict:
    """Years 1–5 of each offer (and of the plan's pay today, if it gives one) in the first offer's currency."""
    analyses = [OfferAnalysis(values_of(offer, catalog), catalog, year) for offer in offers]
    currency = analyses[0].currency if analyses else "USD"
    to_rate = catalog.rates[currency].usd_per_unit
    columns, rates_used = [], set()

    def into(amounts, source_currency: str) -> tuple[int, ...]:
        if source_currency != currency:
            rates_used.add(source_currency)
        return tuple(catalog.convert(a, source_currency, currency) for a in amounts)

    for offer, analysis in zip(offers, analyses, strict=True):
        totals = [y.total for y in analysis.figures.years[:YEARS_SHOWN]]
        columns.append(Column(offer.company, into(totals, analysis.currency)))
    plan_note = ""
    if plan is not None:
        plan_currency = catalog.locations[catalog.slug_for("location", plan.location_id)].currency
        if plan.current_base is None:
            plan_note = f"“{plan.title}” gives no pay today, so it has no column: add your pay to the plan."
        else:
            totals = current_job_totals(
                plan.current_base,
                plan.current_bonus or 0,
                plan.current_equity or 0,
                merit_raise_percent(catalog, plan_currency),
                YEARS_SHOWN,
            )
            columns.append(Column(f"Current job ({plan.title})", into(totals, plan_currency)))
    # Each offer's chart, side by side on one scale (the largest year of any of them) in the one currency.
    factors = [catalog.rates[a.currency].usd_per_unit / to_rate for a in analyses]
    top = max((chart_top(a.figures, f) for a, f in zip(analyses, factors, strict=True)), default=None)
    charts = [
        {"company": offer.company, "index": i, "chart": year_chart(a.figures, currency, top=top, factor=f)}
        for i, (offer, a, f) in enumerate(zip(offers, analyses, factors, strict=True))
    ]
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
        "charts": charts,
    }
