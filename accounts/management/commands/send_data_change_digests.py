"""Email each opted-in person one digest per version of the salary data that moved a plan of theirs.

Run it from cron or a systemd timer (docs/data.md, "Email digests"). The work is `accounts.services.
send_data_change_digests`: each person on their own, a failure logged with the user id. The exit
status is the number of people whose digest failed (0 when none did, at most 100).
"""

from django.core.management.base import BaseCommand, CommandError

from accounts.services import send_data_change_digests


class Command(BaseCommand):
    help = "Email opted-in owners whose plans the latest salary data moved past their threshold, once per version."

    def handle(self, *args, **options):
        report = send_data_change_digests()
        if report.failed:
            raise CommandError(report.summary(), returncode=min(len(report.failed), 100))
        self.stdout.write(report.summary())
