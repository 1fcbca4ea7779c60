"""Offer pages, under /offers/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.offer_list, name="offer_list"),
    path("new/", views.offer_new, name="offer_new"),
    path("compare/", views.offer_compare, name="offer_compare"),
    path("<int:offer_id>/", views.offer_detail, name="offer_detail"),
    path("<int:offer_id>/edit/", views.offer_edit, name="offer_edit"),
    path("<int:offer_id>/delete/", views.offer_delete, name="offer_delete"),
    path("<int:offer_id>/plan/", views.offer_start_plan, name="offer_start_plan"),
    path("<int:offer_id>/counter-seen/", views.offer_counter_seen, name="offer_counter_seen"),
    path("<int:offer_id>/offer.json", views.offer_json, name="offer_json"),
    path("<int:offer_id>/offer.csv", views.offer_csv, name="offer_csv"),
]
