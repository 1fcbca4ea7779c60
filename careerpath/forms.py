"""Forms: all input validation for plans and the quick estimate, with messages written for people.

Choices come from the in-memory catalog snapshot (slugs as values), so rendering and validating a
form costs no query.
"""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import TextChoices

from compensation.forms import MAX_STORED, amount_field, local_limit, over_limit_message
from compensation.money import currency_symbol, format_money, money_range
from engine.bands import band_here
from engine.catalog import Catalog
from engine.profile import DEFAULT_HORIZON, HORIZONS, Profile, ProjectionError
from engine.results import Projection
from engine.slugs import Money, Param

from .clock import this_year
from .models import Plan, ShareLink, refuse_control_characters
from .profiles import PAY_FIELDS, PROFILE_FIELDS, pay_converted, profile_from_values, query_of

MAX_YEARS = 50
YEARS_AHEAD = 40
MONEY_CHOICES = [(Money.NOMINAL, "As paid each year"), (Money.REAL, "In today’s money")]


def _choice_messages(label: str) -> dict[str, str]:
    return {"invalid_choice": f"Choose a {label} from the list.", "required": f"Choose your {label}."}


def _pay_field(label: str, what: str, help_text: str) -> forms.IntegerField:
    return amount_field(label, what, max_value=MAX_STORED, help_text=help_text)


# What each pay field asks for; `pay_help` adds the currency (the one source of that help, for the server and,
# through `data-help` templates, for pay-currency.js when the location changes).
PAY_LEADS = {
    "current_base": "Optional. A year, before tax",
    "current_bonus": "Optional. Your usual yearly bonus",
    "current_equity": "Optional. The value of the stock that vests in a year",
}


def pay_help(name: str, currency: str, symbol: str, place: str, typed: str = "", typed_symbol: str = "") -> str:
    """A pay field's help: the currency of the chosen place; while pay typed in another currency waits for
    the person's choice (convert, keep or clear), the currency it was typed in too."""
    lead = PAY_LEADS[name]
    if typed and typed != currency:
        return (
            f"{lead}, as typed, in {typed} ({typed_symbol}); {place} pays in {currency} ({symbol}): "
            "convert, keep or clear it above."
        )
    return f"{lead}, in {currency} ({symbol}), the currency of {place}."


class PayCurrency(TextChoices):
    """What to do with pay typed in one currency when the location now pays in another."""

    CONVERT = "convert", "Convert it at the data's exchange rate"
    KEEP = "keep", "Keep the numbers as typed, in the new currency"
    CLEAR = "clear", "Clear my pay"


class Part(TextChoices):
    """The secondary parts of a projection, fetched when seen or opened: each is a named partial."""

    OPTIONS = "options", "What if you change one thing"
    EARNINGS = "earnings", "Earnings over the years"
    CHART = "chart", "The pay chart as a table"
    YEARS = "years", "Earnings year by year"


def _money_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Show pay",  # one control for cards, tables and charts (issue 23)
        choices=MONEY_CHOICES,
        required=False,
        initial=Money.NOMINAL,
        error_messages={"invalid_choice": "Choose how to show pay: as paid each year, or in today’s money."},
    )


