"""The plans app's pages: the quick estimate, plans, sharing, comparing and exports."""

from django.urls import path

from .views import estimate, exports, plans, shares

urlpatterns = [
    path("", estimate.home, name="home"),
    path("estimate/", estimate.estimate, name="estimate"),
    path("explain/", estimate.explain, name="explain"),
    path("details/", estimate.details, name="details"),
    path("methodology/", estimate.methodology, name="methodology"),
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/new/preview/", plans.plan_new_preview, name="plan_new_preview"),
    path("plans/compare/", plans.plan_compare, name="plan_compare"),
    path("plans/<int:plan_id>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/edit/", plans.plan_edit, name="plan_edit"),
    # A plan's pages fetch their parts and previews by the plan's id: the pay stays out of every URL.
    path("plans/<int:plan_id>/preview/", plans.plan_preview, name="plan_preview"),
    path("plans/<int:plan_id>/explain/", plans.plan_explain, name="plan_explain"),
    path("plans/<int:plan_id>/details/", plans.plan_details, name="plan_details"),
    path("plans/<int:plan_id>/data-change/seen/", plans.plan_data_change_seen, name="plan_data_change_seen"),
    path("plans/<int:plan_id>/duplicate/", plans.plan_duplicate, name="plan_duplicate"),
    path("plans/<int:plan_id>/delete/", plans.plan_delete, name="plan_delete"),
    path("plans/<int:plan_id>/share/", shares.plan_share, name="plan_share"),
    path("plans/<int:plan_id>/share/<int:link_id>/revoke/", shares.share_revoke, name="share_revoke"),
    path("plans/<int:plan_id>/projection.json", exports.projection_json, name="projection_json"),
    path("plans/<int:plan_id>/projection.csv", exports.projection_csv, name="projection_csv"),
    path("plans/<int:plan_id>/earnings.csv", exports.earnings_csv, name="earnings_csv"),
    # Tokens are secrets.token_urlsafe: letters, digits, "-" and "_", which the slug converter matches.
    path("s/<slug:token>/", shares.shared_plan, name="shared_plan"),
    path("s/<slug:token>/explain/", shares.shared_explain, name="shared_explain"),
    path("s/<slug:token>/details/", shares.shared_details, name="shared_details"),
    path("s/<slug:token>/projection.json", exports.shared_projection_json, name="shared_projection_json"),
    path("s/<slug:token>/projection.csv", exports.shared_projection_csv, name="shared_projection_csv"),
    path("s/<slug:token>/earnings.csv", exports.shared_earnings_csv, name="shared_earnings_csv"),
]
