"""Publishing the public salary survey's cells (see `compensation.aijobs`) as one version of the data."""

from __future__ import annotations

from dataclasses import replace

from compensation import aijobs

from .models import DataVersion
from .recording import publishing


def publish_survey(
    raw: bytes, *, note: str, author=None, source: str = aijobs.SOURCE, years: set[int] | None = None
) -> tuple[aijobs.Imported, DataVersion | None]:
    """Aggregate a survey file (gzip or plain CSV) and publish its cells; the version is None if nothing
    changed. Raises `aijobs.SurveyFileError` with a message for a file that cannot be read."""
    cells, read = aijobs.prepare(raw, source, years)
    with publishing(note, author, DataVersion.Kind.IMPORT) as changeset:
        saved = aijobs.save_cells(cells)
    result = replace(saved, answers=read.answers, skipped=read.skipped, errors=read.errors, years=read.years)
    return result, changeset.version
