"""Account page, data export, account deletion (allauth ships neither) and the digests' unsubscribe link."""

from __future__ import annotations

import datetime

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careerpath.models import Plan, ShareLink
from careerpath.profiles import PROFILE_FIELDS, values_from_plan
from compensation.catalog import get_catalog
from compensation.models import Skill
from engine.catalog import Catalog
from offers.models import Offer
from offers.selectors import export_of as offers_export

from . import services
from .forms import DataChangeAlertForm, DeleteAccountForm
from .models import DataChangeAlert

EXPORT_FORMAT = "careerpath-export"
EXPORT_VERSION = 1


def _when(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _plan_export(plan: Plan, catalog: Catalog) -> dict:
    values = values_from_plan(plan, [skill.pk for skill in plan.skills.all()], catalog)
    return {
        "id": plan.pk,
        "title": plan.title,
        **{name: values[name] for name in PROFILE_FIELDS},
        "skills": sorted(values["skills"]),
        "target_track": values["target_track"] or None,
        "notes": plan.notes,
        "paid_years": plan.paid_years,  # a plan started from an offer: its first years as paid
        "created": _when(plan.created),
        "updated": _when(plan.updated),
        "share_links": [
            {
                "token": link.token,
                "created": _when(link.created),
                "revoked": _when(link.revoked),
                "show_pay": link.show_pay,
            }
            for link in plan.share_links.all()
        ],
    }


def account_export(user, exported_at: datetime.datetime) -> dict:
    """Everything stored about `user`, as plain data. Five queries however many plans and offers there are."""
    catalog = get_catalog()
    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    plans = (
        Plan.objects.filter(owner=user)
        .prefetch_related(
            Prefetch("skills", queryset=Skill.objects.only("id")),
            Prefetch("share_links", queryset=ShareLink.objects.order_by("created", "id")),
        )
        .order_by("created", "id")
    )
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _when(exported_at),
        "account": {
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in addresses
            ],
        },
        "plans": [_plan_export(plan, catalog) for plan in plans],
        "offers": offers_export(user),
    }


@require_safe
@login_required
def overview(request: HttpRequest):
    alert = DataChangeAlert.objects.filter(user=request.user).first()
    context = {
        "nav": "account",
        "plan_count": Plan.objects.filter(owner=request.user).count(),
        "alert_form": DataChangeAlertForm(initial={"threshold": alert.threshold if alert else None}),
    }
    return render(request, "accounts/overview.html", context)


@require_POST
@login_required
def data_change_alerts(request: HttpRequest):
    form = DataChangeAlertForm(request.POST)
    if not form.is_valid():
        context = {"nav": "account", "plan_count": Plan.objects.filter(owner=request.user).count(), "alert_form": form}
        return render(request, "accounts/overview.html", context, status=400)
    threshold = form.cleaned_data["threshold"]
    DataChangeAlert.objects.update_or_create(user=request.user, defaults={"threshold": threshold})
    if threshold:
        messages.success(
            request, f"We will email you when a change of the salary data moves a plan by more than {threshold} %."
        )
    else:
        messages.success(request, "We will not email you about changes of the salary data.")
    return redirect("account_overview")


@require_safe
@login_required
@never_cache
def export(request: HttpRequest):
    now = timezone.now()
    response = JsonResponse(account_export(request.user, now), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="careerpath-export-{now:%Y-%m-%d}.json"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@never_cache
def delete(request: HttpRequest):
    """Delete the account and, by cascade, its email addresses, plans, share links and offers."""
    # Bound on every POST, even an empty one, so a missing password is reported as an error.
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                request.user.delete()
                logout(request)
            messages.success(request, "Your account and all its data have been deleted.")
            return redirect("home")
        status = 400
    else:
        status = 200
    plan_count = Plan.objects.filter(owner=request.user).count()
    offer_count = Offer.objects.filter(owner=request.user).count()
    context = {"nav": "account", "form": form, "plan_count": plan_count, "offer_count": offer_count}
    return render(request, "accounts/delete.html", context, status=status)


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no session and no token
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def unsubscribe(request: HttpRequest, token: str):
    """The one-click link of a digest: POST turns the person's alerts off; GET asks first.

    A GET never unsubscribes, so a link scanner that opens every link in an email changes nothing.
    """
    try:
        user_id = services.user_id_from_unsubscribe_token(token)
    except services.ExpiredToken:
        days = services.UNSUBSCRIBE_MAX_AGE.days
        return render(request, "accounts/unsubscribe.html", {"expired": True, "days": days}, status=410)
    except signing.BadSignature:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.turn_alerts_off(user_id)
        return render(request, "accounts/unsubscribe.html", {"done": True})
    return render(request, "accounts/unsubscribe.html", {"token": token})
