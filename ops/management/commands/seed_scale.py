"""Fill the database with many users and plans quickly, for the scale benchmark (scripts/bench.sh).

Users are `bench-user-<n>`; plan n belongs to user n mod users, so with the defaults (100,000 users,
500,000 plans) every user has five plans and `bench-user-0` is a typical user. On PostgreSQL rows go
in with COPY (about a minute in all); other databases get large `bulk_create` batches. Each batch
commits on its own, in order, so an interrupted run resumes where it stopped and a finished one
does nothing.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Iterable, Iterator, Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from careerpath.models import Plan
from compensation.catalog import get_catalog

PREFIX = "bench-user-"
BATCH = 50_000


def username(n: int) -> str:
    return f"{PREFIX}{n}"


class Command(BaseCommand):
    help = "Create N synthetic users (bench-user-<n>) with M plans in all, by COPY or bulk inserts. Resumable."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=100_000)
        parser.add_argument("--plans", type=int, default=500_000)
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed makes the same plans.")

    def handle(self, *args, users: int, plans: int, seed: int, **options):
        if users < 1 or plans < 0:
            raise CommandError("--users must be at least 1 and --plans at least 0.")
        self.copy = connection.vendor == "postgresql"
        started = time.monotonic()
        user_ids = self.seed_users(users)
        made = self.seed_plans(user_ids, plans, seed)
        if self.copy and made:
            # Statistics for the planner, and the vacuum autovacuum would otherwise start mid-benchmark. VACUUM
            # cannot run inside a transaction (a test's): there, ANALYZE alone gives the planner its statistics.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                for model in (get_user_model(), Plan, Plan.skills.through):
                    cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"{len(user_ids)} bench users, {plans} bench plans ({made} new), "
            f"{Plan.objects.count()} plans in all ({elapsed:.0f} s, {'COPY' if self.copy else 'bulk_create'})"
        )

    # Users ---------------------------------------------------------------------------------------

    def seed_users(self, users: int) -> list[int]:
        """Create the missing bench-user-0 … bench-user-<users-1>; return their ids in that order."""
        User = get_user_model()
        existing = dict(User.objects.filter(username__startswith=PREFIX).values_list("username", "id"))
        missing = [n for n in range(users) if username(n) not in existing]
        password = make_password("bench-password-not-for-login")  # one hash: hashing each would take hours
        now = timezone.now()
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            rows = (
                {
                    "username": username(n),
                    "email": f"{username(n)}@example.com",
                    "password": password,
                    "first_name": "",
                    "last_name": "",
                    "is_staff": False,
                    "is_superuser": False,
                    "is_active": True,
                    "date_joined": now,
                    "last_login": None,
                }
                for n in chunk
            )
            self.insert(User, rows)
            self.stdout.write(f"  users: {start + len(chunk)} of {len(missing)} created")
        if missing:
            existing = dict(User.objects.filter(username__startswith=PREFIX).values_list("username", "id"))
        return [existing[username(n)] for n in range(users)]

    # Plans ---------------------------------------------------------------------------------------

    def seed_plans(self, user_ids: Sequence[int], plans: int, seed: int) -> int:
        """Create plans `made` … plans-1, where `made` is how many bench plans exist already.

        Batches commit whole and in order, so the number of bench plans is the index of the next one.
        """
        made = Plan.objects.filter(owner__username__startswith=PREFIX).count()
        if made >= plans:
            return 0
        catalog = get_catalog()
        ids = catalog.ids
        choices = {
            "level": [ids["role"][r.slug] for r in catalog.levels()],
            "location": sorted(ids["location"].values()),
            "industry": sorted(ids["industry"].values()),
            "company_type": sorted(ids["company_type"].values()),
            "education": sorted(ids["education"].values()),
            "skill": sorted(ids["skill"].values()),
            "work_mode": [mode for mode, _ in Plan.WorkMode.choices],
            "data_version": catalog.data_version,
        }
        newest = timezone.now()
        for start in range(made, plans, BATCH):
            stop = min(plans, start + BATCH)
            # One generator per batch, seeded by its start: a resumed run makes the same plans.
            rng = random.Random(f"{seed}-{start}")
            rows = [
                self.plan_row(n, user_ids, choices, rng, newest - datetime.timedelta(minutes=plans - n))
                for n in range(start, stop)
            ]
            skills = [rng.sample(choices["skill"], rng.randint(0, 3)) for _ in rows]
            with transaction.atomic():
                plan_ids = self.insert(Plan, rows, returning=True)
                self.insert(
                    Plan.skills.through,
                    (
                        {"plan_id": pk, "skill_id": skill}
                        for pk, chosen in zip(plan_ids, skills, strict=True)
                        for skill in chosen
                    ),
                )
            self.stdout.write(f"  plans: {stop} of {plans}")
        return plans - made

    @staticmethod
    def plan_row(n: int, user_ids: Sequence[int], choices: dict, rng: random.Random, when: datetime.datetime) -> dict:
        return {
            "owner_id": user_ids[n % len(user_ids)],
            "title": f"Plan {n}",
            "current_level_id": rng.choice(choices["level"]),
            "years_experience": rng.randint(0, 20),
            "location_id": rng.choice(choices["location"]),
            "industry_id": rng.choice(choices["industry"]),
            "company_type_id": rng.choice(choices["company_type"]),
            "education_id": rng.choice(choices["education"]),
            "work_mode": rng.choice(choices["work_mode"]),
            "target_track_id": None,
            "target_year": None,
            "notes": "",
            "created": when,
            "updated": when,
            "version": 1,
            # COPY fills no model defaults: every column without a database default is named.
            "horizon_years": Plan._meta.get_field("horizon_years").default,
            "client_market": Plan._meta.get_field("client_market").default,
            "seen_data_version": choices["data_version"],
        }

    # Writing ---------------------------------------------------------------------------------------

    def insert(self, model: type[models.Model], rows: Iterable[dict], returning: bool = False) -> list[int]:
        """Insert rows (dicts of column values); with `returning`, the new ids in the rows' order."""
        rows = list(rows)
        if not rows:
            return []
        if not self.copy:
            objects = model.objects.bulk_create((model(**row) for row in rows), batch_size=5000)
            return [obj.pk for obj in objects]
        table = connection.ops.quote_name(model._meta.db_table)
        ids: list[int] = []
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            if returning:
                # COPY returns nothing, so take the ids from the table's sequence first.
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [model._meta.db_table, len(rows)],
                )
                ids = [pk for (pk,) in cursor.fetchall()]
                rows = [{"id": pk, **row} for pk, row in zip(ids, rows, strict=True)]
            columns = list(rows[0])
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in _values(rows, columns):
                    copy.write_row(row)
        return ids


def _values(rows: list[dict], columns: list[str]) -> Iterator[tuple]:
    for row in rows:
        yield tuple(row[c] for c in columns)
