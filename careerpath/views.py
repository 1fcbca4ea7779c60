"""Views: thin translations between HTTP and the projection engine.

Each page has one template; when `request.htmx` asks for the projection only, the view renders the
page's `#projection` partial instead of the whole page.
"""

from __future__ import annotations

import csv
import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from compensation.catalog import get_catalog
from compensation.data import Catalog

from . import chart, exports, render_cache
from .forms import PROFILE_FIELDS, PlanForm, ProfileForm, initial_from_plan, profile_from_initial
from .models import Plan, ShareLink
from .projection import Profile, across_locations, focus_track, project, what_ifs

PLANS_PER_PAGE = 20
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# What the home page's estimate shows before the visitor changes anything.
HOME_EXAMPLE = {
    "current_level": "mid",
    "years_experience": 4,
    "location": "seattle",
    "industry": "technology-faang",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "cloud-platforms"],
    "work_mode": "onsite",
    "target_track": "",
    "target_year": None,
}


def start_year() -> int:
    return datetime.date.today().year


def projection_context(profile: Profile, catalog: Catalog) -> dict:
    """Everything the projection partial shows, computed from plain data."""
    year = start_year()
    projection = project(profile, catalog, year)
    skill_ifs, degree_ifs = what_ifs(profile, catalog, year)
    return {
        "projection": projection,
        "focus": focus_track(projection),
        "chart": chart.build(projection),
        "skill_ifs": skill_ifs,
        "degree_ifs": degree_ifs,
        "elsewhere": across_locations(profile, catalog, year),
        "catalog": catalog,
    }


def projection_panel(profile: Profile, catalog: Catalog, previewing: bool = False) -> dict:
    """The projection panel's HTML (as `panel`), rendered once per profile, year and catalog snapshot."""

    def render() -> str:
        context = {**projection_context(profile, catalog), "previewing": previewing}
        return loader.render_to_string("careerpath/projection_panel.html", context)

    return {"panel": render_cache.panels.get_or_render(catalog, (start_year(), profile, previewing), render)}


def describe(initial: dict, catalog: Catalog) -> dict:
    """Display names of a plan's inputs, for read-only pages."""
    return {
        "level": catalog.roles[initial["current_level"]].name,
        "location": catalog.locations[initial["location"]].name,
        "industry": catalog.industries[initial["industry"]].name,
        "company_type": catalog.company_types[initial["company_type"]].name,
        "education": catalog.educations[initial["education"]].name,
        "work_mode": Plan.WorkMode(initial["work_mode"]).label,
        "skills": [catalog.skills[slug].name for slug in initial["skills"] if slug in catalog.skills],
        "target_track": catalog.tracks[initial["target_track"]].name if initial["target_track"] else "",
    }


def _is_preview(request) -> bool:
    return any(name in request.GET for name in PROFILE_FIELDS)


def _page(request, template: str, context: dict, status: int = 200):
    """Render the page, or only its projection partial for an htmx request."""
    if request.htmx and not request.htmx.boosted:
        if status == 200:  # the partial is the projection panel and nothing else
            response = _fragment_response(request, context["panel"])
        else:
            status = 422 if status == 400 else status  # htmx is configured to swap 422: the message shows in place
            response = render(request, template + "#projection", context, status=status)
    else:
        response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])  # one URL, two bodies: caches must keep them apart
    return response


def _fragment_response(request, fragment: render_cache.Fragment) -> HttpResponse:
    """A cached fragment, compressed once rather than for every response.

    It holds nothing secret (no CSRF token, nothing of the user's but the projection), so the random
    padding Django's GZipMiddleware adds against BREACH is not needed; the middleware leaves a
    response that already has a Content-Encoding alone.
    """
    response = HttpResponse(content_type="text/html; charset=utf-8")
    patch_vary_headers(response, ["Accept-Encoding"])
    if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response.content = fragment.gzipped()
        response["Content-Encoding"] = "gzip"
    else:
        response.content = fragment
    return response


# Home and the anonymous quick estimate ---------------------------------------------------------


