"""Calibration in the open: personas run through the engine beside public pay figures for the same person.

The public figures are not used by the model: they are the yardstick it is checked against
(`manage.py calibrate` writes the table to docs/calibration.md; tests keep each persona within
`TOLERANCE` of the public midpoint). Assumption rows are tuned to meet them, never the article's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import Catalog, Evidence
from engine.profile import Profile
from engine.projection import project

TOLERANCE = 0.25  # the app's figure is within ±25 % of the public midpoint


@dataclass(frozen=True, slots=True)
class Persona:
    name: str
    profile: Profile
    public_min: float
    public_max: float
    source: str  # where the public figure comes from, in words a reader can check

    @property
    def public_mid(self) -> float:
        return (self.public_min + self.public_max) / 2


@dataclass(frozen=True, slots=True)
class Calibrated:
    persona: Persona
    currency: str
    app_min: float  # the current step's total pay, as the page shows it
    app_max: float

    @property
    def app_mid(self) -> float:
        return (self.app_min + self.app_max) / 2

    @property
    def off(self) -> float:
        """The app's midpoint against the public midpoint: +0.10 = 10 % above."""
        return self.app_mid / self.persona.public_mid - 1

    @property
    def within(self) -> bool:
        return abs(self.off) <= TOLERANCE


def _big_tech(level: str, years: int, location: str, education: str) -> Profile:
    return Profile(level, years, location, "technology-faang", "large", education)


PERSONAS = (
    Persona(
        "San Francisco, big tech, entry level, 0 years, bachelor's: total pay",
        _big_tech("entry", 0, "sf-bay-area", "bachelors"),
        200_000,
        290_000,
        "levels.fyi as cited in issue 21: Google L3 machine-learning engineer, total pay $200,000–290,000; "
        "a Meta new-grad offer reported at $210,700.",
    ),
    Persona(
        "San Francisco, big tech, Senior, 7 years, master's: total pay",
        _big_tech("senior", 7, "sf-bay-area", "masters"),
        420_000,
        600_000,
        "levels.fyi as cited in issue 21: senior machine-learning engineers at the largest tech companies in "
        "the Bay Area (Google L5, Meta E5 level), total pay about $420,000–600,000.",
    ),
    Persona(
        "Seattle, large tech company, new PhD hired as a research scientist: first-year total pay",
        _big_tech("research-scientist", 0, "seattle", "phd"),
        300_000,
        300_000,
        "levels.fyi as cited in issue 21: PhD new graduates are hired at L4/E4; Meta E4 (PhD) about "
        "$305,000 total, Google L4 machine-learning engineer $300,000–430,000: about $300,000.",
    ),
    Persona(
        "London, big tech, Staff/Lead, 10 years, master's: total pay",
        _big_tech("lead-principal", 10, "london", "masters"),
        240_000,
        300_000,
        "levels.fyi as cited in issue 21: lead machine-learning engineers at big tech in London, total pay "
        "about £240,000–300,000.",
    ),
)


def calibrate(catalog: Catalog, start_year: int, personas: tuple[Persona, ...] = PERSONAS) -> list[Calibrated]:
    rows = []
    for persona in personas:
        result = project(persona.profile, catalog, start_year)
        step = result.tracks[0].steps[0]
        low = step.total_min if step.total_min is not None else step.base_min
        high = step.total_max if step.total_max is not None else step.base_max
        rows.append(Calibrated(persona, result.currency, low, high))
    return rows


# The public survey: every cell with enough answers against the band the model gives at its country level -------


@dataclass(frozen=True, slots=True)
class SurveyCheck:
    """A survey cell beside the base band the model gives the same role at the cell's country level."""

    evidence: Evidence
    role_name: str
    location_name: str  # the location whose band stands for the country ("United States (average)")
    band_min: float  # base pay, in the cell's currency
    band_max: float

    @property
    def band_mid(self) -> float:
        return (self.band_min + self.band_max) / 2

    @property
    def off(self) -> float:
        """The band's midpoint against the survey's median: +0.10 = 10 % above."""
        return self.band_mid / self.evidence.p50 - 1

    @property
    def within(self) -> bool:
        return abs(self.off) <= TOLERANCE

    @property
    def known_gap(self) -> str:
        return self.evidence.known_gap


def reference_industry(catalog: Catalog) -> str:
    """The industry whose premium is none (the article's all-industries average)."""
    return min(catalog.industry_ratios, key=lambda slug: abs(catalog.industry_ratios[slug] - 1.0))


def survey_checks(catalog: Catalog, start_year: int) -> list[SurveyCheck]:
    """Each survey cell with enough answers (`Catalog.evidence_for`) and the role's base band at the location
    that stands for its country, at a large company in no particular industry (the survey has neither)."""
    places: dict[str, str] = {}
    for slug, place in catalog.locations.items():
        places.setdefault(place.country, slug)  # a country's first location: its average where there is one
    industry = reference_industry(catalog)
    education = next(iter(catalog.educations))
    rows = []
    for (role_slug, country), cell in sorted(catalog.survey.items(), key=lambda item: item[0][::-1]):
        role = catalog.roles.get(role_slug)
        location = places.get(country)
        if not cell.used or role is None or location is None or role_slug not in catalog.role_bands:
            continue
        profile = Profile(role_slug, role.typical_years, location, industry, catalog.reference_company_type, education)
        step = project(profile, catalog, start_year, only_tracks=role.tracks[:1]).tracks[0].steps[0]
        rows.append(SurveyCheck(cell, role.name, catalog.locations[location].name, step.band_min, step.band_max))
    return rows
