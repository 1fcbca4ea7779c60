"""Loads the compensation data once per process into an immutable `Catalog` for the engine.

Every change to the data (admin, loaddata, shell) bumps `CatalogVersion` in the database, so each
process, on any machine, sees it at its next call: one indexed one-row read per call, and a full
reload only when the version moved.
"""

from __future__ import annotations

import threading

from django.db import connection, transaction
from django.db.models import F

from engine import catalog as data
from engine.slugs import SourceKind

from . import models, state

_lock = threading.Lock()
_cached: data.Catalog | None = None
_VERSION_SQL = f"SELECT version FROM {models.CatalogVersion._meta.db_table} WHERE id = 1"  # noqa: S608 (no input)


def current_version() -> int:
    # Asked on every request, so plain SQL: the ORM would spend longer building it than the database answering.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_version() -> None:
    """Mark the data as changed, for every process."""
    with transaction.atomic():
        updated = models.CatalogVersion.objects.filter(pk=1).update(version=F("version") + 1)
        if not updated:
            models.CatalogVersion.objects.get_or_create(pk=1, defaults={"version": 1})


def get_catalog() -> data.Catalog:
    """The current snapshot; reloaded only when the data changed since it was built."""
    global _cached
    version = current_version()
    cached = _cached
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        if _cached is None or _cached.version != version:
            _cached = build_catalog(version)
        return _cached


def forget() -> None:
    """Drop this process's snapshot (tests: a rolled-back change can reuse a version number)."""
    global _cached
    with _lock:
        _cached = None


def _source(row: dict) -> data.Source:
    if row["provenance"] == models.Provenance.ARTICLE:
        return data.Source(SourceKind.ARTICLE, row["source_quote"], row["rationale"])
    if row["provenance"] == models.Provenance.EDITED:
        # The change note is its source; the article's sentence (with its own figures) stays beside it.
        return data.Source(SourceKind.EDITED, row["rationale"], row["source_quote"])
    return data.Source(SourceKind.ASSUMPTION, row["rationale"])


def build_catalog(version: int) -> data.Catalog:
    stamp = models.DataStamp.objects.number()
    rows, ids = state.state_from_db()
    return catalog_from_state(rows, version, data_version=stamp, ids=ids)


def _by_order(rows: dict[str, dict]) -> list[dict]:
    """Lookup rows in their tables' order (order, then name), as the database would give them."""
    return sorted(rows.values(), key=lambda r: (r["order"], r["name"]))


def catalog_from_state(
    rows: state.State, version: int, *, data_version: int = 0, ids: dict | None = None
) -> data.Catalog:
    """The engine's snapshot of a state: the database's now, or one rebuilt from the version history."""
    order = {
        table: {slug: row["order"] for slug, row in rows[table].items()} for table in ("role", "location", "industry")
    }
    order["companytype"] = {slug: row["order"] for slug, row in rows["companytype"].items()}

    def rank(table: str, slug: str | None) -> int:
        return -1 if slug is None else order[table].get(slug, -1)

    bands = sorted(
        rows["salaryband"].values(),
        key=lambda b: (
            b["kind"],
            rank("role", b["role"]),
            rank("location", b["location"]),
            rank("industry", b["industry"]),
            float(b["min_amount"]),
        ),
    )
    shares = sorted(
        rows["bonusequityshare"].values(),
        key=lambda s: (
            rank("companytype", s["company_type"]),
            rank("industry", s["industry"]),
            rank("role", s["role"]),
        ),
    )
    return data.Catalog(
        version=version,
        data_version=data_version,
        locations={
            r["slug"]: data.Location(r["slug"], r["name"], r["country"], r["currency"])
            for r in _by_order(rows["location"])
        },
        industries={r["slug"]: data.Named(r["slug"], r["name"]) for r in _by_order(rows["industry"])},
        tracks={r["slug"]: data.Named(r["slug"], r["name"]) for r in _by_order(rows["track"])},
        roles={
            r["slug"]: data.Role(
                slug=r["slug"],
                name=r["name"],
                order=r["order"],
                is_level=r["is_level"],
                tracks=tuple(sorted(r["tracks"], key=lambda t: (rows["track"][t]["order"], rows["track"][t]["name"]))),
                typical_years=r["typical_years"],
                source=_source(r),
                earliest_years=r.get("earliest_years", 0),
            )
            for r in _by_order(rows["role"])
        },
        skills={
            r["slug"]: data.Weighted(
                r["slug"],
                r["name"],
                float(r["percentile_points"]),
                _source(r),
                research_points=float(r["research_points"]),
                examples=r["examples"],
            )
            for r in _by_order(rows["skill"])
        },
        educations={
            r["slug"]: data.Weighted(
                r["slug"],
                r["name"],
                float(r["percentile_points"]),
                _source(r),
                research_points=float(r["research_points"]),
                research_years=r["research_years"],
            )
            for r in _by_order(rows["education"])
        },
        company_types={
            r["slug"]: data.CompanyType(r["slug"], r["name"], float(r["base_factor"]), _source(r))
            for r in _by_order(rows["companytype"])
        },
        parameters={
            r["slug"]: data.Parameter(r["slug"], r["name"], float(r["value"]), r["unit"], r["description"], _source(r))
            for r in sorted(rows["parameter"].values(), key=lambda r: r["slug"])
        },
        rates={
            r["currency"]: data.Rate(r["currency"], float(r["usd_per_unit"]), _source(r))
            for r in sorted(rows["exchangerate"].values(), key=lambda r: r["currency"])
        },
        bands=tuple(
            data.Band(
                slug=b["slug"],
                kind=b["kind"],
                subject=b["role"] or b["location"] or b["industry"] or "",
                min=float(b["min_amount"]),
                max=float(b["max_amount"]),
                open_ended=b["open_ended"],
                currency=b["currency"],
                period=b["period"],
                covers=b["covers"],
                source=_source(b),
            )
            for b in bands
        ),
        shares=tuple(
            data.Share(
                role=s["role"],
                company_type=s["company_type"],
                industry=s["industry"] or "",
                share=float(s["share"]),
                source=_source(s),
            )
            for s in shares
        ),
        ids=ids or {},
        evidence=tuple(
            data.Evidence(
                source=c["source"],
                years=c["years"],
                role=c["role"],
                country=c["country"],
                currency=c["currency"],
                n=c["count"],
                p10=float(c["p10"]),
                p25=float(c["p25"]),
                p50=float(c["p50"]),
                p75=float(c["p75"]),
                p90=float(c["p90"]),
                known_gap=c["known_gap"],
            )
            for c in sorted(rows.get("surveycell", {}).values(), key=lambda c: c["slug"])
        ),
    )
