"""What `manage.py backup` and `manage.py restore` share: which database, and how each engine copies it.

SQLite goes through its online backup API (a consistent copy while the app keeps writing);
PostgreSQL through pg_dump's custom format and pg_restore.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


def engine_of(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise CommandError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def describe(alias: str = "default") -> str:
    """The database in words, for messages: a file path, or name@host:port."""
    settings_dict = connections[alias].settings_dict
    if connections[alias].vendor == "sqlite":
        return f"the SQLite database {settings_dict['NAME']}"
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"the PostgreSQL database {settings_dict['NAME']} on {host}:{port}"


def sqlite_copy(source: str | Path, target: str | Path) -> None:
    """Copy one SQLite database into another, page by page, while others may be writing to the source."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def sqlite_check(path: Path) -> None:
    with closing(sqlite3.connect(path)) as check:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise CommandError(f"{path} is damaged (SQLite integrity check: {result}).")


def _pg_arguments(alias: str) -> tuple[list[str], dict[str, str]]:
    settings_dict = connections[alias].settings_dict
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", settings_dict["USER"]]
    environment = {**os.environ}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]  # never on the command line (ps shows it)
    return arguments, environment


def pg_run(program: str, arguments: list[str], alias: str) -> None:
    connection_arguments, environment = _pg_arguments(alias)
    name = connections[alias].settings_dict["NAME"]
    command = [program, *connection_arguments, "--no-password", *arguments, "--dbname", name]
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603 (our settings)
    except FileNotFoundError:
        raise CommandError(f"{program} is needed for PostgreSQL backups: apt-get install postgresql-client") from None
    if done.returncode != 0:
        raise CommandError(f"{program} failed:\n{done.stderr.strip()}")


def file_kind(path: Path) -> str:
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise CommandError(f"{path} is neither a SQLite database nor a pg_dump archive made by `manage.py backup`.")
