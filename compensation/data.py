"""Plain, immutable snapshot of the compensation data, as the projection engine sees it.

No Django here: `catalog.py` builds a `Catalog` from the database; tests build one by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """Provenance of a figure: the article's sentence, or an assumption and its rationale."""

    kind: str  # "article" or "assumption"
    text: str  # the quoted sentence, or the rationale
    note: str = ""  # for an article row: the rationale of what on that row the article does not give

    @property
    def is_assumption(self) -> bool:
        return self.kind == "assumption"


@dataclass(frozen=True, slots=True)
class Band:
    slug: str
    kind: str
    subject: str  # slug of the role, location or industry; "" for overall/total/freelance
    min: float
    max: float
    open_ended: bool
    currency: str
    period: str
    covers: str
    source: Source

    @property
    def mid(self) -> float:
        return (self.min + self.max) / 2


@dataclass(frozen=True, slots=True)
class Location:
    slug: str
    name: str
    country: str
    currency: str


@dataclass(frozen=True, slots=True)
class Named:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Role:
    slug: str
    name: str
    order: int
    is_level: bool
    tracks: tuple[str, ...]
    typical_years: int
    bonus_equity_share: float
    source: Source


@dataclass(frozen=True, slots=True)
class Weighted:
    """A skill or education level and how far it moves a person within a band."""

    slug: str
    name: str
    points: float
    source: Source
    research_points: float = 0.0
    examples: str = ""


@dataclass(frozen=True, slots=True)
class CompanyType:
    slug: str
    name: str
    base_factor: float
    bonus_equity_factor: float
    source: Source


@dataclass(frozen=True, slots=True)
class Parameter:
    slug: str
    name: str
    value: float
    unit: str
    description: str
    source: Source


@dataclass(frozen=True, slots=True)
class Rate:
    currency: str
    usd_per_unit: float
    source: Source


@dataclass(frozen=True)
class Catalog:
    version: int
    locations: dict[str, Location]
    industries: dict[str, Named]
    tracks: dict[str, Named]
    roles: dict[str, Role]
    skills: dict[str, Weighted]
    educations: dict[str, Weighted]
    company_types: dict[str, CompanyType]
    parameters: dict[str, Parameter]
    rates: dict[str, Rate]
    bands: tuple[Band, ...]
    # Database ids by table and slug, so forms can save choices without a query.
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    # Indexes built once, so lookups are dictionary reads.
    role_bands: dict[str, Band] = field(default_factory=dict)
    location_bands: dict[str, Band] = field(default_factory=dict)
    industry_bands: dict[str, Band] = field(default_factory=dict)
    other_bands: dict[str, Band] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for band in self.bands:
            if band.period != "year" and band.kind != "freelance":
                continue
            target = {
                "role": self.role_bands,
                "location": self.location_bands,
                "industry": self.industry_bands,
            }.get(band.kind, self.other_bands)
            key = band.subject or band.kind
            # Base-pay bands win over total-compensation ones for the same subject.
            if key not in target or band.covers == "base":
                target[key] = band

    def slug_for(self, table: str, pk: int | None) -> str | None:
        if pk is None:
            return None
        return self._slugs[table].get(pk)

    def name_for(self, table: str, pk: int | None) -> str:
        """Display name of a row by database id ("" if unknown)."""
        slug = self.slug_for(table, pk)
        collection = {
            "role": self.roles,
            "location": self.locations,
            "industry": self.industries,
            "track": self.tracks,
            "skill": self.skills,
            "education": self.educations,
            "company_type": self.company_types,
        }[table]
        item = collection.get(slug) if slug else None
        return item.name if item else ""

    @property
    def _slugs(self) -> dict[str, dict[int, str]]:
        cached = self.__dict__.get("_slug_index")
        if cached is None:
            cached = {table: {pk: slug for slug, pk in ids.items()} for table, ids in self.ids.items()}
            object.__setattr__(self, "_slug_index", cached)
        return cached

    def param(self, slug: str) -> Parameter:
        return self.parameters[slug]

    def track_roles(self, track: str) -> list[Role]:
        return sorted((r for r in self.roles.values() if track in r.tracks), key=lambda r: r.order)

    def levels(self) -> list[Role]:
        return sorted((r for r in self.roles.values() if r.is_level), key=lambda r: r.order)
