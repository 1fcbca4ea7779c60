"""A job offer a person weighs: its pay, its equity grant and how that vests. Private to its owner."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from careerpath.models import Plan
from compensation.models import CompanyType, Industry, Location, Role
from engine.offers import CUSTOM, VESTING_PRESETS

VESTING_CHOICES = [(v.slug, v.name) for v in VESTING_PRESETS.values()] + [
    (CUSTOM, "Custom: a percent per year, summing to 100")
]


class Offer(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offers")
    # The plan this offer is weighed beside (and that "Start my plan from this offer" updates).
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="offers")
    company = models.CharField(max_length=120)
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="+")
    company_type = models.ForeignKey(CompanyType, on_delete=models.PROTECT, related_name="+")
    # Amounts a year (the grant: its value at grant), in the location's currency.
    base = models.PositiveIntegerField()
    bonus_target_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    sign_on_year1 = models.PositiveIntegerField(default=0)
    sign_on_year2 = models.PositiveIntegerField(default=0)
    sign_on_clawback_months = models.PositiveSmallIntegerField(default=12)
    equity_grant = models.PositiveIntegerField(default=0)
    vesting = models.CharField(max_length=20, choices=VESTING_CHOICES)
    vesting_custom = models.CharField(max_length=80, blank=True)  # "10,20,30,40" when vesting is custom
    cliff_months = models.PositiveSmallIntegerField(default=12)
    # Empty: the default from the level's bonus-and-equity share (an assumption, said on the page).
    refresher_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    stock_growth_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    start_date = models.DateField()
    # The data version its owner last saw its figures at (saved or dismissed the notice): its notice's "since".
    seen_data_version = models.PositiveIntegerField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "-id"]
        indexes = [models.Index(fields=["owner", "-updated", "-id"])]

    def __str__(self):
        return self.company

    def get_absolute_url(self):
        return reverse("offer_detail", args=[self.pk])
