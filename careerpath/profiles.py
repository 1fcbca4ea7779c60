"""THE mapping of a plan's inputs: saved plan <-> form values <-> engine `Profile` <-> query string.

Every page, export, notice, preview and email that turns one into another goes through here, so a
field added to a plan is added once. "Values" are what the profile form takes and gives: slugs for
choices, numbers for numbers, "" for no target track.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from compensation.validation import StoredValueError
from engine.catalog import Catalog
from engine.profile import DEFAULT_HORIZON, HORIZONS, Profile
from engine.slugs import ClientMarket

from .models import Plan

PAY_FIELDS = ("current_base", "current_bonus", "current_equity")
PROFILE_FIELDS = (
    "current_level",
    "years_experience",
    "location",
    "industry",
    "company_type",
    "skills",
    "education",
    "work_mode",
    "client_market",
    "target_track",
    "target_year",
    *PAY_FIELDS,
    "horizon_years",
)
# A plan's choice fields: form field -> (the catalog table its slug is in, the plan's id column).
CHOICES = {
    "current_level": ("role", "current_level_id"),
    "location": ("location", "location_id"),
    "industry": ("industry", "industry_id"),
    "company_type": ("company_type", "company_type_id"),
    "education": ("education", "education_id"),
}
PLAIN = ("years_experience", "work_mode", "client_market", "target_year", *PAY_FIELDS, "horizon_years")


def values_from_columns(columns: Mapping[str, Any], skill_ids: Iterable[int], catalog: Catalog) -> dict:
    """Form values from a plan's database columns (`current_level_id`, ...), resolved through the catalog.

    Columns a caller did not read (a grouped query reads no pay) count as not given.
    """
    values: dict[str, Any] = {
        field: catalog.slug_for(table, columns[column]) for field, (table, column) in CHOICES.items()
    }
    values.update({name: columns.get(name) for name in PLAIN})
    values["skills"] = [slug for slug in (catalog.slug_for("skill", pk) for pk in skill_ids) if slug]
    values["target_track"] = catalog.slug_for("track", columns.get("target_track_id")) or ""
    values["horizon_years"] = values["horizon_years"] or DEFAULT_HORIZON
    values["client_market"] = values["client_market"] or ClientMarket.LOCAL
    return values


def values_from_plan(plan: Plan, skill_ids: Iterable[int], catalog: Catalog) -> dict:
    """A saved plan's form values (with its title, notes and version), without a join."""
    columns = {name: getattr(plan, name) for name in (*(c for _, c in CHOICES.values()), *PLAIN, "target_track_id")}
    return {
        "title": plan.title,
        "notes": plan.notes,
        "version": plan.version,
        **values_from_columns(columns, skill_ids, catalog),
        "paid_years": plan.paid_years,
    }


def check_stored(values: Mapping[str, Any]) -> None:
    """StoredValueError for a saved plan's value its form refuses (written before a rule, or by hand): the
    page says so and links to the edit page instead of failing."""
    if values.get("work_mode") not in Plan.WorkMode.values:
        raise StoredValueError(f"the work mode “{str(values.get('work_mode'))[:40]}”", "plan_edit", "plan_id")
    if (values.get("client_market") or ClientMarket.LOCAL) not in set(ClientMarket):
        raise StoredValueError(f"the client market “{str(values.get('client_market'))[:40]}”", "plan_edit", "plan_id")
    if values.get("horizon_years") not in (None, *HORIZONS):
        raise StoredValueError(f"an earnings horizon of {values.get('horizon_years')} years", "plan_edit", "plan_id")


def profile_from_values(values: Mapping[str, Any]) -> Profile:
    """The engine's profile of form values; bonus and equity count only beside a base."""
    check_stored(values)
    has_base = values.get("current_base") is not None
    return Profile(
        current_level=values["current_level"] or "",
        years_experience=values["years_experience"],
        location=values["location"] or "",
        industry=values["industry"] or "",
        company_type=values["company_type"] or "",
        education=values["education"] or "",
        skills=frozenset(s for s in values["skills"] if s),
        work_mode=values["work_mode"],
        target_track=values["target_track"] or None,
        target_year=values["target_year"],
        current_base=values.get("current_base"),
        current_bonus=values.get("current_bonus") if has_base else None,
        current_equity=values.get("current_equity") if has_base else None,
        horizon_years=values.get("horizon_years") or DEFAULT_HORIZON,
        client_market=values.get("client_market") or ClientMarket.LOCAL,
        **paid_years_of(values.get("paid_years") if has_base else None),
    )


