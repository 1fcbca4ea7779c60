"""Write docs/calibration.md: each persona, the app's figure, the public figure with its source, and how far off."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from careerpath.clock import this_year
from compensation.catalog import get_catalog
from compensation.money import format_money, money_range
from engine.calibration import TOLERANCE, calibrate


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
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Write docs/calibration.md: personas through the engine beside public pay figures."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "docs" / "calibration.md"))

    def handle(self, *args, output, **options):
        Path(output).write_text(calibration_table(this_year()), encoding="utf-8")
        self.stdout.write(f"Wrote {output}")
