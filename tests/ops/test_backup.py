"""`manage.py backup` while the app serves and writes, then `manage.py restore` into an empty database:
every row is back (SQLite, or PostgreSQL when DATABASE_URL names it).

A gunicorn process serves a database of its own with users, plans and share links; one person keeps
saving new plans through it during the backup. The restored copy holds every row that existed
before the backup began, unchanged; and once the writes stop, a second backup restores to a copy
identical to the live database, table by table, row by row.
"""

import json
import os
import subprocess
import sys
import threading

import pytest

from tests.factories import PASSWORD, PLAN_POST
from tests.servers import ROOT, WebClient, empty_database, gunicorn_servers, is_postgres, run_manage, site_database

PEOPLE = ["ada@example.com", "grace@example.com"]
CREATE_PEOPLE = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
for email in EMAILS:
    user = get_user_model().objects.create_user(username=email, email=email, password="PASSWORD")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""
# Every table's rows, in primary-key order, as JSON: what "every row is back" is checked against.
DUMP_TABLES = """
import json
from django.db import connection
tables = {}
with connection.cursor() as cursor:
    for table in sorted(connection.introspection.table_names()):
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
        tables[table] = [[str(value) for value in row] for row in cursor.fetchall()]
print(json.dumps(tables))
"""
SESSION_TABLE = "django_session"  # rewritten by every request, so compared only when quiet


def every_row(database_url: str) -> dict[str, list[list[str]]]:
    return json.loads(run_manage(database_url, "shell", "-v0", "-c", DUMP_TABLES))


def backup(database_url: str, folder) -> str:
    output = run_manage(database_url, "backup", "--dir", str(folder))
    return output.rsplit(" to ", 1)[1].strip()


def restore(database_url: str, file: str) -> str:
    return run_manage(database_url, "restore", "--noinput", file)


def new_plan(client: WebClient, title: str) -> str:
    page = client.submit("/plans/new/", {**PLAN_POST, "title": title}, form_action="/plans/new/")
    assert page.status == 302, page.text[:300]
    return page.location


@pytest.fixture
def served_site(tmp_path):
    """A database with people, plans and share links, served by gunicorn; (database URL, logged-in clients)."""
    with site_database(tmp_path) as database_url:
        script = CREATE_PEOPLE.replace("EMAILS", repr(PEOPLE)).replace("PASSWORD", PASSWORD)
        run_manage(database_url, "shell", "-c", script)
        with gunicorn_servers(1, tmp_path, DATABASE_URL=database_url) as (base,):
            clients = []
            for email in PEOPLE:
                client = WebClient(base)
                assert client.log_in(email).status == 302
                for number in range(3):
                    plan = new_plan(client, f"{email} plan {number}")
                    shared = client.submit(f"{plan}share/", form_action=f"{plan}share/")
                    assert shared.status == 302
                clients.append(client)
            yield database_url, clients


def test_backup_while_serving_restores_every_row_into_an_empty_database(served_site, tmp_path):
    database_url, (writer, _) = served_site
    before = every_row(database_url)
    assert len(before["careerpath_plan"]) == 6 and len(before["careerpath_sharelink"]) == 6

    stop, written = threading.Event(), []

    def keep_writing():
        while not stop.is_set():
            written.append(new_plan(writer, f"written during the backup {len(written)}"))

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 2:  # the writer is under way before the backup starts
            stop.wait(0.05)
        during = backup(database_url, tmp_path / "backups")
        while len(written) < 4:
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(timeout=30)

    with empty_database(tmp_path, "restored") as restored_url:
        message = restore(restored_url, during)
        assert "This replaces everything in" in message
        restored = every_row(restored_url)
    for table, rows in before.items():
        if table != SESSION_TABLE:
            missing = [row for row in rows if row not in restored[table]]
            assert not missing, f"{table}: {len(missing)} rows missing after the restore"
    assert len(restored["careerpath_plan"]) >= 6 + 2

    after = every_row(database_url)
    quiet = backup(database_url, tmp_path / "backups")
    with empty_database(tmp_path, "restored_quiet") as restored_url:
        restore(restored_url, quiet)
        assert every_row(restored_url) == after


def manage_fails(database_url: str, *args: str) -> str:
    """Run manage.py expecting it to refuse; what it said."""
    environment = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0, done.stdout
    return done.stderr


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path):
    if is_postgres(os.environ.get("DATABASE_URL", "")):
        other = tmp_path / "other.sqlite3"
        other.write_bytes(b"SQLite format 3\x00")
    else:
        other = tmp_path / "other.dump"
        other.write_bytes(b"PGDMP")
    with empty_database(tmp_path, "target") as url:
        said = manage_fails(url, "restore", "--noinput", str(other))
    assert "backup; the database is" in said


def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")
    with empty_database(tmp_path, "target") as url:
        said = manage_fails(url, "restore", "--noinput", str(junk))
    assert "is neither a SQLite database nor a pg_dump archive" in said


def test_restore_without_a_file_says_how_to_use_it(tmp_path):
    with empty_database(tmp_path, "target") as url:
        said = manage_fails(url, "restore")
    assert "the following arguments are required: file" in said


def test_backup_of_a_missing_sqlite_file_says_so_and_creates_nothing(tmp_path):
    missing = tmp_path / "missing.sqlite3"

    said = manage_fails(f"sqlite:///{missing}", "backup", "--dir", str(tmp_path / "backups"))

    assert f"No database to back up at {missing}." in said
    assert not missing.exists()
