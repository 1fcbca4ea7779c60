"""Replace the database's contents with a backup made by `manage.py backup`."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ._backup import describe, engine_of, file_kind, pg_run, sqlite_check, sqlite_copy


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`: every table of the database is replaced."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup: a .sqlite3 file or a .dump (pg_dump) archive.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        source = Path(options["file"])
        if not source.is_file():
            raise CommandError(f"No backup at {source}.")
        engine = engine_of()
        kind = file_kind(source)
        if kind != engine:
            raise CommandError(f"{source} is a {kind} backup; the database is {engine}. Set DATABASE_URL to match.")
        warning = f"This replaces everything in {describe()} with {source}."
        if options["interactive"]:
            answer = input(f"{warning}\nType 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("Nothing was restored.")
        else:
            self.stdout.write(warning)
        if engine == "sqlite":
            sqlite_check(source)
            sqlite_copy(source, settings.DATABASES["default"]["NAME"])
        else:
            # One transaction: a failed restore leaves the database as it was.
            pg_run(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", str(source)],
                "default",
            )
        self.stdout.write(f"Restored {source} into {describe()}.")
        return None
