"""A person's career plan and the read-only links they share it by."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from compensation.models import CompanyType, Education, Industry, Location, Role, Skill, Track
from compensation.validation import OneLineName, one_line  # noqa: F401 (one_line: kept for callers)
from engine.profile import DEFAULT_HORIZON, HORIZONS
from engine.slugs import ClientMarket as Market
from engine.slugs import WorkMode as Mode

# A title is one line (shown so, and put in email subjects): the one rule for names (compensation.validation).
refuse_control_characters = OneLineName("the title")


class Plan(models.Model):
    class WorkMode(models.TextChoices):
        ONSITE = Mode.ONSITE, "On-site or hybrid, local employer"
        REMOTE_US = Mode.REMOTE_US, "Remote for a US-based company"
        FREELANCE = Mode.FREELANCE, "Freelance"

    class ClientMarket(models.TextChoices):
        """Whom a freelancer bills: one label for each, on the form, in admin and in the data."""

        LOCAL = Market.LOCAL, "Local clients"
        US = Market.US, "US clients (rates in US dollars)"

    TITLE_MAX_LENGTH = 120
    NOTES_MAX_LENGTH = 5000

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    current_level = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    years_experience = models.PositiveSmallIntegerField()
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="+")
    company_type = models.ForeignKey(CompanyType, on_delete=models.PROTECT, related_name="+")
    skills = models.ManyToManyField(Skill, blank=True, related_name="+")
    education = models.ForeignKey(Education, on_delete=models.PROTECT, related_name="+")
    work_mode = models.CharField(max_length=10, choices=WorkMode.choices, default=WorkMode.ONSITE)
    client_market = models.CharField(
        max_length=5,
        choices=ClientMarket.choices,
        default=ClientMarket.LOCAL,
        help_text="Freelance: whom you bill.",
    )
    target_track = models.ForeignKey(Track, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Pay today, a year, in the location's currency: personal data, shown on a share link only if allowed.
    current_base = models.PositiveIntegerField("base pay now", null=True, blank=True)
    current_bonus = models.PositiveIntegerField("annual bonus now", null=True, blank=True)
    current_equity = models.PositiveIntegerField("annual equity now", null=True, blank=True)
    # Years known to the unit, as paid, from an offer the plan was started from (never typed on the plan form):
    # {"currency": "USD", "source": "the offer from Acme", "years": [[base, total], ...]} from this plan's first year.
    paid_years = models.JSONField(null=True, blank=True, editable=False)
    horizon_years = models.PositiveSmallIntegerField(
        "earnings horizon", choices=[(n, f"{n} years") for n in HORIZONS], default=DEFAULT_HORIZON
    )
    notes = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save must name the version it was edited from.
    version = models.PositiveIntegerField(default=1)
    # The salary data version the owner last saw this plan at (see careerpath/notices.py).
    seen_data_version = models.PositiveIntegerField(null=True, blank=True)
    # What My plans shows (careerpath/summaries.py), and the salary data version it was computed at.
    summary = models.JSONField(null=True, blank=True, editable=False)
    summary_data_version = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-updated", "-id"]
        indexes = [models.Index(fields=["owner", "-updated", "-id"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plan_detail", args=[self.pk])

    def clean(self):
        super().clean()
        try:
            refuse_control_characters(self.title)
        except ValidationError as error:
            raise ValidationError({"title": error.messages}) from error


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ShareLink(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(null=True, blank=True)
    show_pay = models.BooleanField(
        "show my pay on this link", default=False, help_text="The owner's pay today is personal: hidden unless ticked."
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Share link for {self.plan}"

    def get_absolute_url(self):
        return reverse("shared_plan", args=[self.token])
