"""Numbered versions of the salary data: when, who, why, and every row changed (before → after).

Kept in their own app so that `dumpdata compensation` (`make fixtures`) writes the data and its
version stamp but never the history, which belongs to one database.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

from compensation.models import NOTE_MAX_LENGTH
from compensation.state import changed_fields


class DataVersion(models.Model):
    class Kind(models.TextChoices):
        ADMIN = "admin", "Admin edit"
        IMPORT = "import", "Survey import"
        LOADDATA = "loaddata", "Fixture loaded"
        REVERT = "revert", "Revert"
        SCRIPT = "script", "Changed outside admin"

    number = models.PositiveIntegerField(unique=True)
    created = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=NOTE_MAX_LENGTH)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reverted_to = models.PositiveIntegerField(null=True, blank=True, help_text="The version whose figures it restored.")

    class Meta:
        ordering = ["-number"]
        verbose_name = "salary data version"

    def __str__(self):
        return f"Version {self.number}: {self.note}"


class DataChange(models.Model):
    """One row of the data as it was before and after a version (None: added, or deleted)."""

    version = models.ForeignKey(DataVersion, on_delete=models.CASCADE, related_name="changes")
    table = models.CharField(max_length=40, help_text="The model, e.g. salaryband.")
    key = models.CharField(max_length=200, help_text="The row's natural key, e.g. location-london.")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["table", "key"])]

    def __str__(self):
        return f"{self.table} {self.key}: {self.action}"

    @property
    def action(self) -> str:
        if self.before is None:
            return "added"
        if self.after is None:
            return "deleted"
        return "changed"

    @property
    def fields(self) -> list[str]:
        """The changed fields in the model's own order (PostgreSQL's jsonb keeps no key order)."""
        names = changed_fields(self.before, self.after)
        try:
            order = [f.name for f in apps.get_model("compensation", self.table)._meta.get_fields()]
        except LookupError:
            return sorted(names)
        rank = {name: i for i, name in enumerate(order)}
        return sorted(names, key=lambda name: (rank.get(name.removesuffix("_id"), len(rank)), name))

    def diff(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field that differs."""
        before, after = self.before or {}, self.after or {}
        return [(name, before.get(name), after.get(name)) for name in self.fields]
