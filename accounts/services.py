"""Data-change digests: one email per person per version of the salary data that moved a plan or an offer
of theirs.

Each person is handled on their own. An error while writing to one (a title that breaks a header, a
mail server refusing an address, anything else) is logged with their user id and the run goes on to
the next; the report says who failed. A digest is recorded as sent only after its send succeeded, so
a failed one is tried again on the next run. Every digest carries a signed one-click unsubscribe link
(RFC 8058) that turns the person's alerts off without logging in.
"""

from __future__ import annotations

import datetime
import logging
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import salted_hmac

from careerpath.clock import this_year
from careerpath.models import Plan
from careerpath.notices import notice_for
from compensation.catalog import get_catalog
from compensation.validation import one_line
from engine.catalog import Catalog
from offers.models import Offer
from offers.notices import offer_notice

from .models import DataChangeAlert, DigestSent

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "accounts.unsubscribe.data-change-alerts"


@dataclass
class DigestReport:
    """What one run did: the user ids written to, and those whose digest failed (see the log)."""

    version: int
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def summary(self) -> str:
        sent = f"{len(self.sent)} digest{'s' if len(self.sent) != 1 else ''} sent"
        if not self.failed:
            return f"Version {self.version}: {sent}."
        ids = ", ".join(str(user_id) for user_id in self.failed)
        return f"Version {self.version}: {sent}, {len(self.failed)} failed (user ids {ids}; see the log)."


# One-click unsubscribe ------------------------------------------------------------------------


# How long a digest's unsubscribe link works: 60 days, well past the next digests; after that the page says
# the link has expired and points to the account page's setting.
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=60)


class ExpiredToken(signing.BadSignature):
    """A sound unsubscribe token older than UNSUBSCRIBE_MAX_AGE."""


def _mask(nonce: str) -> int:
    """A 64-bit pad for one token, from SECRET_KEY and the token's random nonce (a keyed PRF)."""
    return int.from_bytes(salted_hmac(UNSUBSCRIBE_SALT, nonce).digest()[:8], "big")


def unsubscribe_token(user_id: int) -> str:
    """A token for the person, signed with SECRET_KEY and timed (TimestampSigner), that cannot be guessed
    and does not show who it is for: the user id travels XORed with a pad only the server can make (a signed
    payload is only base64, and showed `{"user": 7}` to anyone who decoded it)."""
    nonce = secrets.token_urlsafe(9)
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(f"{nonce}.{user_id ^ _mask(nonce):x}")


def user_id_from_unsubscribe_token(token: str) -> int:
    """The user id a token is for; `ExpiredToken` once it is older than UNSUBSCRIBE_MAX_AGE, and
    `signing.BadSignature` for a tampered, foreign or malformed one."""
    signer = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)
    try:
        value = signer.unsign(token, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken("expired unsubscribe token") from error
    except ValueError as error:  # signed with our salt and key, but without a timestamp
        raise signing.BadSignature("malformed unsubscribe token") from error
    nonce, _, masked = value.partition(".")
    try:
        user_id = int(masked, 16) ^ _mask(nonce)
    except ValueError as error:  # signed with our salt, but not a token we made
        raise signing.BadSignature("malformed unsubscribe token") from error
    if not nonce or not 0 < user_id < 2**63:
        raise signing.BadSignature("malformed unsubscribe token")
    return user_id


def unsubscribe_url(user_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("account_unsubscribe", args=[unsubscribe_token(user_id)])


def turn_alerts_off(user_id: int) -> None:
    DataChangeAlert.objects.filter(user_id=user_id).update(threshold=None)


# Digests ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moved:
    """One plan or offer a digest names: its title, its page and what moved, in a sentence."""

    title: str
    path: str
    sentence: str
    kind: str = "plans"


def _since(seen: int | None, last: int | None) -> int | None:
    return max(filter(lambda v: v is not None, (seen, last)), default=None)


def moved_plans(user, threshold: int, catalog: Catalog, year: int) -> list[Moved]:
    """The person's plans, then offers, the data moved past their threshold since they saw them or were last
    written to (a step's pay, the person's own pay in its band, an offer's band position or counter-offer)."""
    version = catalog.data_version
    last = DigestSent.objects.filter(user=user).order_by("-data_version").values_list("data_version", flat=True).first()
    lines = []
    for plan in Plan.objects.filter(owner=user).order_by("-updated", "-id"):
        since = _since(plan.seen_data_version, last)
        if since is None or since >= version:
            continue
        skills = list(plan.skills.values_list("id", flat=True))
        notice = notice_for(plan, skills, catalog, year, since=since)
        if notice is not None and abs(notice.largest) > threshold:
            lines.append(Moved(plan.title, plan.get_absolute_url(), notice.sentence()))
    for offer in Offer.objects.filter(owner=user).order_by("-updated", "-id"):
        since = _since(offer.seen_data_version, last)
        if since is None or since >= version:
            continue
        found = offer_notice(offer, catalog, year, since=since)
        if found is not None and abs(found.largest) > threshold:
            lines.append(Moved(f"Offer: {offer.company}", offer.get_absolute_url(), found.sentence(), "offers"))
    return lines


def kinds_of(lines: list[Moved]) -> str:
    """ "plans", "offers" or "plans and offers": what the digest names."""
    return " and ".join(kind for kind in ("plans", "offers") if any(line.kind == kind for line in lines))


def digest_message(user, lines: list[Moved], connection=None) -> EmailMessage:
    """The digest email: a one-line subject, a body from templates/email/, the RFC 8058 headers."""
    site = settings.SITE_URL.rstrip("/")
    what = f"{len(lines)} of your {kinds_of(lines)} moved" if len(lines) > 1 else f"“{lines[0].title}” moved"
    subject = one_line(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}The salary data changed: {what}")
    unsubscribe = unsubscribe_url(user.pk)
    context = {
        "kinds": kinds_of(lines),
        "plans": [{"title": line.title, "sentence": line.sentence, "url": site + line.path} for line in lines],
        "account_url": site + reverse("account_overview"),
        "unsubscribe_url": unsubscribe,
    }
    return EmailMessage(
        subject,
        render_to_string("email/data_change_digest.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        connection=connection,
    )


def send_data_change_digests(catalog: Catalog | None = None, year: int | None = None) -> DigestReport:
    """Email each opted-in person whose plans the latest data moved past their threshold, once per version."""
    catalog = catalog or get_catalog()
    year = year or this_year()
    version = catalog.data_version
    report = DigestReport(version)
    alerts = (
        DataChangeAlert.objects.filter(threshold__isnull=False)
        .exclude(user__data_digests__data_version=version)
        .select_related("user")
        .order_by("user_id")
    )
    connection = get_connection()
    for alert in alerts.iterator():
        user = alert.user
        try:
            if not user.email:
                continue
            lines = moved_plans(user, alert.threshold, catalog, year)
            if not lines:
                continue
            digest_message(user, lines, connection).send()
        except Exception:
            logger.exception("The data-change digest of version %s to user %s failed", version, user.pk)
            report.failed.append(user.pk)
            connection.close()  # the next send opens a fresh connection whatever state this one is in
            continue
        try:
            with transaction.atomic():  # get_or_create: another run may have recorded it meanwhile
                DigestSent.objects.get_or_create(user=user, data_version=version, defaults={"plans": len(lines)})
        except Exception:
            logger.exception(
                "The data-change digest of version %s to user %s went but was not recorded", version, user.pk
            )
            report.failed.append(user.pk)
            continue
        report.sent.append(user.pk)
    return report
