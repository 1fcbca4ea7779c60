"""Forms: all input validation for plans and the quick estimate, with messages written for people.

Choices come from the in-memory catalog snapshot (slugs as values), so rendering and validating a
form costs no query.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from compensation.data import Catalog

from .clock import this_year
from .models import Plan
from .panel import profile_query
from .projection import Profile, Projection

MAX_YEARS = 50
YEARS_AHEAD = 40

PROFILE_FIELDS = (
    "current_level",
    "years_experience",
    "location",
    "industry",
    "company_type",
    "skills",
    "education",
    "work_mode",
    "target_track",
    "target_year",
)


def _choice_messages(label: str) -> dict[str, str]:
    return {"invalid_choice": f"Choose a {label} from the list.", "required": f"Choose your {label}."}


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
    target_track = forms.ChoiceField(
        label="Target track", required=False, error_messages={"invalid_choice": "Choose a track from the list."}
    )
    target_year = forms.IntegerField(
        label="Target year",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Enter the target year as a four-digit year, like 2031."},
    )

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        fields = self.fields
        fields["current_level"].choices = [(r.slug, r.name) for r in catalog.levels()]
        fields["location"].choices = [(x.slug, x.name) for x in catalog.locations.values()]
        fields["industry"].choices = [(x.slug, x.name) for x in catalog.industries.values()]
        fields["company_type"].choices = [(x.slug, x.name) for x in catalog.company_types.values()]
        fields["education"].choices = [(x.slug, x.name) for x in catalog.educations.values()]
        fields["skills"].choices = [(x.slug, x.name) for x in catalog.skills.values()]
        fields["target_track"].choices = [("", "Any track")] + [(x.slug, x.name) for x in catalog.tracks.values()]

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

    def profile(self) -> Profile:
        return profile_from_initial(self.cleaned_data)

    def merged_into(self, initial: dict) -> dict:
        """`initial` (a saved plan's or the home example's values) with every profile field as entered here."""
        entered = {name: self.cleaned_data[name] for name in PROFILE_FIELDS}
        return {**initial, **entered, "target_track": entered["target_track"] or ""}


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
        max_length=120,
        error_messages={
            "required": "Give the plan a title, like “Move to management”.",
            "max_length": "Keep the title to 120 characters or fewer.",
        },
    )
    notes = forms.CharField(required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["title", *PROFILE_FIELDS, "notes", "version"]

    def save(self, plan: Plan) -> Plan:
        """Copy the cleaned input onto `plan` (new or existing) and save it with its skills."""
        data, ids = self.cleaned_data, self.catalog.ids
        plan.title = data["title"]
        plan.notes = data["notes"]
        plan.current_level_id = ids["role"][data["current_level"]]
        plan.years_experience = data["years_experience"]
        plan.location_id = ids["location"][data["location"]]
        plan.industry_id = ids["industry"][data["industry"]]
        plan.company_type_id = ids["company_type"][data["company_type"]]
        plan.education_id = ids["education"][data["education"]]
        plan.work_mode = data["work_mode"]
        plan.target_track_id = ids["track"][data["target_track"]] if data.get("target_track") else None
        plan.target_year = data.get("target_year")
        plan.save()
        plan.skills.set([ids["skill"][slug] for slug in data["skills"]])
        return plan


def initial_from_plan(plan: Plan, skill_ids: list[int], catalog: Catalog) -> dict:
    """Form values of a saved plan, resolved through the catalog instead of joins."""
    return {
        "title": plan.title,
        "notes": plan.notes,
        "version": plan.version,
        "current_level": catalog.slug_for("role", plan.current_level_id),
        "years_experience": plan.years_experience,
        "location": catalog.slug_for("location", plan.location_id),
        "industry": catalog.slug_for("industry", plan.industry_id),
        "company_type": catalog.slug_for("company_type", plan.company_type_id),
        "education": catalog.slug_for("education", plan.education_id),
        "skills": [catalog.slug_for("skill", pk) for pk in skill_ids],
        "work_mode": plan.work_mode,
        "target_track": catalog.slug_for("track", plan.target_track_id) or "",
        "target_year": plan.target_year,
    }


def profile_from_initial(initial: dict) -> Profile:
    return Profile(
        current_level=initial["current_level"],
        years_experience=initial["years_experience"],
        location=initial["location"],
        industry=initial["industry"],
        company_type=initial["company_type"],
        education=initial["education"],
        skills=frozenset(s for s in initial["skills"] if s),
        work_mode=initial["work_mode"],
        target_track=initial["target_track"] or None,
        target_year=initial["target_year"],
    )


class CompareForm(forms.Form):
    """Two of the person's own plans, by id. Anything else (someone else's plan, a word, an id beyond
    any database column) is simply not one of their plans."""

    a = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    b = forms.IntegerField(min_value=1, max_value=2**63 - 1)

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


class ExplainForm(ProfileForm):
    """One figure of a projection: a step ("track/role"), the freelance rate, or what applies to every step."""

    figure = forms.ChoiceField(
        error_messages={"required": "Say which figure to explain.", "invalid_choice": "No such figure."}
    )

    def __init__(self, *args, catalog: Catalog, **kwargs):
        super().__init__(*args, catalog=catalog, **kwargs)
        steps = [f"{track}/{role.slug}" for track in catalog.tracks for role in catalog.track_roles(track)]
        levels = [f"{track}/{role.slug}" for track in catalog.tracks for role in catalog.levels()]
        self.fields["figure"].choices = [(value, value) for value in {*steps, *levels, "freelance", "common"}]

    def query(self) -> str:
        return profile_query(self.profile())

    def explanation(self, projection: Projection) -> tuple[str, tuple] | None:
        """(heading, explanation lines) of the figure in `projection`, or None if it has no such figure."""
        figure = self.cleaned_data["figure"]
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


class DataChangeSeenForm(forms.Form):
    """The data version whose change notice the owner dismissed: at most today's."""

    def __init__(self, *args, current: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(min_value=0, max_value=current)
