"""Past states of the salary data, rebuilt from the version history, and reverting to one.

The data as it was at version N is today's data with every change after N undone, newest first.
A version's changes never change afterwards, so the snapshot at N is the same whenever it is
built: each process keeps a few of them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from decimal import Decimal

from compensation import catalog as catalogs
from compensation import state
from compensation.models import NOTE_MAX_LENGTH, DataStamp, Track
from engine.catalog import Catalog

from .models import DataChange, DataVersion
from .recording import publishing

KEEP = 16  # snapshots of past versions kept per process
_lock = threading.Lock()
_past: OrderedDict[int, Catalog] = OrderedDict()


def stamp_number() -> int:
    return DataStamp.objects.number()


def undo(rows: state.State, change: DataChange) -> None:
    table = rows[change.table]
    if change.after is not None:
        table.pop(state.key_of(change.table, change.after), None)
    if change.before is not None:
        table[state.key_of(change.table, change.before)] = change.before


def state_at(number: int) -> tuple[state.State, dict, int]:
    """(the data as it was at version `number`, today's database ids, today's version number)."""
    for _attempt in range(5):
        now = stamp_number()
        rows, ids = state.state_from_db()
        changes = list(
            DataChange.objects.filter(version__number__gt=number, version__number__lte=now).order_by(
                "-version__number", "-id"
            )
        )
        if stamp_number() == now:  # nothing was published while we read
            for change in changes:
                undo(rows, change)
            return rows, ids, now
    raise RuntimeError("The salary data kept changing while its history was read.")


def catalog_at(number: int) -> Catalog:
    """The engine's snapshot of the data as it was at version `number` (kept per process)."""
    with _lock:
        found = _past.get(number)
        if found is not None:
            _past.move_to_end(number)
            return found
    rows, ids, now = state_at(number)
    built = catalogs.catalog_from_state(rows, version=-1, data_version=number, ids=ids)
    if number <= now:
        with _lock:
            _past[number] = built
            while len(_past) > KEEP:
                _past.popitem(last=False)
    return built


def forget() -> None:
    with _lock:
        _past.clear()


# Reverting -------------------------------------------------------------------------------------


def _natural(table: str, key: str) -> list[str]:
    return key.split("/") if table == "bonusequityshare" else [key]


def _assign(obj, model, fields: state.Fields) -> None:
    for field in state.columns(model):
        value = fields.get(field.name)
        if field.is_relation:
            related = None if value is None else field.related_model.objects.get_by_natural_key(value).pk
            setattr(obj, field.attname, related)
        elif value is not None and field.get_internal_type() == "DecimalField":
            setattr(obj, field.attname, Decimal(str(value)))
        else:
            setattr(obj, field.attname, value)


def apply_state(target: state.State) -> None:
    """Make the database's data equal `target`: rows added, changed and deleted through the ORM."""
    current, _ids = state.state_from_db()
    for table, model in state.TABLES.items():  # parents first
        for key, fields in target[table].items():
            if current[table].get(key) == fields:
                continue
            try:
                obj = model.objects.get_by_natural_key(*_natural(table, key))
            except model.DoesNotExist:
                obj = model()
            _assign(obj, model, fields)
            obj.save()
            if table == "role":
                obj.tracks.set([Track.objects.get_by_natural_key(slug) for slug in fields["tracks"]])
    for table, model in reversed(state.TABLES.items()):  # children first
        for key in current[table].keys() - target[table].keys():
            model.objects.get_by_natural_key(*_natural(table, key)).delete()


def revert_to(number: int, author, reason: str = "") -> DataVersion | None:
    """Restore the figures as they were at version `number`, as a new version (None if nothing differs)."""
    version = DataVersion.objects.filter(number=number).first()
    label = f"Revert to version {number}" + (f" ({version.note})" if version else "")
    note = f"{label}: {reason}" if reason else label
    target, _ids, _now = state_at(number)
    with publishing(note[:NOTE_MAX_LENGTH], author, DataVersion.Kind.REVERT, reverted_to=number) as changeset:
        apply_state(target)
    return changeset.version
