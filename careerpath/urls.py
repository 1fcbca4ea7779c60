"""Root URLconf."""

from django.contrib import admin
from django.urls import include, path

from . import account_views, bench_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("estimate/", views.estimate, name="estimate"),
    path("methodology/", views.methodology, name="methodology"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/compare/", views.plan_compare, name="plan_compare"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/duplicate/", views.plan_duplicate, name="plan_duplicate"),
    path("plans/<int:plan_id>/delete/", views.plan_delete, name="plan_delete"),
    path("plans/<int:plan_id>/share/", views.plan_share, name="plan_share"),
    path("plans/<int:plan_id>/share/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"),
    path("plans/<int:plan_id>/projection.json", views.projection_json, name="projection_json"),
    path("plans/<int:plan_id>/projection.csv", views.projection_csv, name="projection_csv"),
    path("s/<str:token>/", views.shared_plan, name="shared_plan"),
    path("accounts/", account_views.overview, name="account_overview"),
    path("accounts/export/", account_views.export, name="account_export"),
    path("accounts/delete/", account_views.delete, name="account_delete"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
urlpatterns += bench_views.urlpatterns_if_enabled()

handler400 = "careerpath.views.bad_request"
handler403 = "careerpath.views.permission_denied"
handler404 = "careerpath.views.page_not_found"
handler500 = "careerpath.views.server_error"
