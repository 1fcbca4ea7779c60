"""The engine's vocabulary: the slugs that name tracks, band kinds, pay bases, work modes and sources.

StrEnum members are equal to their slug strings, so data loaded from the database (plain strings) and
code compare as one; these are the only spellings code may use.
"""

from __future__ import annotations

from enum import StrEnum


class Track(StrEnum):
    IC = "ic"
    MANAGEMENT = "management"
    RESEARCH = "research"


class BandKind(StrEnum):
    OVERALL = "overall"  # the article's US average
    ROLE = "role"
    LOCATION = "location"
    INDUSTRY = "industry"
    TOTAL = "total"  # the article's total-compensation band
    FREELANCE = "freelance"  # hourly, for US clients


class PayBasis(StrEnum):
    BASE = "base"
    TOTAL = "total"  # base with bonus and equity


class WorkMode(StrEnum):
    ONSITE = "onsite"
    REMOTE_US = "remote-us"
    FREELANCE = "freelance"


class SourceKind(StrEnum):
    ARTICLE = "article"
    ASSUMPTION = "assumption"
    EDITED = "edited"  # an article figure changed in admin: the change note is its source
    INPUT = "input"  # the person's own figure


class StepKind(StrEnum):
    """What a step on a path is: where the person stands, a promotion on a ladder, or a move to another track."""

    CURRENT = "current"
    PROMOTION = "promotion"
    LATERAL = "lateral"


class Provenance(StrEnum):
    """Whose figure a step shows: the article's band, an assumption, an edited article band, or the person's pay."""

    ARTICLE = "article"
    ASSUMPTION = "assumption"
    EDITED = "edited"
    YOURS = "yours"


class ClientMarket(StrEnum):
    """Whom a freelancer bills: clients where they live, or US clients while living here (rates in USD)."""

    LOCAL = "local"
    US = "us"


class Money(StrEnum):
    """How earnings are shown: as paid each year, or in today's money."""

    NOMINAL = "nominal"
    REAL = "real"


class Param(StrEnum):
    """The model's parameters (data rows, editable in admin): the slugs code asks the catalog for.

    Rows named by a currency or country (`inflation-usd`, `annual-raise-inr`, `industry-premium-exponent-in`)
    are found by their prefix (`Catalog.inflation`, `annual_raise`, `industry_exponent`).
    """

    BASE_PERCENTILE = "base-percentile"
    WINDOW_WIDTH = "window-width"
    YEARS_IN_LEVEL_POINTS = "years-in-level-points"
    YEARS_IN_LEVEL_CAP = "years-in-level-cap"
    MIN_YEARS_BETWEEN_STEPS = "min-years-between-steps"
    PROMOTION_MIN_RAISE = "promotion-min-raise"
    LATERAL_MOVE_YEARS = "lateral-move-years"
    LATERAL_MAX_RAISE = "lateral-max-raise"
    SURVEY_MIN_COUNT = "survey-min-count"
    SURVEY_STRONG_COUNT = "survey-strong-count"
    UNUSUAL_YEARS_MARGIN = "unusual-years-margin"
    ANNUAL_RAISE = "annual-raise"
    INDUSTRY_PREMIUM_EXPONENT = "industry-premium-exponent"
    INDUSTRY_PREMIUM_EXPONENT_ABROAD = "industry-premium-exponent-abroad"
    REMOTE_US_BLEND = "remote-us-blend"
    FREELANCE_BILLABLE_HOURS = "freelance-billable-hours"
    PAY_CHECK_BASE_LOW = "pay-check-base-low"
    PAY_CHECK_BASE_HIGH = "pay-check-base-high"
    PAY_CHECK_BONUS_MULTIPLE = "pay-check-bonus-multiple"
    PAY_CHECK_EQUITY_MULTIPLE = "pay-check-equity-multiple"
    OFFER_COUNTER_PERCENTILE = "offer-counter-percentile"
    OFFER_COUNTER_MAX_RAISE = "offer-counter-max-raise"


class Verdict(StrEnum):
    """How reachable a target is: the target year against the year the track typically reaches its top."""

    ON_TRACK = "on-track"
    AMBITIOUS = "ambitious"
    UNLIKELY = "unlikely"
    NO_YEAR = "no-year"  # no target year given
    BLOCKED = "blocked"  # the track's first step cannot be taken (research without a PhD)


class Position(StrEnum):
    """Where pay sits against a band."""

    BELOW = "below"
    INSIDE = "inside"
    ABOVE = "above"
