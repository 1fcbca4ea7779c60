"""factory_boy factories for the rows tests need: people who can log in, plans saved the way the site saves
them, and share links. The fixtures in conftest.py are thin wrappers over these."""

import csv
import datetime
import io

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory, Password

from careerpath import services
from careerpath.forms import PlanForm
from careerpath.models import Plan, ShareLink
from compensation.catalog import get_catalog
from offers import services as offer_services
from offers.forms import OfferForm
from offers.models import Offer
from offers.selectors import plans_of

PASSWORD = "correct-horse-battery-staple-42"

PLAN_POST = {
    "title": "Move to management",
    "current_level": "mid",
    "years_experience": "4",
    "location": "seattle",
    "industry": "finance-fintech",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "nlp"],
    "work_mode": "onsite",
    "target_track": "management",
    "target_year": "",
    "notes": "",
}


class EmailAddressFactory(DjangoModelFactory):
    """A confirmed address (allauth): its owner can log in with it."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory("tests.factories.UserFactory", email_address=None)
    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True


class UserFactory(DjangoModelFactory):
    """Someone who signed up and confirmed their address, and logs in by email with `password`."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    email = factory.Sequence(lambda number: f"person{number}@example.com")
    username = factory.SelfAttribute("email")
    password = Password(PASSWORD)
    email_address = factory.RelatedFactory(EmailAddressFactory, factory_related_name="user")


class PlanFactory(DjangoModelFactory):
    """A plan saved through the site's own PlanForm from PLAN_POST plus the changes given (form values:
    slugs and strings), so every plan is one a person could have saved."""

    class Meta:
        model = Plan

    owner = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, owner, **changes):
        catalog = get_catalog()
        form = PlanForm({**PLAN_POST, **changes}, catalog=catalog)
        assert form.is_valid(), form.errors
        return services.create_plan(owner, form.cleaned_data, catalog)


OFFER_POST = {
    "company": "Big Tech",
    "location": "sf-bay-area",
    "level": "senior",
    "industry": "technology-faang",
    "company_type": "large",
    "base": "238000",
    "bonus_target_percent": "15",
    "sign_on_year1": "",
    "sign_on_year2": "",
    "sign_on_clawback_months": "12",
    "equity_type": "shares",
    "equity_grant": "636000",
    "vesting": "amazon-5-15-40-40",
    "vesting_custom": "",
    "cliff_months": "12",
    "refresher_percent": "0",
    "stock_growth_percent": "0",
    "plan": "",
}


class OfferFactory(DjangoModelFactory):
    """An offer saved through the site's own OfferForm from OFFER_POST (the SF senior big-tech case of issue 22,
    starting in a month) plus the changes given (form values), so every offer is one a person could have saved."""

    class Meta:
        model = Offer

    owner = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, owner, **changes):
        catalog = get_catalog()
        start = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
        data = {**OFFER_POST, "start_date": start, **{k: str(v) for k, v in changes.items()}}
        form = OfferForm(data, catalog=catalog, plans=plans_of(owner))
        assert form.is_valid(), form.errors
        return offer_services.create_offer(owner, form.cleaned_data, catalog)


class ShareLinkFactory(DjangoModelFactory):
    """A live read-only link to a plan (pass `revoked=` a time for a revoked one)."""

    class Meta:
        model = ShareLink

    plan = factory.SubFactory(PlanFactory)


def csv_table(text: str) -> list[dict]:
    """The table of an exported CSV (below its title block, after the last blank row), as dicts by heading."""
    rows = list(csv.reader(io.StringIO(text)))
    start = max((i for i, row in enumerate(rows) if not row), default=-1) + 1
    header = rows[start]
    return [dict(zip(header, row, strict=True)) for row in rows[start + 1 :]]
