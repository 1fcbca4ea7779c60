"""The account pages beside allauth's: overview, data export, account deletion."""

from django.urls import include, path

from . import estimate_views, views

urlpatterns = [
    path("", views.overview, name="account_overview"),
    path("export/", views.export, name="account_export"),
    path("alerts/", views.data_change_alerts, name="account_data_change_alerts"),
    path("delete/", views.delete, name="account_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="account_unsubscribe"),
    path("estimate/sign-up/", estimate_views.estimate_sign_up, name="account_estimate_sign_up"),
    path("estimate/", estimate_views.estimate_open, name="account_estimate"),
    path("estimate/save/", estimate_views.estimate_save, name="account_estimate_save"),
    path("estimate/dismiss/", estimate_views.estimate_dismiss, name="account_estimate_dismiss"),
    path("", include("allauth.urls")),
]
