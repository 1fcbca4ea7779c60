"""Reads of offers: always through the owner, so nobody else's offer is ever found (a 404, not a 403)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from careerpath.models import Plan

from .mapping import PLAIN
from .models import Offer

MAX_CHOICES = 200


def offers_of(user) -> QuerySet[Offer]:
    return Offer.objects.filter(owner=user)


def own_offer(user, offer_id: int) -> Offer:
    """The owner's offer with the plan it is tied to (one query), or a 404."""
    return get_object_or_404(Offer.objects.select_related("plan"), pk=offer_id, owner=user)


def plans_of(user) -> QuerySet[Plan]:
    """The owner's plans, for choosing one beside an offer."""
    return Plan.objects.filter(owner=user).only("id", "title")[:MAX_CHOICES]


def compare_set(user, ids: list[int]) -> list[Offer]:
    """The owner's offers with these ids, in the order asked (ids that are not theirs are simply absent)."""
    found = {offer.pk: offer for offer in offers_of(user).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def export_of(user) -> list[dict]:
    """Every offer of `user` as plain data, for the account export (one query, oldest first): its form values
    (`mapping.PLAIN`), decimals as strings."""
    offers = offers_of(user).select_related("location", "level", "industry", "company_type").order_by("created", "id")
    rows = []
    for offer in offers:
        row: dict = {
            "id": offer.pk,
            "location": offer.location.slug,
            "level": offer.level.slug,
            "industry": offer.industry.slug,
            "company_type": offer.company_type.slug,
        }
        for name in PLAIN:
            value = getattr(offer, name)
            row[name] = str(value) if isinstance(value, Decimal) else value
        row.update(
            start_date=offer.start_date.isoformat(),
            plan=offer.plan_id,
            created=offer.created.isoformat(),
            updated=offer.updated.isoformat(),
        )
        rows.append(row)
    return rows
