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
