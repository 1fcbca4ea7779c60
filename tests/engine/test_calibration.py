"""The engine's figures for public personas stay within ±25 % of the public midpoint (issue 21)."""

import pytest

from engine.calibration import PERSONAS, TOLERANCE, calibrate
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
