"""Loads the compensation data once per process into an immutable `Catalog` for the engine.

Every change to the data (admin, loaddata, shell) bumps `CatalogVersion` in the database, so each
process, on any machine, sees it at its next call: one indexed one-row read per call, and a full
reload only when the version moved.
"""

from __future__ import annotations

import threading

from django.db import connection, transaction
from django.db.models import F

from . import data, models

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


def _source(row: models.Sourced) -> data.Source:
    if row.provenance == models.Provenance.ARTICLE:
        return data.Source("article", row.source_quote, row.rationale)
    return data.Source("assumption", row.rationale)


def build_catalog(version: int) -> data.Catalog:
    roles = list(models.Role.objects.prefetch_related("tracks"))
    bands = models.SalaryBand.objects.select_related("role", "location", "industry").order_by(
        "kind", "role__order", "location__order", "industry__order", "min_amount"
    )
    locations = list(models.Location.objects.all())
    industries = list(models.Industry.objects.all())
    tracks = list(models.Track.objects.all())
    skills = list(models.Skill.objects.all())
    educations = list(models.Education.objects.all())
    company_types = list(models.CompanyType.objects.all())
    return data.Catalog(
        version=version,
        locations={loc.slug: data.Location(loc.slug, loc.name, loc.country, loc.currency) for loc in locations},
        industries={i.slug: data.Named(i.slug, i.name) for i in industries},
        tracks={t.slug: data.Named(t.slug, t.name) for t in tracks},
        roles={
            r.slug: data.Role(
                slug=r.slug,
                name=r.name,
                order=r.order,
                is_level=r.is_level,
                tracks=tuple(t.slug for t in r.tracks.all()),
                typical_years=r.typical_years,
                source=_source(r),
            )
            for r in roles
        },
        skills={
            s.slug: data.Weighted(
                s.slug,
                s.name,
                float(s.percentile_points),
                _source(s),
                research_points=float(s.research_points),
                examples=s.examples,
            )
            for s in skills
        },
        educations={
            e.slug: data.Weighted(
                e.slug,
                e.name,
                float(e.percentile_points),
                _source(e),
                research_points=float(e.research_points),
                research_years=e.research_years,
            )
            for e in educations
        },
        company_types={
            c.slug: data.CompanyType(c.slug, c.name, float(c.base_factor), _source(c)) for c in company_types
        },
        parameters={
            p.slug: data.Parameter(p.slug, p.name, float(p.value), p.unit, p.description, _source(p))
            for p in models.Parameter.objects.all()
        },
        rates={
            r.currency: data.Rate(r.currency, float(r.usd_per_unit), _source(r))
            for r in models.ExchangeRate.objects.all()
        },
        bands=tuple(
            data.Band(
                slug=b.slug,
                kind=b.kind,
                subject=(b.role or b.location or b.industry).slug if (b.role or b.location or b.industry) else "",
                min=float(b.min_amount),
                max=float(b.max_amount),
                open_ended=b.open_ended,
                currency=b.currency,
                period=b.period,
                covers=b.covers,
                source=_source(b),
            )
            for b in bands
        ),
        shares=tuple(
            data.Share(
                role=share.role.slug,
                company_type=share.company_type.slug,
                industry=share.industry.slug if share.industry else "",
                share=float(share.share),
                source=_source(share),
            )
            for share in models.BonusEquityShare.objects.select_related("role", "company_type", "industry")
        ),
        ids={
            "role": {r.slug: r.pk for r in roles},
            "location": {x.slug: x.pk for x in locations},
            "industry": {x.slug: x.pk for x in industries},
            "track": {x.slug: x.pk for x in tracks},
            "skill": {x.slug: x.pk for x in skills},
            "education": {x.slug: x.pk for x in educations},
            "company_type": {x.slug: x.pk for x in company_types},
        },
    )
