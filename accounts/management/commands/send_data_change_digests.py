"""Email each opted-in person one digest per version of the salary data that moved a plan of theirs.

Run it from cron or a systemd timer (README, "Notifications"). A person is written to only when a
plan moved by more than their threshold since they last saw it or were last written to, and never
twice for the same version: each digest sent is recorded.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction

from accounts.models import DataChangeAlert, DigestSent
from careerpath.clock import this_year
from careerpath.models import Plan
from careerpath.notices import notice_for
from compensation.catalog import get_catalog


def digest_body(user, lines: list[tuple[Plan, str]]) -> str:
    site = settings.SITE_URL.rstrip("/")
    parts = ["The salary data behind CareerPath changed, and it moves these plans of yours:", ""]
    for plan, sentence in lines:
        parts += [f"{plan.title}", sentence, f"{site}{plan.get_absolute_url()}", ""]
    parts += [f"You get this because you asked to be told. To stop, change the setting on {site}/accounts/."]
    return "\n".join(parts)


class Command(BaseCommand):
    help = "Email opted-in owners whose plans the latest salary data moved past their threshold, once per version."

    def handle(self, *args, **options):
        catalog = get_catalog()
        version, year = catalog.data_version, this_year()
        alerts = (
            DataChangeAlert.objects.filter(threshold__isnull=False)
            .exclude(user__data_digests__data_version=version)
            .select_related("user")
        )
        sent = 0
        for alert in alerts.iterator():
            user = alert.user
            last = (
                DigestSent.objects.filter(user=user)
                .order_by("-data_version")
                .values_list("data_version", flat=True)
                .first()
            )
            lines = []
            for plan in Plan.objects.filter(owner=user).order_by("-updated", "-id"):
                since = max(filter(lambda v: v is not None, (plan.seen_data_version, last)), default=None)
                if since is None or since >= version:
                    continue
                skills = list(plan.skills.values_list("id", flat=True))
                notice = notice_for(plan, skills, catalog, year, since=since)
                if notice is not None and abs(notice.change.largest) > alert.threshold:
                    lines.append((plan, notice.sentence()))
            if not lines or not user.email:
                continue
            try:
                with transaction.atomic():
                    DigestSent.objects.create(user=user, data_version=version, plans=len(lines))
                    what = f"{len(lines)} of your plans moved" if len(lines) > 1 else f"“{lines[0][0].title}” moved"
                    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}The salary data changed: {what}"
                    send_mail(subject, digest_body(user, lines), None, [user.email])
            except IntegrityError:
                continue  # another run sent it meanwhile
            sent += 1
        self.stdout.write(f"Version {version}: {sent} digest{'s' if sent != 1 else ''} sent.")
