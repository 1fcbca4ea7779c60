"""Calibration in the open: personas run through the engine beside public pay figures for the same person.

The public figures are not used by the model: they are the yardstick it is checked against
(`manage.py calibrate` writes the table to docs/calibration.md; tests keep each persona within
`TOLERANCE` of the public midpoint). Assumption rows are tuned to meet them, never the article's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import Catalog
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
