"""`manage.py calibrate` writes the calibration table: persona, app figure, public figure, source, % off."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_calibrate_writes_the_table_with_every_persona(tmp_path):
    output = tmp_path / "calibration.md"
    call_command("calibrate", output=str(output), stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = output.read_text(encoding="utf-8")
    assert "| Persona | App (total pay) | Public figure | Source | Off |" in text
    assert "London, big tech" in text and "£240,000 – £300,000" in text
    assert text.count("levels.fyi") >= 4


def test_calibrate_writes_every_survey_cell_with_its_median_and_band(tmp_path):
    output = tmp_path / "calibration.md"
    call_command("calibrate", output=str(output), stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = output.read_text(encoding="utf-8")
    assert "## Against the public survey" in text
    assert "| Senior ML Engineer | US (United States (average)) |" in text
    assert "named gaps." in text