class ProfileForm(forms.Form):
    """Where a person stands: the inputs of a projection. Choices come from the catalog snapshot."""

    current_level = forms.ChoiceField(label="Current level", error_messages=_choice_messages("current level"))
    years_experience = forms.IntegerField(
        label="Years of experience",
        min_value=0,
        max_value=MAX_YEARS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter your years of experience.",
            "invalid": "Enter your years of experience as a whole number, like 4.",
            "min_value": "Years of experience cannot be negative.",
            "max_value": f"Years of experience must be {MAX_YEARS} or fewer.",
        },
    )
    location = forms.ChoiceField(label="Location", error_messages=_choice_messages("location"))
    industry = forms.ChoiceField(label="Industry", error_messages=_choice_messages("industry"))
    company_type = forms.ChoiceField(label="Company type", error_messages=_choice_messages("company type"))
    education = forms.ChoiceField(label="Highest degree", error_messages=_choice_messages("highest degree"))
    skills = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="In-demand skills you have",
        error_messages={"invalid_choice": "Choose skills from the list."},
    )
    work_mode = forms.ChoiceField(
        label="Work mode", choices=Plan.WorkMode.choices, error_messages=_choice_messages("work mode")
    )
    client_market = forms.ChoiceField(
        label="Freelance clients",
        choices=Plan.ClientMarket.choices,
        required=False,
        initial=Plan.ClientMarket.LOCAL,
        help_text="Freelance only: the article's rates are US clients'.",
        error_messages={"invalid_choice": "Choose local or US clients."},
    )
    target_track = forms.ChoiceField(
        label="Target track", required=False, error_messages={"invalid_choice": "Choose a track from the list."}
    )
    target_year = forms.IntegerField(
        label="Target year",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Enter the target year as a four-digit year, like 2031."},
    )
    # Help until a location is chosen; then `_label_pay_in` names its currency.
    current_base = _pay_field("Base pay now", "base pay", PAY_LEADS["current_base"] + ".")
    current_bonus = _pay_field("Annual bonus now", "bonus", PAY_LEADS["current_bonus"] + ".")
    current_equity = _pay_field("Annual equity now", "equity", PAY_LEADS["current_equity"] + ".")
    # The currency the pay was typed in (rendered with the form): a change of location never reinterprets it.
    pay_currency = forms.CharField(required=False, max_length=3, widget=forms.HiddenInput)
    pay_currency_choice = forms.ChoiceField(
        label="Your pay is in another currency",
        choices=PayCurrency.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Choose to convert, keep or clear your pay."},
    )
    horizon_years = forms.TypedChoiceField(
        label="Earnings horizon",
        choices=[(n, f"{n} years") for n in HORIZONS],
        coerce=int,
        required=False,
        initial=DEFAULT_HORIZON,
        empty_value=DEFAULT_HORIZON,
        error_messages={"invalid_choice": "Choose 5, 10, 15 or 20 years."},
    )
    money = _money_field()

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        fields = self.fields
        # Any role of any track may be held now: the select groups them by track (<optgroup>).
        fields["current_level"].choices = [
            (track, [(r.slug, r.name) for r in roles]) for track, roles in catalog.level_groups()
        ]
        fields["location"].choices = [(x.slug, x.name) for x in catalog.locations.values()]
        # What static/js/behaviours/pay-currency.js needs to ask about pay typed in another currency (the
        # server converts it): each location's currency, and the symbol of each currency with a rate.
        fields["location"].widget.attrs.update(
            {
                "data-currencies": json.dumps({x.slug: x.currency for x in catalog.locations.values()}),
                "data-symbols": json.dumps({c: currency_symbol(c) for c in catalog.rates}),
            }
        )
        fields["industry"].choices = [(x.slug, x.name) for x in catalog.industries.values()]
        fields["company_type"].choices = [(x.slug, x.name) for x in catalog.company_types.values()]
        fields["education"].choices = [(x.slug, x.name) for x in catalog.educations.values()]
        fields["skills"].choices = [(x.slug, x.name) for x in catalog.skills.values()]
        fields["target_track"].choices = [("", "Any track")] + [(x.slug, x.name) for x in catalog.tracks.values()]
        self._label_pay_in_the_locations_currency()

    def _label_pay_in_the_locations_currency(self) -> None:
        """The pay fields name the currency of the chosen location (the form's data, else its initial)."""
        chosen = self.data.get("location") if self.is_bound else self.initial.get("location")
        location = self.catalog.locations.get(chosen or "")
        if location is None:
            return
        self.fields["pay_currency"].initial = location.currency
        self._label_pay_in(location.currency, location)

    def _label_pay_in(self, currency: str, location) -> None:
        """Labels in `currency` (the pay's as typed), help naming it and `location`'s currency; each field
        also carries its help as templates, which app.js fills when the location changes."""
        symbol = currency_symbol(currency)
        place_symbol = currency_symbol(location.currency)
        for name in PAY_FIELDS:
            field = self.fields[name]
            field.label = f"{self.base_fields[name].label} ({symbol})"
            field.help_text = pay_help(name, location.currency, place_symbol, location.name, currency, symbol)
            field.widget.attrs.update(
                {
                    "data-currency": currency,
                    "data-help": pay_help(name, "{currency}", "{symbol}", "{place}"),
                    "data-help-typed": pay_help(name, "{currency}", "{symbol}", "{place}", "{typed}", "{typed_symbol}"),
                }
            )
            self._bound_fields_cache.pop(name, None)  # a field already bound (by validation) keeps its label

    @property
    def render_key(self) -> str:
        """What the HTML of this form depends on while nobody has typed into it (see form_fields.html)."""
        values = [(name, self.initial.get(name)) for name in self.fields]
        return f"{type(self).__name__}:{self.catalog.version}:{this_year()}:{values!r}"

    def clean_target_year(self):
        year = self.cleaned_data.get("target_year")
        if year is None:
            return None
        first, last = this_year(), this_year() + YEARS_AHEAD
        if not first <= year <= last:
            raise ValidationError(f"Choose a target year between {first} and {last}.")
        return year

    def clean_money(self) -> str:
        return self.cleaned_data.get("money") or Money.NOMINAL

    def clean(self):
        data = super().clean()
        if not self._settle_pay_currency(data):
            return data
        extras = any(data.get(name) is not None for name in PAY_FIELDS[1:])
        if extras and "current_base" not in self.errors and data.get("current_base") is None:
            self.add_error("current_base", "Enter your base pay too: bonus and equity are read beside it.")
        found = local_limit(self.catalog, data.get("location"))
        if found is not None:
            limit, currency = found
            for name in PAY_FIELDS:
                amount = data.get(name)
                if amount is not None and amount > limit:
                    self.add_error(name, over_limit_message(limit, currency))
        if not self.errors:
            # The one reading of these values as the engine's profile: the band check and the page use it.
            self._profile = profile_from_values(data)
            if data.get("current_base") is not None:
                self._check_pay_against_the_band(data, self._profile)
        return data

    def _settle_pay_currency(self, data: dict) -> bool:
        """Pay typed in another currency than the location's: convert, keep or clear it as the person chose,
        or ask (False: the form is not accepted until a choice is made, and keeps what was typed).

        Once settled the pay is in the location's currency, and the form shows it so (the values and the
        currency it renders are the settled ones)."""
        catalog = self.catalog
        location = catalog.locations.get(data.get("location") or "")
        if location is None:
            return True
        typed_in = (data.get("pay_currency") or "").upper()
        given = any(data.get(name) is not None for name in PAY_FIELDS)
        if given and typed_in != location.currency and typed_in in catalog.rates and location.currency in catalog.rates:
            choice = data.get("pay_currency_choice")
            if not choice:
                self.add_error("pay_currency_choice", self._currency_question(typed_in, location))
                self._label_pay_in(typed_in, location)  # the figures shown are still what was typed, in its currency
                return False
            if choice == PayCurrency.CONVERT:
                data.update(pay_converted(data, typed_in, location.currency, catalog))
            elif choice == PayCurrency.CLEAR:
                data.update(dict.fromkeys(PAY_FIELDS))
        data["pay_currency"], data["pay_currency_choice"] = location.currency, ""
        shown = self.data.copy()
        for name in PAY_FIELDS:
            shown[name] = "" if data.get(name) is None else str(data[name])
        shown["pay_currency"], shown["pay_currency_choice"] = location.currency, ""
        self.data = shown
        return True

    def _currency_question(self, typed_in: str, location) -> str:
        typed = ", ".join(
            format_money(self.cleaned_data[name], typed_in)
            for name in PAY_FIELDS
            if self.cleaned_data.get(name) is not None
        )
        return (
            f"You typed your pay ({typed}) in {typed_in}, and {location.name} pays in {location.currency} "
            f"({currency_symbol(location.currency)}). Choose: convert it into {location.currency} at the data's "
            f"exchange rate, keep the numbers as typed (now in {location.currency}), or clear your pay."
        )

    def _check_pay_against_the_band(self, data: dict, person: Profile) -> None:
        """Refuse pay far outside the band of the level here (a monthly figure, an extra zero): the limits are
        data (`pay-check-*` parameters)."""
        catalog = self.catalog
        try:
            here = band_here(person, catalog)
        except (ProjectionError, KeyError):
            return
        role = catalog.roles[person.current_level]
        if not role.tracks:  # a level on no track is not projected: nothing to check against
            return
        currency, base = here.currency, data["current_base"]
        place = catalog.locations[person.location].name
        shown = money_range(here.base_min, here.base_max, currency)
        band = f"the {role.name} band in {place} ({shown} a year, {currency})"
        low, high = catalog.param(Param.PAY_CHECK_BASE_LOW).value, catalog.param(Param.PAY_CHECK_BASE_HIGH).value
        if base < here.base_min * low:
            self.add_error(
                "current_base",
                f"{format_money(base, currency)} is far below {band}. Figures are yearly: is this a monthly amount?",
            )
        elif base > here.base_max * high:
            self.add_error(
                "current_base",
                f"{format_money(base, currency)} is far above {band}: check the number of zeros.",
            )
        for name, what, slug in (
            ("current_bonus", "bonus", Param.PAY_CHECK_BONUS_MULTIPLE),
            ("current_equity", "yearly equity", Param.PAY_CHECK_EQUITY_MULTIPLE),
        ):
            amount, multiple = data.get(name), catalog.param(slug).value
            if amount is not None and base > 0 and amount > base * multiple:
                self.add_error(
                    name,
                    f"A {what} of {format_money(amount, currency)} is more than {multiple:g} times your base pay "
                    f"({format_money(base, currency)}): figures are yearly, in {currency}. Check the number of zeros.",
                )

    def profile(self) -> Profile:
        """The engine's profile of the validated values, read once (in `clean`)."""
        return self._profile

    @property
    def money_choice(self) -> str:
        """How earnings are shown: as paid each year ("nominal") or in today's money ("real")."""
        return self.cleaned_data.get("money") or Money.NOMINAL

    def merged_into(self, initial: dict) -> dict:
        """`initial` (a saved plan's or the home example's values) with every profile field as entered here."""
        entered = {name: self.cleaned_data[name] for name in PROFILE_FIELDS}
        return {**initial, **entered, "target_track": entered["target_track"] or "", "money": self.money_choice}


