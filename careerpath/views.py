"""Views: thin translations between HTTP and the projection engine.

Each page has one template. A page that shows a projection defines the `projection` partial (the
panel or its error state); when htmx asks for the projection only, the view renders
`template + "#projection"` (as django-htmx's example does).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
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
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from compensation.catalog import get_catalog
from compensation.data import Catalog

from . import changes, exports
from .clock import this_year
from .forms import (
    CompareForm,
    DataChangeSeenForm,
    DetailsForm,
    ExplainForm,
    MoneyForm,
    PlanForm,
    PreviewForm,
    ProfileForm,
    ShareLinkForm,
    initial_from_plan,
    profile_from_initial,
    without_pay,
)
from .methodology import methodology_context
from .models import Plan, ShareLink
from .panel import NOMINAL, REAL, ProjectionPanel, compare_display, compare_highlights, explanation_lines
from .projection import project

PLANS_PER_PAGE = 20
# What else the list needs to tell whether the salary data moved a plan since its owner saw it.
CHANGE_FIELDS = ("company_type_id", "education_id", "work_mode", "target_track_id", "target_year", "seen_data_version")

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


def _panel(initial: dict, catalog: Catalog, **options) -> ProjectionPanel:
    money = initial.get("money") or NOMINAL  # how earnings are shown, kept beside the form's values
    return ProjectionPanel(profile_from_initial(initial), catalog, this_year(), money=money, **options)


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    """The page, or only its `projection` partial when htmx asks for it."""
    if request.htmx and not request.htmx.boosted:
        template += "#projection"
        status = 422 if status == 400 else status  # htmx is configured to swap 422: the message shows in place
    context.setdefault("panel_timeout", settings.PANEL_CACHE_SECONDS)
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])  # one URL, two bodies: caches must keep them apart
    return response


def noindex(view):
    """Share links and the figures built from a link's inputs: not for search engines."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


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


# Home, the anonymous quick estimate, and the explanation of a figure ------------------------------


@require_safe
def home(request):
    catalog = get_catalog()
    context = {"form": ProfileForm(initial=HOME_EXAMPLE, catalog=catalog), "panel": _panel(HOME_EXAMPLE, catalog)}
    return _render(request, "careerpath/home.html", context)


@require_safe
def estimate(request):
    catalog = get_catalog()
    form = ProfileForm(request.GET, catalog=catalog)
    if not form.is_valid():
        return _render(request, "careerpath/home.html", {"form": form, "invalid": form}, status=400)
    panel = ProjectionPanel(form.profile(), catalog, this_year(), money=form.money_choice)
    return _render(request, "careerpath/home.html", {"form": form, "panel": panel})


@require_safe
def explain(request):
    """Why one figure is what it is: loaded when its "Why this figure" is opened (a page without JS)."""
    catalog = get_catalog()
    form = ExplainForm(request.GET, catalog=catalog)
    if not form.is_valid():
        return render(request, "careerpath/explain.html", {"form": form, "back": reverse("home")}, status=400)
    found = form.explanation(project(form.profile(), catalog, this_year()))
    if found is None:
        raise Http404  # a step below the person's level, or freelance pay for someone salaried
    heading, items = found
    context = {
        "form": form,
        "heading": heading,
        "lines": explanation_lines(items, catalog),
        "back": f"{reverse('estimate')}?{form.query()}",
    }
    template = "careerpath/explain.html"
    if request.htmx:
        template += "#explanation"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
