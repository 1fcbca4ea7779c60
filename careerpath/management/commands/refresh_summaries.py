"""Store the My plans summary of every plan the salary data moved since: run after a data change (cron, deploy)."""

from django.core.management.base import BaseCommand

from careerpath import services
from careerpath.clock import this_year
from compensation.catalog import get_catalog


class Command(BaseCommand):
    help = "Store the summary (next step, year, pay, percentile) of every plan computed at an older data version."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="Plans projected and written per transaction.")

    def handle(self, *args, batch: int, **options):
        stored = services.refresh_summaries(get_catalog(), this_year(), batch=batch)
        self.stdout.write(f"Stored {stored} plan summar{'y' if stored == 1 else 'ies'}.")
