"""The aijobs.net salary survey as evidence: its rows aggregated into cells (role × country), once, at import.

Any CSV in the survey's format (the shipped snapshot, or a newer one uploaded by staff) is read here with
plain Python: each row whose title maps to a track (`SurveyTitle`), whose experience level maps to a role
on it (`SurveyLevel`) and whose country maps to a location (`SurveyCountry`) counts in that cell. The
cells (count and 10th/25th/50th/75th/90th percentiles of salary) are written as one published data
version; no request ever reads the raw rows.
"""

from __future__ import annotations

import csv
import gzip
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from .models import ExchangeRate, Location, Role, SurveyCell, SurveyCountry, SurveyLevel, SurveyTitle

COLUMNS = (
    "work_year",
    "experience_level",
    "job_title",
    "salary",
    "salary_currency",
    "salary_in_usd",
    "employee_residence",
)
SNAPSHOT = Path(settings.BASE_DIR) / "fixtures" / "surveys" / "aijobs-salaries-2025-01-19.csv.gz"
SOURCE = "aijobs.net salary survey (snapshot 2025-01-19, CC0)"
MAX_ERRORS = 20  # lines with a problem listed before the rest are only counted


class SurveyFileError(ValueError):
    """The file cannot be read as the survey's CSV (a message a person can act on)."""


@dataclass(frozen=True, slots=True)
class Answer:
    year: int
    level: str
    title: str
    salary: float
    currency: str
    usd: float
    country: str


@dataclass
class Read:
    answers: list[Answer] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: int = 0  # lines with a problem


def text_of(raw: bytes) -> str:
    """The file's text: gzip-compressed or plain, UTF-8."""
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise SurveyFileError("The file looks gzip-compressed but cannot be read.") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SurveyFileError("The file is not UTF-8 text: save it as “CSV UTF-8”.") from error


def read(text: str) -> Read:
    """The survey's answers; a line with a problem is skipped and named (the first `MAX_ERRORS`)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SurveyFileError(f"The file lacks the survey's columns: {', '.join(missing)}.")
    found = Read()
    for line, row in enumerate(reader, start=2):
        try:
            answer = Answer(
                int(row["work_year"]),
                row["experience_level"].strip().upper(),
                row["job_title"].strip(),
                float(row["salary"]),
                row["salary_currency"].strip().upper(),
                float(row["salary_in_usd"]),
                row["employee_residence"].strip().upper(),
            )
            if answer.salary <= 0 or answer.usd <= 0:
                raise ValueError("a salary must be more than 0")
        except (TypeError, ValueError, AttributeError) as error:
            found.skipped += 1
            if len(found.errors) < MAX_ERRORS:
                found.errors.append(f"Line {line}: {error}")
            continue
        found.answers.append(answer)
    if not found.answers:
        raise SurveyFileError("The file has no line that can be read.")
    return found


def usual_year(answers: list[Answer]) -> int:
    """The work year with the most answers (the survey's latest full year)."""
    return Counter(a.year for a in answers).most_common(1)[0][0]


def _percentiles(values: list[float]) -> list[float]:
    """10th, 25th, 50th, 75th, 90th percentiles (linear between answers), to the hundred."""
    cuts = [values[0]] * 99 if len(values) == 1 else statistics.quantiles(values, n=100, method="inclusive")
    return [round(cuts[p - 1], -2) for p in (10, 25, 50, 75, 90)]


def aggregate(answers: list[Answer], years: set[int], source: str) -> list[dict]:
    """The cells of the current mappings: one per (role, country) with any answer, as field dicts."""
    tracks = dict(SurveyTitle.objects.filter(track__isnull=False).values_list("title", "track__slug"))
    roles = {(t, c): r for t, c, r in SurveyLevel.objects.values_list("track__slug", "code", "role__slug")}
    countries = {
        c: (slug, currency)
        for c, slug, currency in SurveyCountry.objects.values_list("country", "location__slug", "location__currency")
    }
    usd_per_unit = {r.currency: float(r.usd_per_unit) for r in ExchangeRate.objects.all()}
    usd_per_unit["USD"] = 1.0
    salaries: dict[tuple[str, str], list[float]] = defaultdict(list)
    for a in answers:
        track = tracks.get(a.title)
        role = roles.get((track, a.level)) if track else None
        place = countries.get(a.country)
        if role is None or place is None or a.year not in years:
            continue
        currency = place[1]
        if a.currency == currency:
            salaries[role, a.country].append(a.salary)
        elif usd_per_unit.get(currency):  # paid in another currency: the survey's dollars at our rate
            salaries[role, a.country].append(a.usd / usd_per_unit[currency])
    label = "–".join(str(y) for y in sorted({min(years), max(years)}))
    cells = []
    for (role, country), values in sorted(salaries.items()):
        values.sort()
        p10, p25, p50, p75, p90 = _percentiles(values)
        location, currency = countries[country]
        cells.append(
            {
                "slug": f"aijobs-{country.lower()}-{role}",
                "source": source,
                "years": label,
                "role": role,
                "country": country,
                "location": location,
                "currency": currency,
                "count": len(values),
                "p10": p10,
                "p25": p25,
                "p50": p50,
                "p75": p75,
                "p90": p90,
            }
        )
    return cells


@dataclass
class Imported:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    answers: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    years: str = ""


def save_cells(cells: list[dict]) -> Imported:
    """Write the cells (call inside `publishing`): new ones added, others updated, stale ones removed.
    A cell's `known_gap` (staff's words) is kept."""
    result = Imported()
    roles = {r.slug: r for r in Role.objects.all()}
    locations = {loc.slug: loc for loc in Location.objects.all()}
    existing = {c.slug: c for c in SurveyCell.objects.all()}
    for fields in cells:
        cell = existing.pop(fields["slug"], None) or SurveyCell(slug=fields["slug"])
        new = cell.pk is None
        values = {
            **fields,
            "role": roles[fields["role"]],
            "location": locations[fields["location"]],
            **{p: Decimal(str(fields[p])) for p in ("p10", "p25", "p50", "p75", "p90")},
        }
        if not new and all(getattr(cell, k) == v for k, v in values.items()):
            result.unchanged += 1
            continue
        for name, value in values.items():
            setattr(cell, name, value)
        cell.save()
        if new:
            result.added += 1
        else:
            result.changed += 1
    for stale in existing.values():
        stale.delete()
        result.removed += 1
    return result


def prepare(raw: bytes, source: str = SOURCE, years: set[int] | None = None) -> tuple[list[dict], Imported]:
    """Read and aggregate a survey file: its cells, and what was read (raises SurveyFileError)."""
    found = read(text_of(raw))
    years = years or {usual_year(found.answers)}
    cells = aggregate(found.answers, years, source)
    if not cells:
        raise SurveyFileError("No line of the file maps to a role and a country: check the titles and countries.")
    return cells, Imported(
        answers=len(found.answers), skipped=found.skipped, errors=found.errors, years=cells[0]["years"]
    )
