"""Admin for people's plans and the links they share them by (for support, not for editing figures).

Staff log in through allauth's log-in page, not the admin's own form: the most privileged accounts get
the same rate limits (failed attempts per address and per IP) and messages as everyone else.
"""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin

from careerpath.models import Plan, ShareLink

from .salary import CatalogFilter


class PlanLocationFilter(CatalogFilter):
    title, parameter_name, table, field = "location", "location", "locations", "location"


class PlanLevelFilter(CatalogFilter):
    title, parameter_name, table, field = "current level", "level", "roles", "current_level"


class ShareLinkInline(admin.TabularInline):
    model = ShareLink
    extra = 0
    fields = ("created", "revoked", "show_pay")
    readonly_fields = ("created",)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "owner_email", "location", "current_level", "updated")
    list_select_related = ("owner", "location", "current_level")
    # Filter choices come from the catalog, not a query each; no date hierarchy, which would scan
    # every plan for its dates on each page.
    list_filter = (PlanLocationFilter, "work_mode", PlanLevelFilter)
    show_full_result_count = False
    search_fields = ("title", "owner__email")
    raw_id_fields = ("owner",)
    filter_horizontal = ("skills",)
    readonly_fields = ("created", "updated", "version")
    inlines = (ShareLinkInline,)

    @admin.display(description="Owner", ordering="owner__email")
    def owner_email(self, obj: Plan) -> str:
        return obj.owner.email

    def save_model(self, request, obj, form, change):
        # A change here must make an open edit form of the owner's stale (see plan_edit).
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ("plan", "owner_email", "created", "revoked", "show_pay")
    list_select_related = ("plan__owner",)
    list_filter = ("revoked",)
    search_fields = ("plan__title", "plan__owner__email")
    raw_id_fields = ("plan",)
    readonly_fields = ("token", "created")

    @admin.display(description="Owner", ordering="plan__owner__email")
    def owner_email(self, obj: ShareLink) -> str:
        return obj.plan.owner.email


admin.site.login = secure_admin_login(admin.site.login)
