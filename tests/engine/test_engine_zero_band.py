"""A zero band never breaks a projection (issue 24, item 2): a band of 0 – 0 (refused by the admin, the
import and the model now, but a catalog can still be built from old history) gives figures, never a
ZeroDivisionError, for every location, work mode and level."""

import itertools
from dataclasses import replace

import pytest

from engine.options import across_locations, what_ifs
from engine.profile import Profile
from engine.projection import project
from tests.builders import YEAR

pytestmark = pytest.mark.django_db  # for the catalog fixture, when this module runs alone


def with_zero_band(catalog, slug: str):
    """The catalog with one band at 0 – 0 (the indexes rebuilt from the bands)."""
    assert any(band.slug == slug for band in catalog.bands), slug
    bands = tuple(replace(band, min=0.0, max=0.0) if band.slug == slug else band for band in catalog.bands)
    return replace(catalog, bands=bands, role_bands={}, location_bands={}, industry_bands={}, other_bands={})


@pytest.mark.parametrize(
    "slug", ["location-london", "us-average", "role-mid", "industry-finance-fintech", "freelance-hourly"]
)
def test_a_catalog_with_a_zero_band_projects_every_profile_without_an_exception(catalog, slug):
    zeroed = with_zero_band(catalog, slug)
    levels = [role.slug for role in zeroed.levels()]
    for location, work_mode, level, pay in itertools.product(
        sorted(zeroed.locations), ["onsite", "remote-us", "freelance"], levels, [None, 150_000]
    ):
        person = Profile(
            current_level=level,
            years_experience=5,
            location=location,
            industry="finance-fintech",
            company_type="large",
            education="masters",
            skills=frozenset({"nlp"}),
            work_mode=work_mode,
            target_track=None,
            target_year=None,
            current_base=pay,
        )
        projection = project(person, zeroed, YEAR)
        what_ifs(person, zeroed, YEAR, projection)
        across_locations(person, zeroed, YEAR, projection)


def test_remote_for_a_us_company_from_a_zero_london_band_is_not_a_division_by_zero(catalog):
    zeroed = with_zero_band(catalog, "location-london")
    person = Profile(
        current_level="mid",
        years_experience=4,
        location="london",
        industry="finance-fintech",
        company_type="large",
        education="masters",
        skills=frozenset(),
        work_mode="remote-us",
        target_track=None,
        target_year=None,
    )

    step = project(person, zeroed, YEAR).tracks[0].steps[0]

    assert step.currency == "GBP"
    assert step.base_min == step.base_max == 0