@noindex
def details(request):
    """A projection's secondary figures, fetched when they come into view or are opened (a page without JS)."""
    catalog = get_catalog()
    form = DetailsForm(request.GET, catalog=catalog)
    if not form.is_valid():
        context = {"form": form, "heading": "Figures not found", "back": reverse("home")}
        # htmx swaps a 422 (the note replaces "Loading…"); a 400 it would leave unshown.
        template, status = ("careerpath/details.html#failed", 422) if request.htmx else ("careerpath/details.html", 400)
        return render(request, template, context, status=status)
    data = form.cleaned_data
    panel = ProjectionPanel(
        form.profile(), catalog, this_year(), shared=data["shared"], money=form.money_choice, years_track=data["track"]
    )
    context = {
        "form": form,
        "heading": form.heading(),
        "names": describe(data, catalog),
        "part": data["part"],
        "panel": panel,
        "panel_timeout": settings.PANEL_CACHE_SECONDS,
        "back": f"{reverse('estimate')}?{panel.query}{'&money=real' if panel.real else ''}",
    }
    template = "careerpath/details.html"
    if request.htmx:
        template += "#" + data["part"]
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# Plans -------------------------------------------------------------------------------------------


def _own_plan(request, plan_id: int) -> Plan:
    return get_object_or_404(Plan, pk=plan_id, owner=request.user)


@login_required
@require_safe
def plan_list(request):
    catalog = get_catalog()
    plans = Plan.objects.filter(owner=request.user).only(
        "id", "title", "current_level_id", "location_id", "industry_id", "years_experience", "updated", *CHANGE_FIELDS
    )
    page = Paginator(plans, PLANS_PER_PAGE).get_page(request.GET.get("page"))
    changed = changes.plans_with_changes(list(page.object_list), catalog, this_year())
    rows = [
        {
            "plan": plan,
            "level": catalog.name_for("role", plan.current_level_id),
            "location": catalog.name_for("location", plan.location_id),
            "industry": catalog.name_for("industry", plan.industry_id),
            "data_changed": plan.pk in changed,
        }
        for plan in page.object_list
    ]
    return render(request, "careerpath/plan_list.html", {"page": page, "rows": rows, "nav": "plans"})


PLAN_PAGE = "careerpath/plan_form.html"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_new(request):
    catalog = get_catalog()
    if request.method == "POST":
        form = PlanForm(request.POST, catalog=catalog)
        if form.is_valid():
            plan = form.save(Plan(owner=request.user))
            messages.success(request, f"Plan “{plan.title}” saved.")
            return redirect(plan)
        return render(request, PLAN_PAGE, {"form": form, "nav": "plans"}, status=400)

    # Arriving from the quick estimate ("Save as a plan") brings its inputs in the query.
    initial = {**HOME_EXAMPLE, "title": "My career plan"}
    preview = PreviewForm.from_query(request.GET, catalog)
    if preview is not None and preview.is_valid():
        initial = preview.merged_into(initial)
    context = {"form": PlanForm(initial=initial, catalog=catalog), "nav": "plans"}
    if preview is not None and not preview.is_valid():
        return _render(request, PLAN_PAGE, {**context, "invalid": preview}, status=400)
    context.update(panel=_panel(initial, catalog), names=describe(initial, catalog))
    return _render(request, PLAN_PAGE, context)


def _skill_ids(plan: Plan) -> list[int]:
    return list(plan.skills.values_list("id", flat=True))


def _plan_page(request, plan: Plan, *, editing: bool):
    """A saved plan: its inputs beside its projection. Unsaved changes in the query are previewed live."""
    catalog = get_catalog()
    preview = PreviewForm.from_query(request.GET, catalog)
    if preview is not None and preview.is_valid():
        # The preview names every profile field, skills included: the saved skills are not needed.
        initial = preview.merged_into(initial_from_plan(plan, [], catalog))
    else:
        initial = {**initial_from_plan(plan, _skill_ids(plan), catalog), "money": MoneyForm.choice(request.GET)}
    # The form is built only if the page shows it: a live update answers with the projection alone.
    form = SimpleLazyObject(lambda: PlanForm(initial=initial, catalog=catalog))
    context = {"plan": plan, "nav": "plans", "editing": editing, "form": form}
    if preview is not None and not preview.is_valid():
        return _render(request, PLAN_PAGE, {**context, "invalid": preview}, status=400)
    context.update(panel=_panel(initial, catalog), previewing=preview is not None, names=describe(initial, catalog))
    if not request.htmx and plan.seen_data_version is not None and plan.seen_data_version < catalog.data_version:
        context["data_change"] = changes.notice_for(plan, _skill_ids(plan), catalog, this_year())
    return _render(request, PLAN_PAGE, context)


