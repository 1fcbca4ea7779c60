"""`manage.py restore` reads a file as a CareerPath backup before it touches anything.

A file that is empty, not SQLite, another application's SQLite database, a plain copy of the
database without the mark `manage.py backup` writes, a truncated or corrupt backup, or a backup
from newer code is refused in one sentence on stderr, with a non-zero exit and no traceback, and
the live database keeps every row. These files are SQLite files, so the live database here is a
SQLite file too, whatever DATABASE_URL names (test_backup.py restores on PostgreSQL).
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.servers import ROOT, empty_database, is_postgres, run_manage, site_database

CREATE_PERSON = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_user(username="ada@example.com", email="ada@example.com", password="x")
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A live SQLite database with a person in it, and a backup of it made by `manage.py backup`."""
    folder = tmp_path_factory.mktemp("restore-checks")
    live = folder / "live.sqlite3"
    url = f"sqlite:///{live}"
    run_manage(url, "migrate", "--noinput", "-v0")
    run_manage(url, "shell", "-c", CREATE_PERSON)
    output = run_manage(url, "backup", "--dir", str(folder / "backups"))
    backup = Path(output.rsplit(" to ", 1)[1].strip())
    return live, backup


@pytest.fixture
def live(made, tmp_path) -> Path:
    """A fresh copy of the live database for each test."""
    copy = tmp_path / "live.sqlite3"
    shutil.copyfile(made[0], copy)
    return copy


def sqlite_file(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path)) as database:
        for statement in statements:
            database.execute(statement)
        database.commit()
    return path


def empty_file(folder: Path, backup: Path) -> Path:
    (folder / "empty.sqlite3").touch()
    return folder / "empty.sqlite3"


def text_file(folder: Path, backup: Path) -> Path:
    (folder / "notes.sqlite3").write_text("Shopping: eggs, milk\n")
    return folder / "notes.sqlite3"


def empty_sqlite_database(folder: Path, backup: Path) -> Path:
    return sqlite_file(folder / "blank.sqlite3", "CREATE TABLE t (x)", "DROP TABLE t")


def foreign_sqlite_database(folder: Path, backup: Path) -> Path:
    return sqlite_file(folder / "other.sqlite3", "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hi')")


def copy_without_the_mark(folder: Path, backup: Path) -> Path:
    copy = shutil.copyfile(backup, folder / "copy.sqlite3")
    return sqlite_file(copy, "PRAGMA application_id = 0")


