"""`loaddata`, publishing what it changes in the salary data as one version.

A fixture of the salary data carries the version it was dumped at (the `compensation.datastamp`
row): loaded into a database that has not reached that number, the new version takes it, so a
fresh install and the one the fixture came from agree on the number.
"""

from django.core.management.commands import loaddata

from compensation.models import NOTE_MAX_LENGTH, DataStamp
from dataversions.models import DataVersion
from dataversions.recording import publishing


def _stamp() -> DataStamp | None:
    return DataStamp.objects.first()


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        before = _stamp()
        prior = before.number if before else 0
        note = f"Loaded fixture {', '.join(fixture_labels)}"
        with publishing(note, kind=DataVersion.Kind.LOADDATA) as changeset:
            super().handle(*fixture_labels, **options)
            loaded = _stamp()
            if loaded is not None and loaded.number != prior:
                changeset.at_least = loaded.number
                changeset.stamp_if_unchanged = prior
                changeset.note = f"{note} (dumped at version {loaded.number}: {loaded.note})"[:NOTE_MAX_LENGTH]