@login_required
@require_safe
def plan_detail(request, plan_id: int):
    return _plan_page(request, _own_plan(request, plan_id), editing=False)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    if request.method != "POST":
        return _plan_page(request, plan, editing=True)

    catalog = get_catalog()
    form = PlanForm(request.POST, catalog=catalog)
    context = {"plan": plan, "nav": "plans", "editing": True, "form": form}
    if not form.is_valid():
        # The saved projection stays beside the form and its messages.
        initial = initial_from_plan(plan, _skill_ids(plan), catalog)
        return _render(request, PLAN_PAGE, {**context, "panel": _panel(initial, catalog)}, status=400)
    with transaction.atomic():
        current = Plan.objects.select_for_update().get(pk=plan.pk)
        if form.cleaned_data["version"] != current.version:
            # Keep what the person typed; saving again now deliberately overwrites the other change.
            data = request.POST.copy()
            data["version"] = str(current.version)
            form = PlanForm(data, catalog=catalog)
            form.is_valid()
            initial = form.merged_into(initial_from_plan(current, [], catalog))
            context.update(plan=current, form=form, conflict=True, panel=_panel(initial, catalog))
            return _render(request, PLAN_PAGE, context, status=409)
        current.version += 1
        form.save(current)
    messages.success(request, f"Plan “{current.title}” saved.")
    url = current.get_absolute_url() + ("?money=real" if form.money_choice == REAL else "")
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_POST
def plan_data_change_seen(request, plan_id: int):
    """Dismiss the plan's "the salary data changed" notice: the version it explained is now seen."""
    plan = _own_plan(request, plan_id)
    form = DataChangeSeenForm(request.POST, current=get_catalog().data_version)
    if not form.is_valid():
        return bad_request(request)
    version = form.cleaned_data["version"]
    if plan.seen_data_version is None or version > plan.seen_data_version:
        Plan.objects.filter(pk=plan.pk).update(seen_data_version=version)  # not an edit: `updated` stays
    return redirect(plan)


