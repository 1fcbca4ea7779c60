"""Back up the database to backups/ (or --dir) under a timestamped name, while the app keeps running."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ._backup import describe, engine_of, pg_run, private_file, private_folder, sqlite_check, sqlite_copy, sqlite_mark

SUFFIX = {"sqlite": "sqlite3", "postgresql": "dump"}


class Command(BaseCommand):
    help = "Back up the database: SQLite by its online backup API, PostgreSQL by pg_dump. Prints the file made."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.BASE_DIR / "backups"), help="Folder for the backup.")

    def handle(self, *args, **options):
        engine = engine_of()
        if engine == "sqlite" and not Path(settings.DATABASES["default"]["NAME"]).is_file():
            raise CommandError(f"No database to back up at {settings.DATABASES['default']['NAME']}.")
        folder = Path(options["dir"])
        private_folder(folder)
        target = folder / f"careerpath-{timezone.now():%Y%m%d-%H%M%S}.{SUFFIX[engine]}"
        partial = target.with_name(target.name + ".partial")  # never leave a half-written file under the real name
        try:
            private_file(partial)  # 0600 before a byte is written; SQLite and pg_dump write into it as it is
        except FileExistsError:
            raise CommandError(f"Another backup is being written to {partial}: try again in a second.") from None
        try:
            if engine == "sqlite":
                sqlite_copy(settings.DATABASES["default"]["NAME"], partial)
                sqlite_mark(partial)
                sqlite_check(partial)
            else:
                dump = ["--format=custom", "--no-owner", "--no-privileges", "--file", str(partial)]
                pg_run("pg_dump", dump, "default")
            partial.rename(target)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(
            "The backup holds personal data (email addresses, password hashes, pay): only this user can read it"
            " (file 0600, folder 0700); keep every copy as private."
        )
        self.stdout.write(f"Backed up {describe()} to {target.resolve()}")
        return None
