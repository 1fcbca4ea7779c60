"""What `manage.py backup` and `manage.py restore` share: which database, and how each engine copies it.

SQLite goes through its online backup API (a consistent copy while the app keeps writing);
PostgreSQL through pg_dump's custom format and pg_restore.

Backups hold personal data (emails, password hashes, pay): files are created 0600 in a 0700 folder.
A SQLite backup carries a mark in its header (`PRAGMA application_id`, set on the copy only), and
restore reads a file as a CareerPath backup only with that mark, CareerPath's tables, no migration
this code lacks, and a clean integrity check, all before anything is touched.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# "CPbk" in SQLite's header field for the application that owns the file (PRAGMA application_id).
BACKUP_MARK = int.from_bytes(b"CPbk", "big")
# Tables without which a file is not CareerPath's: accounts, plans, salary data, its versions.
REQUIRED_TABLES = (
    "django_migrations",
    "auth_user",
    "account_emailaddress",
    "careerpath_plan",
    "compensation_salaryband",
    "dataversions_dataversion",
)


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


def private_folder(folder: Path) -> None:
    """Make `folder` (0700) if missing; an existing one is made 0700 too when it is ours and others can enter it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077 and folder.stat().st_uid == os.getuid():
        folder.chmod(0o700)


def private_file(path: Path) -> None:
    """Create `path` empty and 0600 (never an existing file), so what is written into it stays private."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def sqlite_copy(source: str | Path, target: str | Path) -> None:
    """Copy one SQLite database into another, page by page, while others may be writing to the source."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def sqlite_mark(path: Path) -> None:
    """Mark a fresh copy as a CareerPath backup, in one self-contained file (no -wal beside it)."""
    with closing(sqlite3.connect(path)) as copy:
        copy.execute(f"PRAGMA application_id = {BACKUP_MARK}")
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.commit()


def sqlite_unmark(path: str | Path) -> None:
    """The live database is not a backup: clear the mark the restore copied into it."""
    with closing(sqlite3.connect(path)) as live:
        live.execute("PRAGMA application_id = 0")
        live.commit()


def sqlite_check(path: Path) -> None:
    with closing(sqlite3.connect(path)) as check:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise CommandError(f"{path} is damaged (SQLite integrity check: {result}).")


def _sqlite_read(path: Path) -> tuple[str, int, set[str], set[tuple[str, str]]]:
    """(integrity check result, application id, table names, applied migrations) of a SQLite file, read only."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"  # reads the file as it is, creates nothing beside it
    with closing(sqlite3.connect(uri, uri=True)) as backup:
        integrity = backup.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return integrity, 0, set(), set()
        mark = backup.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied = set()
        if "django_migrations" in tables:
            applied = set(backup.execute("SELECT app, name FROM django_migrations"))
    return integrity, mark, tables, applied


def sqlite_inspect(path: Path) -> set[tuple[str, str]]:
    """Refuse, in one sentence, a file that is not a whole CareerPath backup; its applied migrations if it is."""
    try:
        integrity, mark, tables, applied = _sqlite_read(path)
    except sqlite3.DatabaseError as error:
        raise CommandError(f"{path} is damaged or not a SQLite database (SQLite says: {error}).") from None
    if integrity != "ok":
        first = integrity.splitlines()[0]
        raise CommandError(f"{path} is damaged (SQLite's integrity check says: {first}).")
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise CommandError(f"{path} is not a CareerPath backup: it has no {', '.join(missing)} table.")
    if mark != BACKUP_MARK:
        raise CommandError(f"{path} has CareerPath's tables but was not made by `manage.py backup` (`make backup`).")
    check_migrations(path, applied)
    sqlite_check_schema(path, applied)
    return applied


def _sqlite_schema(connection: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) → its SQL, whitespace folded, for every table, index, trigger and view but SQLite's own."""
    rows = connection.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    return {(kind, name): " ".join((sql or "").split()) for kind, name, sql in rows}


_MIGRATE_TO = """
import json, os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
targets = [tuple(target) for target in json.loads(os.environ["CAREERPATH_MIGRATE_TO"])]
MigrationExecutor(connection).migrate(targets)
"""


def _migrated_schema(applied: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The schema this code's migrations make when they are applied as far as `applied` goes, in a new
    SQLite database of its own (a process of its own, as data migrations use the default database; a few
    seconds): what a backup of that state holds, exactly."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    targets = []
    for app in sorted({app for app, _ in loader.disk_migrations}):
        reached = [key for key in applied if key[0] == app and key in loader.graph.nodes]
        targets.append(max(reached, key=lambda key: key[1]) if reached else (app, None))
    with tempfile.TemporaryDirectory() as folder:
        reference = Path(folder) / "reference.sqlite3"
        environment = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{reference}",
            "CAREERPATH_MIGRATE_TO": json.dumps(targets),
        }
        done = subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, "-c", _MIGRATE_TO],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            said = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
            raise CommandError(f"The migrations could not be run to check the backup against them ({said}).")
        with closing(sqlite3.connect(reference)) as database:
            return _sqlite_schema(database)


