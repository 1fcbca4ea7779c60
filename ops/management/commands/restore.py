"""Replace the database's contents with a backup made by `manage.py backup`."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ._backup import (
    describe,
    engine_of,
    file_kind,
    pending_migrations,
    pg_inspect,
    pg_run,
    private_file,
    sqlite_copy,
    sqlite_inspect,
    sqlite_unmark,
)


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
        # Every check comes before the question, and before anything is written.
        applied = sqlite_inspect(source) if engine == "sqlite" else None
        if engine == "postgresql":
            pg_inspect(source)
        warning = f"This replaces everything in {describe()} with {source}."
        if options["interactive"]:
            answer = input(f"{warning}\nType 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("Nothing was restored.")
        else:
            self.stdout.write(warning)
        if engine == "sqlite":
            live = Path(settings.DATABASES["default"]["NAME"])
            if not live.exists():
                private_file(live)
            sqlite_copy(source, live)
            sqlite_unmark(live)
        else:
            # One transaction: a failed restore leaves the database as it was.
            pg_run(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", str(source)],
                "default",
            )
        self.stdout.write(f"Restored {source} into {describe()}.")
        if applied is not None and (pending := pending_migrations(applied)):
            self.stdout.write(f"The backup is {pending} migrations behind this code: run `manage.py migrate`.")
        return None
