"""Survey import: a CSV of salary bands, checked row by row with the admin's own rules.

Each line names one band by its role, location or industry (a slug, exactly one of the three) and
gives its figures and provenance. A line for a band that exists (same dimension, subject and pay
basis) changes it; any other line adds a band. Nothing is saved here: `rows` are unsaved bands,
published together by the admin's import view as one version, and only when no line has an error.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from . import state
from .models import Industry, Location, Provenance, Role, SalaryBand
from .validation import bounded_decimal, shown

COLUMNS = ["role", "location", "industry", "min", "max", "open_top", "currency", "pay_basis", "provenance", "source"]
REQUIRED = ["min", "max", "currency", "provenance", "source"]
MAX_ROWS = 2000
# The model's field names as the file calls them, so a message names the column to fix.
COLUMN_OF = {
    "min_amount": "min",
    "max_amount": "max",
    "open_ended": "open_top",
    "covers": "pay_basis",
    "source_quote": "source",
    "rationale": "source",
}
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
YES, NO = {"yes", "y", "true", "1", "+"}, {"no", "n", "false", "0", ""}

EXAMPLE = """role,location,industry,min,max,open_top,currency,pay_basis,provenance,source
,london,,60000,95000,no,GBP,base,assumption,2026 London survey: median ML engineer band (n=412).
senior,,,160000,215000,no,USD,base,article,"Senior ML Engineer (5-8 years): $160,000 - $215,000"
"""


@dataclass
class SurveyRow:
    line: int  # the line of the file (the header is line 1)
    subject: str  # e.g. "location london"
    band: SalaryBand | None = None
    before: state.Fields | None = None
    after: state.Fields | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.before is None:
            return "added"
        return "unchanged" if self.before == self.after else "changed"

    @property
    def diff(self) -> list[tuple[str, object, object]]:
        names = state.changed_fields(self.before, self.after) if self.before is not None else []
        return [(name, (self.before or {}).get(name), (self.after or {}).get(name)) for name in names]


@dataclass
class Survey:
    rows: list[SurveyRow]
    errors: list[str]  # every problem, each naming its line

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def changing(self) -> list[SurveyRow]:
        return [row for row in self.rows if row.action != "unchanged"]


def _amount(text: str) -> Decimal:
    """ "$95,000" → 95000; `InvalidOperation` for anything that is not a finite number (NaN, sNaN, Infinity)
    or has more digits or a larger exponent than any pay (checked on the text, before any arithmetic: a
    "1e999999999" hung the worker, and "1e1000000" was written out in full in a message)."""
    cleaned = text.replace(",", "").replace(" ", "").lstrip("$£€₹")
    try:
        return bounded_decimal(cleaned)
    except ValueError as error:
        raise InvalidOperation(str(error)) from None


def _text(row: dict, column: str) -> str:
    """A cell, stripped; "" for a cell the line lacks (csv gives None for it)."""
    value = row.get(column)
    return value.strip() if isinstance(value, str) else ""


def _band_for(row: dict, line: int) -> tuple[SurveyRow, dict]:
    given = [(name, _text(row, name)) for name in ("role", "location", "industry")]
    named = [(name, slug) for name, slug in given if slug]
    subject = " ".join(named[0]) if len(named) == 1 else "?"
    result = SurveyRow(line, subject)
    if len(named) != 1:
        result.errors.append("name exactly one of role, location or industry (its slug)")
        return result, {}
    kind, slug = named[0]
    model = {"role": Role, "location": Location, "industry": Industry}[kind]
    related = model.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    if related is None:
        result.errors.append(f"there is no {kind} “{shown(slug)}”")
        return result, {}
    values: dict = {"kind": kind, kind: related}
    for column in REQUIRED:
        if not _text(row, column):
            result.errors.append(f"{column} is empty")
    for column, name in (("min", "min_amount"), ("max", "max_amount")):
        text = _text(row, column)
        if text:
            try:
                values[name] = _amount(text)
            except InvalidOperation:
                result.errors.append(f"{column}: “{shown(text)}” is not an amount")
    open_top = _text(row, "open_top").lower()
    if open_top not in YES | NO:
        result.errors.append(f"open_top: write yes or no, not “{shown(open_top)}”")
    values["open_ended"] = open_top in YES
    values["currency"] = _text(row, "currency").upper()
    basis = _text(row, "pay_basis").lower() or SalaryBand.Covers.BASE
    if basis not in SalaryBand.Covers.values:
        result.errors.append(f"pay_basis: write base or total, not “{shown(basis)}”")
    values["covers"] = basis
    provenance = _text(row, "provenance").lower()
    if provenance and provenance not in Provenance.values:
        result.errors.append(f"provenance: write article or assumption, not “{shown(provenance)}”")
    values["provenance"] = provenance
    return result, values


def _messages(error: ValidationError) -> list[str]:
    found = []
    for name, messages in error.message_dict.items():
        column = COLUMN_OF.get(name, name)
        for message in messages:
            found.append(message if name == "__all__" else f"{column}: {message}")
    return found


def _band_from(row: SurveyRow, raw: dict, values: dict, *, confirm_large_changes: bool) -> SalaryBand:
    """The band a valid line adds or changes (the one it names if it exists), with `row.before` and the
    model's own checks in `row.errors`."""
    existing = SalaryBand.objects.filter(
        kind=values["kind"],
        **{values["kind"]: values[values["kind"]]},
        covers=values["covers"],
        period=SalaryBand.Period.YEAR,
    ).first()
    band = existing or SalaryBand(period=SalaryBand.Period.YEAR)
    if existing is None:
        suffix = "-total" if values["covers"] == SalaryBand.Covers.TOTAL else ""
        band.slug = f"{values['kind']}-{values[values['kind']].slug}{suffix}"
    row.before = state.row_from_db(SalaryBand, existing.pk)[1] if existing else None
    source = _text(raw, "source")
    values["source_quote"] = (
        source if values["provenance"] == Provenance.ARTICLE else (existing.source_quote if existing else "")
    )
    values["rationale"] = (
        source if values["provenance"] == Provenance.ASSUMPTION else (existing.rationale if existing else "")
    )
    for name, value in values.items():
        setattr(band, name, value)
    band.confirm_large_change = confirm_large_changes
    try:
        band.full_clean()
    except ValidationError as error:
        row.errors.extend(_messages(error))
    return band


