"""A job offer a person weighs: its pay, its equity grant and how that vests. Private to its owner."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from careerpath.models import Plan
from compensation.models import CompanyType, Industry, Location, Role
from engine.offers import CUSTOM, VESTING_PRESETS

MAX_SCHEDULE_YEARS = 10
# The percent fields' ranges: the form refuses anything outside them, and a stored value outside them
# (written before the rule, or by hand) is refused when read (analysis.check_stored).
PERCENT_RANGES = {
    "bonus_target_percent": (0, 200),
    "refresher_percent": (0, 100),
    "stock_growth_percent": (-90, 200),
    "dilution_percent_per_round": (0, 90),
}
PRICE_RANGE = (0, 1_000_000)  # a price per share: strike, 409A, preferred, exit

VESTING_CHOICES = [(v.slug, v.name) for v in VESTING_PRESETS.values()] + [
    (CUSTOM, "Custom: a percent per year, summing to 100")
]


SHARES, OPTIONS = "shares", "options"
EQUITY_TYPES = [(SHARES, "Shares (RSUs or stock)"), (OPTIONS, "Stock options")]


class Offer(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offers")
    # The plan this offer is weighed beside (a plan started from the offer becomes it; none is ever overwritten
    # without the owner choosing it on a page that shows each change).
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
    # Empty: no refresher (one is never promised; the page may show a labelled scenario beside the figures).
    refresher_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    stock_growth_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    # Options instead of shares (a private company's, usually): prices per share, in the location's currency.
    equity_type = models.CharField(max_length=10, choices=EQUITY_TYPES, default=SHARES)
    options_count = models.PositiveIntegerField(null=True, blank=True)
    strike_price = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    fmv_price = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)  # the 409A
    preferred_price = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    exit_value = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)  # a price per share
    dilution_percent_per_round = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    rounds = models.PositiveSmallIntegerField(default=0)
    # How long after leaving vested options can still be bought (days; empty: not given by the offer).
    exercise_window_days = models.PositiveIntegerField(null=True, blank=True)
    start_date = models.DateField()
    # The salary data version the owner last saw the counter-offer at, and that counter-offer: a data change
    # that moves it is a notice on the page (like a plan's), until the owner says they have seen it.
    seen_data_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    seen_counter = models.JSONField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "-id"]
        indexes = [models.Index(fields=["owner", "-updated", "-id"])]

    def __str__(self):
        return self.company

    def get_absolute_url(self):
        return reverse("offer_detail", args=[self.pk])