@login_required
@require_POST
def plan_duplicate(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    skill_ids = _skill_ids(plan)
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
@require_http_methods(["GET", "HEAD", "POST"])
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
@require_http_methods(["GET", "HEAD", "POST"])
def plan_share(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    if request.method == "POST":
        form = ShareLinkForm(request.POST, instance=ShareLink(plan=plan))
        form.is_valid()  # one checkbox: anything but "on" is unticked, so it is always valid
        link = form.save()
        shown = "with your pay" if link.show_pay else "without your pay"
        messages.success(request, f"Share link created ({shown}). Anyone with the link can view this plan, read-only.")
        return redirect(f"{reverse('plan_share', args=[plan.pk])}#link-{link.pk}")
    links = plan.share_links.all()
    context = {"plan": plan, "links": links, "nav": "plans", "form": ShareLinkForm()}
    return render(request, "careerpath/plan_share.html", context)


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


def _shared(token: str) -> tuple[ShareLink, dict, Catalog]:
    """A live share link, its plan's values as the link may show them (pay only if allowed), the catalog."""
    link = get_object_or_404(ShareLink.objects.select_related("plan"), token=token, revoked__isnull=True)
    catalog = get_catalog()
    initial = initial_from_plan(link.plan, _skill_ids(link.plan), catalog)
    if not link.show_pay:
        initial = without_pay(initial)  # from here on the pay does not exist for this page
    return link, initial, catalog


@require_safe
@noindex
def shared_plan(request, token: str):
    link, initial, catalog = _shared(token)
    initial["money"] = MoneyForm.choice(request.GET)
    context = {
        "plan": link.plan,
        "link": link,
        "initial": initial,
        "names": describe(initial, catalog),
        "panel": _panel(initial, catalog, shared=True),
    }
    return _render(request, "careerpath/shared_plan.html", context)


# Compare -----------------------------------------------------------------------------------------


@login_required
@require_safe
def plan_compare(request):
    if not (request.GET.get("a") and request.GET.get("b")):  # "Compare" on a plan page names one
        plans = Plan.objects.filter(owner=request.user).only("id", "title")[:200]
        return render(request, "careerpath/plan_compare.html", {"choices": plans, "nav": "plans"})
    form = CompareForm(request.GET, owner=request.user)
    if not form.is_valid():
        raise Http404  # not two of this person's plans: say no more than that
    catalog, year = get_catalog(), this_year()
    plans = form.cleaned_data["plans"]
    horizon = max(plan.horizon_years for plan in plans)  # both plans over the same years
    sides = []
    for plan in plans:
        initial = {**initial_from_plan(plan, [s.pk for s in plan.skills.all()], catalog), "horizon_years": horizon}
        projection = project(profile_from_initial(initial), catalog, year)
        sides.append({"plan": plan, "names": describe(initial, catalog), "initial": initial, "projection": projection})
    rows = compare_display(exports.compare_rows(sides[0]["projection"], sides[1]["projection"]), sides[1]["plan"].title)
    context = {
        "a": sides[0],
        "b": sides[1],
        "rows": rows,
        "highlights": compare_highlights(rows),
        "earnings": exports.compare_earnings(sides[0]["projection"], sides[1]["projection"]),
        "catalog": catalog,
        "nav": "plans",
    }
    return render(request, "careerpath/plan_compare.html", context)


# Exports -----------------------------------------------------------------------------------------


def _plan_projection(request, plan_id: int):
    plan = _own_plan(request, plan_id)
    catalog = get_catalog()
    initial = initial_from_plan(plan, _skill_ids(plan), catalog)
    return plan, project(profile_from_initial(initial), catalog, this_year()), catalog


def _shared_projection(token: str):
    link, initial, catalog = _shared(token)
    return link.plan, project(profile_from_initial(initial), catalog, this_year()), catalog


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
    plan, projection, catalog = _plan_projection(request, plan_id)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version)
    return _json(body, f"plan-{plan.pk}-projection.json")


@login_required
@require_safe
def projection_csv(request, plan_id: int):
    plan, projection, _catalog = _plan_projection(request, plan_id)
    return _csv(exports.projection_rows(projection), f"plan-{plan.pk}-projection.csv")


@login_required
@require_safe
def earnings_csv(request, plan_id: int):
    plan, projection, _catalog = _plan_projection(request, plan_id)
    return _csv(exports.earnings_rows(projection), f"plan-{plan.pk}-earnings.csv")


# The exports of a share link: what its page shows, the pay only if the owner allowed it.


@require_safe
@noindex
def shared_projection_json(request, token: str):
    plan, projection, catalog = _shared_projection(token)
    body = exports.projection_dict(plan, projection, data_version=catalog.data_version, shared=True)
    return _json(body, "shared-plan-projection.json")


@require_safe
@noindex
def shared_projection_csv(request, token: str):
    _, projection, _catalog = _shared_projection(token)
    return _csv(exports.projection_rows(projection), "shared-plan-projection.csv")


@require_safe
@noindex
def shared_earnings_csv(request, token: str):
    _, projection, _catalog = _shared_projection(token)
    return _csv(exports.earnings_rows(projection), "shared-plan-earnings.csv")


# Methodology and health --------------------------------------------------------------------------


@require_safe
def methodology(request):
    context = {**methodology_context(get_catalog()), "nav": "methodology"}
    return render(request, "careerpath/methodology.html", context)


@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
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