def _unreadable(text: str, reader: csv.DictReader) -> str | None:
    """Why the file cannot be read at all: not text, or a header that is not CSV or lacks a column (None if
    it can be). The reader's field names become the header's names, trimmed and in lower case."""
    if "\x00" in text:
        return "The file contains NUL characters: it is not a CSV text file."
    try:
        header = [name.strip().lower() for name in reader.fieldnames or []]
    except csv.Error as error:
        return f"Line 1 (the header) cannot be read as CSV: {error}."
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return f"Line 1 (the header) lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}."
    reader.fieldnames = header
    return None


def _unreadable_line(line: int, error: csv.Error) -> str:
    if str(error) == "unexpected end of data":  # strict csv: the file ended inside a quoted cell
        return (
            f'Line {line} cannot be read as CSV: a quote (") opened on it is never closed; nothing was read from it on.'
        )
    return f"Line {line} cannot be read as CSV ({error}); nothing after it was read."


def read(text: str, *, confirm_large_changes: bool = False) -> Survey:
    """Every line of the file as a band to add or change, with what is wrong with it.

    A file that cannot be parsed (a field over the csv module's limit, a broken quote) gives a line
    error, never an exception. A band whose figures move by more than half is refused unless
    `confirm_large_changes`.
    """
    # strict: a quote opened and never closed is an error for its line, not the rest of the file read
    # into one cell (and shown as a change).
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    wrong = _unreadable(text, reader)
    if wrong:
        return Survey([], [wrong])
    header = reader.fieldnames
    rows, errors, seen = [], [], {}
    lines = iter(reader)
    for index in itertools.count(2):
        starts_at = reader.line_num + 1  # the line of the file this record starts on
        try:
            raw = next(lines)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(_unreadable_line(starts_at, error))
            break
        if index - 1 > MAX_ROWS:
            errors.append(f"The file has more than {MAX_ROWS} bands; import it in parts.")
            break
        if None in raw:
            errors.append(f"Line {index} has more cells than the header has columns.")
            continue
        if not any(_text(raw, column) for column in header):
            continue
        row, values = _band_for(raw, index)
        if not row.errors:
            row.band = _band_from(row, raw, values, confirm_large_changes=confirm_large_changes)
            key = (values["kind"], values[values["kind"]].pk, values["covers"])
            if key in seen:
                row.errors.append(f"line {seen[key]} already gives this band")
            seen.setdefault(key, index)
            if not row.errors:
                row.after = state.row_from_instance(row.band)[1]
        rows.append(row)
        errors.extend(f"Line {index} ({row.subject}): {message.rstrip('.')}." for message in row.errors)
    if not rows and not errors:
        errors.append("The file has no bands in it.")
    return Survey(rows, errors)


def candidate_state(survey: Survey) -> tuple[state.State, dict]:
    """Today's data with the survey's bands in it: what publishing it would make."""
    rows, ids = state.state_from_db()
    for row in survey.changing:
        if row.before is not None:
            rows["salaryband"].pop(state.key_of("salaryband", row.before), None)
        rows["salaryband"][state.key_of("salaryband", row.after)] = row.after  # type: ignore[arg-type]
    return rows, ids
