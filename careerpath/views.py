"""Views: thin translations between HTTP and the projection engine."""

from django.http import Http404
from django.shortcuts import render


def home(request):
    return render(request, "careerpath/home.html")


def _todo(request, *args, **kwargs):
    raise Http404


estimate = methodology = healthz = plan_list = plan_new = plan_compare = plan_detail = plan_edit = _todo
plan_duplicate = plan_delete = plan_share = share_revoke = projection_json = projection_csv = shared_plan = _todo


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
