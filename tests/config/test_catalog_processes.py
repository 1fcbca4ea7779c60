"""A data change made in one process shows in every other process at its next request.

Two gunicorn servers on loopback share one database: a temporary SQLite file (migrate + loaddata),
or a throwaway PostgreSQL database when DATABASE_URL names PostgreSQL. Each has cached the
catalog; a salary band changed by a third process (the ORM, as the admin does it, so the signal
bumps the catalog version) must show on both servers' next page, with no restart.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator

import pytest

from tests.servers import gunicorn_servers, run_manage, site_database

BAND = "role-mid"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy


def get(base: str, path: str) -> str:
    with DIRECT.open(base + path, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def database_url(tmp_path) -> Iterator[str]:
    """A database of its own, with the migrations and the salary data, shared by every process."""
    with site_database(tmp_path, "shared") as url:
        yield url


@pytest.fixture
def servers(database_url, tmp_path) -> Iterator[list[str]]:
    """Two gunicorn processes (one worker each) on loopback, against the same database; no Redis, so
    the catalog's freshness cannot come from a shared cache."""
    with gunicorn_servers(2, tmp_path, DATABASE_URL=database_url) as bases:
        yield bases


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
