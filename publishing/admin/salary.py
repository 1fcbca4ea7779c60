"""Admin for the compensation data: every row shows its figures as people read them, and where they come from.

Validation lives in the models (`Sourced.clean`, `SalaryBand.clean`); the admin form runs it through
`full_clean`, so a bad band is refused here with the same message everywhere.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from careerpath.clock import this_year
from compensation import state, survey
from compensation.catalog import catalog_from_state, get_catalog
from compensation.models import (
    LARGE_CHANGE,
    NOTE_MAX_LENGTH,
    BonusEquityShare,
    CompanyType,
    Education,
    ExchangeRate,
    Industry,
    Location,
    Parameter,
    Role,
    SalaryBand,
    Skill,
    Track,
)
from compensation.money import band_range as money_band_range
from compensation.money import fraction_percent, fraction_points
from compensation.validation import OneLineName, one_line
from dataversions.models import DataVersion
from dataversions.recording import current as current_changeset
from dataversions.recording import publishing
from publishing.impact import effect

SOURCE_FIELDSET = ("Source", {"fields": ("provenance", "source_quote", "rationale")})
SOURCE_SEARCH = ("source_quote", "rationale")


class CatalogFilter(admin.SimpleListFilter):
    """Filter bands by a lookup table, with choices from the in-memory catalog instead of a query each."""

    table: str  # a Catalog mapping: "locations", "industries", "roles"
    field: str  # the band's foreign key

    def lookups(self, request, model_admin):
        if not hasattr(request, "_catalog"):  # one version check for all the filters of the page
            request._catalog = get_catalog()
        rows = getattr(request._catalog, self.table).values()
        if self.table == "roles":
            rows = sorted(rows, key=lambda role: role.order)
        return [(row.slug, row.name) for row in rows]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.field}__slug": self.value()})
        return queryset


class LocationFilter(CatalogFilter):
    title, parameter_name, table, field = "location", "location", "locations", "location"


class IndustryFilter(CatalogFilter):
    title, parameter_name, table, field = "industry", "industry", "industries", "industry"


class RoleFilter(CatalogFilter):
    title, parameter_name, table, field = "level or role", "role", "roles", "role"


# Publishing: every save and delete needs a note, and becomes a numbered version ----------------


class VersionedForm(forms.ModelForm):
    """An admin form with the note a published change needs; "Preview effect" checks it without saving."""

    change_note = forms.CharField(
        label="Note for this change",
        max_length=NOTE_MAX_LENGTH,
        validators=[OneLineName("the note")],  # it names the version, in pages and email subjects
        help_text="Why, in a few words (e.g. “2026 survey: London bands”). It names the new version of the "
        "salary data, and people whose plans it moves read it.",
    )
    previewing = False  # set on the class for a "Preview effect" request
    preview_valid = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.previewing:
            self.fields["change_note"].required = False
        # A name (a location's, a role's ...) is shown as a heading and in subjects: one line, as every name.
        for name in ("name", "title"):
            if name in self.fields:
                self.fields[name].validators.append(OneLineName(f"the {name}"))

    def is_valid(self):
        valid = super().is_valid()
        if self.previewing:
            # Valid or not, the admin must not save: it shows the form again, with the preview if valid.
            self.preview_valid = valid
            return False
        return valid


def preview_effect(instance) -> dict:
    """What saving `instance` (changed, unsaved) would do to the saved plans."""

    model = type(instance)
    table = model._meta.model_name
    rows, ids = state.state_from_db()
    before = state.row_from_db(model, instance.pk) if instance.pk else None
    if before is not None:
        rows[table].pop(before[0], None)
    key, after = state.row_from_instance(instance)
    rows[table][key] = after
    current = get_catalog()
    try:
        candidate = catalog_from_state(rows, version=-1, data_version=current.data_version, ids=ids)
        result = effect(current, candidate, this_year())
    except (KeyError, ValueError, ZeroDivisionError) as error:
        return {"error": f"The engine cannot project with this change ({error})."}
    return {"effect": result, "diff": state.changed_fields(before[1] if before else None, after)}


class VersionedAdmin(admin.ModelAdmin):
    """Saves and deletes are published as a version of the salary data, with the note they require."""

    form = VersionedForm
    previewable = False  # offers "Preview effect" (bands, parameters, shares, rates)
    change_form_template = "admin/compensation/versioned_change_form.html"
    delete_confirmation_template = "admin/compensation/versioned_delete_confirmation.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "change_note"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, ("Publish", {"fields": ["change_note"]})]

    def is_preview(self, request) -> bool:
        return self.previewable and request.method == "POST" and "_preview" in request.POST

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if self.is_preview(request):
            return type(form.__name__, (form,), {"previewing": True})
        return form

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # a deletion needs its note: one row at a time
        return actions

    @csrf_protect_m
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.is_preview(request):
            # A preview saves nothing, so it runs outside the transaction the admin opens for every POST:
            # on SQLite (IMMEDIATE transactions) that transaction holds the write lock from its BEGIN, and
            # every plan save would wait for the whole preview. Its reads are autocommit, WAL lets them
            # run beside writers, and `effect` stops at its deadline.
            return self._changeform_view(request, object_id, form_url, extra_context)
        with publishing(kind=DataVersion.Kind.ADMIN, author=request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        current_changeset().note = form.cleaned_data["change_note"]
        obj.change_note = form.cleaned_data["change_note"]  # an edited article band's source (SalaryBand)
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["previewable"] = self.previewable
        if form.previewing and form.preview_valid:
            context["data_preview"] = preview_effect(form.instance)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            note = one_line(request.POST.get("change_note", ""))
            if not note:
                messages.error(request, "Write a note for this change: why the row goes.")
                return HttpResponseRedirect(request.path)
            with publishing(note[:NOTE_MAX_LENGTH], request.user, DataVersion.Kind.ADMIN):
                return super().delete_view(request, object_id, extra_context)
        return super().delete_view(request, object_id, extra_context)


class LookupAdmin(VersionedAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("slug", "name")
    ordering = ("order", "name")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Track)
class TrackAdmin(LookupAdmin):
    list_display = ("name", "slug", "order", "description")


@admin.register(Location)
class LocationAdmin(LookupAdmin):
    list_display = ("name", "slug", "country", "currency", "order")
    list_filter = ("country", "currency")


@admin.register(Industry)
class IndustryAdmin(LookupAdmin):
    pass


@admin.register(Role)
class RoleAdmin(LookupAdmin):
    list_display = (
        "name",
        "slug",
        "order",
        "is_level",
        "track_names",
        "typical_years",
        "earliest_years",
        "provenance",
    )
    list_filter = ("is_level", "tracks", "provenance")
    search_fields = ("slug", "name", *SOURCE_SEARCH)
    filter_horizontal = ("tracks",)
    fieldsets = (
        (None, {"fields": ("slug", "name", "order", "is_level", "tracks")}),
        ("Progression", {"fields": ("typical_years",)}),
        SOURCE_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tracks")

    @admin.display(description="Tracks")
    def track_names(self, obj: Role) -> str:
        return ", ".join(track.name for track in obj.tracks.all())


@admin.register(Skill)
class SkillAdmin(LookupAdmin):
    list_display = ("name", "slug", "examples", "points", "research", "provenance")
    list_filter = ("provenance",)
    search_fields = ("slug", "name", "examples", *SOURCE_SEARCH)
    fieldsets = (
        (None, {"fields": ("slug", "name", "order", "examples", "percentile_points", "research_points")}),
        SOURCE_FIELDSET,
    )

    @admin.display(description="Moves a person up", ordering="percentile_points")
    def points(self, obj: Skill) -> str:
        return fraction_points(obj.percentile_points)

    @admin.display(description="More in research roles", ordering="research_points")
    def research(self, obj: Skill) -> str:
        return fraction_points(obj.research_points)


@admin.register(Education)
class EducationAdmin(LookupAdmin):
    list_display = ("name", "slug", "order", "points", "research", "research_years", "provenance")
    list_filter = ("provenance",)
    search_fields = ("slug", "name", *SOURCE_SEARCH)
    fieldsets = (
        (None, {"fields": ("slug", "name", "order", "percentile_points", "research_points", "research_years")}),
        SOURCE_FIELDSET,
    )

    @admin.display(description="Moves a person up", ordering="percentile_points")
    def points(self, obj: Education) -> str:
        return fraction_points(obj.percentile_points)

    @admin.display(description="More in research roles", ordering="research_points")
    def research(self, obj: Education) -> str:
        return fraction_points(obj.research_points)


@admin.register(CompanyType)
class CompanyTypeAdmin(LookupAdmin):
    list_display = ("name", "slug", "order", "base", "provenance")
    list_filter = ("provenance",)
    search_fields = ("slug", "name", *SOURCE_SEARCH)
    fieldsets = ((None, {"fields": ("slug", "name", "order", "base_factor")}), SOURCE_FIELDSET)

    @admin.display(description="Base pay", ordering="base_factor")
    def base(self, obj: CompanyType) -> str:
        return f"× {obj.base_factor}"


@admin.register(BonusEquityShare)
class BonusEquityShareAdmin(VersionedAdmin):
    """Bonus and equity by role and company type; an industry row overrides the general one for that industry."""

    previewable = True
    list_display = ("role", "company_type", "industry_name", "share_of_total", "base_of_total", "provenance")
    list_filter = ("company_type", "industry", RoleFilter, "provenance")
    list_select_related = ("role", "company_type", "industry")
    search_fields = ("role__name", "company_type__name", "industry__name", *SOURCE_SEARCH)
    ordering = ("company_type__order", "industry__order", "role__order")
    fieldsets = ((None, {"fields": ("role", "company_type", "industry", "share")}), SOURCE_FIELDSET)

    @admin.display(description="Industry", ordering="industry__order")
    def industry_name(self, obj: BonusEquityShare) -> str:
        return obj.industry.name if obj.industry_id else "Every other industry"

    @admin.display(description="Bonus and equity, of total pay", ordering="share")
    def share_of_total(self, obj: BonusEquityShare) -> str:
        return fraction_percent(obj.share)

    @admin.display(description="Base, of total pay")
    def base_of_total(self, obj: BonusEquityShare) -> str:
        return fraction_percent(1 - obj.share)


@admin.register(ExchangeRate)
class ExchangeRateAdmin(VersionedAdmin):
    previewable = True
    list_display = ("currency", "rate", "provenance")
    list_filter = ("provenance",)
    search_fields = ("currency", *SOURCE_SEARCH)
    ordering = ("currency",)
    fieldsets = ((None, {"fields": ("currency", "usd_per_unit")}), SOURCE_FIELDSET)

    @admin.display(description="Value in US dollars", ordering="usd_per_unit")
    def rate(self, obj: ExchangeRate) -> str:
        return f"1 {obj.currency} = {obj.usd_per_unit.normalize():f} USD"


@admin.register(Parameter)
class ParameterAdmin(VersionedAdmin):
    previewable = True
    list_display = ("name", "slug", "value_with_unit", "provenance")
    list_filter = ("provenance",)
    search_fields = ("slug", "name", "description", *SOURCE_SEARCH)
    ordering = ("slug",)
    fieldsets = ((None, {"fields": ("slug", "name", "value", "unit", "description")}), SOURCE_FIELDSET)

    @admin.display(description="Value", ordering="value")
    def value_with_unit(self, obj: Parameter) -> str:
        value = f"{obj.value.normalize():f}"
        return f"{value} {obj.unit}" if obj.unit else value


class SalaryBandForm(VersionedForm):
    """A band's form: a figure that moves by more than half from the saved band needs a tick to confirm it.

    The tick is hidden until the model's `clean` refuses such a change; then it shows beside the warning.
    """

    confirm_large_change = forms.BooleanField(
        label=f"Confirm a change of more than {LARGE_CHANGE:.0%}",
        required=False,
        widget=forms.HiddenInput,
        help_text="A figure moves by more than half from the saved band. Tick this if it is right, and say why in "
        "the note.",
    )

    def _post_clean(self):
        self.instance.confirm_large_change = bool(self.cleaned_data.get("confirm_large_change"))
        super()._post_clean()
        if any(self.has_error(name, "large_change") for name in ("min_amount", "max_amount")):
            self.fields["confirm_large_change"].widget = forms.CheckboxInput()


def band_range(band: SalaryBand) -> str:
    """ "$90,000 – $120,000", "$160,000 – $200,000+", "$60 – $150/hour"."""
    hourly = band.period == SalaryBand.Period.HOUR
    return money_band_range(band.min_amount, band.max_amount, band.currency, open_ended=band.open_ended, hourly=hourly)


@admin.register(SalaryBand)
class SalaryBandAdmin(VersionedAdmin):
    form = SalaryBandForm
    previewable = True
    change_list_template = "admin/compensation/salaryband/change_list.html"
    list_display = ("subject_name", "kind", "pay_range", "currency", "covers", "provenance", "slug")
    list_display_links = ("subject_name",)
    list_filter = ("kind", RoleFilter, LocationFilter, IndustryFilter, "provenance", "period", "covers")
    list_select_related = ("role", "location", "industry")
    show_full_result_count = False
    search_fields = (
        "slug",
        "role__name",
        "location__name",
        "industry__name",
        *SOURCE_SEARCH,
    )
    ordering = ("kind", "min_amount", "slug")
    fieldsets = (
        (None, {"fields": ("slug", "kind", "role", "location", "industry")}),
        ("Pay", {"fields": ("min_amount", "max_amount", "open_ended", "currency", "period", "covers")}),
        SOURCE_FIELDSET,
    )

    def get_fieldsets(self, request, obj=None):
        *fieldsets, (name, options) = super().get_fieldsets(request, obj)
        return [*fieldsets, (name, {**options, "fields": ["confirm_large_change", *options["fields"]]})]

    @admin.display(description="For")
    def subject_name(self, obj: SalaryBand) -> str:
        return obj.subject

    @admin.display(description="Range", ordering="min_amount")
    def pay_range(self, obj: SalaryBand) -> str:
        return band_range(obj)

    # Survey import ---------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="compensation_salaryband_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload a CSV of bands → its errors, or its diff and effect → publish it as one version, or discard."""
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        form = SurveyForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import a salary survey",
            "form": form,
            "columns": survey.COLUMNS,
            "example": survey.EXAMPLE,
        }
        if request.method == "POST" and form.is_valid():
            found = survey.read(
                form.cleaned_data["text"], confirm_large_changes=form.cleaned_data["confirm_large_changes"]
            )
            context["survey"] = found
            if found.ok and found.changing:
                rows, ids = survey.candidate_state(found)
                current = get_catalog()

                candidate = catalog_from_state(rows, version=-1, data_version=current.data_version, ids=ids)
                context["data_preview"] = {"effect": effect(current, candidate, this_year())}
            if found.ok and "_publish" in request.POST:
                note = form.cleaned_data["change_note"].strip()
                if not note:
                    form.add_error("change_note", "Write a note for this version, e.g. “2026 survey: London bands”.")
                elif not found.changing:
                    messages.info(request, "Every band in the file is already as it says: nothing to publish.")
                    return redirect("admin:compensation_salaryband_changelist")
                else:
                    with publishing(note, request.user, DataVersion.Kind.IMPORT) as changeset:
                        for row in found.changing:
                            row.band.save()
                    version = changeset.version
                    messages.success(
                        request,
                        f"Published version {version.number} of the salary data: {len(found.changing)} band"
                        f"{'s' if len(found.changing) != 1 else ''} from the survey.",
                    )
                    return redirect("admin:dataversions_dataversion_change", version.pk)
            context["text"] = form.cleaned_data["text"]
        return TemplateResponse(request, "admin/compensation/salaryband/import.html", context)


class SurveyForm(forms.Form):
    """The file on the first step; its text travels back with the note on the second."""

    file = forms.FileField(label="CSV file", required=False, help_text="UTF-8, with the header line below.")
    text = forms.CharField(widget=forms.HiddenInput, required=False)
    change_note = forms.CharField(
        label="Note for this version", max_length=NOTE_MAX_LENGTH, required=False, validators=[OneLineName("the note")]
    )
    confirm_large_changes = forms.BooleanField(
        label=f"Confirm changes of more than {LARGE_CHANGE:.0%}",
        required=False,
        help_text="A band whose figures move by more than half from the saved ones is refused unless you tick this.",
    )

    MAX_BYTES = 1_000_000

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError("The file is larger than 1 MB; import it in parts.")
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError("The file is not UTF-8 text: save it as “CSV UTF-8”.") from error
        if not data.get("text"):
            raise forms.ValidationError("Choose a CSV file to import.")
        return data
