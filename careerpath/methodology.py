"""What the methodology page shows, built from the catalog snapshot the projections use.

The view renders `templates/careerpath/methodology.html` with `methodology_context(catalog)`, so the
page describes the model with the same data, and cannot drift from it.
"""

from __future__ import annotations

from compensation.money import signed_percent
from engine.calibration import TOLERANCE, survey_checks
from engine.catalog import Catalog
from engine.offers import VESTING_PRESETS
from engine.slugs import BandKind

BAND_KIND_NAMES = {
    BandKind.OVERALL: "US average (all levels)",
    BandKind.TOTAL: "Total compensation, top-tier organisations",
    BandKind.FREELANCE: "Freelance hourly rate",
}
BAND_KINDS = list(BandKind)  # the order of the methodology page's band table


def _share_table(catalog: Catalog) -> list[dict]:
    """The bonus-and-equity shares as rows (company type and industry) by columns (roles by seniority)."""
    roles = sorted(catalog.roles.values(), key=lambda r: r.order)
    groups: dict[tuple[str, str], dict] = {}
    for share in catalog.shares:
        key = (share.company_type, share.industry)
        if key not in groups:
            company = catalog.company_types[share.company_type].name
            industry = catalog.industries[share.industry].name if share.industry else "every other industry"
            groups[key] = {"company": company, "industry": industry, "shares": {}, "source": share.source}
        groups[key]["shares"][share.role] = share.share
    order = {slug: i for i, slug in enumerate(catalog.company_types)}
    industry_order = {slug: i for i, slug in enumerate(catalog.industries)}

    def position(key: tuple[str, str]) -> tuple:
        company, industry = key
        return (order[company], industry == "", industry_order.get(industry, 0))

    return [
        {**groups[key], "cells": [groups[key]["shares"].get(role.slug) for role in roles]}
        for key in sorted(groups, key=position)
    ]


def _survey(catalog: Catalog, start_year: int) -> dict:
    """The public survey's cells: each beside the model's band at its country's level where it is used."""
    checks = {(r.evidence.role, r.evidence.country): r for r in survey_checks(catalog, start_year)}
    cells = sorted(
        catalog.survey.values(),
        key=lambda c: (c.country != "US", c.country, catalog.roles[c.role].order if c.role in catalog.roles else 0),
    )
    rows = [
        {
            "cell": c,
            "role": catalog.name_of("role", c.role) or c.role,
            "count": f"{c.n:,}",
            "check": checks.get((c.role, c.country)),
            "off": signed_percent(checks[c.role, c.country].off * 100) if (c.role, c.country) in checks else "",
        }
        for c in cells
    ]
    first = cells[0] if cells else None
    return {
        "track_order": _track_order(catalog),
        "rows": rows,
        "source": first.source if first else "",
        "years": first.years if first else "",
        "used": len(checks),
        "within": sum(1 for r in checks.values() if r.within),
        "tolerance": TOLERANCE,
    }


def _track_order(catalog: Catalog) -> list[dict]:
    """Per country: which track's pay against an engineer's the survey sets, or that the article and the
    assumptions set the order of the tracks there."""
    countries: dict[str, list[str]] = {}
    for location in catalog.locations.values():
        countries.setdefault(location.country, []).append(location.name)
    return [
        {
            "country": country,
            "places": ", ".join(names),
            "from_survey": [
                {
                    "role": catalog.name_of("role", pay.role),
                    "versus": catalog.name_of("role", pay.versus),
                    "survey": f"{pay.survey_ratio:.2f}",
                    "bands": f"{pay.band_ratio:.2f}",
                    "factor": f"{pay.factor:.2f}",
                    "n": f"{pay.n:,}",
                    "n_versus": f"{pay.n_versus:,}",
                }
                for (_, where), pay in sorted(catalog.track_pay.items())
                if where == country
            ],
        }
        for country, names in countries.items()
    ]


def methodology_context(catalog: Catalog, start_year: int = 0) -> dict:
    """Everything the methodology page needs, from one snapshot."""
    subjects = {**catalog.roles, **catalog.locations, **catalog.industries}
    band_names = {
        band.slug: subjects[band.subject].name
        if band.subject in subjects
        else BAND_KIND_NAMES.get(band.kind, band.kind)
        for band in catalog.bands
    }
    roles = [
        {"role": role, "track_names": [catalog.tracks[t].name for t in role.tracks if t in catalog.tracks]}
        for role in sorted(catalog.roles.values(), key=lambda r: r.order)
    ]
    bands = sorted(catalog.bands, key=lambda b: BAND_KINDS.index(b.kind) if b.kind in BAND_KINDS else len(BAND_KINDS))
    skills = sorted(catalog.skills.values(), key=lambda s: (-s.points, s.name))
    direct = [e for e in catalog.educations.values() if e.research_years]
    currencies = sorted({location.currency for location in catalog.locations.values()})
    inflation = [
        {
            "currency": currency,
            "rate": found.value,
            "raise": catalog.annual_raise(currency).value,
            "nominal_raise": round((1 + found.value) * (1 + catalog.annual_raise(currency).value) - 1, 3),
        }
        for currency in currencies
        if (found := catalog.inflation(currency)) is not None
    ]
    return {
        "catalog": catalog,
        "bands": bands,
        "average": catalog.other_bands.get(BandKind.OVERALL),
        "params": {slug.replace("-", "_"): p for slug, p in catalog.parameters.items()},
        "band_names": band_names,
        "roles": roles,
        "share_roles": sorted(catalog.roles.values(), key=lambda r: r.order),
        "share_rows": _share_table(catalog),
        "reference_level": catalog.roles[catalog.reference_level],
        "reference_company": catalog.company_types[catalog.reference_company_type],
        "skills": skills,
        "direct_research": direct,
        "inflation": inflation,
        "vesting_presets": list(VESTING_PRESETS.values()),
        "survey": _survey(catalog, start_year) if catalog.survey else None,
        "nav": "methodology",
    }
