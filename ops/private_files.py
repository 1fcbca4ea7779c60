"""The SQLite database and its WAL and shared-memory files are readable by their owner only.

They hold email addresses, password hashes and pay. SQLite creates the database with the process's
umask (often 0644) and gives its -wal and -shm files the database file's mode, so tightening the
database at every new connection keeps all three private; `make run` and `make serve` also run
under `umask 077`, so nothing is readable by others even for the moment before the first connection.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

logger = logging.getLogger(__name__)

PRIVATE = 0o600
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def make_private(path: Path) -> None:
    """chmod 0600 if anyone but the owner may read or write `path` (a missing file is left alone)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, PRIVATE)
    except FileNotFoundError:
        return
    except OSError as error:  # e.g. a file owned by another user: say so, keep serving
        logger.warning("Could not make %s private (readable by its owner only): %s", path, error)


def sqlite_files_private(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: the database's files are 0600 (SQLite file databases only)."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    database = Path(connection.settings_dict["NAME"])
    for suffix in SQLITE_COMPANIONS:
        make_private(database.with_name(database.name + suffix))
