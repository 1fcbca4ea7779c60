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
from ..profiles import describe, profile_from_values
from .rendering import noindex


def _owned(request, plan_id: int):
    plan = selectors.own_plan(request.user, plan_id)
    catalog = get_catalog()
    values = selectors.plan_values(plan, catalog)
    return plan, project(profile_from_values(values), catalog, this_year()), catalog, values


def _shared(token: str):
    catalog = get_catalog()
    link, values = selectors.shared_plan(token, catalog)  # without the pay unless the owner allowed it
    return link.plan, project(profile_from_values(values), catalog, this_year()), catalog, values


def _projection_rows(plan, projection, catalog, values) -> list[list]:
    rate = catalog.rates.get(projection.currency)
    return exports.projection_rows(
        plan,
        projection,
        describe(values, catalog),
        values,
        usd_per_unit=rate.usd_per_unit if rate else None,
        data_version=catalog.data_version,
    )


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
    plan, projection, catalog, _values = _owned(request, plan_id)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version)
    return _json(body, exports.file_name(plan.title, "projection", "json"))


@login_required
@require_safe
def projection_csv(request, plan_id: int):
    plan, projection, catalog, values = _owned(request, plan_id)
    return _csv(_projection_rows(plan, projection, catalog, values), exports.file_name(plan.title, "projection", "csv"))


@login_required
@require_safe
def earnings_csv(request, plan_id: int):
    plan, projection, _catalog, _values = _owned(request, plan_id)
    return _csv(exports.earnings_rows(plan, projection), exports.file_name(plan.title, "earnings", "csv"))


@require_safe
@noindex
def shared_projection_json(request, token: str):
    plan, projection, catalog, _values = _shared(token)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version, shared=True)
    return _json(body, exports.file_name(plan.title, "projection", "json"))


@require_safe
@noindex
def shared_projection_csv(request, token: str):
    plan, projection, catalog, values = _shared(token)
    return _csv(_projection_rows(plan, projection, catalog, values), exports.file_name(plan.title, "projection", "csv"))


@require_safe
@noindex
def shared_earnings_csv(request, token: str):
    plan, projection, _catalog, _values = _shared(token)
    return _csv(exports.earnings_rows(plan, projection), exports.file_name(plan.title, "earnings", "csv"))