def sqlite_check_schema(path: Path, applied: set[tuple[str, str]]) -> None:
    """Refuse a backup whose tables, indexes, triggers or views are not exactly what the migrations make
    (a trigger added to a backup ran on every restored database: `AFTER INSERT ON auth_user` made every new
    person a superuser)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as backup:
        found = _sqlite_schema(backup)
    expected = _migrated_schema(applied)
    if found == expected:
        return
    extra = sorted(set(found) - set(expected))
    missing = sorted(set(expected) - set(found))
    changed = sorted(key for key in set(found) & set(expected) if found[key] != expected[key])

    def a(kind: str) -> str:
        return f"an {kind}" if kind == "index" else f"a {kind}"

    if extra:
        what = f"has {a(extra[0][0])} “{extra[0][1][:60]}” that CareerPath's migrations do not make"
    elif missing:
        what = f"lacks the {missing[0][0]} “{missing[0][1]}” that CareerPath's migrations make"
    else:
        what = f"has {a(changed[0][0])} “{changed[0][1]}” that differs from the one CareerPath's migrations make"
    raise CommandError(f"{path} {what}, so it is refused and nothing was restored.")


def check_migrations(path: Path, applied: set[tuple[str, str]]) -> None:
    """Refuse a backup made by a newer CareerPath: it holds tables this code does not know how to read."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    apps = {app for app, _ in known}
    unknown = sorted(f"{app}.{name}" for app, name in applied if app in apps and (app, name) not in known)
    if unknown:
        raise CommandError(
            f"{path} was made by a newer CareerPath (migration {unknown[0]} is unknown here): update the code first."
        )
    if not any(app == "careerpath" for app, _ in applied):
        raise CommandError(f"{path} is not a CareerPath backup: its migrations never set up the plans app.")


def pending_migrations(applied: set[tuple[str, str]]) -> int:
    """How many of this code's migrations a restored backup lacks (`manage.py migrate` applies them)."""
    return len(set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations) - applied)


def pg_inspect(path: Path) -> None:
    """Refuse a pg_dump archive pg_restore cannot read to its end, or that holds none of CareerPath's tables.

    Reading it whole into /dev/null finds a truncated or damaged archive without touching the database.
    """
    _pg_read(path, "--file", os.devnull)
    listing = _pg_read(path, "--list")  # lines such as "215; 1259 16390 TABLE public auth_user owner"
    tables = set(re.findall(r" TABLE \S+ (\S+)", listing))
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise CommandError(f"{path} is not a CareerPath backup: it has no {', '.join(missing)} table.")
    pg_check_listing(path, listing, migrated_tables())


# What the migrations make on PostgreSQL, by the kind pg_restore --list names it: tables with their data,
# sequences, defaults, constraints and indexes, in the public schema. A trigger, function, view, rule,
# policy, extension or anything else is not CareerPath's and could run code in the restored database.
PG_ALLOWED = ("TABLE", "TABLE DATA", "SEQUENCE", "SEQUENCE OWNED BY", "SEQUENCE SET", "DEFAULT", "CONSTRAINT")
PG_ALLOWED += ("FK CONSTRAINT", "INDEX")
PG_SETTINGS = ("ENCODING", "STDSTRINGS", "SEARCHPATH")  # the archive's own header entries
PG_ENTRY = re.compile(r"\d+; \d+ \d+ (?P<rest>.+)")


def migrated_tables() -> set[str]:
    """Every table this code's migrations can make: the models' tables, Django's own, the cache table."""
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return tables | {"django_migrations", "careerpath_cache"}  # the cache table: accounts/migrations/0002


def pg_check_listing(path: Path, listing: str, known_tables: set[str]) -> None:
    """Refuse, in one sentence, an archive whose list holds anything the migrations do not make."""
    kinds = sorted({*PG_ALLOWED, *PG_SETTINGS}, key=len, reverse=True)
    refused = f"which CareerPath's migrations do not make, so {path} is refused"
    for line in listing.splitlines():
        entry = PG_ENTRY.fullmatch(line.strip())
        if entry is None:
            continue  # pg_restore's comments (";") and blank lines
        rest = entry["rest"]
        kind = next((k for k in kinds if rest.startswith(k + " ") or rest == k), None)
        if kind in PG_SETTINGS or rest.split()[:3] in (["SCHEMA", "-", "public"], ["COMMENT", "-", "SCHEMA"]):
            continue
        if kind is None:
            raise CommandError(f"The backup holds “{' '.join(rest.split()[:3])[:80]}”, {refused}.")
        schema, name = [*rest[len(kind) :].split(), "", ""][:2]
        if schema != "public":
            raise CommandError(f"The backup holds a {kind.lower()} in the schema “{schema[:40]}”, {refused}.")
        if kind in ("TABLE", "TABLE DATA") and name not in known_tables:
            raise CommandError(f"The backup holds a table “{name[:60]}”, {refused}.")


def _pg_read(path: Path, *arguments: str) -> str:
    program = "pg_restore"  # from PATH, as pg_run finds it
    try:
        done = subprocess.run([program, *arguments, str(path)], capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise CommandError("pg_restore is needed for PostgreSQL backups: apt-get install postgresql-client") from None
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["no reason given"])[0]
        raise CommandError(f"{path} is damaged: pg_restore cannot read it ({said}).")
    return done.stdout


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
        said = (done.stderr.strip().splitlines() or ["no reason given"])[0]
        raise CommandError(f"{program} failed ({said}).")


def file_kind(path: Path) -> str:
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise CommandError(f"{path} is neither a SQLite database nor a pg_dump archive made by `manage.py backup`.")
