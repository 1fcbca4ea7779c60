"""Create (or refresh) a demo user with three sample plans, so a newcomer sees the product at once."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from careerpath import services
from careerpath.forms import PlanForm
from compensation.catalog import get_catalog

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-careerpath-2025"  # noqa: S105 (a public demo account, local use only)

SAMPLE_PLANS = [
    {
        "title": "Bangalore, starting out",
        "current_level": "entry",
        "years_experience": "1",
        "location": "bangalore",
        "industry": "retail-ecommerce",
        "company_type": "startup",
        "education": "bachelors",
        "skills": ["deep-learning", "software-engineering"],
        "work_mode": "onsite",
        "target_track": "ic",
    },
    {
        "title": "Seattle fintech, mid-level",
        "current_level": "mid",
        "years_experience": "4",
        "location": "seattle",
        "industry": "finance-fintech",
        "company_type": "large",
        "education": "masters",
        "skills": ["deep-learning", "cloud-platforms", "big-data"],
        "work_mode": "onsite",
        "target_track": "management",
    },
    {
        "title": "SF senior at big tech",
        "current_level": "senior",
        "years_experience": "7",
        "location": "sf-bay-area",
        "industry": "technology-faang",
        "company_type": "large",
        "education": "phd",
        "skills": ["deep-learning", "nlp", "reinforcement-learning", "cloud-platforms"],
        "work_mode": "onsite",
        "target_track": "research",
    },
]


class Command(BaseCommand):
    help = "Create a demo user (demo@example.com) with three sample plans. Only when DEBUG is on, unless --force."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            self.stdout.write("DEBUG is off: no demo user created (use --force to create one anyway).")
            return
        user, _ = get_user_model().objects.get_or_create(username="demo", defaults={"email": DEMO_EMAIL})
        user.email = DEMO_EMAIL
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True})
        catalog = get_catalog()
        if user.plans.exists():  # keep what a visitor changed in the demo plans
            self.stdout.write(self.style.SUCCESS(f"Demo user: {DEMO_EMAIL} / password: {DEMO_PASSWORD}"))
            return
        for data in SAMPLE_PLANS:
            form = PlanForm(data, catalog=catalog)
            if not form.is_valid():
                raise ValueError(f"Demo plan {data['title']!r} no longer fits the data: {form.errors.as_text()}")
            services.create_plan(user, form.cleaned_data, catalog)
        self.stdout.write(self.style.SUCCESS(f"Demo user: {DEMO_EMAIL} / password: {DEMO_PASSWORD} (3 sample plans)"))
