"""Django admin for the public salary survey: its title, level and country mappings (data staff can change),
its cells (figures from the import; only the known-gap note is written by hand) and the upload of a new file."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from compensation import aijobs
from compensation.models import NOTE_MAX_LENGTH, SurveyCell, SurveyCountry, SurveyLevel, SurveyTitle
from dataversions.surveys import publish_survey

from .salary import VersionedAdmin


@admin.register(SurveyTitle)
class SurveyTitleAdmin(VersionedAdmin):
    list_display = ("title", "track", "slug")
    list_filter = ("track",)
    list_editable = ()
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(SurveyLevel)
class SurveyLevelAdmin(VersionedAdmin):
    list_display = ("slug", "track", "code", "role")
    list_filter = ("track", "code")


@admin.register(SurveyCountry)
class SurveyCountryAdmin(VersionedAdmin):
    list_display = ("country", "location", "slug")


@admin.register(SurveyCell)
class SurveyCellAdmin(VersionedAdmin):
    list_display = ("slug", "role", "country", "count", "p25", "p50", "p75", "currency", "years", "gap")
    list_filter = ("country", "role")
    search_fields = ("slug",)
    readonly_fields = (
        "slug",
        "source",
        "years",
        "role",
        "country",
        "location",
        "currency",
        "count",
        "p10",
        "p25",
        "p50",
        "p75",
        "p90",
    )
    change_list_template = "admin/compensation/surveycell/change_list.html"

    def has_add_permission(self, request):
        return False  # cells come from an import, never typed

    @admin.display(description="Known gap", boolean=True)
    def gap(self, obj: SurveyCell) -> bool:
        return bool(obj.known_gap)

    def get_urls(self):
        view = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", view, name="compensation_surveycell_upload"), *super().get_urls()]

    def upload_view(self, request):
        """Upload the survey (its CSV, or .csv.gz) → its cells, published as one version."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = SurveyUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result, version = publish_survey(
                    form.cleaned_data["raw"],
                    note=form.cleaned_data["change_note"],
                    author=request.user,
                    source=form.cleaned_data["source"],
                    years=form.cleaned_data["years"],
                )
            except aijobs.SurveyFileError as error:
                form.add_error("file", str(error))
            else:
                summary = (
                    f"{result.answers} answers read ({result.skipped} lines skipped), work years {result.years}: "
                    f"{result.added} cells added, {result.changed} changed, {result.removed} removed."
                )
                if version is None:
                    messages.info(request, f"{summary} Nothing changed: nothing to publish.")
                    return redirect("admin:compensation_surveycell_changelist")
                messages.success(request, f"Published version {version.number} of the salary data. {summary}")
                return redirect("admin:dataversions_dataversion_change", version.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload the salary survey",
            "form": form,
            "columns": aijobs.COLUMNS,
        }
        return TemplateResponse(request, "admin/compensation/surveycell/upload.html", context)


class SurveyUploadForm(forms.Form):
    file = forms.FileField(label="Survey file", help_text="The aijobs.net salaries CSV, plain or gzip-compressed.")
    source = forms.CharField(label="Source", max_length=200, initial=aijobs.SOURCE)
    years = forms.CharField(
        label="Work years", required=False, help_text="E.g. 2024 or 2023,2024; empty: the year with most answers."
    )
    change_note = forms.CharField(label="Note for this version", max_length=NOTE_MAX_LENGTH)

    MAX_BYTES = 20_000_000

    def clean_years(self) -> set[int] | None:
        text = self.cleaned_data["years"].strip()
        if not text:
            return None
        try:
            return {int(y) for y in text.split(",")}
        except ValueError as error:
            raise forms.ValidationError("Years as numbers separated by commas, e.g. 2023,2024.") from error

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError("The file is larger than 20 MB.")
            data["raw"] = upload.read()
        return data
