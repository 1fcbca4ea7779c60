"""The version history of the salary data, read-only, and reverting to a version (as a new one)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from dataversions.history import revert_to
from dataversions.models import DataVersion


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


@admin.register(DataVersion)
class DataVersionAdmin(admin.ModelAdmin):
    list_display = ("number", "created", "author", "note", "kind", "rows_changed")
    list_display_links = ("number", "note")
    list_filter = ("kind",)
    search_fields = ("note", "changes__key")
    fields = ("number", "created", "author", "note", "kind", "reverted_to", "changes_made")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author").annotate(row_count=Count("changes"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # history is never rewritten: a revert makes a new version

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Rows changed", ordering="row_count")
    def rows_changed(self, obj: DataVersion) -> int:
        return obj.row_count

    @admin.display(description="Changes (before → after)")
    def changes_made(self, obj: DataVersion) -> str:
        rows = []
        for change in obj.changes.all():
            if change.action == "changed":
                detail = format_html_join(
                    mark_safe("<br>"), "{}: {} → {}", ((name, _value(a), _value(b)) for name, a, b in change.diff())
                )
            else:
                detail = format_html("{} (every field)", change.action)
            rows.append((change.table, change.key, change.action, detail))
        if not rows:
            return "—"
        body = format_html_join(
            "",
            '<tr data-change="{1}"><td>{0}</td><td>{1}</td><td>{2}</td><td>{3}</td></tr>',
            rows,
        )
        return format_html(
            '<table class="data-changes"><thead><tr><th scope="col">Table</th><th scope="col">Row</th>'
            '<th scope="col">What</th><th scope="col">Fields</th></tr></thead><tbody>{}</tbody></table>',
            body,
        )

    def get_urls(self):
        revert = self.admin_site.admin_view(require_POST(self.revert_view))
        return [path("<int:pk>/revert/", revert, name="dataversions_dataversion_revert"), *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        context = {**(extra_context or {}), "can_revert": self._can_revert(request)}
        return super().changeform_view(request, object_id, form_url, context)

    def _can_revert(self, request) -> bool:
        return request.user.has_perm("compensation.change_salaryband")

    def revert_view(self, request, pk: int):
        if not self._can_revert(request):
            raise PermissionDenied
        version = get_object_or_404(DataVersion, pk=pk)
        made = revert_to(version.number, request.user)
        if made is None:
            messages.info(request, f"The data already is as it was at version {version.number}: nothing changed.")
            return redirect("admin:dataversions_dataversion_change", version.pk)
        messages.success(
            request,
            f"Version {made.number} restores the figures of version {version.number} ({made.changes.count()} rows).",
        )
        return redirect("admin:dataversions_dataversion_change", made.pk)
