"""Write docs/calibration.md: each persona, the app's figure, the public figure with its source, and how far off."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from careerpath.clock import this_year
from compensation.catalog import get_catalog
from compensation.money import format_money, money_range
from engine.calibration import TOLERANCE, calibrate, survey_checks
from engine.catalog import Catalog


def calibration_table(start_year: int) -> str:
    catalog = get_catalog()
    rows = calibrate(catalog, start_year)
    lines = [
        "# Calibration",
        "",
        "Personas run through the engine with the salary data as it is now (data version "
        f"{catalog.data_version}, {start_year}), beside public figures for the same person. The app's figure is the "
        "current step's total pay (base with bonus and equity); “off” compares the midpoints. Tests keep each "
        f"within ±{TOLERANCE:.0%}. Written by `manage.py calibrate`; do not edit by hand.",
        "",
        "| Persona | App (total pay) | Public figure | Source | Off |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        persona = row.persona
        public = (
            money_range(persona.public_min, persona.public_max, row.currency)
            if persona.public_min != persona.public_max
            else f"about {format_money(persona.public_min, row.currency)}"
        )
        lines.append(
            f"| {persona.name} | {money_range(row.app_min, row.app_max, row.currency)} | {public} | "
            f"{persona.source} | {row.off:+.0%} |"
        )
    lines += [
        "",
        "Assumption rows tuned to meet these (never the article's figures): big tech's industry band is compared "
        "with the US average as total pay (so its premium is its total pay's); the research-scientist bands and "
        "bonus-and-equity shares; the damping of industry premiums outside the US "
        "(`industry-premium-exponent-abroad`). See the methodology page for every row and its rationale.",
        "",
        *survey_table(catalog, start_year),
    ]
    return "\n".join(lines)


def survey_table(catalog: Catalog, start_year: int) -> list[str]:
    """Every survey cell with enough answers beside the base band at its country's level."""
    rows = survey_checks(catalog, start_year)
    within = sum(1 for r in rows if r.within)
    gaps = [r for r in rows if not r.within]
    source = rows[0].evidence.source if rows else "the survey"
    least = catalog.param("survey-min-count").value
    lines = [
        "## Against the public survey",
        "",
        f"Every cell of the {source} with at least {least:.0f} answers, beside the base band the model gives the "
        "same role at the location that stands for the country (the US average for the US), at a large company "
        "in no particular industry: the survey is salary only, by country, with no industry. “Off” compares "
        f"the band's midpoint with the survey's median; tests keep each within ±{TOLERANCE:.0%} or name it as a "
        "known gap with its reason (at most one cell in five).",
        "",
        f"**{len(rows)} cells; {within} within ±{TOLERANCE:.0%}; {len(gaps)} named gaps.**",
        "",
        "| Role | Country (band of) | Answers | Survey median | Middle half | Model's base band | Off | Known gap |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cell = row.evidence
        lines.append(
            f"| {row.role_name} | {cell.country} ({row.location_name}) | {cell.n:,} ({cell.confidence}) | "
            f"{format_money(cell.p50, cell.currency)} | {money_range(cell.p25, cell.p75, cell.currency)} | "
            f"{money_range(row.band_min, row.band_max, cell.currency)} | {row.off:+.0%} | "
            f"{row.known_gap if not row.within else ''} |"
        )
    lines += [
        "",
        "Bands corrected by the survey are data rows whose note names it (the Toronto/Vancouver band, the entry "
        "band, the director band); the article's figures and sentences stay beside them on the methodology page.",
        "",
    ]
    return lines


class Command(BaseCommand):
    help = "Write docs/calibration.md: personas through the engine beside public pay figures."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "docs" / "calibration.md"))

    def handle(self, *args, output, **options):
        Path(output).write_text(calibration_table(this_year()), encoding="utf-8")
        self.stdout.write(f"Wrote {output}")
