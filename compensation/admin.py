"""Admin for the compensation data: every row shows its figures as people read them, and where they come from.

Validation lives in the models (`Sourced.clean`, `SalaryBand.clean`); the admin form runs it through
`full_clean`, so a bad band is refused here with the same message everywhere.
"""

from django.contrib import admin

from .catalog import get_catalog
from .models import (
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
from .money import format_money

SOURCE_FIELDSET = ("Source", {"fields": ("provenance", "source_quote", "rationale")})
SOURCE_SEARCH = ("source_quote", "rationale")


def _percent(value) -> str:
    return f"{float(value) * 100:g}%"


def _points(value) -> str:
    return f"{float(value) * 100:g} pts"


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


class LookupAdmin(admin.ModelAdmin):
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
    list_display = ("name", "slug", "order", "is_level", "track_names", "typical_years", "provenance")
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
        return _points(obj.percentile_points)

    @admin.display(description="More in research roles", ordering="research_points")
    def research(self, obj: Skill) -> str:
        return _points(obj.research_points)


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
        return _points(obj.percentile_points)

    @admin.display(description="More in research roles", ordering="research_points")
    def research(self, obj: Education) -> str:
        return _points(obj.research_points)


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
class BonusEquityShareAdmin(admin.ModelAdmin):
    """Bonus and equity by role and company type; an industry row overrides the general one for that industry."""

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
        return _percent(obj.share)

    @admin.display(description="Base, of total pay")
    def base_of_total(self, obj: BonusEquityShare) -> str:
        return _percent(1 - obj.share)


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("currency", "rate", "provenance")
    list_filter = ("provenance",)
    search_fields = ("currency", *SOURCE_SEARCH)
    ordering = ("currency",)
    fieldsets = ((None, {"fields": ("currency", "usd_per_unit")}), SOURCE_FIELDSET)

    @admin.display(description="Value in US dollars", ordering="usd_per_unit")
    def rate(self, obj: ExchangeRate) -> str:
        return f"1 {obj.currency} = {obj.usd_per_unit.normalize():f} USD"


@admin.register(Parameter)
class ParameterAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "value_with_unit", "provenance")
    list_filter = ("provenance",)
    search_fields = ("slug", "name", "description", *SOURCE_SEARCH)
    ordering = ("slug",)
    fieldsets = ((None, {"fields": ("slug", "name", "value", "unit", "description")}), SOURCE_FIELDSET)

    @admin.display(description="Value", ordering="value")
    def value_with_unit(self, obj: Parameter) -> str:
        value = f"{obj.value.normalize():f}"
        return f"{value} {obj.unit}" if obj.unit else value


def band_range(band: SalaryBand) -> str:
    """ "$90,000 – $120,000", "$160,000 – $200,000+", "$300,000+", "$60 – $150/hour"."""
    low = format_money(band.min_amount, band.currency)
    text = low if band.min_amount == band.max_amount else f"{low} – {format_money(band.max_amount, band.currency)}"
    if band.open_ended:
        text += "+"
    if band.period == SalaryBand.Period.HOUR:
        text += "/hour"
    return text


@admin.register(SalaryBand)
class SalaryBandAdmin(admin.ModelAdmin):
    list_display = ("slug", "kind", "subject_name", "pay_range", "currency", "covers", "provenance")
    list_display_links = ("slug",)
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

    @admin.display(description="For")
    def subject_name(self, obj: SalaryBand) -> str:
        return obj.subject

    @admin.display(description="Range", ordering="min_amount")
    def pay_range(self, obj: SalaryBand) -> str:
        return band_range(obj)
