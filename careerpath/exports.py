"""Plain-data shapes of a projection: the JSON and CSV exports, and the rows of a comparison."""

from __future__ import annotations

import csv
from typing import Any

from compensation.money import round_half_up
from engine.results import Adjustment, EarningsYear, Freelance, Projection, Step, YourPay

from .models import Plan

# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell as every CSV of the app writes it: a text that would start a formula gets a leading
    quote, so a name edited into the data (or typed by anyone) cannot run in a spreadsheet; numbers,
    negative ones included, stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(out, rows: list[list]) -> None:
    """Write `rows` to `out` (a response or a file) as CSV, every cell through `csv_cell`."""
    csv.writer(out).writerows([csv_cell(value) for value in row] for row in rows)


def _amount(value: float | None) -> int | None:
    """Whole units, by the same rule as the page (the engine's figures are already rounded)."""
    return None if value is None else round_half_up(value)


def _explanation(items: tuple[Adjustment, ...]) -> list[dict]:
    return [
        {
            "label": item.label,
            "detail": item.detail,
            "factor": item.factor,
            "band": item.band.slug if item.band else None,
            "provenance": item.source.kind,
            "source": item.source.text,
        }
        for item in items
    ]


def step_dict(step: Step) -> dict:
    return {
        "role": step.role,
        "title": step.title,
        "year": step.year,
        "earliest_year": step.earliest_year,
        "base_min": _amount(step.base_min),
        "base_max": _amount(step.base_max),
        "total_min": _amount(step.total_min),
        "total_max": _amount(step.total_max),
        "band_min": _amount(step.band_min),
        "band_max": _amount(step.band_max),
        "percentile_min": step.percentile_min,
        "percentile_max": step.percentile_max,
        "band_is_assumption": step.is_assumption,
        "kind": step.kind,  # "current", "promotion" or "lateral" (a move to another track)
        "provenance": step.provenance,  # "article", "assumption", "edited" or "yours"
        "explanation": _explanation(step.explanation),
    }


def freelance_dict(freelance: Freelance) -> dict:
    """Freelance pay in the plan's currency (hourly and yearly) and in US dollars (yearly)."""
    return {
        "hourly_min": _amount(freelance.hourly_min),
        "hourly_max": _amount(freelance.hourly_max),
        "hours": _amount(freelance.hours),
        "billable_hours": freelance.hours,  # the name before `hours`, kept for existing readers
        "yearly_min": _amount(freelance.yearly_min),
        "yearly_max": _amount(freelance.yearly_max),
        "currency": freelance.currency,
        "usd_yearly_min": _amount(freelance.usd_yearly_min),
        "usd_yearly_max": _amount(freelance.usd_yearly_max),
        "client_market": freelance.client_market,  # "local", or "us": US clients' rates, in USD (`currency`)
    }


def your_pay_dict(pay: YourPay, currency: str) -> dict:
    """The pay given (in the location's currency) and where its base sits in the band of the current level here."""
    total = pay.total
    return {
        "currency": currency,
        "base": _amount(pay.base.amount),
        "bonus": _amount(pay.bonus),
        "equity": _amount(pay.equity),
        "total": _amount(total.amount) if total else None,
        "percentile": pay.base.percentile,
        "compa_ratio": round(pay.base.compa_ratio, 2),
        "band_min": _amount(pay.base.band_min),
        "band_max": _amount(pay.base.band_max),
        "position": pay.base.position,  # "below", "inside" or "above" the band: percentile is clamped to 0–100
    }


def earnings_dict(entry: EarningsYear) -> dict:
    return {
        "year": entry.year,
        "base": _amount(entry.base),
        "bonus_equity": _amount(entry.bonus_equity),
        "total": _amount(entry.total),
        "cumulative_total": _amount(entry.cumulative_total),
        "cumulative_total_real": _amount(entry.cumulative_total_real),
    }


def projection_dict(
    plan: Plan, projection: Projection, *, data_version: int | None = None, shared: bool = False
) -> dict:
    """The documented JSON shape of /plans/<id>/projection.json (see README); a share link's has no plan id."""
    freelance = projection.freelance
    return {
        "plan": {"id": None if shared else plan.pk, "title": plan.title},
        "data_version": data_version,  # the version of the salary data the figures come from
        "start_year": projection.start_year,
        "currency": projection.currency,
        "applies_to_every_step": _explanation(projection.common),
        "tracks": [
            {
                "track": track.track,
                "name": track.name,
                "steps": [step_dict(step) for step in track.steps],
                "earnings": [earnings_dict(entry) for entry in track.earnings],
            }
            for track in projection.tracks
        ],
        "notes": [{"label": note.label, "detail": note.detail} for note in projection.notes],
        "freelance": None if freelance is None else freelance_dict(freelance),
        "your_pay": None if projection.your_pay is None else your_pay_dict(projection.your_pay, projection.currency),
        "horizon_years": projection.profile.horizon_years,
    }


EARNINGS_CSV_HEADER = [
    "track",
    "year",
    "base",
    "bonus_equity",
    "total",
    "cumulative_total",
    "cumulative_total_real",
    "currency",
]


def earnings_rows(projection: Projection) -> list[list]:
    """/plans/<id>/earnings.csv: one row per track and year over the plan's horizon, nominal figures."""
    rows: list[list] = [EARNINGS_CSV_HEADER]
    for track in projection.tracks:
        for entry in track.earnings:
            item = earnings_dict(entry)
            rows.append([track.track, *(item[name] for name in EARNINGS_CSV_HEADER[1:-1]), projection.currency])
    return rows


CSV_HEADER = [
    "track",
    "role",
    "title",
    "year",
    "earliest_year",
    "currency",
    "base_min",
    "base_max",
    "total_min",
    "total_max",
    "band_is_assumption",
    "band_min",
    "band_max",
    "percentile_min",
    "percentile_max",
    "hourly_min",
    "hourly_max",
    "hours",
    "usd_min",
    "usd_max",
]


def projection_rows(projection: Projection) -> list[list]:
    """One row per step; in freelance mode a last row "freelance" with the yearly figures as base pay."""
    rows: list[list] = [CSV_HEADER]
    for track in projection.tracks:
        for step in track.steps:
            rows.append(
                [
                    track.track,
                    step.role,
                    step.title,
                    step.year,
                    step.earliest_year,
                    step.currency,
                    _amount(step.base_min),
                    _amount(step.base_max),
                    _amount(step.total_min) if step.total_min is not None else "",
                    _amount(step.total_max) if step.total_max is not None else "",
                    "yes" if step.is_assumption else "no",
                    _amount(step.band_min),
                    _amount(step.band_max),
                    step.percentile_min,
                    step.percentile_max,
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
    f = projection.freelance
    if f is not None:
        current = projection.tracks[0].steps[0]
        rows.append(
            [
                "freelance",
                current.role,
                "Freelance",
                projection.start_year,
                projection.start_year,
                f.currency,
                _amount(f.yearly_min),
                _amount(f.yearly_max),
                "",
                "",
                "no",
                "",
                "",
                "",
                "",
                _amount(f.hourly_min),
                _amount(f.hourly_max),
                _amount(f.hours),
                _amount(f.usd_yearly_min) if f.usd_yearly_min is not None else "",
                _amount(f.usd_yearly_max) if f.usd_yearly_max is not None else "",
            ]
        )
    return rows
