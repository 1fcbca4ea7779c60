"""Plain, immutable snapshot of the compensation data, as the projection engine sees it.

No Django here: `catalog.py` builds a `Catalog` from the database; tests build one by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

from engine.currency import convert
from engine.slugs import BandKind, Param, PayBasis, SourceKind, Track

_ASSUMPTION = SourceKind.ASSUMPTION.value  # read for every step: a plain string compares fastest


class _Named(Protocol):
    """A row with a display name (a role, location, skill, ...)."""

    @property
    def name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Source:
    """Provenance of a figure: the article's sentence, or an assumption and its rationale."""

    kind: str  # a SourceKind: the article, an assumption, edited (an article figure changed: `text` is the
    # change note), or the person's own figure
    text: str  # the quoted sentence, or the rationale
    note: str = ""  # for an article row: the rationale of what on that row the article does not give

    @property
    def is_assumption(self) -> bool:
        return self.kind == _ASSUMPTION

    @property
    def is_edited(self) -> bool:
        return self.kind == "edited"


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
    covers: str  # the PayBasis: base, or total (base with bonus and equity)
    source: Source

    @property
    def mid(self) -> float:
        return (self.min + self.max) / 2

    @property
    def is_total(self) -> bool:
        return self.covers == PayBasis.TOTAL


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
    source: Source
    earliest_years: int = 0  # the earliest path never reaches the role with fewer years of experience


@dataclass(frozen=True, slots=True)
class Weighted:
    """A skill or education level and how far it moves a person within a band."""

    slug: str
    name: str
    points: float
    source: Source
    research_points: float = 0.0
    examples: str = ""
    research_years: int = 0  # education: years of research it counts for; > 0 enters research directly


@dataclass(frozen=True, slots=True)
class CompanyType:
    slug: str
    name: str
    base_factor: float
    source: Source


@dataclass(frozen=True, slots=True)
class Share:
    """Bonus and equity as a share of total pay for a role at a company type; industry "" = every industry."""

    role: str
    company_type: str
    industry: str
    share: float
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


@dataclass(frozen=True, slots=True)
class TrackPay:
    """A track's pay against an engineer's of the same seniority in one country, from the public survey (both
    cells with enough answers), beside the same ratio in the bands: the role's band there is scaled by
    `factor` = survey ratio ÷ band ratio, so the survey, not the article, sets the track's premium there."""

    role: str
    country: str
    versus: str  # the engineering role of the same seniority
    survey_ratio: float  # the role's median ÷ the engineer's median, in the survey
    band_ratio: float  # the same from the bands' midpoints (US average)
    n: int
    n_versus: int
    source: str
    years: str

    @property
    def factor(self) -> float:
        return self.survey_ratio / self.band_ratio


@dataclass(frozen=True, slots=True)
class Evidence:
    """A public survey's salaries for one role in one country: salary only (no bonus or equity)."""

    source: str
    years: str  # the work years counted, e.g. "2024"
    role: str
    country: str
    currency: str
    n: int
    p10: float
    p25: float
    p50: float
    p75: float
    p90: float
    known_gap: str = ""  # why the band may stay far from this median (staff's words)
    confidence: str = ""  # "strong", "some" or "thin" by the count (parameters survey-strong-count, -min-count)

    @property
    def used(self) -> bool:
        """Enough answers to be shown beside a band and checked against it."""
        return self.confidence != "thin"