class MoneyForm(forms.Form):
    """How a page shows earnings, from its query string (`?money=real`); anything else shows them as paid."""

    money = _money_field()

    @classmethod
    def choice(cls, query) -> str:
        form = cls(query)
        return (form.cleaned_data["money"] or Money.NOMINAL) if form.is_valid() else Money.NOMINAL


class PreviewForm(ProfileForm):
    """The profile fields of a page's query string: unsaved changes shown live, before they are saved."""

    @classmethod
    def from_query(cls, query, catalog: Catalog) -> PreviewForm | None:
        """A bound form when the query names any profile field, else None (the page shows what is saved)."""
        if any(name in query for name in PROFILE_FIELDS):
            return cls(query, catalog=catalog)
        return None


class PlanForm(ProfileForm):
    """A saved plan: the profile plus a title and notes, and the version it was edited from."""

    title = forms.CharField(
        max_length=Plan.TITLE_MAX_LENGTH,
        validators=[refuse_control_characters],
        error_messages={
            "required": "Give the plan a title, like “Move to management”.",
            "max_length": f"Keep the title to {Plan.TITLE_MAX_LENGTH} characters or fewer.",
        },
    )
    notes = forms.CharField(required=False, max_length=Plan.NOTES_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["title", *PROFILE_FIELDS, "notes", "version"]


class ShareLinkForm(forms.ModelForm):
    """A new share link: the owner's pay shows on it only if they tick the box."""

    class Meta:
        model = ShareLink
        fields = ["show_pay"]
        labels = {"show_pay": "Show my pay on this link"}
        help_texts = {"show_pay": "Unticked, the link shows the projection from market pay and never your own."}


class CompareForm(forms.Form):
    """Two of the person's own plans, by id. Anything else (someone else's plan, a word, an id beyond
    any database column) is simply not one of their plans."""

    a = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    b = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    # The currency both plans are shown in: the first plan's, or US dollars. Any other value, or none,
    # shows the first plan's (the page still answers; the choice is checked in `currency_for`).
    currency = forms.CharField(required=False, max_length=3)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        ids = [data["a"], data["b"]]
        found = {p.pk: p for p in Plan.objects.filter(owner=self.owner, pk__in=ids).prefetch_related("skills")}
        if any(pk not in found for pk in ids):
            raise ValidationError("Choose two of your own plans.")
        data["plans"] = [found[pk] for pk in ids]
        return data

    def currency_for(self, choices: list[str]) -> str:
        """The chosen currency if it is one of `choices` (the first plan's first), else the first plan's."""
        chosen = (self.cleaned_data.get("currency") or "").upper()
        return chosen if chosen in choices else choices[0]


class LinkedProfileForm(ProfileForm):
    """A profile read back from a link the panel wrote ("why this figure", the what-ifs).

    A saved plan keeps its target year after that year has passed, and its page still projects it:
    its links must not be refused for it. Any year a plan can hold is taken.
    """

    def clean_target_year(self):
        year = self.cleaned_data.get("target_year")
        if year is not None and not 0 < year <= this_year() + YEARS_AHEAD:
            raise ValidationError(f"Choose a target year up to {this_year() + YEARS_AHEAD}.")
        return year


def _figure_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        error_messages={"required": "Say which figure to explain.", "invalid_choice": "No such figure."}
    )


