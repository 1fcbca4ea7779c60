"""The account pages beside allauth's: overview, data export, account deletion."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.overview, name="account_overview"),
    path("export/", views.export, name="account_export"),
    path("alerts/", views.data_change_alerts, name="account_data_change_alerts"),
    path("delete/", views.delete, name="account_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="account_unsubscribe"),
    path("", include("allauth.urls")),
]
