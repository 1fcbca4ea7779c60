"""Plain-data shapes of a projection: the JSON and CSV exports, and the rows of a comparison."""

from __future__ import annotations

import csv
from typing import Any

from django.utils.text import slugify

from compensation.money import round_half_up
from engine.catalog import Evidence
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
        "evidence": evidence_json(step.evidence),  # the public survey for this role in this country, or None
    }


def evidence_json(evidence: Evidence | None) -> dict | None:
    """A survey cell in an export (a plan's steps, an offer's counter-offer), or None."""
    if evidence is None:
        return None
    return {
        "source": evidence.source,
        "years": evidence.years,
        "n": evidence.n,
        "p25": _amount(evidence.p25),
        "p50": _amount(evidence.p50),
        "p75": _amount(evidence.p75),
        "currency": evidence.currency,
        "confidence": evidence.confidence,
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
    """One year of a track; a freelancer's year also names the hourly rate billed (in the freelance currency)."""
    item = {
        "year": entry.year,
        "base": _amount(entry.base),
        "bonus_equity": _amount(entry.bonus_equity),
        "total": _amount(entry.total),
        "cumulative_total": _amount(entry.cumulative_total),
        "cumulative_total_real": _amount(entry.cumulative_total_real),
    }
    if entry.hourly is not None:
        item["hourly"] = _amount(entry.hourly)
    return item


def projection_dict(
    plan: Plan, projection: Projection, *, data_version: int | None = None, shared: bool = False
) -> dict:
    """The documented JSON shape of /plans/<id>/projection.json (docs/exports.md); a share link's has no plan id."""
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
                # The step that cannot be taken (research without a PhD): the track shows no path beyond now.
                "blocked": None
                if track.blocked is None
                else {"role": track.blocked.role, "title": track.blocked.title, "needs": track.blocked.needs},
                "earnings": [earnings_dict(entry) for entry in track.earnings],
            }
            for track in projection.tracks
        ],
        "notes": [{"label": note.label, "detail": note.detail} for note in projection.notes],
        "freelance": None if freelance is None else freelance_dict(freelance),
        "your_pay": None if projection.your_pay is None else your_pay_dict(projection.your_pay, projection.currency),
        "horizon_years": projection.profile.horizon_years,
    }


def file_name(title: str, what: str, extension: str) -> str:
    """ "careerpath-move-to-management-projection.csv": readable, safe in a header, never empty."""
    return f"careerpath-{slugify(title)[:60].strip('-') or 'plan'}-{what}.{extension}"


def _title_block(plan: Plan, projection: Projection, names: dict, values: dict, data_version: int | None) -> list[list]:
    """What a spreadsheet reader needs above the figures: the plan, its inputs, the money they are in."""
    p = projection.profile
    rows: list[list] = [
        ["CareerPath projection", plan.title],
        ["Salary data version", data_version if data_version is not None else ""],
        ["From year", projection.start_year],
        ["Currency", projection.currency],
        [
            "Figures",
            f"Yearly pay in whole {projection.currency}, in today’s money; total pay is base plus bonus and equity; "
            "the band is the role's base-pay band for this place",
        ],
        [],
        ["Inputs"],
        ["Level", names["level"]],
        ["Years of experience", p.years_experience],
        ["Location", names["location"]],
        ["Industry", names["industry"]],
        ["Company type", names["company_type"]],
        ["Highest degree", names["education"]],
        ["Work mode", names["work_mode"]],
        ["Skills", "; ".join(names["skills"]) or "None"],
        ["Target track", names["target_track"] or "None"],
        ["Target year", p.target_year or "None"],
        ["Earnings horizon (years)", p.horizon_years],
    ]
    for label, field in (
        ("Base pay now", "current_base"),
        ("Bonus now", "current_bonus"),
        ("Equity now", "current_equity"),
    ):
        if values.get(field) is not None:
            rows.append([label, values[field]])
    rows.append([])
    return rows


def _usd(amount: float | None, rate: float | None) -> int | str:
    """An amount in US dollars at the data's rate, to the hundred like every projected figure."""
    return "" if amount is None or rate is None else round_half_up(amount * rate, 100)