def _figure_choices(catalog: Catalog) -> list[tuple[str, str]]:
    steps = [f"{track}/{role.slug}" for track in catalog.tracks for role in catalog.track_roles(track)]
    levels = [f"{track}/{role.slug}" for track in catalog.tracks for role in catalog.levels()]
    return [(value, value) for value in {*steps, *levels, "freelance", "common"}]


def _explanation(figure: str, projection: Projection) -> tuple[str, tuple] | None:
    """(heading, explanation lines) of `figure` in `projection`, or None if it has no such figure."""
    if figure == "common":
        return "Adjustments that apply to every step", projection.common
    if figure == "freelance":
        if projection.freelance is None:
            return None
        return "Freelance rate", projection.freelance.explanation
    track_slug, role = figure.split("/")
    track = projection.track(track_slug)
    for step in track.steps:
        if step.role == role:
            return f"{step.title}, {track.name.lower()} track", step.explanation
    return None


class ExplainForm(LinkedProfileForm):
    """One figure of a projection: a step ("track/role"), the freelance rate, or what applies to every step."""

    figure = _figure_field()

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, catalog=catalog, **kwargs)
        self.fields["figure"].choices = _figure_choices(catalog)

    def query(self) -> str:
        """The profile as the link back may carry it: without the pay."""
        return query_of(self.profile(), pay=False)

    def explanation(self, projection: Projection) -> tuple[str, tuple] | None:
        return _explanation(self.cleaned_data["figure"], projection)