@require_GET
def home(request):
    catalog = get_catalog()
    form = ProfileForm(initial=HOME_EXAMPLE, catalog=catalog)
    context = {"form": form, **projection_panel(profile_from_initial(HOME_EXAMPLE), catalog)}
    return render(request, "careerpath/home.html", context)


@require_GET
def estimate(request):
    catalog = get_catalog()
    form = ProfileForm(request.GET, catalog=catalog)
    if not form.is_valid():
        return _page(request, "careerpath/home.html", {"form": form}, status=400)
    context = {"form": form, **projection_panel(form.profile(), catalog)}
    return _page(request, "careerpath/home.html", context)


# Plans -------------------------------------------------------------------------------------------


def _own_plan(request, plan_id: int) -> Plan:
    return get_object_or_404(Plan, pk=plan_id, owner=request.user)


@login_required
@require_GET
def plan_list(request):
    catalog = get_catalog()
    plans = Plan.objects.filter(owner=request.user).only(
        "id", "title", "current_level_id", "location_id", "industry_id", "years_experience", "updated"
    )
    page = Paginator(plans, PLANS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "plan": plan,
            "level": catalog.name_for("role", plan.current_level_id),
            "location": catalog.name_for("location", plan.location_id),
            "industry": catalog.name_for("industry", plan.industry_id),
        }
        for plan in page.object_list
    ]
    return render(request, "careerpath/plan_list.html", {"page": page, "rows": rows, "nav": "plans"})


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request):
    catalog = get_catalog()
    if request.method == "POST":
        form = PlanForm(request.POST, catalog=catalog)
        if form.is_valid():
            plan = form.save(Plan(owner=request.user))
            messages.success(request, f"Plan “{plan.title}” saved.")
            return redirect(plan)
        return render(request, "careerpath/plan_form.html", {"form": form, "nav": "plans"}, status=400)

    initial = {**HOME_EXAMPLE, "title": "My career plan"}
    if _is_preview(request):
        preview = ProfileForm(request.GET, catalog=catalog)
        if not preview.is_valid():
            form = PlanForm(initial=initial, catalog=catalog)
            return _page(request, "careerpath/plan_form.html", {"form": form, "preview": preview}, status=400)
        initial.update({k: v for k, v in preview.cleaned_data.items() if k in PROFILE_FIELDS})
        initial["target_track"] = initial["target_track"] or ""
    form = PlanForm(initial=initial, catalog=catalog)
    context = {"form": form, "nav": "plans", **projection_panel(profile_from_initial(initial), catalog)}
    return _page(request, "careerpath/plan_form.html", context)


def _plan_page(request, plan: Plan, catalog: Catalog, form: PlanForm | None = None, status: int = 200, **extra):
    """The plan page: inputs beside the projection; previews unsaved changes given in the query."""
    context = {"plan": plan, "nav": "plans", "previewing": False, **extra}
    fragment = request.htmx and not request.htmx.boosted  # only the projection is rendered
    entered = None  # profile values from a valid preview query or form: every field, over the saved ones
    if form is None and _is_preview(request):
        preview = ProfileForm(request.GET, catalog=catalog)
        if not preview.is_valid():
            initial = initial_from_plan(plan, _skill_ids(plan), catalog)
            context.update(form=PlanForm(initial=initial, catalog=catalog), preview=preview)
            return _page(request, "careerpath/plan_form.html", context, status=400)
        entered, context["previewing"] = preview.cleaned_data, True
    elif form is not None and form.is_valid():
        entered = form.cleaned_data
    # Entered values replace every saved profile field, skills included: no need to query those.
    initial = initial_from_plan(plan, _skill_ids(plan) if entered is None else [], catalog)
    if entered is not None:
        initial.update({name: entered[name] for name in PROFILE_FIELDS})
        initial["target_track"] = initial["target_track"] or ""
    if not fragment:
        context["form"] = form or PlanForm(initial=initial, catalog=catalog)
    context.update(projection_panel(profile_from_initial(initial), catalog, context["previewing"]))
    return _page(request, "careerpath/plan_form.html", context, status=status)


