"""Root URLconf: the plans app's own pages, then each other app's `urls.py`."""

from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "CareerPath administration"
admin.site.site_title = "CareerPath administration"

urlpatterns = [
    path("", views.home, name="home"),
    path("estimate/", views.estimate, name="estimate"),
    path("explain/", views.explain, name="explain"),
    path("details/", views.details, name="details"),
    path("methodology/", views.methodology, name="methodology"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/compare/", views.plan_compare, name="plan_compare"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/data-change/seen/", views.plan_data_change_seen, name="plan_data_change_seen"),
    path("plans/<int:plan_id>/duplicate/", views.plan_duplicate, name="plan_duplicate"),
    path("plans/<int:plan_id>/delete/", views.plan_delete, name="plan_delete"),
    path("plans/<int:plan_id>/share/", views.plan_share, name="plan_share"),
    path("plans/<int:plan_id>/share/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"),
    path("plans/<int:plan_id>/projection.json", views.projection_json, name="projection_json"),
    path("plans/<int:plan_id>/projection.csv", views.projection_csv, name="projection_csv"),
    path("plans/<int:plan_id>/earnings.csv", views.earnings_csv, name="earnings_csv"),
    # Tokens are secrets.token_urlsafe: letters, digits, "-" and "_", which the slug converter matches.
    path("s/<slug:token>/", views.shared_plan, name="shared_plan"),
    path("s/<slug:token>/projection.json", views.shared_projection_json, name="shared_projection_json"),
    path("s/<slug:token>/projection.csv", views.shared_projection_csv, name="shared_projection_csv"),
    path("s/<slug:token>/earnings.csv", views.shared_earnings_csv, name="shared_earnings_csv"),
    path("offers/", include("offers.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "careerpath.views.bad_request"
handler403 = "careerpath.views.permission_denied"
handler404 = "careerpath.views.page_not_found"
handler500 = "careerpath.views.server_error"
