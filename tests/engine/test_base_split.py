"""Base and total pay split as public figures split them (issue 30): big tech's base near public base ranges
per level while its total stays at public totals."""

import pytest

from engine.calibration import TOLERANCE
from engine.profile import Profile
from engine.projection import project
from tests.builders import YEAR


def first_step(catalog, *args):
    return project(Profile(*args), catalog, YEAR).tracks[0].steps[0]


@pytest.mark.parametrize(
    ("level", "years", "public_min", "public_max", "total_min", "total_max"),
    [
        ("senior", 7, 190_000, 240_000, 420_000, 600_000),  # Google L5 / Meta E5 in the Bay Area
        ("lead-principal", 10, 230_000, 280_000, 450_000, 700_000),  # L6 / E6
    ],
)
def test_big_tech_base_is_near_public_base_ranges_and_total_near_public_totals(
    catalog, level, years, public_min, public_max, total_min, total_max
):
    step = first_step(catalog, level, years, "sf-bay-area", "technology-faang", "large", "masters")
    base_mid = (step.base_min + step.base_max) / 2
    assert abs(base_mid / ((public_min + public_max) / 2) - 1) <= TOLERANCE, (step.base_min, step.base_max)
    total_mid = (step.total_min + step.total_max) / 2
    assert abs(total_mid / ((total_min + total_max) / 2) - 1) <= TOLERANCE, (step.total_min, step.total_max)
    assert step.total_min > 1.8 * step.base_min  # most of big tech's premium is bonus and equity


def test_big_techs_base_premium_is_a_parameter_row_the_page_can_show(catalog):
    row = catalog.industry_exponent("US", "technology-faang")
    assert row.slug == "industry-premium-exponent-technology-faang" and row.source.is_assumption
    assert catalog.industry_exponent("US", "healthcare-pharma").slug == "industry-premium-exponent"
    assert catalog.industry_exponent("GB", "technology-faang").slug == "industry-premium-exponent-technology-faang"
    assert catalog.industry_exponent("GB", "healthcare-pharma").slug == "industry-premium-exponent-abroad"
    assert catalog.industry_exponent("IN", "technology-faang").slug == "industry-premium-exponent-in"
