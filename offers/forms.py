"""Forms: all validation of offers, with messages written for people. Choices come from the catalog snapshot."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from careerpath.clock import this_year
from careerpath.forms import PayCurrency, PlanForm
from compensation.forms import MAX_PAY_USD, MAX_STORED, amount_field, local_limit
from compensation.money import format_money
from compensation.validation import OneLineName, field_messages
from engine.catalog import Catalog
from engine.offers import CUSTOM, VESTING_PRESETS, parse_custom
from engine.profile import ProjectionError
from engine.slugs import Param

from .analysis import band_for
from .models import EQUITY_TYPES, MAX_SCHEDULE_YEARS, OPTIONS, PERCENT_RANGES, PRICE_RANGE, VESTING_CHOICES

MAX_GRANT_USD = 100_000_000
START_WITHIN_DAYS = 730  # "more than two years away" is refused
MAX_COMPARED = 4
MONEY_FIELDS = ("base", "sign_on_year1", "sign_on_year2", "equity_grant")
MAX_OPTIONS = 100_000_000
MAX_ROUNDS = 10
PRICE_FIELDS = ("strike_price", "fmv_price", "preferred_price", "exit_value")


def _price(label: str, what: str, *, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=PRICE_RANGE[0],
        max_value=PRICE_RANGE[1],
        max_digits=12,
        decimal_places=4,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
        error_messages=field_messages(
            invalid=f"Enter the {what} as a price per share, like 2.50.",
            min_value=f"The {what} cannot be negative.",
            max_value=f"The {what} must be 1,000,000 or less a share.",
            max_decimal_places=f"Give the {what} with at most four decimals.",
            max_digits=f"The {what} must be 1,000,000 or less a share.",
            max_whole_digits=f"The {what} must be 1,000,000 or less a share.",
        ),
    )


def _amount(label: str, what: str, *, required: bool = False, help_text: str = "") -> forms.IntegerField:
    return amount_field(label, what, whose="the", max_value=MAX_STORED, required=required, help_text=help_text)


def _range(name: str) -> dict[str, int]:
    """A percent field's bounds, from the one table the stored-value check reads too (models.PERCENT_RANGES)."""
    low, high = PERCENT_RANGES[name]
    return {"low": low, "high": high}