def _skill_ids(plan: Plan) -> list[int]:
    return list(plan.skills.values_list("id", flat=True))


@login_required
@require_GET
def plan_detail(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    return _plan_page(request, plan, get_catalog())


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    catalog = get_catalog()
    if request.method == "GET":
        return _plan_page(request, plan, catalog, editing=True)
    form = PlanForm(request.POST, catalog=catalog)
    if not form.is_valid():
        return _plan_page(request, plan, catalog, form=form, status=400, editing=True)
    with transaction.atomic():
        current = Plan.objects.select_for_update().get(pk=plan.pk)
        if form.cleaned_data["version"] != current.version:
            # Keep what the person typed; saving again now deliberately overwrites the other change.
            data = request.POST.copy()
            data["version"] = str(current.version)
            form = PlanForm(data, catalog=catalog)
            return _plan_page(request, current, catalog, form=form, status=409, editing=True, conflict=True)
        current.version += 1
        form.save(current)
    messages.success(request, f"Plan “{current.title}” saved.")
    if request.htmx:
        return HttpResponseClientRedirect(current.get_absolute_url())
    return redirect(current)


@login_required
@require_POST
def plan_duplicate(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    skill_ids = list(plan.skills.values_list("id", flat=True))
    copy_title = f"{plan.title} (copy)"[: Plan._meta.get_field("title").max_length]
    with transaction.atomic():
        plan.pk = None
        plan.id = None
        plan._state.adding = True
        plan.title = copy_title
        plan.version = 1
        plan.save()
        plan.skills.set(skill_ids)
    messages.success(request, f"Copied into “{plan.title}”. Change what you like and save.")
    return redirect("plan_edit", plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    if request.method == "POST":
        title = plan.title
        plan.delete()
        messages.success(request, f"Plan “{title}” deleted.")
        return redirect("plan_list")
    return render(request, "careerpath/plan_confirm_delete.html", {"plan": plan, "nav": "plans"})


# Sharing -----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_share(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    if request.method == "POST":
        link = ShareLink.objects.create(plan=plan)
        messages.success(request, "Share link created. Anyone with the link can view this plan, read-only.")
        return redirect(f"{reverse('plan_share', args=[plan.pk])}#link-{link.pk}")
    links = plan.share_links.all()
    return render(request, "careerpath/plan_share.html", {"plan": plan, "links": links, "nav": "plans"})


@login_required
@require_POST
def share_revoke(request, plan_id: int, link_id: int):
    plan = _own_plan(request, plan_id)
    link = get_object_or_404(ShareLink, pk=link_id, plan=plan)
    if link.revoked is None:
        link.revoked = timezone.now()
        link.save(update_fields=["revoked"])
    messages.success(request, "Share link revoked. It no longer opens the plan.")
    return redirect("plan_share", plan.pk)


_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")  # secrets.token_urlsafe, at most ShareLink.token's length


@require_GET
def shared_plan(request, token: str):
    if not _TOKEN_SHAPE.fullmatch(token):
        raise Http404  # not a token we made; PostgreSQL would refuse a NUL byte with a 500
    link = get_object_or_404(ShareLink.objects.select_related("plan"), token=token, revoked__isnull=True)
    plan = link.plan
    catalog = get_catalog()
    initial = initial_from_plan(plan, list(plan.skills.values_list("id", flat=True)), catalog)
    context = {
        "plan": plan,
        "initial": initial,
        "names": describe(initial, catalog),
        **projection_panel(profile_from_initial(initial), catalog),
    }
    response = render(request, "careerpath/shared_plan.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# Compare -----------------------------------------------------------------------------------------


@login_required
@require_GET
def plan_compare(request):
    catalog = get_catalog()
    ids = [request.GET.get("a"), request.GET.get("b")]
    if not all(ids):
        plans = Plan.objects.filter(owner=request.user).only("id", "title")[:200]
        return render(request, "careerpath/plan_compare.html", {"choices": plans, "nav": "plans"})
    try:
        ids = [int(value) for value in ids]
    except ValueError:
        raise Http404 from None
    if not all(0 < pk < 2**63 for pk in ids):
        raise Http404  # no such plan; SQLite would overflow on the lookup
    found = {p.pk: p for p in Plan.objects.filter(owner=request.user, pk__in=ids).prefetch_related("skills")}
    if any(pk not in found for pk in ids):
        raise Http404
    year = start_year()
    sides = []
    for pk in ids:
        plan = found[pk]
        initial = initial_from_plan(plan, [s.pk for s in plan.skills.all()], catalog)
        projection = project(profile_from_initial(initial), catalog, year)
        sides.append({"plan": plan, "names": describe(initial, catalog), "initial": initial, "projection": projection})
    rows = exports.compare_rows(sides[0]["projection"], sides[1]["projection"])
    context = {"a": sides[0], "b": sides[1], "rows": rows, "catalog": catalog, "nav": "plans"}
    return render(request, "careerpath/plan_compare.html", context)


# Exports -----------------------------------------------------------------------------------------


def _plan_projection(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    catalog = get_catalog()
    initial = initial_from_plan(plan, list(plan.skills.values_list("id", flat=True)), catalog)
    return plan, project(profile_from_initial(initial), catalog, start_year())


@login_required
@require_GET
def projection_json(request, plan_id: int):
    plan, projection = _plan_projection(request, plan_id)
    response = JsonResponse(exports.projection_dict(plan, projection), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}-projection.json"'
    return response


@login_required
@require_GET
def projection_csv(request, plan_id: int):
    plan, projection = _plan_projection(request, plan_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}-projection.csv"'
    writer = csv.writer(response)
    for row in exports.projection_rows(projection):
        writer.writerow(row)
    return response


# Methodology and health --------------------------------------------------------------------------


@require_GET
def methodology(request):
    catalog = get_catalog()
    subjects = {**catalog.roles, **catalog.locations, **catalog.industries}
    band_names = {
        band.slug: subjects[band.subject].name
        if band.subject in subjects
        else _BAND_KIND_NAMES.get(band.kind, band.kind)
        for band in catalog.bands
    }
    roles = [
        {"role": role, "track_names": [catalog.tracks[t].name for t in role.tracks if t in catalog.tracks]}
        for role in sorted(catalog.roles.values(), key=lambda r: r.order)
    ]
    kinds = ["overall", "role", "location", "industry", "total", "freelance"]
    bands = sorted(catalog.bands, key=lambda b: kinds.index(b.kind) if b.kind in kinds else len(kinds))
    context = {
        "catalog": catalog,
        "bands": bands,
        "average": catalog.other_bands.get("overall"),
        "params": {slug.replace("-", "_"): p for slug, p in catalog.parameters.items()},
        "band_names": band_names,
        "roles": roles,
        "nav": "methodology",
    }
    return render(request, "careerpath/methodology.html", context)


_BAND_KIND_NAMES = {
    "overall": "US average (all levels)",
    "total": "Total compensation, top-tier organisations",
    "freelance": "Freelance hourly rate",
}


@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def favicon(request):
    # Browsers ask for /favicon.ico on pages that name no icon (and for downloads).
    return redirect(static("favicon.svg"), permanent=True)


# Error pages -------------------------------------------------------------------------------------


def _error_page(code: int) -> HttpResponse:
    # No request context: the database (and so the session and user) may be what failed.
    return HttpResponse(loader.get_template(f"errors/{code}.html").render({}), status=code)


def bad_request(request, exception=None):
    return _error_page(400)


def permission_denied(request, exception=None):
    return _error_page(403)


def csrf_failure(request, reason=""):
    # A missing or stale form token. Django's own page has inline style (blocked by our CSP) and
    # explains CSRF to whoever forged the request; ours says to reload and try again.
    return _error_page(403)


def page_not_found(request, exception=None):
    return _error_page(404)


def server_error(request):
    return _error_page(500)