def truncated_backup(folder: Path, backup: Path) -> Path:
    data = backup.read_bytes()
    (folder / "truncated.sqlite3").write_bytes(data[: len(data) // 2])
    return folder / "truncated.sqlite3"


def corrupt_backup(folder: Path, backup: Path) -> Path:
    data = bytearray(backup.read_bytes())
    page = 4096
    for start in range(page, len(data), page * 3):  # garbage over every third page's first 512 bytes
        data[start : start + 512] = os.urandom(512)
    (folder / "corrupt.sqlite3").write_bytes(bytes(data))
    return folder / "corrupt.sqlite3"


def backup_from_newer_code(folder: Path, backup: Path) -> Path:
    newer = shutil.copyfile(backup, folder / "newer.sqlite3")
    return sqlite_file(
        newer, "INSERT INTO django_migrations (app, name, applied) VALUES ('careerpath', '9999_future', '2030-01-01')"
    )


def _tampered(folder: Path, backup: Path, name: str, *statements: str) -> Path:
    """A `make backup` file (mark and all) with something added to its schema."""
    return sqlite_file(shutil.copyfile(backup, folder / f"{name}.sqlite3"), *statements)


def backup_with_a_trigger(folder: Path, backup: Path) -> Path:
    # Issue 33, item 5: accepted before, and every person who signed up afterwards was a superuser.
    return _tampered(
        folder,
        backup,
        "trigger",
        "CREATE TRIGGER promote AFTER INSERT ON auth_user BEGIN "
        "UPDATE auth_user SET is_superuser = 1, is_staff = 1 WHERE id = NEW.id; END",
    )


def backup_with_a_view(folder: Path, backup: Path) -> Path:
    return _tampered(folder, backup, "view", "CREATE VIEW everyone AS SELECT email, password FROM auth_user")


def backup_with_an_extra_table(folder: Path, backup: Path) -> Path:
    return _tampered(folder, backup, "table", "CREATE TABLE stash (x TEXT)")


def backup_with_an_extra_index(folder: Path, backup: Path) -> Path:
    return _tampered(folder, backup, "index", "CREATE INDEX by_password ON auth_user (password)")


def backup_with_an_extra_column(folder: Path, backup: Path) -> Path:
    return _tampered(folder, backup, "column", "ALTER TABLE auth_user ADD COLUMN note TEXT")


def backup_without_an_index(folder: Path, backup: Path) -> Path:
    with closing(sqlite3.connect(backup)) as database:
        (index,) = database.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'careerpath_plan' "
            "AND sql IS NOT NULL LIMIT 1"
        ).fetchone()
    return _tampered(folder, backup, "no-index", f'DROP INDEX "{index}"')


REFUSED = {
    empty_file: "is neither a SQLite database nor a pg_dump archive",
    text_file: "is neither a SQLite database nor a pg_dump archive",
    empty_sqlite_database: "is not a CareerPath backup: it has no django_migrations",
    foreign_sqlite_database: "is not a CareerPath backup: it has no django_migrations",
    copy_without_the_mark: "was not made by `manage.py backup`",
    truncated_backup: "is damaged",
    corrupt_backup: "is damaged",
    backup_from_newer_code: "was made by a newer CareerPath (migration careerpath.9999_future",
    backup_with_a_trigger: "has a trigger “promote” that CareerPath's migrations do not make",
    backup_with_a_view: "has a view “everyone” that CareerPath's migrations do not make",
    backup_with_an_extra_table: "has a table “stash” that CareerPath's migrations do not make",
    backup_with_an_extra_index: "has an index “by_password” that CareerPath's migrations do not make",
    backup_with_an_extra_column: "has a table “auth_user” that differs from the one CareerPath's migrations make",
    backup_without_an_index: "lacks the index",
}


def restore(live: Path, file: Path, *, interactive: bool = False) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{live}", "DEBUG": "1"}
    command = [sys.executable, "manage.py", "restore", str(file), *([] if interactive else ["--noinput"])]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, input="yes\n")


