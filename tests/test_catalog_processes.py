"""A data change made in one process shows in every other process at its next request.

Two gunicorn servers on loopback share one database: a temporary SQLite file (migrate + loaddata),
or a throwaway PostgreSQL database when DATABASE_URL names PostgreSQL. Each has cached the
catalog; a salary band changed by a third process (the ORM, as the admin does it, so the signal
bumps the catalog version) must show on both servers' next page, with no restart.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAND = "role-mid"
START_TIMEOUT = 20


def run_manage(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def database_url(tmp_path) -> Iterator[str]:
    """A database of its own, with the migrations and the salary data, shared by every process."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urllib.parse.urlsplit(configured)
        name = f"careerpath_processes_{secrets.token_hex(4)}"
        admin_url = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            url = parts._replace(path=f"/{name}").geturl()
            run_manage(url, "migrate", "--noinput", "-v0")
            run_manage(url, "loaddata", "compensation", "-v0")
            yield url
        finally:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        run_manage(url, "migrate", "--noinput", "-v0")
        run_manage(url, "loaddata", "compensation", "-v0")
        yield url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy


def get(base: str, path: str) -> str:
    with DIRECT.open(base + path, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def servers(database_url, tmp_path) -> Iterator[list[str]]:
    """Two gunicorn processes (one worker each) on loopback, against the same database."""
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1", "LOG_LEVEL": "WARNING"}
    env.pop("REDIS_URL", None)  # the catalog's freshness must not depend on a shared cache
    processes, bases = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = (tmp_path / f"gunicorn-{name}.log").open("w")
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "careerpath.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--no-control-socket",  # gunicorn's default socket path is shared by every server
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + START_TIMEOUT
        for base, process in zip(bases, processes, strict=True):
            while True:
                assert process.poll() is None, (tmp_path / "gunicorn-a.log").read_text()
                try:
                    get(base, "/healthz")
                    break
                except OSError:
                    assert time.monotonic() < deadline, f"{base} did not start"
                    time.sleep(0.1)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def band_row(html: str, slug: str) -> str:
    """The methodology page's table row for one band (its name, range, what it covers, source)."""
    match = re.search(rf'<tr id="band-{re.escape(slug)}">(.*?)</tr>', html, re.S)
    assert match, f"no row for band {slug}"
    return match.group(1)


def test_band_changed_in_one_process_shows_in_every_other_at_the_next_request(servers, database_url):
    for base in servers:  # both build and cache their snapshot
        row = band_row(get(base, "/methodology/"), BAND)
        assert "123,400" not in row

    changed = run_manage(
        database_url,
        "shell",
        "-v0",
        "-c",
        "from compensation.models import SalaryBand, CatalogVersion\n"
        f"band = SalaryBand.objects.get(slug='{BAND}')\n"
        "band.min_amount = 123400\n"
        "band.save()\n"
        "print(CatalogVersion.objects.get(pk=1).version)",
    )
    assert int(changed.split()[-1]) > 0  # the signal bumped the catalog version

    for base in servers:
        row = band_row(get(base, "/methodology/"), BAND)
        assert "123,400" in row, f"{base} still shows the old band: {row}"
