"""The salary data as the engine sees it (`engine/catalog.py`): an immutable snapshot that files each band under
what it applies to, and names each row by its slug or id."""

from dataclasses import replace

import pytest

from engine.catalog import Catalog
from engine.slugs import BandKind, PayBasis

pytestmark = pytest.mark.django_db


def filed(catalog: Catalog, bands) -> Catalog:
    """The catalog with just these bands, filed anew (empty indexes: the shared test catalog stays as it is)."""
    return replace(catalog, bands=tuple(bands), role_bands={}, location_bands={}, industry_bands={}, other_bands={})


def test_each_yearly_band_is_filed_under_its_role_location_or_industry(catalog):
    for band in catalog.bands:
        if band.period != "year" or band.covers != PayBasis.BASE:
            continue
        index = {
            BandKind.ROLE: catalog.role_bands,
            BandKind.LOCATION: catalog.location_bands,
            BandKind.INDUSTRY: catalog.industry_bands,
        }.get(band.kind, catalog.other_bands)
        assert index[band.subject or band.kind] == band


def test_a_subject_with_a_base_and_a_total_band_uses_the_base_one(catalog):
    base = next(b for b in catalog.bands if b.kind == BandKind.INDUSTRY and b.covers == PayBasis.BASE)
    total = replace(base, slug=f"{base.slug}-total", covers=PayBasis.TOTAL, min=base.min * 1.3, max=base.max * 1.3)
    for order in ((base, total), (total, base)):
        assert filed(catalog, order).industry_bands[base.subject] == base


def test_a_subject_with_only_a_total_band_is_filed_with_it(catalog):
    base = next(b for b in catalog.bands if b.kind == BandKind.INDUSTRY and b.covers == PayBasis.BASE)
    total = replace(base, covers=PayBasis.TOTAL)
    assert filed(catalog, [total]).industry_bands[base.subject] == total


def test_names_come_by_slug_or_by_database_id(catalog):
    role_id = catalog.ids["role"]["mid"]
    assert catalog.slug_for("role", role_id) == "mid"
    assert catalog.name_for("role", role_id) == catalog.roles["mid"].name
    assert catalog.name_of("location", "seattle") == catalog.locations["seattle"].name


def test_an_unknown_or_missing_row_has_no_name(catalog):
    assert catalog.slug_for("role", None) is None
    assert catalog.name_for("role", None) == ""
    assert catalog.name_of("skill", "no-such-skill") == ""
    assert catalog.name_of("skill", None) == ""
