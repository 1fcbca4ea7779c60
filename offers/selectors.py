"""Reads of offers: always through the owner, so nobody else's offer is ever found (a 404, not a 403)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from careerpath.models import Plan

from .models import Offer

MAX_CHOICES = 200


def offers_of(user) -> QuerySet[Offer]:
    return Offer.objects.filter(owner=user)


def own_offer(user, offer_id: int) -> Offer:
    return get_object_or_404(Offer, pk=offer_id, owner=user)


def plans_of(user) -> QuerySet[Plan]:
    """The owner's plans, for choosing one beside an offer."""
    return Plan.objects.filter(owner=user).only("id", "title")[:MAX_CHOICES]


def compare_set(user, ids: list[int]) -> list[Offer]:
    """The owner's offers with these ids, in the order asked (ids that are not theirs are simply absent)."""
    found = {offer.pk: offer for offer in offers_of(user).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def own_plan(user, plan_id: int) -> Plan:
    return get_object_or_404(Plan, pk=plan_id, owner=user)