def paid_years_of(record: Mapping[str, Any] | None) -> dict:
    """The engine's known years of a plan's `paid_years` record (none when there is none)."""
    if not record:
        return {}
    years = tuple((int(base), int(total)) for base, total in record["years"])
    return {"paid_years": years, "paid_currency": record["currency"]}


def profile_from_plan(plan: Plan, skill_ids: Iterable[int], catalog: Catalog) -> Profile:
    return profile_from_values(values_from_plan(plan, skill_ids, catalog))


def plan_columns(values: Mapping[str, Any], catalog: Catalog) -> dict:
    """A plan's database columns from validated form values (the reverse of `values_from_columns`)."""
    ids = catalog.ids
    columns = {column: ids[table][values[field]] for field, (table, column) in CHOICES.items()}
    columns.update({name: values.get(name) for name in PLAIN})
    columns["target_track_id"] = ids["track"][values["target_track"]] if values.get("target_track") else None
    columns["horizon_years"] = values.get("horizon_years") or DEFAULT_HORIZON
    columns["client_market"] = values.get("client_market") or ClientMarket.LOCAL
    return columns


def skill_ids_of(values: Mapping[str, Any], catalog: Catalog) -> list[int]:
    return [catalog.ids["skill"][slug] for slug in values["skills"]]


def without_pay(values: dict) -> dict:
    """Values without the pay they give: what a share link shows unless the owner allows more."""
    hidden = dict.fromkeys(PAY_FIELDS)
    if "paid_years" in values:  # a plan's years as paid from an offer are pay too
        hidden["paid_years"] = None
    return {**values, **hidden}


def with_pay_of(values: Mapping[str, Any], saved: Mapping[str, Any]) -> dict:
    """`values` (read from a link, which never carries pay) with the pay of `saved` (a plan's values)."""
    pay = {name: saved.get(name) for name in PAY_FIELDS}
    if "paid_years" in saved:  # a plan's years as paid from an offer go with its pay
        pay["paid_years"] = saved["paid_years"]
    return {**values, **pay}


def pay_converted(values: Mapping[str, Any], typed_in: str, into: str, catalog: Catalog) -> dict:
    """The pay of `values`, typed in one currency, in another at the catalog's exchange rates (usd_per_unit),
    each figure rounded to the hundred as pay is; a figure not given stays not given."""
    return {
        name: None if values.get(name) is None else catalog.convert(values[name], typed_in, into, 100)
        for name in PAY_FIELDS
    }


def query_pairs(profile: Profile, *, pay: bool = True) -> list[tuple[str, Any]]:
    """The profile as the quick-estimate form would send it: (name, value) pairs.

    `pay=False` leaves the pay out: what a link may carry (URLs end up in access logs and histories).
    """
    pairs = [
        ("current_level", profile.current_level),
        ("years_experience", profile.years_experience),
        ("location", profile.location),
        ("industry", profile.industry),
        ("company_type", profile.company_type),
        ("education", profile.education),
        *(("skills", skill) for skill in sorted(profile.skills)),
        ("work_mode", profile.work_mode),
        *((("client_market", profile.client_market),) if profile.client_market != ClientMarket.LOCAL else ()),
        *((("target_track", profile.target_track),) if profile.target_track else ()),
        *((("target_year", profile.target_year),) if profile.target_year is not None else ()),
        *((name, getattr(profile, name)) for name in PAY_FIELDS if pay and getattr(profile, name) is not None),
        *((("horizon_years", profile.horizon_years),) if profile.horizon_years != DEFAULT_HORIZON else ()),
    ]
    # What the form reads as empty or as its default is left out: a live update carries a dozen of these.
    return pairs


def query_of(profile: Profile, *, pay: bool = True) -> str:
    """The profile as a query string (`query_pairs`); `pay=False` leaves the pay out, as a link must."""
    return urlencode(query_pairs(profile, pay=pay))


def describe(values: Mapping[str, Any], catalog: Catalog) -> dict:
    """Display names of a plan's inputs, for read-only pages."""
    return {
        "level": catalog.roles[values["current_level"]].name,
        "location": catalog.locations[values["location"]].name,
        "industry": catalog.industries[values["industry"]].name,
        "company_type": catalog.company_types[values["company_type"]].name,
        "education": catalog.educations[values["education"]].name,
        "work_mode": dict(Plan.WorkMode.choices).get(values["work_mode"], values["work_mode"]),
        "skills": [catalog.skills[slug].name for slug in values["skills"] if slug in catalog.skills],
        "target_track": catalog.tracks[values["target_track"]].name if values["target_track"] else "",
    }
