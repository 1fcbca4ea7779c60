"""An estimate survives sign-up in any browser.

"Sign up to save it" sends the estimate form, pay included, by POST (pay never goes into a URL): its inputs
wait in the session until the account is created, and are then kept with it (a PendingEstimate), because the
confirmation link may be opened in another browser, where that session does not exist. (An older link carried
the pay-less inputs in `next`, the new-plan address; those are kept too.) Each log-in notes a kept estimate in
the session, and My plans offers to save it (templatetags/estimates.py) until it is saved, dismissed or a plan
is saved; the offer, the page that shows it and the saved plan say whether it carries the person's pay.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from allauth.account.signals import user_signed_up
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import QueryDict
from django.urls import reverse

from careerpath.forms import PlanForm, PreviewForm
from careerpath.models import Plan
from careerpath.profiles import PAY_FIELDS
from compensation.catalog import get_catalog
from compensation.money import format_money

from .models import PendingEstimate

SESSION_KEY = "pending_estimate"
SIGN_UP_KEY = "estimate_for_sign_up"  # the inputs "Sign up to save it" sent, until the account exists
PLAN_TITLE = "My career plan"  # what the new-plan page proposes too


def estimate_query(next_url: str) -> str | None:
    """The inputs of a new-plan address ("/plans/new/?location=london&…") if they make a valid estimate."""
    parts = urlsplit(next_url or "")
    if parts.scheme or parts.netloc or parts.path != reverse("plan_new") or not parts.query:
        return None
    return valid_query(parts.query)


def valid_query(query: str) -> str | None:
    """`query` if it is the inputs of a valid estimate that fits a PendingEstimate."""
    if len(query) > PendingEstimate._meta.get_field("query").max_length:
        return None
    preview = PreviewForm.from_query(QueryDict(query), get_catalog())
    return query if preview is not None and preview.is_valid() else None


def keep_estimate(user, next_url: str, query: str | None = None) -> PendingEstimate | None:
    """Keep the inputs "Sign up to save it" sent (`query`, pay included), else those of an older link's `next`."""
    query = (query and valid_query(query)) or estimate_query(next_url)
    if query is None:
        return None
    estimate, _ = PendingEstimate.objects.update_or_create(user=user, defaults={"query": query})
    return estimate


def plan_form(estimate: PendingEstimate) -> PlanForm:
    """The plan form, bound to the kept inputs and the title the new-plan page proposes."""
    data = QueryDict(estimate.query, mutable=True)
    data["title"] = PLAN_TITLE
    return PlanForm(data, catalog=get_catalog())


def describe(estimate: PendingEstimate) -> str:
    """ "Mid-level ML Engineer in London" (names as the catalog has them)."""
    data = QueryDict(estimate.query)
    catalog = get_catalog()
    role = catalog.roles.get(data.get("current_level", ""))
    location = catalog.locations.get(data.get("location", ""))
    return " in ".join(item.name for item in (role, location) if item is not None)


def pay_less(query: str) -> str:
    """The estimate's inputs without its pay: what an address may carry."""
    data = QueryDict(query, mutable=True)
    for name in PAY_FIELDS:
        data.pop(name, None)
    return data.urlencode()


PAY_WORDS = {"current_base": "base", "current_bonus": "bonus", "current_equity": "equity"}


def describe_pay(estimate: PendingEstimate) -> str:
    """ "base £80,000 a year, bonus £6,000" (in the location's currency, as the estimate settled it), or ""."""
    data = QueryDict(estimate.query)
    location = get_catalog().locations.get(data.get("location", ""))
    if location is None or not data.get("current_base", "").isdigit():
        return ""
    given = [(PAY_WORDS[name], data.get(name, "")) for name in PAY_FIELDS]
    currency = location.currency
    return ", ".join(f"{word} {format_money(int(amount), currency)}" for word, amount in given if amount.isdigit())


@receiver(user_signed_up, dispatch_uid="accounts.keep_estimate")
def keep_estimate_on_sign_up(sender, request, user, **kwargs) -> None:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    keep_estimate(user, next_url, request.session.pop(SIGN_UP_KEY, None))


@receiver(user_logged_in, dispatch_uid="accounts.note_estimate")
def note_estimate_on_log_in(sender, request, user, **kwargs) -> None:
    """One query per log-in, so that My plans asks the database only when there is something to offer."""
    if request is None or not hasattr(request, "session"):
        return
    estimate = PendingEstimate.objects.filter(user=user).only("pk").first()
    if estimate is not None:
        request.session[SESSION_KEY] = estimate.pk


@receiver(post_save, sender=Plan, dispatch_uid="accounts.estimate_used")
def forget_estimate_once_a_plan_is_saved(sender, instance: Plan, created: bool, **kwargs) -> None:
    """A new plan (from the offer, or from the new-plan page sign-up returned to) uses the estimate up."""
    if created:
        PendingEstimate.objects.filter(user_id=instance.owner_id).delete()
