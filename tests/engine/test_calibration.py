"""The engine's figures for public personas stay within ±25 % of the public midpoint (issue 21)."""

import pytest

from engine.calibration import PERSONAS, TOLERANCE, calibrate, survey_checks
from tests.builders import YEAR


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.profile.location + "-" + p.profile.current_level)
def test_each_persona_is_within_a_quarter_of_the_public_midpoint(catalog, persona):
    [row] = calibrate(catalog, YEAR, (persona,))
    assert abs(row.off) <= TOLERANCE, (persona.name, row.app_min, row.app_max, persona.public_mid)


def test_the_four_personas_of_issue_21_are_calibrated():
    assert {(p.profile.location, p.profile.current_level) for p in PERSONAS} >= {
        ("sf-bay-area", "entry"),
        ("sf-bay-area", "senior"),
        ("seattle", "research-scientist"),
        ("london", "lead-principal"),
    }


# The public survey (issue 30): every cell with enough answers, not four personas ---------------------------


def test_every_survey_cell_used_is_within_a_quarter_of_its_median_or_a_named_gap(catalog):
    rows = survey_checks(catalog, YEAR)
    assert len(rows) >= 10  # the US, Canada and the UK by level and track
    missed = [(r.evidence.role, r.evidence.country, f"{r.off:+.0%}") for r in rows if not r.within and not r.known_gap]
    assert missed == []
    gaps = [r for r in rows if not r.within]
    assert len(gaps) * 5 <= len(rows), "at most one cell in five may be a named gap"


def test_a_thin_cell_is_shown_as_thin_and_not_used(catalog):
    thin = [cell for cell in catalog.survey.values() if cell.n < catalog.param("survey-min-count").value]
    assert thin and all(cell.confidence == "thin" for cell in thin)
    assert all(catalog.evidence_for(cell.role, cell.country) is None for cell in thin)
    strong = catalog.evidence_for("senior", "US")
    assert strong.confidence == "strong" and strong.n >= 100


def test_the_survey_checks_the_base_band_at_the_countrys_level(catalog):
    row = next(r for r in survey_checks(catalog, YEAR) if (r.evidence.role, r.evidence.country) == ("senior", "US"))
    band = catalog.role_bands["senior"]
    assert (row.band_min, row.band_max) == (band.min, band.max)  # the US average: the band itself
    assert row.location_name == catalog.locations["us-average"].name
