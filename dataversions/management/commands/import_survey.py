"""`manage.py import_survey [FILE]`: aggregate the aijobs.net salary survey into cells and publish them.

Without a file it reads the snapshot shipped in fixtures/surveys/. Any CSV in the survey's format works,
gzip-compressed or not; the cells follow the title, level and country mappings in the data.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from compensation import aijobs
from dataversions.surveys import publish_survey


class Command(BaseCommand):
    help = "Aggregate the aijobs.net salary survey (CSV, or .csv.gz) into role × country cells, as one data version."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(aijobs.SNAPSHOT))
        parser.add_argument("--years", help="Work years to count, e.g. 2024 or 2023,2024 (default: the busiest).")
        parser.add_argument("--source", default=aijobs.SOURCE, help="The source's name, as figures show it.")
        parser.add_argument("--note", default="", help="The data version's note.")

    def handle(self, *args, file, years, source, note, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        try:
            wanted = {int(y) for y in years.split(",")} if years else None
        except ValueError as error:
            raise CommandError("--years is a list of years, e.g. 2023,2024.") from error
        try:
            result, version = publish_survey(
                path.read_bytes(), note=note or f"Survey imported: {source}", source=source, years=wanted
            )
        except aijobs.SurveyFileError as error:
            raise CommandError(str(error)) from error
        for error in result.errors:
            self.stderr.write(error)
        self.stdout.write(
            f"{result.answers} answers read ({result.skipped} lines skipped), work years {result.years}: "
            f"{result.added} cells added, {result.changed} changed, {result.removed} removed, "
            f"{result.unchanged} unchanged."
        )
        self.stdout.write(f"Published version {version.number}." if version else "Nothing changed: no new version.")
