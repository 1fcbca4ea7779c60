"""Forms: all input validation for plans and the quick estimate, with messages written for people.

Choices come from the in-memory catalog (slugs as values), so rendering and validating a form
costs no query.
"""

from __future__ import annotations

import copy
import datetime

from django import forms
from django.core.exceptions import ValidationError

from compensation.data import Catalog

from .models import Plan
from .projection import Profile

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


def this_year() -> int:
    return datetime.date.today().year


class ProfileForm(forms.Form):
    """Where a person stands: the inputs of a projection."""

    current_level = forms.ChoiceField(label="Current level")
    years_experience = forms.IntegerField(
        label="Years of experience",
        min_value=0,
        max_value=MAX_YEARS,
        error_messages={
            "invalid": "Enter your years of experience as a whole number, like 4.",
            "min_value": "Years of experience cannot be negative.",
            "max_value": f"Years of experience must be {MAX_YEARS} or fewer.",
        },
    )
    location = forms.ChoiceField(label="Location")
    industry = forms.ChoiceField(label="Industry")
    company_type = forms.ChoiceField(label="Company type")
    education = forms.ChoiceField(label="Highest degree")
    skills = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="In-demand skills you have"
    )
    work_mode = forms.ChoiceField(label="Work mode", choices=Plan.WorkMode.choices)
    target_track = forms.ChoiceField(label="Target track", required=False)
    target_year = forms.IntegerField(
        label="Target year",
        required=False,
        error_messages={"invalid": "Enter the target year as a four-digit year, like 2031."},
    )

    def __init__(self, *args, catalog: Catalog, **kwargs):
        # Django copies `base_fields` into every form; start from fields already set up for this catalog.
        self.base_fields = _fields_for(type(self), catalog)
        super().__init__(*args, **kwargs)
        self.catalog = catalog

    @classmethod
    def setup_fields(cls, fields: dict[str, forms.Field], catalog: Catalog) -> None:
        """Choices and messages that depend on the catalog; done once per class and snapshot."""
        fields["current_level"].choices = [(r.slug, r.name) for r in catalog.levels()]
        fields["location"].choices = [(x.slug, x.name) for x in catalog.locations.values()]
        fields["industry"].choices = [(x.slug, x.name) for x in catalog.industries.values()]
        fields["company_type"].choices = [(x.slug, x.name) for x in catalog.company_types.values()]
        fields["education"].choices = [(x.slug, x.name) for x in catalog.educations.values()]
        fields["skills"].choices = [(x.slug, x.name) for x in catalog.skills.values()]
        fields["target_track"].choices = [("", "Any track")] + [(x.slug, x.name) for x in catalog.tracks.values()]
        for name in ("current_level", "location", "industry", "company_type", "education", "work_mode"):
            fields[name].error_messages["invalid_choice"] = f"Choose a {fields[name].label.lower()} from the list."
            fields[name].error_messages["required"] = f"Choose your {fields[name].label.lower()}."
        fields["target_track"].error_messages["invalid_choice"] = "Choose a track from the list."
        fields["skills"].error_messages["invalid_choice"] = "Choose skills from the list."
        fields["years_experience"].error_messages["required"] = "Enter your years of experience."
        fields["years_experience"].widget.attrs.update(inputmode="numeric")
        fields["target_year"].widget.attrs.update(inputmode="numeric", placeholder=str(this_year() + 5))

    def clean_target_year(self):
        year = self.cleaned_data.get("target_year")
        if year is None:
            return None
        first, last = this_year(), this_year() + YEARS_AHEAD
        if not first <= year <= last:
            raise ValidationError(f"Choose a target year between {first} and {last}.")
        return year

    def profile(self) -> Profile:
        data = self.cleaned_data
        return Profile(
            current_level=data["current_level"],
            years_experience=data["years_experience"],
            location=data["location"],
            industry=data["industry"],
            company_type=data["company_type"],
            education=data["education"],
            skills=frozenset(data["skills"]),
            work_mode=data["work_mode"],
            target_track=data.get("target_track") or None,
            target_year=data.get("target_year"),
        )


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


class _PreparedFields(dict):
    """Fields set up once per catalog snapshot and never changed afterwards.

    Django deep-copies a form's fields for every instance so that one form can change its own; ours
    never do after `setup_fields`, and the deep copy (choices and widgets included) was the largest
    cost of a live update. Each form gets its own field objects, sharing their read-only parts.
    """

    def __deepcopy__(self, memo):
        return {name: copy.copy(field) for name, field in self.items()}


_prepared: dict[type, tuple[Catalog, int, _PreparedFields]] = {}


def _fields_for(cls: type[ProfileForm], catalog: Catalog) -> dict[str, forms.Field]:
    """`cls`'s fields set up for `catalog` (and this year's placeholder), kept until either changes."""
    kept = _prepared.get(cls)
    if kept is None or kept[0] is not catalog or kept[1] != this_year():
        fields = _PreparedFields(copy.deepcopy(cls.base_fields))
        cls.setup_fields(fields, catalog)
        kept = _prepared[cls] = (catalog, this_year(), fields)
    return kept[2]


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