def people(live: Path) -> list[str]:
    with closing(sqlite3.connect(live)) as database:
        return [row[0] for row in database.execute("SELECT email FROM auth_user")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("make_file", REFUSED, ids=[make.__name__ for make in REFUSED])
@pytest.mark.parametrize("interactive", [False, True], ids=["noinput", "asking"])
def test_restore_refuses_what_is_not_a_whole_careerpath_backup_and_leaves_the_database_alone(
    make_file, interactive, made, live, tmp_path
):
    file = make_file(tmp_path, made[1])
    before = digest(live)

    done = restore(live, file, interactive=interactive)

    said = done.stderr.strip()
    assert done.returncode != 0, done.stdout
    assert REFUSED[make_file] in said
    assert len(said.splitlines()) == 1 and "Traceback" not in said, said
    assert "This replaces everything" not in done.stdout and "Type 'yes'" not in done.stdout  # refused before asking
    assert digest(live) == before
    assert people(live) == ["ada@example.com"]


def test_a_backup_made_by_manage_py_backup_restores_and_the_database_carries_no_mark(made, tmp_path):
    target = tmp_path / "target.sqlite3"
    run_manage(f"sqlite:///{target}", "migrate", "--noinput", "-v0")

    done = restore(target, made[1])

    assert done.returncode == 0, done.stderr
    assert f"Restored {made[1]}" in done.stdout
    assert people(target) == ["ada@example.com"]
    with closing(sqlite3.connect(target)) as database:
        assert database.execute("PRAGMA application_id").fetchone()[0] == 0


# PostgreSQL (CI's second run): pg_dump archives are read with `pg_restore --list` first ------------

PG_TRIGGER = (
    "CREATE FUNCTION promote() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.is_superuser := true; "
    "RETURN NEW; END $$; CREATE TRIGGER promote BEFORE INSERT ON auth_user FOR EACH ROW EXECUTE FUNCTION promote();"
)
# A `pg_restore --list` of a backup, cut short, as it reads: header lines, then one entry a line.
PG_LISTING = """;
; Archive created at 2026-12-08 01:00:00 UTC
;     dbname: careerpath
;
4010; 0 0 ENCODING - ENCODING
4011; 0 0 STDSTRINGS - STDSTRINGS
4012; 0 0 SEARCHPATH - SEARCHPATH
215; 1259 16390 TABLE public auth_user careerpath
216; 1259 16389 SEQUENCE public auth_user_id_seq careerpath
3900; 0 16390 TABLE DATA public auth_user careerpath
3910; 0 0 SEQUENCE SET public auth_user_id_seq careerpath
3700; 2606 16394 CONSTRAINT public auth_user auth_user_pkey careerpath
3701; 1259 16400 INDEX public auth_user_username_6821ab7c_like careerpath
3702; 2606 16401 FK CONSTRAINT public careerpath_plan careerpath_plan_owner_id_fk careerpath
"""


@pytest.mark.parametrize(
    ("added", "said"),
    [
        ("", None),
        ("240; 1255 16500 FUNCTION public promote() careerpath", "holds “FUNCTION public promote()”"),
        ("3800; 2620 16501 TRIGGER public auth_user promote careerpath", "holds “TRIGGER public auth_user”"),
        ("241; 1259 16502 VIEW public everyone careerpath", "holds “VIEW public everyone”"),
        ("242; 1259 16503 TABLE public stash careerpath", "holds a table “stash”"),
        ("243; 1259 16504 TABLE evil auth_user careerpath", "in the schema “evil”"),
        ("244; 3079 16505 EXTENSION - plpython3u", "holds “EXTENSION - plpython3u”"),
        ("245; 2618 16506 RULE public auth_user everyone careerpath", "holds “RULE public auth_user”"),
    ],
)
def test_a_pg_dump_archive_whose_list_holds_what_the_migrations_do_not_make_is_refused(added, said):
    from django.core.management.base import CommandError

    from ops.management.commands._backup import migrated_tables, pg_check_listing

    listing = PG_LISTING + added + "\n"
    if said is None:
        pg_check_listing(Path("b.dump"), listing, migrated_tables())
        return
    with pytest.raises(CommandError) as refused:
        pg_check_listing(Path("b.dump"), listing, migrated_tables())
    assert said in str(refused.value)
    assert str(refused.value).endswith("so b.dump is refused.")


def test_restore_refuses_damaged_or_foreign_pg_dump_archives_and_leaves_the_database_alone(tmp_path):
    if not is_postgres(os.environ.get("DATABASE_URL", "")):
        pytest.skip("needs DATABASE_URL naming PostgreSQL (CI's second run)")
    with site_database(tmp_path, "live") as live_url, empty_database(tmp_path, "foreign") as foreign_url:
        run_manage(live_url, "shell", "-c", CREATE_PERSON)
        archive = Path(run_manage(live_url, "backup", "--dir", str(tmp_path)).rsplit(" to ", 1)[1].strip())
        data = archive.read_bytes()
        truncated = tmp_path / "truncated.dump"
        truncated.write_bytes(data[: len(data) * 9 // 10])
        garbage = tmp_path / "garbage.dump"
        garbage.write_bytes(b"PGDMP" + os.urandom(2000))
        foreign = Path(run_manage(foreign_url, "backup", "--dir", str(tmp_path / "f")).rsplit(" to ", 1)[1].strip())
        with empty_database(tmp_path, "tampered") as tampered_url:  # a backup whose database ran a trigger
            run_manage(tampered_url, "migrate", "--noinput", "-v0")
            run_manage(tampered_url, "dbshell", "--", "-c", PG_TRIGGER)
            tampered = tmp_path / "t"
            tampered = Path(run_manage(tampered_url, "backup", "--dir", str(tampered)).rsplit(" to ", 1)[1].strip())

        for file, reason in (
            (truncated, "is damaged"),
            (garbage, "is damaged"),
            (foreign, "is not a CareerPath backup"),
            (tampered, "which CareerPath's migrations do not make"),
        ):
            environment = {**os.environ, "DATABASE_URL": live_url, "DEBUG": "1"}
            done = subprocess.run(
                [sys.executable, "manage.py", "restore", "--noinput", str(file)],
                cwd=ROOT,
                env=environment,
                capture_output=True,
                text=True,
                timeout=60,
            )
            said = done.stderr.strip()
            assert done.returncode != 0 and reason in said, said
            assert len(said.splitlines()) == 1 and "Traceback" not in said, said
        emails = run_manage(
            live_url, "shell", "-c", "from django.contrib.auth.models import User; print(User.objects.count())"
        )
        assert emails.split()[-1] == "1"
