"""What a projection is made of: steps on each track, earnings year by year, the person's pay placed
in its band, freelance pay, the target. Plain frozen dataclasses, no behaviour beyond reading them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from engine.catalog import Band, Evidence, Source
from engine.profile import Profile
from engine.rounding import percentile_in
from engine.slugs import Position, Verdict


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One line of a figure's explanation: what was applied, in plain words, and on whose word."""

    label: str
    detail: str
    source: Source
    factor: float | None = None
    band: Band | None = None


@dataclass(frozen=True, slots=True)
class Step:
    role: str
    title: str
    rank: int  # the role's seniority order
    year: int
    earliest_year: int
    is_current: bool
    base_min: float
    base_max: float
    total_min: float | None
    total_max: float | None
    currency: str
    percentile: float  # the person's place in the band, 0–1, before the window
    is_assumption: bool  # the role's band is an assumption, not from the article
    explanation: tuple[Adjustment, ...]
    band_min: float = 0.0  # the role's base-pay band for this place (location, industry, company type)
    band_max: float = 0.0
    band_open_ended: bool = False  # the band's top is open-ended ("$200,000+")
    percentile_min: int = 0  # where base_min sits in the band, 0–100
    percentile_max: int = 0  # where base_max sits in the band, 0–100
    bonus_share: float = 0.0  # bonus and equity as a share of total pay
    floored: bool = False  # held at the previous step's pay: the role's band here pays less
    kind: str = "current"  # StepKind: "current", "promotion" or "lateral" (a move to another track)
    provenance: str = "assumption"  # Provenance: "article", "assumption", "edited" or "yours"
    evidence: Evidence | None = None  # the public survey's salaries for this role in this country (enough answers)


@dataclass(frozen=True, slots=True)
class EarningsYear:
    """One year of a track's earnings: nominal (as paid that year) and in today's money (`_real`)."""

    year: int
    role: str  # the step held that year
    title: str
    base: float
    bonus_equity: float
    total: float
    cumulative_total: float
    base_real: float
    bonus_equity_real: float
    total_real: float
    cumulative_total_real: float
    promoted: bool = False  # the first year of a new step
    # A freelancer's year: the hourly rate billed (as paid, and in today's money), in the freelance currency
    # (US clients: US dollars); the year's pay is that rate × billable hours, with no bonus or equity.
    hourly: float | None = None
    hourly_real: float | None = None


@dataclass(frozen=True, slots=True)
class Blocked:
    """A step that cannot be taken: the role a track's path would move into, and what it needs.

    A track that is blocked shows only the current step (the person stays where they are on it), no projected
    path and no pay beyond it; it never wins "which track earns most"."""

    role: str
    title: str
    needs: str  # in words, e.g. "needs a PhD or research experience"
    source: Source


@dataclass(frozen=True, slots=True)
class TrackProjection:
    track: str
    name: str
    steps: tuple[Step, ...]
    # Earnings over the horizon are worked out when first read, by `earn`, and kept: a live update shows
    # none (they are fetched when scrolled to) and a what-if reads one track's. Copies share what is kept.
    earn: Callable[[], tuple[EarningsYear, ...]] | None = field(default=None, repr=False, compare=False)
    _kept: list[tuple[EarningsYear, ...]] = field(default_factory=list, repr=False, compare=False)
    blocked: Blocked | None = None  # the track's first move cannot be taken (research without a PhD)

    @property
    def earnings(self) -> tuple[EarningsYear, ...]:
        if not self._kept:
            self._kept.append(self.earn() if self.earn is not None else ())
        return self._kept[0]

    @property
    def top(self) -> Step:
        return self.steps[-1]

    @property
    def cumulative(self) -> float:
        """Total pay over the horizon, nominal."""
        return self.earnings[-1].cumulative_total if self.earnings else 0.0

    @property
    def cumulative_real(self) -> float:
        """Total pay over the horizon, in today's money."""
        return self.earnings[-1].cumulative_total_real if self.earnings else 0.0


@dataclass(frozen=True, slots=True)
class PayPosition:
    """Where an amount sits in a band: a percentile, the compa-ratio (amount ÷ midpoint), inside or not."""

    amount: float
    band_min: float
    band_max: float
    open_ended: bool = False

    @property
    def percentile(self) -> int:
        """0–100, clamped: below the band is 0, above it 100 (`position` says which)."""
        return percentile_in(self.amount, self.band_min, self.band_max)

    @property
    def compa_ratio(self) -> float:
        mid = (self.band_min + self.band_max) / 2
        return self.amount / mid if mid else 0.0

    @property
    def position(self) -> Position:
        """Below the band's bottom, above its top, or inside."""
        if self.amount < self.band_min:
            return Position.BELOW
        if self.amount > self.band_max:
            return Position.ABOVE
        return Position.INSIDE


@dataclass(frozen=True, slots=True)
class YourPay:
    """The pay the person gave, placed in the band of their level here (base, and total if given)."""

    role: str
    title: str
    base: PayPosition
    bonus: float | None
    equity: float | None
    total: PayPosition | None  # only when bonus or equity was given


@dataclass(frozen=True, slots=True)
class Freelance:
    """Freelance pay for this person in this place, in the plan's currency and in US dollars."""

    hourly_min: float
    hourly_max: float
    hours: float
    yearly_min: float  # = hourly_min × hours, the hourly figure as shown
    yearly_max: float
    currency: str  # the plan's currency
    usd_yearly_min: float | None
    usd_yearly_max: float | None
    explanation: tuple[Adjustment, ...]
    client_market: str = "local"  # "us": the rates are US clients' in USD (`currency` is then "USD")
    local_currency: str = ""  # US clients: the plan's currency, and the yearly amount converted into it
    local_yearly_min: float | None = None
    local_yearly_max: float | None = None


@dataclass(frozen=True, slots=True)
class Target:
    track: str
    role: str
    title: str
    typical_year: int
    earliest_year: int
    target_year: int | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Projection:
    profile: Profile
    start_year: int
    currency: str
    tracks: tuple[TrackProjection, ...]
    common: tuple[Adjustment, ...]  # adjustments that apply to every step
    freelance: Freelance | None = None
    target: Target | None = None
    notes: tuple[Adjustment, ...] = field(default=())  # plain notes beside the projection
    your_pay: YourPay | None = None
    raise_rate: float = 0.0  # the annual raise within a level, above inflation
    inflation: float = 0.0  # the currency's yearly inflation

    def track(self, slug: str) -> TrackProjection:
        for track in self.tracks:
            if track.track == slug:
                return track
        raise KeyError(slug)
