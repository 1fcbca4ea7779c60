"""A plan's figures as files: projection.json, projection.csv and earnings.csv, for the owner and for a share
link (the pay only if its owner allowed it)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from compensation.catalog import get_catalog
from engine.projection import project

from .. import exports, selectors
from ..clock import this_year
from ..profiles import profile_from_values
from .rendering import noindex


def _owned(request, plan_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    return plan, project(profile_from_values(selectors.plan_values(plan, catalog)), catalog, this_year()), catalog


def _shared(token: str):
    catalog = get_catalog()
    link, values = selectors.shared_plan(token, catalog)
    return link.plan, project(profile_from_values(values), catalog, this_year()), catalog


def _json(data: dict, filename: str) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv(rows: list[list], filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    exports.write_csv(response, rows)
    return response


@login_required
@require_safe
def projection_json(request, plan_id: int):
    plan, projection, catalog = _owned(request, plan_id)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version)
    return _json(body, f"plan-{plan.pk}-projection.json")


@login_required
@require_safe
def projection_csv(request, plan_id: int):
    plan, projection, _catalog = _owned(request, plan_id)
    return _csv(exports.projection_rows(projection), f"plan-{plan.pk}-projection.csv")


@login_required
@require_safe
def earnings_csv(request, plan_id: int):
    plan, projection, _catalog = _owned(request, plan_id)
    return _csv(exports.earnings_rows(projection), f"plan-{plan.pk}-earnings.csv")


@require_safe
@noindex
def shared_projection_json(request, token: str):
    plan, projection, catalog = _shared(token)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version, shared=True)
    return _json(body, "shared-plan-projection.json")


@require_safe
@noindex
def shared_projection_csv(request, token: str):
    _, projection, _catalog = _shared(token)
    return _csv(exports.projection_rows(projection), "shared-plan-projection.csv")


@require_safe
@noindex
def shared_earnings_csv(request, token: str):
    _, projection, _catalog = _shared(token)
    return _csv(exports.earnings_rows(projection), "shared-plan-earnings.csv")
