"""Forms: all validation of offers, with messages written for people. Choices come from the catalog snapshot."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from compensation.forms import MAX_PAY_USD, MAX_STORED, amount_field, local_limit
from compensation.money import format_money
from compensation.validation import OneLineName, field_messages
from engine.catalog import Catalog
from engine.offers import CUSTOM, VESTING_PRESETS, parse_custom

from .models import MAX_SCHEDULE_YEARS, PERCENT_RANGES, VESTING_CHOICES

MAX_GRANT_USD = 100_000_000
START_WITHIN_DAYS = 730  # "more than two years away" is refused
MAX_COMPARED = 4
MONEY_FIELDS = ("base", "sign_on_year1", "sign_on_year2", "equity_grant")


def _amount(label: str, what: str, *, required: bool = False, help_text: str = "") -> forms.IntegerField:
    return amount_field(label, what, whose="the", max_value=MAX_STORED, required=required, help_text=help_text)


def _percent(label: str, what: str, low: int, high: int, *, required: bool = False, help_text: str = ""):
    below = "cannot be negative" if low == 0 else f"must be {low} % or more"
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=low,
        max_value=high,
        max_digits=5,
        decimal_places=2,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
        error_messages=field_messages(
            required=f"Enter the {what}.",
            invalid=f"Enter the {what} as a number of percent, like 15.",
            min_value=f"The {what} {below}.",
            max_value=f"The {what} must be {high} % or less.",
            max_decimal_places=f"Give the {what} with at most two decimals.",
            max_digits=f"The {what} must be {high} % or less.",
            max_whole_digits=f"The {what} must be {high} % or less.",
        ),
    )


def _choice(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label.capitalize(),
        error_messages={"invalid_choice": f"Choose a {label} from the list.", "required": f"Choose the {label}."},
    )


class OfferForm(forms.Form):
    """An offer as entered: amounts a year in the location's currency; the grant at its value when granted."""

    company = forms.CharField(
        max_length=120,
        validators=[OneLineName("the company's name")],
        error_messages={
            "required": "Name the company, like “Acme AI”.",
            "max_length": "Keep the company's name to 120 characters or fewer.",
        },
    )
    location = _choice("location")
    level = _choice("level")
    industry = _choice("industry")
    company_type = _choice("company type")
    base = _amount("Base salary", "base salary", required=True, help_text="A year, before tax.")
    bonus_target_percent = _percent(
        "Target bonus (% of base)",
        "target bonus",
        *PERCENT_RANGES["bonus_target_percent"],
        help_text="Leave empty for no bonus.",
    )
    sign_on_year1 = _amount("Sign-on bonus, year 1", "year-1 sign-on bonus")
    sign_on_year2 = _amount("Sign-on bonus, year 2", "year-2 sign-on bonus")
    sign_on_clawback_months = forms.IntegerField(
        label="Sign-on paid back if you leave within (months)",
        required=False,
        min_value=0,
        max_value=48,
        initial=12,
        help_text="Pro rata: leaving halfway through pays back half. 0 for no clawback.",
        error_messages={
            "invalid": "Enter the clawback period as a whole number of months, like 12.",
            "min_value": "The clawback period cannot be negative.",
            "max_value": "Give a clawback period of 48 months or fewer.",
        },
    )
    equity_grant = _amount(
        "Equity grant (value at grant)", "equity grant", help_text="The whole grant, over its vesting schedule."
    )
    vesting = forms.ChoiceField(
        label="Vesting schedule",
        choices=VESTING_CHOICES,
        error_messages={
            "invalid_choice": "Choose a vesting schedule from the list.",
            "required": "Choose a vesting schedule.",
        },
    )
    vesting_custom = forms.CharField(
        label="Custom schedule (percent per year)",
        required=False,
        max_length=80,
        help_text="Only for a custom schedule: one percent per year, summing to 100, e.g. 10,20,30,40.",
        error_messages={"max_length": "Keep the custom schedule to 80 characters or fewer."},
    )
    cliff_months = forms.IntegerField(
        label="Cliff (months)",
        min_value=0,
        max_value=MAX_SCHEDULE_YEARS * 12,
        initial=12,
        help_text="Nothing vests before it; 0 for no cliff.",
        error_messages={
            "required": "Enter the cliff in months (0 for none).",
            "invalid": "Enter the cliff as a whole number of months, like 12.",
            "min_value": "The cliff cannot be negative.",
            "max_value": "The cliff cannot be longer than the vesting schedule.",
        },
    )
    refresher_percent = _percent(
        "Yearly refresher (% of the grant)",
        "refresher",
        *PERCENT_RANGES["refresher_percent"],
        help_text="A new grant each year from year 2. Refreshers are not guaranteed; leave empty for our "
        "assumption from the level's bonus-and-equity share.",
    )
    stock_growth_percent = _percent(
        "Yearly stock growth (%)",
        "stock growth",
        *PERCENT_RANGES["stock_growth_percent"],
        help_text="May be negative. 0 values the shares at the grant price.",
    )
    start_date = forms.DateField(
        label="Start date",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the start date.", "invalid": "Enter the start date as YYYY-MM-DD."},
    )
    plan = forms.TypedChoiceField(
        label="Weigh it beside plan",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of your plans, or none."},
    )

    def __init__(self, *args, catalog: Catalog, plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        fields = self.fields
        fields["location"].choices = [(x.slug, x.name) for x in catalog.locations.values()]
        fields["level"].choices = [(r.slug, r.name) for r in catalog.levels()]
        fields["industry"].choices = [(x.slug, x.name) for x in catalog.industries.values()]
        fields["company_type"].choices = [(x.slug, x.name) for x in catalog.company_types.values()]
        fields["plan"].choices = [("", "None")] + [(p.pk, p.title) for p in plans]

    def clean_start_date(self) -> datetime.date:
        start = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if abs((start - today).days) > START_WITHIN_DAYS:
            raise ValidationError(
                "Choose a start date within two years of today "
                f"(between {today - datetime.timedelta(days=START_WITHIN_DAYS):%-d %B %Y} "
                f"and {today + datetime.timedelta(days=START_WITHIN_DAYS):%-d %B %Y})."
            )
        return start

    def clean(self):
        data = super().clean()
        for name in ("bonus_target_percent", "stock_growth_percent"):
            if data.get(name) is None and name not in self.errors:
                data[name] = Decimal(0)
        for name in ("sign_on_year1", "sign_on_year2", "equity_grant"):
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        if data.get("sign_on_clawback_months") is None and "sign_on_clawback_months" not in self.errors:
            data["sign_on_clawback_months"] = 12
        self._clean_schedule(data)
        self._clean_amounts(data)
        return data

    def _clean_schedule(self, data: dict) -> None:
        vesting = data.get("vesting")
        if vesting is None:
            return
        if vesting != CUSTOM:
            data["vesting_custom"] = ""
            years = VESTING_PRESETS[vesting].years
        else:
            text = (data.get("vesting_custom") or "").strip()
            if not text:
                self.add_error("vesting_custom", "Give the custom schedule: one percent per year, like 10,20,30,40.")
                return
            try:
                percents = parse_custom(text)
            except ValueError:
                self.add_error(
                    "vesting_custom", "Write the custom schedule as numbers separated by commas, like 10,20,30,40."
                )
                return
            if any(p < 0 for p in percents):
                self.add_error("vesting_custom", "A year of the schedule cannot vest a negative percent.")
                return
            if len(percents) > MAX_SCHEDULE_YEARS:
                self.add_error("vesting_custom", f"Give at most {MAX_SCHEDULE_YEARS} years.")
                return
            total = sum(percents)
            if abs(total - 100) > 0.001:
                self.add_error(
                    "vesting_custom",
                    f"The percentages add up to {total:g} %, not 100 %: check each year's share of the grant.",
                )
                return
            data["vesting_custom"] = ",".join(f"{p:g}" for p in percents)
            years = len(percents)
        cliff = data.get("cliff_months")
        if cliff is not None and cliff > years * 12:
            self.add_error(
                "cliff_months",
                f"A cliff of {cliff} months is longer than the {years}-year schedule ({years * 12} months).",
            )

    def _clean_amounts(self, data: dict) -> None:
        for name in MONEY_FIELDS:
            found = local_limit(
                self.catalog, data.get("location"), MAX_GRANT_USD if name == "equity_grant" else MAX_PAY_USD
            )
            amount = data.get(name)
            if found is not None and amount is not None and amount > found[0]:
                self.add_error(name, f"Enter at most {format_money(*found)} (amounts are in the location’s currency).")


class CompareForm(forms.Form):
    """Up to four of the person's own offers, and optionally one of their plans as the current job."""

    ids = forms.TypedMultipleChoiceField(
        label="Offers",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one offer to compare.",
            "invalid_choice": "Choose offers from your own list.",
        },
    )
    plan = forms.TypedChoiceField(
        label="Your current job (a plan’s pay today)",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of your plans."},
    )

    def __init__(self, *args, offers=(), plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(o.pk, o.company) for o in offers]
        self.fields["plan"].choices = [("", "None")] + [(p.pk, p.title) for p in plans]

    def clean_ids(self) -> list[int]:
        ids = list(dict.fromkeys(self.cleaned_data["ids"]))
        if len(ids) > MAX_COMPARED:
            raise ValidationError(f"Compare at most {MAX_COMPARED} offers at a time.")
        return ids


class LeaveForm(forms.Form):
    """ "If I leave after N months": a month of the offer's schedule."""

    leave = forms.TypedChoiceField(
        label="If I leave after",
        coerce=int,
        error_messages={"invalid_choice": "Choose a month of the vesting schedule.", "required": "Choose a month."},
    )

    def __init__(self, *args, months: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leave"].choices = [(m, f"{m} month{'s' if m != 1 else ''}") for m in range(1, months + 1)]