def _percent(label: str, what: str, *, low: int, high: int, required: bool = False, help_text: str = ""):
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
        error_messages=field_messages(  # "200 % or less": a literal percent, not a format code
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
        **_range("bonus_target_percent"),
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
    equity_type = forms.ChoiceField(
        label="Equity",
        choices=EQUITY_TYPES,
        initial="shares",
        required=False,
        help_text="Shares (RSUs) are worth their price; an option is worth the price less its strike.",
        error_messages={"invalid_choice": "Choose shares or options."},
    )
    options_count = forms.IntegerField(
        label="Number of options",
        required=False,
        min_value=1,
        max_value=MAX_OPTIONS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="Only for options: how many the offer grants, over its vesting schedule.",
        error_messages={
            "invalid": "Enter the number of options as a whole number, like 10000.",
            "min_value": "Give at least one option.",
            "max_value": f"Give at most {MAX_OPTIONS:,} options.",
        },
    )
    strike_price = _price("Strike price (per share)", "strike price", help_text="What you pay to buy each share.")
    fmv_price = _price(
        "409A price (per share)",
        "409A price",
        help_text="The company's latest 409A valuation of a common share: what the figures value options at.",
    )
    preferred_price = _price(
        "Preferred price (per share)",
        "preferred price",
        help_text="The last round's price, paid by investors for preferred shares: a scenario, not the headline.",
    )
    exit_value = _price(
        "Exit price per share (optional)",
        "exit price",
        help_text="A price per share at a sale or listing you want to try, on today's share count.",
    )
    dilution_percent_per_round = _percent(
        "Dilution per future round (%)",
        "dilution per round",
        **_range("dilution_percent_per_round"),
        help_text="Each funding round sells new shares; 15–25 % a round is common. Applies to the exit price.",
    )
    rounds = forms.IntegerField(
        label="Future funding rounds before an exit",
        required=False,
        min_value=0,
        max_value=MAX_ROUNDS,
        error_messages={
            "invalid": "Enter the number of rounds as a whole number, like 2.",
            "min_value": "The number of rounds cannot be negative.",
            "max_value": f"Give at most {MAX_ROUNDS} rounds.",
        },
    )
    exercise_window_days = forms.IntegerField(
        label="Exercise window after leaving (days)",
        required=False,
        min_value=0,
        max_value=3650,
        help_text="How long you may still buy vested options once you leave: often 90 days, some companies give years.",
        error_messages={
            "invalid": "Enter the exercise window as a whole number of days, like 90.",
            "min_value": "The exercise window cannot be negative.",
            "max_value": "Give an exercise window of ten years (3650 days) or less.",
        },
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
        **_range("refresher_percent"),
        help_text="A new grant each year from year 2, only if the offer promises one in writing. Leave empty "
        "for none: a refresher is not guaranteed, so none is counted unless you give it.",
    )
    stock_growth_percent = _percent(
        "Yearly stock growth (%)",
        "stock growth",
        **_range("stock_growth_percent"),
        help_text="May be negative. 0 values the shares at the grant price.",
    )
    start_date = forms.DateField(
        label="Start date",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the start date.", "invalid": "Enter the start date as YYYY-MM-DD."},
    )
    # The currency the amounts were typed in (the location's when the page was drawn): a location that pays
    # in another asks to convert, keep or clear them, as the plan form does.
    pay_currency = forms.CharField(required=False, max_length=3, widget=forms.HiddenInput)
    pay_currency_choice = forms.ChoiceField(
        label="The amounts are in another currency",
        choices=[
            (c.value, c.label.replace("my pay", "the amounts").replace("Convert it", "Convert them"))
            for c in PayCurrency
        ],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Choose to convert, keep or clear the amounts."},
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
        chosen = self.data.get("location") if self.is_bound else self.initial.get("location")
        location = catalog.locations.get(chosen or "")
        if location is not None:
            fields["pay_currency"].initial = location.currency

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
        if not self._settle_pay_currency(data):
            return data
        self._clean_amounts(data)
        self._clean_options(data)
        if "base" not in self.errors and data.get("base") is not None:
            self._check_base_against_the_band(data)
        return data

    def _typed_amounts(self, data: dict) -> list[str]:
        return [name for name in (*MONEY_FIELDS, *PRICE_FIELDS) if data.get(name)]

    def _settle_pay_currency(self, data: dict) -> bool:
        """Amounts typed in another currency than the location's: convert, keep or clear them as the person
        chose, or ask (False: nothing is accepted until they choose, and what was typed stays)."""
        catalog = self.catalog
        location = catalog.locations.get(data.get("location") or "")
        if location is None:
            return True
        typed_in = (data.get("pay_currency") or "").upper()
        typed = self._typed_amounts(data)
        if typed and typed_in != location.currency and typed_in in catalog.rates and location.currency in catalog.rates:
            choice = data.get("pay_currency_choice")
            if not choice:
                shown = ", ".join(format_money(data[name], typed_in) for name in typed if name in MONEY_FIELDS)
                self.add_error(
                    "pay_currency_choice",
                    f"You typed the amounts ({shown}) in {typed_in}, and {location.name} pays in {location.currency}. "
                    f"Choose: convert them into {location.currency} at the data's exchange rate, keep the numbers "
                    f"as typed (now in {location.currency}), or clear them.",
                )
                return False
            for name in typed:
                if choice == PayCurrency.CONVERT and name in MONEY_FIELDS:
                    data[name] = catalog.convert(data[name], typed_in, location.currency)
                elif choice == PayCurrency.CONVERT:  # a price a share: to the cent (the conversion's unit is whole)
                    cents = catalog.convert(data[name] * 100, typed_in, location.currency)
                    data[name] = Decimal(cents) / 100
                elif choice == PayCurrency.CLEAR:
                    data[name] = 0 if name in MONEY_FIELDS else None
            if choice == PayCurrency.CLEAR:
                self.add_error("base", "Enter the base salary, in the new location's currency.")
        data["pay_currency"], data["pay_currency_choice"] = location.currency, ""
        shown_data = self.data.copy()
        for name in typed:
            shown_data[name] = "" if not data.get(name) else str(data[name])
        shown_data["pay_currency"], shown_data["pay_currency_choice"] = location.currency, ""
        self.data = shown_data
        return True

    def _check_base_against_the_band(self, data: dict) -> None:
        """The plan form's rule: a base far below the band of the level here (a monthly figure?) or far above
        it (an extra zero?) is refused; the limits are the `pay-check-base-*` parameter rows."""
        catalog = self.catalog
        if not all(data.get(name) for name in ("location", "level", "industry", "company_type")):
            return
        try:
            band = band_for(data, catalog, this_year())
        except (ProjectionError, KeyError, IndexError):
            return
        location = catalog.locations[data["location"]]
        currency, base = location.currency, data["base"]
        shown = f"{format_money(band.base_min, currency)} – {format_money(band.base_max, currency)}"
        where = f"the {catalog.roles[data['level']].name} band in {location.name} ({shown} a year, {currency})"
        if base < band.base_min * catalog.param(Param.PAY_CHECK_BASE_LOW).value:
            self.add_error(
                "base",
                f"{format_money(base, currency)} is far below {where}. Figures are yearly: is this a monthly amount?",
            )
        elif base > band.base_max * catalog.param(Param.PAY_CHECK_BASE_HIGH).value:
            self.add_error("base", f"{format_money(base, currency)} is far above {where}: check the number of zeros.")

    def _clean_options(self, data: dict) -> None:
        """Options need their number, strike and 409A price; shares carry no option fields."""
        if data.get("equity_type") != OPTIONS:
            data["equity_type"] = "shares"
            for name in ("options_count", "exercise_window_days", *PRICE_FIELDS):
                data[name] = None
            data["dilution_percent_per_round"], data["rounds"] = Decimal(0), 0
            return
        for name, message in (
            ("options_count", "Give the number of options the offer grants."),
            ("strike_price", "Give the strike price: what each share costs you to buy."),
            ("fmv_price", "Give the 409A price: ask the company for its latest 409A valuation per share."),
        ):
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, message)
        if data.get("dilution_percent_per_round") is None and "dilution_percent_per_round" not in self.errors:
            data["dilution_percent_per_round"] = Decimal(0)
        if data.get("rounds") is None and "rounds" not in self.errors:
            data["rounds"] = 0
        # Options are valued from their prices: no grant value, refresher or stock growth of their own.
        data["equity_grant"], data["refresher_percent"], data["stock_growth_percent"] = 0, None, Decimal(0)

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
        label="Your current job (a plan’s own earnings)",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of your plans."},
    )

    currency = forms.ChoiceField(
        label="Show in",
        required=False,
        error_messages={"invalid_choice": "Choose one of the offers' currencies or US dollars."},
    )

    def __init__(self, *args, offers=(), plans=(), currencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = [("", "The first offer's currency")] + [(c, c) for c in currencies]
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


class StartPlanForm(forms.Form):
    """A plan from an offer: the person's years and degree (an offer does not say them; a plan being updated
    keeps its own unless given), and whether to make a new plan (the default) or update one of theirs, which is
    saved only once its changes were shown."""

    years_experience = forms.IntegerField(
        label="Years of experience",
        required=False,
        min_value=0,
        max_value=PlanForm.base_fields["years_experience"].max_value,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="For a plan you update: leave empty to keep the plan's.",
        error_messages=PlanForm.base_fields["years_experience"].error_messages,
    )
    education = forms.ChoiceField(
        label="Highest degree",
        required=False,
        help_text="For a plan you update: leave as it is to keep the plan's.",
        error_messages={"invalid_choice": "Choose a degree from the list."},
    )
    update = forms.TypedChoiceField(
        label="Plan",
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of your plans, or a new plan."},
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, catalog: Catalog, plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["education"].choices = [("", "Choose…")] + [(x.slug, x.name) for x in catalog.educations.values()]
        self.fields["update"].choices = [("", "A new plan (your other plans stay as they are)")] + [
            (p.pk, f"Update “{p.title}” (shows each change first)") for p in plans
        ]
        self.fields["update"].initial = ""

    def clean(self):
        data = super().clean()
        if data.get("update") is None and "update" not in self.errors:  # a new plan: nothing to keep
            if data.get("years_experience") is None and "years_experience" not in self.errors:
                self.add_error("years_experience", "Enter your years of experience.")
            if not data.get("education") and "education" not in self.errors:
                self.add_error("education", "Choose your highest degree.")
        if data.get("confirm") and data.get("update") is not None and data.get("version") is None:
            raise ValidationError("Open the list of changes again before saving them.")
        return data

    def person(self) -> dict:
        """What the person gave: None for what a plan being updated keeps."""
        return {
            "years_experience": self.cleaned_data["years_experience"],
            "education": self.cleaned_data["education"] or None,
        }