def _ratio(midpoint: float, average: float) -> float:
    """A band's midpoint over the US average's; 1 (no premium) if the average band is zero, never 0 ÷ 0."""
    return midpoint / average if average > 0 else 1.0


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
    shares: tuple[Share, ...] = ()
    # Database ids by table and slug, so forms can save choices without a query.
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    # Indexes built once, so lookups are dictionary reads.
    role_bands: dict[str, Band] = field(default_factory=dict)
    location_bands: dict[str, Band] = field(default_factory=dict)
    industry_bands: dict[str, Band] = field(default_factory=dict)
    other_bands: dict[str, Band] = field(default_factory=dict)
    # The published version of the salary data (see `dataversions`); `version` above only counts changes.
    data_version: int = 0
    # The public survey's cells as given; `survey` has them with their confidence word.
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        for band in self.bands:
            if band.period != "year" and band.kind != BandKind.FREELANCE:
                continue
            targets: dict[str, dict[str, Band]] = {
                BandKind.ROLE: self.role_bands,
                BandKind.LOCATION: self.location_bands,
                BandKind.INDUSTRY: self.industry_bands,
            }
            target = targets.get(band.kind, self.other_bands)
            key = band.subject or band.kind
            # A subject with both a base-pay and a total-pay band uses the base-pay one.
            if key not in target or band.covers == PayBasis.BASE:
                target[key] = band

    def slug_for(self, table: str, pk: int | None) -> str | None:
        if pk is None:
            return None
        return self.slugs_by_id[table].get(pk)

    def name_for(self, table: str, pk: int | None) -> str:
        """Display name of a row by database id ("" if unknown)."""
        return self.name_of(table, self.slug_for(table, pk))

    def name_of(self, table: str, slug: str | None) -> str:
        """Display name of a row by slug ("" if unknown); `table` as in `ids` ("company_type", "role", ...)."""
        collections: dict[str, Mapping[str, _Named]] = {
            "role": self.roles,
            "location": self.locations,
            "industry": self.industries,
            "track": self.tracks,
            "skill": self.skills,
            "education": self.educations,
            "company_type": self.company_types,
        }
        collection = collections[table]
        item = collection.get(slug) if slug else None
        return item.name if item else ""

    # Derived data: worked out once per snapshot, on first use (the snapshot never changes).

    @cached_property
    def survey(self) -> dict[tuple[str, str], Evidence]:
        """Every survey cell by (role, country), with its confidence word from its count."""
        least = self.parameters.get(Param.SURVEY_MIN_COUNT)
        strong = self.parameters.get(Param.SURVEY_STRONG_COUNT)
        cells = {}
        for cell in self.evidence:
            if least is not None and cell.n < least.value:
                word = "thin"
            elif strong is not None and cell.n >= strong.value:
                word = "strong"
            else:
                word = "some"
            cells[cell.role, cell.country] = replace(cell, confidence=word)
        return cells

    @cached_property
    def track_pay(self) -> dict[tuple[str, str], TrackPay]:
        """Each research or management role's pay against an engineer's of the same seniority (`order`), per
        country, where the survey has both cells with enough answers and both bands are base pay."""
        engineers = {r.order: r for r in self.roles.values() if Track.IC.value in r.tracks}
        found = {}
        for (slug, country), cell in self.survey.items():
            role, band = self.roles.get(slug), self.role_bands.get(slug)
            peer = engineers.get(role.order) if role is not None else None
            if role is None or band is None or peer is None or peer.slug == slug or not cell.used:
                continue
            other, peer_band = self.evidence_for(peer.slug, country), self.role_bands.get(peer.slug)
            if other is None or peer_band is None or band.is_total or peer_band.is_total or not other.p50:
                continue
            peer_mid = peer_band.min + peer_band.max
            band_ratio = (band.min + band.max) / peer_mid if peer_mid > 0 else 0.0
            if band_ratio > 0:
                found[slug, country] = TrackPay(
                    slug, country, peer.slug, cell.p50 / other.p50, band_ratio, cell.n, other.n, cell.source, cell.years
                )
        return found

    def evidence_for(self, role: str, country: str) -> Evidence | None:
        """The survey's cell for a role in a country, if it has enough answers to be used."""
        cell = self.survey.get((role, country))
        return cell if cell is not None and cell.used else None

    @cached_property
    def slugs_by_id(self) -> dict[str, dict[int, str]]:
        return {table: {pk: slug for slug, pk in ids.items()} for table, ids in self.ids.items()}

    @cached_property
    def track_ladders(self) -> tuple[tuple[str, str, tuple[Role, ...]], ...]:
        """Every track as (slug, name, its roles by seniority)."""
        return tuple((slug, track.name, tuple(self.track_roles(slug))) for slug, track in self.tracks.items())

    @cached_property
    def reference_company_type(self) -> str:
        """The company type the article's bands describe: the one whose base factor is 1 (large companies)."""
        return next(
            (c.slug for c in self.company_types.values() if c.base_factor == 1.0), next(iter(self.company_types))
        )

    @cached_property
    def reference_level(self) -> str:
        """The level a typical ML engineer holds: the one whose band's midpoint is nearest the US average.

        The article's location and industry bands describe typical ML engineers, like its US average;
        a total-pay one is split into base with the bonus-and-equity share at this level.
        """
        average = self.other_bands[BandKind.OVERALL].mid
        levels = [r for r in self.levels() if r.slug in self.role_bands]
        return min(levels, key=lambda r: abs(self.role_bands[r.slug].mid - average)).slug

    @cached_property
    def share_index(self) -> dict[tuple[str, str, str], Share]:
        """The most specific share for every (role, industry, company type); industry "" = no industry row."""
        given = {(s.role, s.company_type, s.industry): s for s in self.shares}
        index = {}
        for role in self.roles:
            for company in self.company_types:
                general = given.get((role, company, ""))
                if general is not None:
                    index[role, "", company] = general
                for industry in self.industries:
                    found = given.get((role, company, industry), general)
                    if found is not None:
                        index[role, industry, company] = found
        return index

    @cached_property
    def location_ratios(self) -> dict[str, float]:
        """Each location's band midpoint (as base pay) over the US-average midpoint."""
        average = self.other_bands[BandKind.OVERALL].mid
        return {
            slug: _ratio(sum(self.base_equivalent(band)) / 2, average) for slug, band in self.location_bands.items()
        }

    @cached_property
    def industry_ratios(self) -> dict[str, float]:
        """Each industry's band midpoint over the US-average midpoint, before damping, on the band's own basis.

        A base-pay band is compared with the US average as base pay; a total-pay band (big tech's) with the
        US average as total pay (with the bonus-and-equity share of every industry at the reference level
        and company), so big tech's premium is the premium of its total pay, not of a base it does not give.
        """
        average = self.other_bands[BandKind.OVERALL].mid
        share = self.share_for(self.reference_level, "", self.reference_company_type)
        average_total = average / (1.0 - (share.share if share else 0.0))
        return {
            slug: _ratio(band.mid, average_total if band.is_total else average)
            for slug, band in self.industry_bands.items()
        }

    def industry_exponent(self, country: str, industry: str = "") -> Parameter:
        """The damping of the article's (US) industry premiums in base pay in a country.

        In the US: the industry's own row `industry-premium-exponent-<industry>` if there is one (big tech's
        premium is in its bonus and equity, not its base), else the US row. Abroad: the country's own row
        `industry-premium-exponent-<country>` if there is one, else the industry's own row, else the row for
        abroad.
        """
        own = self.parameters.get(f"industry-premium-exponent-{industry}") if industry else None
        if country == "US":
            return own or self.param(Param.INDUSTRY_PREMIUM_EXPONENT)
        place = self.parameters.get(f"industry-premium-exponent-{country.lower()}")
        return place or own or self.param(Param.INDUSTRY_PREMIUM_EXPONENT_ABROAD)

    def share_for(self, role: str, industry: str, company_type: str) -> Share | None:
        return self.share_index.get((role, industry, company_type))

    def base_equivalent(self, band: Band, industry: str = "", role: str = "") -> tuple[float, float]:
        """A band as base pay: a total-pay band loses the bonus-and-equity share (reference level and company)."""
        if not band.is_total:
            return band.min, band.max
        share = self.share_for(role or self.reference_level, industry, self.reference_company_type)
        keep = 1.0 - (share.share if share else 0.0)
        return band.min * keep, band.max * keep

    def convert(self, amount: float, currency: str, into: str, unit: int = 1) -> int:
        """`amount` in `currency`, in `into` at this data's exchange rates (`engine.currency.convert`)."""
        return convert(amount, self.rates[currency].usd_per_unit, self.rates[into].usd_per_unit, unit)

    def param(self, slug: Param) -> Parameter:
        return self.parameters[slug]

    def inflation(self, currency: str) -> Parameter | None:
        """The yearly inflation assumed for a currency: the parameter `inflation-<currency>`."""
        return self.parameters.get(f"inflation-{currency.lower()}")

    def annual_raise(self, currency: str) -> Parameter:
        """The merit raise within a level, above inflation, for pay in a currency: the currency's own row
        `annual-raise-<currency>` if there is one, else the general row."""
        return self.parameters.get(f"annual-raise-{currency.lower()}") or self.param(Param.ANNUAL_RAISE)

    def track_roles(self, track: str) -> list[Role]:
        return list(self._ladders.get(track, ()))

    def levels(self) -> list[Role]:
        return list(self._levels)

    @cached_property
    def _ladders(self) -> dict[str, tuple[Role, ...]]:
        by_order = sorted(self.roles.values(), key=lambda r: r.order)
        slugs = {t for r in by_order for t in r.tracks}
        return {slug: tuple(r for r in by_order if slug in r.tracks) for slug in slugs}

    @cached_property
    def _levels(self) -> tuple[Role, ...]:
        return tuple(sorted((r for r in self.roles.values() if r.is_level), key=lambda r: r.order))

    def level_groups(self) -> list[tuple[str, list[Role]]]:
        """The roles one can hold now, grouped by track (a role shared by tracks under its first one)."""
        groups: dict[str, list[Role]] = {slug: [] for slug in self.tracks}
        for role in self.levels():
            home = next((t for t in role.tracks if t in groups), None)
            if home is not None:
                groups[home].append(role)
        return [(self.tracks[slug].name, roles) for slug, roles in groups.items() if roles]
