"""Fill the database with many users and plans quickly (bulk inserts), for the scale benchmark."""

import random
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from careerpath.models import Plan
from compensation.catalog import get_catalog

BATCH = 5000


class Command(BaseCommand):
    help = "Create N synthetic users with M plans in all (bench-user-<n>@example.com), using bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=100_000)
        parser.add_argument("--plans", type=int, default=500_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, users: int, plans: int, seed: int, **options):
        rng = random.Random(seed)
        catalog = get_catalog()
        ids = catalog.ids
        levels = [ids["role"][r.slug] for r in catalog.levels()]
        User = get_user_model()
        started = time.monotonic()
        password = make_password("bench-password-not-for-login")  # one hash: hashing each would take hours
        first = User.objects.filter(username__startswith="bench-user-").count()
        with transaction.atomic():
            for start in range(first, users, BATCH):
                User.objects.bulk_create(
                    User(username=f"bench-user-{n}", email=f"bench-user-{n}@example.com", password=password)
                    for n in range(start, min(users, start + BATCH))
                )
        user_ids = list(User.objects.filter(username__startswith="bench-user-").values_list("id", flat=True))
        skill_ids = list(ids["skill"].values())
        through = Plan.skills.through
        made = Plan.objects.filter(owner_id__in=user_ids[:1]).count() if user_ids else 0
        with transaction.atomic():
            for start in range(made, plans, BATCH):
                batch = Plan.objects.bulk_create(
                    Plan(
                        owner_id=user_ids[n % len(user_ids)],
                        title=f"Plan {n}",
                        current_level_id=rng.choice(levels),
                        years_experience=rng.randint(0, 20),
                        location_id=rng.choice(list(ids["location"].values())),
                        industry_id=rng.choice(list(ids["industry"].values())),
                        company_type_id=rng.choice(list(ids["company_type"].values())),
                        education_id=rng.choice(list(ids["education"].values())),
                        work_mode="onsite",
                    )
                    for n in range(start, min(plans, start + BATCH))
                )
                through.objects.bulk_create(
                    through(plan_id=p.pk, skill_id=s) for p in batch for s in rng.sample(skill_ids, rng.randint(0, 3))
                )
        elapsed = time.monotonic() - started
        self.stdout.write(f"{len(user_ids)} bench users, {Plan.objects.count()} plans in all ({elapsed:.0f} s)")
