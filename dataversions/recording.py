"""Records every change to the salary data into a numbered version.

Changes made inside `publishing(...)` (an admin save, an import, a revert, `loaddata`) collect into
one changeset and become one version when the block ends, in the same transaction. A change made
anywhere else (a shell, a script) becomes a version of its own at once, noted as such, so the
history always accounts for every row and any past state can be rebuilt from it.

`compensation.signals` calls `before_write` and `after_write` around every write to a data table,
before it bumps the catalog's change counter.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max

from compensation import state
from compensation.models import NOTE_MAX_LENGTH, DataStamp

from .models import DataChange, DataVersion

_local = threading.local()
Row = tuple[str, state.Fields] | None


class Changeset:
    def __init__(self, note: str = "", author=None, kind: str = DataVersion.Kind.ADMIN, reverted_to: int | None = None):
        self.note = note
        self.author = author
        self.kind = kind
        self.reverted_to = reverted_to
        self.at_least = 0  # loaddata: the version number the fixture was dumped at
        self.stamp_if_unchanged: int | None = None  # loaddata: put back the stamp a fixture overwrote
        self.rows: dict[tuple[str, object], list[Row]] = {}
        self.version: DataVersion | None = None

    def touch(self, table: str, pk, before: Row, after: Row) -> None:
        entry = self.rows.setdefault((table, pk), [before, before])
        entry[1] = after

    def changes(self) -> list[tuple[str, str, state.Fields | None, state.Fields | None]]:
        """(table, key, before, after) for every row that ends up different."""
        found = []
        for (table, _pk), (before, after) in self.rows.items():
            if before == after:
                continue
            if before is not None and after is not None and before[0] != after[0]:
                # A changed natural key: the old row went, a new one came.
                found.append((table, before[0], before[1], None))
                found.append((table, after[0], None, after[1]))
            else:
                found.append((table, (after or before)[0], before and before[1], after and after[1]))
        return found


def current() -> Changeset | None:
    return getattr(_local, "changeset", None)


@contextmanager
def publishing(
    note: str = "", author=None, kind: str = DataVersion.Kind.ADMIN, reverted_to: int | None = None
) -> Iterator[Changeset]:
    """Every data change inside the block becomes one version (none if nothing changed)."""
    outer = current()
    if outer is not None:
        yield outer
        return
    changeset = Changeset(note, author, kind, reverted_to)
    _local.changeset = changeset
    try:
        with transaction.atomic():
            yield changeset
            changeset.version = publish(changeset)
    finally:
        _local.changeset = None


def latest_number() -> int:
    return DataVersion.objects.aggregate(n=Max("number"))["n"] or 0


def publish(changeset: Changeset) -> DataVersion | None:
    changes = changeset.changes()
    if not changes:
        if changeset.stamp_if_unchanged is not None:
            DataStamp.objects.update(number=changeset.stamp_if_unchanged)
        return None
    if not changeset.note.strip():
        raise ValueError("A published change needs a note.")
    author = changeset.author if changeset.author is not None and changeset.author.is_authenticated else None
    version = DataVersion.objects.create(
        number=max(latest_number() + 1, changeset.at_least),
        note=changeset.note.strip()[:NOTE_MAX_LENGTH],
        author=author,
        kind=changeset.kind,
        reverted_to=changeset.reverted_to,
    )
    DataChange.objects.bulk_create(
        DataChange(version=version, table=table, key=key, before=before, after=after)
        for table, key, before, after in changes
    )
    # A queryset update sends no signal: the rows' own writes already moved the change counter, in this
    # same transaction, so every process rebuilds its snapshot (with this number) once it commits.
    stamp = {"number": version.number, "published_at": version.created, "note": version.note}
    if not DataStamp.objects.update(**stamp):
        DataStamp.objects.create(**stamp)
    return version


# Receivers of compensation's data signals (connected in DataVersionsConfig.ready) -------------------


def before_write(sender, instance, **kwargs) -> None:
    """Remember the row as it is in the database, before a save or a delete changes it."""
    instance._data_before = state.row_from_db(sender, instance.pk) if instance.pk is not None else None


def after_write(sender, instance, deleted: bool = False, **kwargs) -> None:
    before = instance.__dict__.pop("_data_before", None)
    after = None if deleted else state.row_from_db(sender, instance.pk)
    _record(sender, instance.pk, before, after)


def roles_tracks_before(sender, roles, **kwargs) -> dict:
    return {pk: state.row_from_db(sender, pk) for pk in roles}


def roles_tracks_after(sender, kept: dict, **kwargs) -> None:
    for pk, before in kept.get(roles_tracks_before, {}).items():
        _record(sender, pk, before, state.row_from_db(sender, pk))


def _record(model, pk, before: Row, after: Row) -> None:
    table = model._meta.model_name
    changeset = current()
    if changeset is not None:
        changeset.touch(table, pk, before, after)
        return
    if before == after:
        return
    key = (after or before)[0]
    with publishing(f"Changed outside admin: {model._meta.verbose_name} {key}", kind=DataVersion.Kind.SCRIPT) as alone:
        alone.touch(table, pk, before, after)
