"""Root URLconf: each app's `urls.py`, the admin, and the site-wide error pages."""

from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "CareerPath administration"
admin.site.site_title = "CareerPath administration"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("", include("careerpath.urls")),
    path("offers/", include("offers.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler429 = "config.views.too_many_requests"  # read by allauth's rate limits
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