def projection_rows(
    plan: Plan,
    projection: Projection,
    names: dict,
    values: dict,
    *,
    usd_per_unit: float | None,
    data_version: int | None,
) -> list[list]:
    """/plans/<id>/projection.csv: a title and inputs block, then one row per step with human labels.

    Freelance columns only in freelance mode; US-dollar columns only when the plan is not in dollars.
    """
    foreign = projection.currency != "USD"
    freelance = projection.freelance
    header = [
        "Track",
        "Role",
        "Year typically reached",
        "Earliest year",
        "Currency",
        "Base min",
        "Base max",
        "Total min",
        "Total max",
        "Band min",
        "Band max",
        "Band source",
        "Percentile of band min",
        "Percentile of band max",
    ]
    if foreign:
        header += ["Base min (USD)", "Base max (USD)", "Total min (USD)", "Total max (USD)"]
    if freelance is not None:
        header += ["Hourly min", "Hourly max", "Billable hours a year"]
    # A step that cannot be taken (research without a PhD) has no year or pay: a line above the table says so.
    blocked = [
        [f"{t.name}: cannot be taken", f"{t.blocked.title} {t.blocked.needs}"] for t in projection.tracks if t.blocked
    ]
    title = _title_block(plan, projection, names, values, data_version)
    rows = [*title[:-1], *blocked, title[-1], header]  # the blocked lines close the title block
    for track in projection.tracks:
        for step in track.steps:
            row = [
                track.name,
                step.title,
                "Now" if step.is_current else step.year,
                "Now" if step.is_current else step.earliest_year,
                step.currency,
                _amount(step.base_min),
                _amount(step.base_max),
                _amount(step.total_min) if step.total_min is not None else "",
                _amount(step.total_max) if step.total_max is not None else "",
                _amount(step.band_min),
                _amount(step.band_max),
                "Assumption" if step.is_assumption else "Article",
                step.percentile_min,
                step.percentile_max,
            ]
            if foreign:
                row += [_usd(v, usd_per_unit) for v in (step.base_min, step.base_max, step.total_min, step.total_max)]
            if freelance is not None:
                row += ["", "", ""]
            rows.append(row)
    if freelance is not None:
        f = freelance
        row = [
            "Freelance",
            projection.tracks[0].steps[0].title,
            "Now",
            "Now",
            f.currency,
            _amount(f.yearly_min),
            _amount(f.yearly_max),
            "",
            "",
            "",
            "",
            "Assumption",
            "",
            "",
        ]
        if foreign:  # the yearly figures are the row's base pay, so their dollars go under base
            row += [_usd(f.usd_yearly_min, 1.0), _usd(f.usd_yearly_max, 1.0), "", ""]
        row += [_amount(f.hourly_min), _amount(f.hourly_max), _amount(f.hours)]
        rows.append(row)
    return rows


EARNINGS_FIGURES = (
    ("role", "role"),
    ("base", "base"),
    ("bonus_equity", "bonus and equity"),
    ("total", "total pay"),
    ("cumulative_total", "total so far"),
    ("cumulative_total_real", "total so far in today’s money"),
)


def earnings_rows(plan: Plan, projection: Projection) -> list[list]:
    """/plans/<id>/earnings.csv: a short title, then one row per year with each track's role and pay side by side."""
    currency = projection.currency
    rows: list[list] = [
        ["CareerPath earnings", plan.title],
        ["Currency", currency],
        [
            "Figures",
            f"Yearly pay in whole {currency}, as paid each year (the last column of each track: today’s money)",
        ],
        [],
    ]
    header = ["Year"]
    for track in projection.tracks:
        header += [f"{track.name}: {label}" for _, label in EARNINGS_FIGURES]
    rows.append(header)
    years = [entry.year for entry in projection.tracks[0].earnings] if projection.tracks else []
    for i, year in enumerate(years):
        row: list = [year]
        for track in projection.tracks:
            entry = track.earnings[i]
            item = earnings_dict(entry)
            row += [entry.title, *(item[name] for name, _ in EARNINGS_FIGURES[1:])]
        rows.append(row)
    return rows
