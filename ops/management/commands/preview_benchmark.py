"""Time the admin's "Preview effect" on the saved plans of this database (e.g. after `seed_scale`).

The preview raises one band by a factor and reports what it does to the saved plans, as the admin
page does; this prints the time it took, best and median of a few runs.
"""

from __future__ import annotations

import statistics
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from careerpath.clock import this_year
from compensation import state
from compensation.catalog import catalog_from_state, get_catalog
from publishing.impact import SAMPLE, effect


class Command(BaseCommand):
    help = "Time the admin's preview of a band change on every saved plan (sampled beyond --sample plans)."

    def add_arguments(self, parser):
        parser.add_argument("--band", default="location-seattle", help="The band to change (slug).")
        parser.add_argument("--factor", type=Decimal, default=Decimal("1.05"), help="Multiplies its min and max.")
        parser.add_argument("--sample", type=int, default=SAMPLE, help="Plans examined at most.")
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, band: str, factor: Decimal, sample: int, runs: int, **options):
        rows, ids = state.state_from_db()
        if band not in rows["salaryband"]:
            raise CommandError(f"No band {band!r}.")
        row = rows["salaryband"][band]
        rows["salaryband"][band] = {
            **row,
            "min_amount": f"{Decimal(row['min_amount']) * factor:.2f}",
            "max_amount": f"{Decimal(row['max_amount']) * factor:.2f}",
        }
        current = get_catalog()
        candidate = catalog_from_state(rows, version=-1, ids=ids)
        results = [
            effect(current, candidate, this_year(), sample=sample, seed=run, deadline=None) for run in range(runs)
        ]
        last = results[-1]
        times = [r.seconds for r in results]
        self.stdout.write(
            f"preview of {band} × {factor}: {last.plans} plans, {last.examined} examined "
            f"({'random sample' if last.sampled else 'all'}), {last.profiles} distinct inputs, "
            f"~{last.overall.moved} moved (median {last.overall.median_text}); "
            f"best {min(times):.2f} s, median {statistics.median(times):.2f} s of {runs} runs"
        )
