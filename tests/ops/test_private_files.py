"""Backups and the SQLite database hold emails, password hashes and pay: only their owner can read them.

Commands run in processes of their own under a permissive umask (022, the usual default), as a
person running `manage.py` by hand would; `make run` and `make serve` add `umask 077` on top.
"""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import ROOT, WebClient, gunicorn_servers, run_manage

PERMISSIVE = 0o022


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def manage(database_url: str, *args: str) -> str:
    """manage.py in its own process under umask 022; its output."""
    environment = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        umask=PERMISSIVE,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def permissive_umask():
    """This process (and the servers it starts) under umask 022."""
    before = os.umask(PERMISSIVE)
    yield
    os.umask(before)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A new SQLite database with CareerPath's tables (made under umask 022)."""
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    manage(url, "migrate", "--noinput", "-v0")
    return url


def test_a_new_sqlite_database_is_readable_by_its_owner_only(sqlite_url, tmp_path):
    assert mode(tmp_path / "live.sqlite3") == 0o600


def test_wal_and_shared_memory_files_of_a_served_database_are_readable_by_their_owner_only(
    sqlite_url, tmp_path, permissive_umask
):
    database = tmp_path / "live.sqlite3"
    run_manage(sqlite_url, "loaddata", "compensation", "-v0")
    with gunicorn_servers(1, tmp_path, DATABASE_URL=sqlite_url) as (base,):
        assert WebClient(base).get("/methodology/").status == 200  # the process holds its connection open
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        assert wal.exists() and shm.exists()
        assert (mode(database), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)


def test_a_database_left_readable_by_others_is_made_private_at_the_next_connection(sqlite_url, tmp_path):
    database = tmp_path / "live.sqlite3"
    database.chmod(0o644)

    manage(sqlite_url, "shell", "-c", "from django.db import connection; connection.ensure_connection()")

    assert mode(database) == 0o600


def test_backup_is_private_in_a_private_folder_and_says_where_it_is_and_what_it_holds(sqlite_url, tmp_path):
    folder = tmp_path / "backups"

    output = manage(sqlite_url, "backup", "--dir", str(folder))

    [backup] = folder.iterdir()
    assert mode(folder) == 0o700
    assert mode(backup) == 0o600
    assert str(backup.resolve()) in output
    assert "personal data" in output
    assert not list(folder.glob("*-wal")) and not list(folder.glob("*.partial"))


def test_backup_into_an_existing_folder_others_can_open_makes_it_private(sqlite_url, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)

    manage(sqlite_url, "backup", "--dir", str(folder))

    assert mode(folder) == 0o700
    assert all(mode(file) == 0o600 for file in folder.iterdir())


def test_restore_into_a_missing_sqlite_file_creates_it_private(sqlite_url, tmp_path):
    manage(sqlite_url, "backup", "--dir", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()
    restored = tmp_path / "restored.sqlite3"

    manage(f"sqlite:///{restored}", "restore", "--noinput", str(backup))

    assert mode(restored) == 0o600