class SharedFigureForm(forms.Form):
    """One figure of a shared plan's projection: the link names the plan, so only the figure is asked."""

    figure = _figure_field()

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].choices = _figure_choices(catalog)

    def explanation(self, projection: Projection) -> tuple[str, tuple] | None:
        return _explanation(self.cleaned_data["figure"], projection)


def _part_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=Part.choices,
        error_messages={"required": "Say which figures to show.", "invalid_choice": "No such figures."},
    )


def _track_field(catalog: Catalog) -> forms.ChoiceField:
    field = forms.ChoiceField(required=False, error_messages={"invalid_choice": "Choose a track from the list."})
    field.choices = [("", "Every track")] + [(x.slug, x.name) for x in catalog.tracks.values()]
    return field


def _part_heading(data: dict, catalog: Catalog) -> str:
    part, track = data["part"], data["track"]
    if part == Part.YEARS and track:
        return f"Earnings year by year: {catalog.tracks[track].name.lower()} track"
    return Part(part).label


class DetailsForm(LinkedProfileForm):
    """A projection's secondary figures: what-ifs and other locations, or one track's earnings year by year."""

    part = _part_field()
    shared = forms.BooleanField(required=False)  # seen on a share link: "this plan", not "yours"

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, catalog=catalog, **kwargs)
        self.fields["track"] = _track_field(catalog)

    def heading(self) -> str:
        return _part_heading(self.cleaned_data, self.catalog)


class SharedDetailsForm(forms.Form):
    """A shared plan's secondary figures: the link names the plan, so only the part, track and money are asked."""

    part = _part_field()
    money = _money_field()

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["track"] = _track_field(catalog)

    def clean_money(self) -> str:
        return self.cleaned_data.get("money") or Money.NOMINAL

    def heading(self) -> str:
        return _part_heading(self.cleaned_data, self.catalog)


class DataChangeSeenForm(forms.Form):
    """The data version whose change notice the owner dismissed: at most today's."""

    def __init__(self, *args, current: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(min_value=0, max_value=current)
