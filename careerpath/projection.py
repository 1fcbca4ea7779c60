"""The projection engine: where a person can go on each track, when, and for what pay.

Pure functions over plain data: a `Profile` and a `Catalog` snapshot in, a `Projection` out. No
Django, no database, no formatting (templates format money), so it is fast and testable alone.
Every number it uses comes from the catalog; the model is explained on /methodology/.

The model, in short:
- A role's US-average band is the starting point. Every band has a pay basis: base pay, or total
  pay with bonus and equity. A total-pay band is never used as base: it is split into base and
  bonus-and-equity with the share for that level, industry and company type.
- Location and industry each scale it by the ratio of their band's midpoint (as base pay) to the
  US-average midpoint; for a non-US location that ratio also carries the figure into local currency.
  The industry ratio is damped (raised to an exponent) so two premiums do not simply multiply.
  Company type scales base pay. The result is the band for this role in this place.
- Skills, education and years in the current level place the person inside that band (a
  percentile); the projected range is a window of the band at that place, so it never leaves the band.
- Total pay = base ÷ (1 − the bonus-and-equity share of total pay for that role, industry and company).
- Each step is dated by the years of experience at which its role is typically reached, at least
  the minimum years after the step before; a promotion never pays less than the step before.
- Pay the person gives (optional) is the current step; later steps never pay less than it.
- Earnings over the years: each track, year by year over the horizon, from the step held that year;
  within a level pay grows by the annual raise (above inflation), a promotion pays at least that.
  Step figures are today's money (market pay is assumed to keep pace with inflation); nominal
  figures grow them by the currency's inflation.
- Figures are rounded half up: pay to the hundred, hourly rates to the unit.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from compensation.data import Band, Catalog, Role, Share, Source
from compensation.money import round_half_up

ONSITE, REMOTE_US, FREELANCE = "onsite", "remote-us", "freelance"
WORK_MODES = (ONSITE, REMOTE_US, FREELANCE)
HORIZONS = (5, 10, 15, 20)
DEFAULT_HORIZON = 10
YOUR_PAY = Source("input", "The pay you gave for this plan.")


def _round(amount: float) -> float:
    """Projected pay is an estimate: to the nearest hundred, halves up (the formatter's rule)."""
    return float(round_half_up(amount, 100))


def _percentile(amount: float, low: float, high: float) -> int:
    """Where `amount` sits in the band low–high, as a whole percentile 0–100."""
    if high <= low:
        return 50
    return min(100, max(0, round_half_up((amount - low) / (high - low) * 100)))


def _percent_more(ratio: float) -> str:
    """1.17 → "17 % more than", 0.93 → "7 % less than", 1.0 → "the same as"."""
    change = round_half_up(abs(ratio - 1) * 100)
    if change == 0:
        return "the same as"
    return f"{change} % {'more' if ratio > 1 else 'less'} than"


def _points(value: float) -> str:
    return f"{value * 100:+.0f} percentile points within the band"


class ProjectionError(ValueError):
    """The profile names something the catalog does not have."""


@dataclass(frozen=True, slots=True)
class Profile:
    current_level: str
    years_experience: int
    location: str
    industry: str
    company_type: str
    education: str
    skills: frozenset[str] = frozenset()
    work_mode: str = ONSITE
    target_track: str | None = None
    target_year: int | None = None
    # Pay today (optional), a year, in the location's currency; bonus and equity count only with a base.
    current_base: int | None = None
    current_bonus: int | None = None
    current_equity: int | None = None
    horizon_years: int = DEFAULT_HORIZON  # years of earnings, from this year

    @property
    def has_pay(self) -> bool:
        return self.current_base is not None

    @property
    def gives_total(self) -> bool:
        """Bonus or equity was given (0 counts): total pay is the person's, not estimated."""
        return self.has_pay and (self.current_bonus is not None or self.current_equity is not None)

    def without_pay(self) -> Profile:
        return replace(self, current_base=None, current_bonus=None, current_equity=None)


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


@dataclass(frozen=True, slots=True)
class TrackProjection:
    track: str
    name: str
    steps: tuple[Step, ...]
    earnings: tuple[EarningsYear, ...] = ()

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
        return _percentile(self.amount, self.band_min, self.band_max)

    @property
    def compa_ratio(self) -> float:
        mid = (self.band_min + self.band_max) / 2
        return self.amount / mid if mid else 0.0

    @property
    def position(self) -> str:
        """ "below" the band's bottom, "above" its top, or "inside"."""
        if self.amount < self.band_min:
            return "below"
        if self.amount > self.band_max:
            return "above"
        return "inside"


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


@dataclass(frozen=True, slots=True)
class Target:
    track: str
    role: str
    title: str
    typical_year: int
    earliest_year: int
    target_year: int | None
    verdict: str  # "on-track", "ambitious", "unlikely", or "no-year"


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


def validate(profile: Profile, catalog: Catalog) -> None:
    """Raise ProjectionError if the profile names anything the catalog lacks."""
    checks = (
        ("level", profile.current_level, catalog.roles),
        ("location", profile.location, catalog.locations),
        ("industry", profile.industry, catalog.industries),
        ("company type", profile.company_type, catalog.company_types),
        ("education", profile.education, catalog.educations),
    )
    for label, slug, table in checks:
        if slug not in table:
            raise ProjectionError(f"Unknown {label}: {slug!r}")
    if not catalog.roles[profile.current_level].is_level:
        raise ProjectionError(f"{profile.current_level!r} is not a level one can hold now")
    for skill in profile.skills:
        if skill not in catalog.skills:
            raise ProjectionError(f"Unknown skill: {skill!r}")
    if profile.work_mode not in WORK_MODES:
        raise ProjectionError(f"Unknown work mode: {profile.work_mode!r}")
    if profile.target_track is not None and profile.target_track not in catalog.tracks:
        raise ProjectionError(f"Unknown track: {profile.target_track!r}")
    if profile.years_experience < 0:
        raise ProjectionError("Years of experience cannot be negative")
    for label, amount in (("base", profile.current_base), ("bonus", profile.current_bonus)):
        if amount is not None and amount < 0:
            raise ProjectionError(f"Your {label} pay cannot be negative")
    if profile.current_equity is not None and profile.current_equity < 0:
        raise ProjectionError("Your equity cannot be negative")
    if not 1 <= profile.horizon_years <= max(HORIZONS):
        raise ProjectionError(f"The horizon must be 1 to {max(HORIZONS)} years")
    currency = catalog.locations[profile.location].currency
    if catalog.inflation(currency) is None:
        raise ProjectionError(f"No inflation rate for {currency}")
    if profile.location not in catalog.location_bands:
        raise ProjectionError(f"No salary band for {profile.location!r}")
    if profile.industry not in catalog.industry_bands:
        raise ProjectionError(f"No salary band for {profile.industry!r}")
    if "overall" not in catalog.other_bands:
        raise ProjectionError("The catalog has no US-average band")


def pay_factor(
    profile: Profile, catalog: Catalog
) -> tuple[float, float, str, tuple[Adjustment, ...], tuple[Adjustment, ...]]:
    """The multiplier from a US-average base band to this person's local base pay, with its explanation.

    Returns (factor, location factor, currency, adjustments, notes); the location factor alone (with
    the remote blend) is what freelance rates follow.
    """
    average = catalog.other_bands["overall"]
    location = catalog.locations[profile.location]
    loc_band = catalog.location_bands[profile.location]
    ind_band = catalog.industry_bands[profile.industry]
    industry = catalog.industries[profile.industry]
    company = catalog.company_types[profile.company_type]
    exponent = catalog.param("industry-premium-exponent")

    loc_ratio = catalog.location_ratios[profile.location]
    if location.currency == "USD":
        loc_detail = f"{location.name} pays {_percent_more(loc_ratio)} the US average (midpoints of the two bands)"
    else:
        loc_detail = (
            f"{location.name}'s band, in {location.currency}, is {loc_ratio:.3g} times the US-average band in "
            f"dollars: US figures are scaled by that and shown in {location.currency}"
        )
    adjustments = [Adjustment("Location", loc_detail, loc_band.source, loc_ratio, loc_band)]
    notes: list[Adjustment] = []
    blend = catalog.param("remote-us-blend")
    if profile.work_mode == REMOTE_US and location.country != "US":
        rate = catalog.rates.get(location.currency)
        if rate is not None and rate.usd_per_unit > 0 and loc_ratio > 0:  # a zero band: no blend, no 0 ÷ 0
            us_ratio = 1.0 / rate.usd_per_unit
            remote_ratio = max(loc_ratio, loc_ratio ** (1 - blend.value) * us_ratio**blend.value)
            adjustments.append(
                Adjustment(
                    "Remote for a US company",
                    f"pay moves {blend.value:.0%} of the way (geometrically) from local to US pay: "
                    f"{_percent_more(remote_ratio / loc_ratio)} local pay",
                    blend.source,
                    remote_ratio / loc_ratio,
                )
            )
            notes.append(
                Adjustment("Remote for a US company", "an assumption: the article gives no figure", blend.source)
            )
            loc_ratio = remote_ratio
    elif profile.work_mode == REMOTE_US:
        notes.append(Adjustment("Remote for a US company", "you are in the US, so local US pay applies", blend.source))

    raw = catalog.industry_ratios[profile.industry]
    ind_factor = raw**exponent.value
    detail = f"{industry.name} pays {_percent_more(ind_factor)} the US average in base pay"
    if raw != 1.0:
        detail += (
            f" (its band's premium of {round_half_up(abs(raw - 1) * 100)} %, damped because location and "
            "industry premiums overlap)"
        )
    if ind_band.is_total:
        share = catalog.share_for(catalog.reference_level, profile.industry, catalog.reference_company_type)
        level = catalog.roles[catalog.reference_level].name
        detail += (
            f"; its band is total pay, so it counts as base pay without the {share.share:.0%} bonus and equity "
            f"of a typical engineer there ({level})"
            if share
            else "; its band is total pay"
        )
    adjustments.append(Adjustment("Industry", detail, ind_band.source, ind_factor, ind_band))
    adjustments.append(
        Adjustment("US-average band", "the reference for location and industry", average.source, None, average)
    )
    if company.base_factor != 1.0:
        adjustments.append(
            Adjustment(
                f"{company.name} base pay",
                f"{_percent_more(company.base_factor)} a large company's base pay",
                company.source,
                company.base_factor,
            )
        )
    return loc_ratio * ind_factor * company.base_factor, loc_ratio, location.currency, tuple(adjustments), tuple(notes)


def placement(profile: Profile, catalog: Catalog) -> tuple[float, float, tuple[Adjustment, ...]]:
    """The person's place within a band from skills and education, and the extra on research roles.

    Returns (points, research points, adjustments); years in level are added per step.
    """
    base = catalog.param("base-percentile")
    points = base.value
    research = 0.0
    adjustments = [
        Adjustment("Starting place", f"everyone starts at the {base.value * 100:.0f}th percentile", base.source)
    ]
    chosen = [catalog.skills[slug] for slug in sorted(profile.skills)]
    education = catalog.educations[profile.education]
    for item, label in [*((s, f"Skill: {s.name}") for s in chosen), (education, f"Education: {education.name}")]:
        points += item.points
        research += item.research_points
        if item.points or item.research_points:
            detail = _points(item.points)
            if item.research_points:
                detail += f", {item.research_points * 100:+.0f} more in research roles"
            adjustments.append(Adjustment(label, detail, item.source, item.points))
    return points, research, tuple(adjustments)


def _research_only(role: Role) -> bool:
    return role.tracks == ("research",)


def _floor_note(previous: Step, role: Role) -> Adjustment:
    return Adjustment(
        "Held at your previous pay",
        f"the usual {role.name} pay here is below what you would earn as {previous.title}, "
        "and a move is not taken for less pay, so this step keeps that pay",
        Source("assumption", "A promotion or a move is not taken for less pay."),
    )


def _band_line(role_name: str, band: Band) -> Adjustment:
    basis = "total pay, taken without bonus and equity" if band.is_total else "base pay"
    return Adjustment(f"{role_name} band", f"US average, {basis}", band.source, None, band)


def _bonus_line(share: Share) -> Adjustment:
    return Adjustment(
        "Bonus and equity",
        f"{share.share:.0%} of total pay for this role at this kind of company and industry",
        share.source,
        share.share,
    )


@dataclass(slots=True)
class _Pay:
    """A role's pay for this person before the promotion floor: the same on every track."""

    percentile: float
    band_min: float
    band_max: float
    base_min: float
    base_max: float
    share: float
    explanation: list[Adjustment]


def _unusual_years(profile: Profile, catalog: Catalog, current: Role) -> Adjustment | None:
    """A plain note when the years of experience are far from what the level usually takes."""
    yoe = profile.years_experience
    levels = catalog.levels()
    fewest = math.floor(current.typical_years * catalog.param("earliest-factor").value)
    if yoe < fewest:
        return Adjustment(
            "Unusual input",
            f"a {current.name} usually has about {current.typical_years} years of experience, at least "
            f"{fewest}; with {yoe} the next steps are dated from the usual years of your level",
            current.source,
        )
    higher = [r for r in levels if r.order > current.order]
    if higher:
        margin = catalog.param("unusual-years-margin")
        most = higher[0].typical_years + margin.value
        if yoe > most:
            return Adjustment(
                "Unusual input",
                f"{yoe} years is more than usual for a {current.name}: most move up to {higher[0].name} after "
                f"about {higher[0].typical_years}. Years in level add at most "
                f"{catalog.param('years-in-level-cap').value * 100:.0f} percentile points, and your next step "
                "is dated from now",
                margin.source,
            )
    return None


def project(
    profile: Profile, catalog: Catalog, start_year: int, only_tracks: Collection[str] | None = None
) -> Projection:
    """Project every track (or `only_tracks`) from the person's current level to the track's top.

    What-ifs and the other locations compare one track many times over; asking for that track alone
    skips the work for the others.
    """
    validate(profile, catalog)
    factor, loc_factor, currency, common, notes = pay_factor(profile, catalog)
    points, research_points, placement_adjustments = placement(profile, catalog)
    common = common + placement_adjustments

    window = catalog.param("window-width").value
    per_year = catalog.param("years-in-level-points")
    gap = math.ceil(catalog.param("min-years-between-steps").value)
    earliest_factor = catalog.param("earliest-factor").value
    education = catalog.educations[profile.education]
    current = catalog.roles[profile.current_level]
    yoe = profile.years_experience
    in_level = max(0, yoe - current.typical_years)
    # Holding a level shows its usual experience: later steps are dated from at least that.
    dated_from = max(yoe, current.typical_years)
    years_points = min(catalog.param("years-in-level-cap").value, in_level * per_year.value)
    unusual = _unusual_years(profile, catalog, current)
    if unusual is not None:
        notes = (unusual, *notes)

    def price(role: Role, is_current: bool) -> _Pay | None:
        band = catalog.role_bands.get(role.slug)
        if band is None:
            return None
        found = catalog.share_for(role.slug, profile.industry, profile.company_type)
        share = found.share if found else 0.0
        low_usd, high_usd = band.min, band.max
        if band.is_total:  # never base: split off the bonus and equity
            low_usd, high_usd = low_usd * (1 - share), high_usd * (1 - share)
        explanation = [_band_line(role.name, band)]
        p = points
        if is_current and years_points:
            p += years_points
            explanation.append(
                Adjustment(
                    "Years in level",
                    f"{in_level} years at this level: {_points(years_points)}",
                    per_year.source,
                    years_points,
                )
            )
        if research_points and _research_only(role):
            p += research_points
            explanation.append(
                Adjustment(
                    "Research role",
                    f"your degree and skills count more here: {_points(research_points)}",
                    education.source,
                    research_points,
                )
            )
        p = min(1.0, max(0.0, p))
        band_min, band_max = _round(low_usd * factor), _round(high_usd * factor)
        span = band_max - band_min
        low = band_min + p * (1 - window) * span
        base_min, base_max = _round(low), _round(low + window * span)
        if share and found is not None:
            explanation.append(_bonus_line(found))
        return _Pay(p, band_min, band_max, base_min, base_max, share, explanation)

    def step(role: Role, pay: _Pay, year: int, earliest: int, is_current: bool, previous: Step | None) -> Step:
        base_min, base_max, explanation, floored = pay.base_min, pay.base_max, pay.explanation, False
        if is_current and profile.current_base is not None:  # the person's own pay, not an estimate
            base_min = base_max = float(profile.current_base)
            explanation = [*explanation, _your_pay_line(profile)]
        if previous is not None and (base_min < previous.base_min or base_max < previous.base_max):
            base_min, base_max = max(base_min, previous.base_min), max(base_max, previous.base_max)
            explanation, floored = [*explanation, _floor_note(previous, role)], True
        total_min = total_max = None
        if is_current and profile.gives_total:
            total_min = total_max = base_min + (profile.current_bonus or 0) + (profile.current_equity or 0)
        elif pay.share:
            total_min, total_max = _round(base_min / (1 - pay.share)), _round(base_max / (1 - pay.share))
        if total_min is not None and previous is not None and previous.total_min is not None:
            total_min = max(total_min, previous.total_min)
            total_max = max(total_max, previous.total_max)  # type: ignore[type-var]
        band = catalog.role_bands[role.slug]
        return Step(
            role=role.slug,
            title=role.name,
            rank=role.order,
            year=year,
            earliest_year=earliest,
            is_current=is_current,
            base_min=base_min,
            base_max=base_max,
            total_min=total_min,
            total_max=total_max,
            currency=currency,
            percentile=pay.percentile,
            is_assumption=band.source.is_assumption,
            explanation=tuple(explanation),
            band_min=pay.band_min,
            band_max=pay.band_max,
            band_open_ended=band.open_ended,
            percentile_min=_percentile(base_min, pay.band_min, pay.band_max),
            percentile_max=_percentile(base_max, pay.band_min, pay.band_max),
            bonus_share=pay.share,
            floored=floored,
        )

    # A role pays this person the same on every track; only its year and the floor depend on the
    # track, so each role is priced once and the current step (the same everywhere) built once.
    raise_rate = catalog.param("annual-raise").value
    inflation = catalog.inflation(currency).value  # type: ignore[union-attr]  (validate() checked it)
    priced: dict[str, _Pay | None] = {}
    built: dict[tuple[int, str], Step] = {}  # a step after the same step is the same on every track
    current_pay = price(current, True)
    if current_pay is None:
        raise ProjectionError(f"No salary band for {current.slug!r}")
    first = step(current, current_pay, start_year, start_year, True, None)
    first_wait = max(1, gap - in_level)  # the gap counts from when the person reached the level
    tracks = []
    for track_slug, track_name, roles in catalog.track_ladders:
        if only_tracks is not None and track_slug not in only_tracks:
            continue
        later = [r for r in roles if r.order > current.order]
        if track_slug == "research" and education.research_years:
            later = [r for r in later if _research_only(r)] or later  # a direct entrant skips the ladder
        steps = [first]
        for role in later:
            if role.slug not in priced:
                priced[role.slug] = price(role, False)
            pay = priced[role.slug]
            if pay is None:
                continue
            previous = steps[-1]
            known = built.get((id(previous), role.slug))
            if known is not None:
                steps.append(known)
                continue
            typical = role.typical_years
            if _research_only(role):
                typical = max(0, typical - education.research_years)
            wait = max(0, typical - dated_from)
            spacing = first_wait if previous.is_current else gap
            year = max(start_year + wait, previous.year + spacing)
            earliest = max(start_year + math.ceil(wait * earliest_factor), previous.earliest_year + spacing)
            steps.append(step(role, pay, year, min(earliest, year), False, previous))
            built[id(previous), role.slug] = steps[-1]
        tracks.append(
            TrackProjection(
                track_slug,
                track_name,
                tuple(steps),
                earnings_over(steps, start_year, profile.horizon_years, raise_rate, inflation),
            )
        )

    freelance = (
        _freelance(profile, catalog, current_pay, loc_factor, currency) if profile.work_mode == FREELANCE else None
    )
    target = None
    if profile.target_track is not None and (only_tracks is None or profile.target_track in only_tracks):
        target = _target(next(t for t in tracks if t.track == profile.target_track), profile)
    return Projection(
        profile=profile,
        start_year=start_year,
        currency=currency,
        tracks=tuple(tracks),
        common=common,
        freelance=freelance,
        notes=notes,
        target=target,
        your_pay=_your_pay(profile, first, current_pay) if profile.has_pay else None,
        raise_rate=raise_rate,
        inflation=inflation,
    )


def _your_pay_line(profile: Profile) -> Adjustment:
    given = "the base pay you gave"
    if profile.gives_total:
        given += ", with your bonus and equity as total pay"
    return Adjustment("Your pay", f"{given}; later steps never pay less", YOUR_PAY)


def _your_pay(profile: Profile, first: Step, pay: _Pay) -> YourPay:
    """The given pay in the band of the current level here; total pay against the band as total pay."""
    base = PayPosition(float(profile.current_base), pay.band_min, pay.band_max, first.band_open_ended)  # type: ignore[arg-type]
    total = None
    if profile.gives_total:
        keep = 1 - pay.share
        total = PayPosition(
            first.total_min,  # type: ignore[arg-type]  (the given total)
            _round(pay.band_min / keep),
            _round(pay.band_max / keep),
            first.band_open_ended,
        )
    bonus = None if profile.current_bonus is None else float(profile.current_bonus)
    equity = None if profile.current_equity is None else float(profile.current_equity)
    return YourPay(first.role, first.title, base, bonus, equity, total)


def earnings_over(
    steps: list[Step] | tuple[Step, ...], start_year: int, horizon: int, raise_rate: float, inflation: float
) -> tuple[EarningsYear, ...]:
    """A track's pay year by year over `horizon` years from `start_year`, nominal and in today's money.

    The step held in a year is the last one typically reached by then. In today's money the first year
    pays the current step's midpoint (the given pay, when given); each later year pays the year before
    grown by the raise within a level, and a promotion pays at least its step's midpoint. Nominal pay
    is that grown by the currency's inflation since this year. Yearly figures are rounded to the
    hundred; the cumulative ones are sums of the yearly figures shown.
    """
    rows: list[EarningsYear] = []
    base = total = 0.0
    held = -1
    cumulative = cumulative_real = 0.0
    for k in range(horizon):
        year = start_year + k
        index = max(0, held)
        while index + 1 < len(steps) and steps[index + 1].year <= year:
            index += 1
        step = steps[index]
        market_base = (step.base_min + step.base_max) / 2
        market_total = (step.total_min + step.total_max) / 2 if step.total_min is not None else market_base  # type: ignore[operator]
        if held < 0:
            base, total = market_base, market_total
        else:
            base, total = base * (1 + raise_rate), total * (1 + raise_rate)
            if index != held:
                base, total = max(base, market_base), max(total, market_total)
        total = max(total, base)
        promoted, held = held >= 0 and index != held, index
        growth = (1 + inflation) ** k
        base_real, total_real = _round(base), _round(total)
        base_nominal, total_nominal = _round(base * growth), _round(total * growth)
        cumulative += total_nominal
        cumulative_real += total_real
        rows.append(
            EarningsYear(
                year=year,
                role=step.role,
                title=step.title,
                base=base_nominal,
                bonus_equity=total_nominal - base_nominal,
                total=total_nominal,
                cumulative_total=cumulative,
                base_real=base_real,
                bonus_equity_real=total_real - base_real,
                total_real=total_real,
                cumulative_total_real=cumulative_real,
                promoted=promoted,
            )
        )
    return tuple(rows)


def _target(track: TrackProjection, profile: Profile) -> Target:
    top = track.top
    if profile.target_year is None:
        verdict = "no-year"
    elif profile.target_year >= top.year:
        verdict = "on-track"
    elif profile.target_year >= top.earliest_year:
        verdict = "ambitious"
    else:
        verdict = "unlikely"
    return Target(
        track=profile.target_track,  # type: ignore[arg-type]
        role=top.role,
        title=top.title,
        typical_year=top.year,
        earliest_year=top.earliest_year,
        target_year=profile.target_year,
        verdict=verdict,
    )


def _freelance(profile: Profile, catalog: Catalog, pay: _Pay, loc_factor: float, currency: str) -> Freelance:
    """The article's hourly band, placed by expertise and scaled to this place like salaried pay.

    Expertise is where the person's salaried range (at US-average pay) sits between the lowest and
    the highest level band; the rate is the same share of the hourly band, scaled by the location
    (and the remote blend), rounded to the whole unit; the year is that rate × billable hours.
    """
    band = catalog.other_bands["freelance"]
    hours = catalog.param("freelance-billable-hours")
    level_bands = [catalog.role_bands[r.slug] for r in catalog.levels() if r.slug in catalog.role_bands]
    lowest, highest = min(b.min for b in level_bands), max(b.max for b in level_bands)
    current = catalog.role_bands[profile.current_level]
    window = catalog.param("window-width").value
    us_low = current.min + pay.percentile * (1 - window) * (current.max - current.min)
    us_high = us_low + window * (current.max - current.min)

    def hourly(us_pay: float) -> float:
        share = min(1.0, max(0.0, (us_pay - lowest) / (highest - lowest)))
        return float(round_half_up((band.min + share * (band.max - band.min)) * loc_factor))

    hourly_min, hourly_max = hourly(us_low), hourly(us_high)
    yearly_min, yearly_max = _round(hourly_min * hours.value), _round(hourly_max * hours.value)
    rate = catalog.rates.get(currency)
    usd_min = usd_max = None
    if rate is not None:
        usd_min, usd_max = _round(yearly_min * rate.usd_per_unit), _round(yearly_max * rate.usd_per_unit)
    location = catalog.locations[profile.location]
    explanation = (
        Adjustment("Freelance rate", "the article's hourly band, for US clients", band.source, None, band),
        Adjustment(
            "Your expertise",
            "your place between the lowest and the highest level's pay sets your place in the hourly band",
            catalog.param("window-width").source,
        ),
        Adjustment(
            "Location",
            f"rates in {location.name} follow its pay like salaries do ({loc_factor:.3g} × the US rate, in {currency})",
            catalog.location_bands[profile.location].source,
            loc_factor,
        ),
        Adjustment("Billable hours", f"{hours.value:,.0f} hours a year × the hourly rate shown", hours.source),
    )
    return Freelance(
        hourly_min=hourly_min,
        hourly_max=hourly_max,
        hours=hours.value,
        yearly_min=yearly_min,
        yearly_max=yearly_max,
        currency=currency,
        usd_yearly_min=usd_min,
        usd_yearly_max=usd_max,
        explanation=explanation,
    )


# What-if analysis -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepChange:
    """The change a what-if makes at one step of the focus track."""

    role: str
    title: str
    year: int
    base_min: float
    base_max: float
    delta_min: float  # against the same role without the change; 0 for a role the path did not have
    delta_max: float


@dataclass(frozen=True, slots=True)
class WhatIf:
    key: str
    label: str
    role: str  # the next step of the focus track, with the change
    title: str
    base_min: float
    base_max: float
    delta_min: float  # against the next step without the change
    delta_max: float
    track: str = ""  # the focus track
    top_role: str = ""  # the top of the focus track, with the change
    top_title: str = ""
    top_delta_min: float = 0.0  # at the top of the focus track
    top_delta_max: float = 0.0
    top_years_sooner: int = 0  # how many years earlier the top is reached
    steps: tuple[StepChange, ...] = ()  # every step of the focus track, with the change
    path_gain: float = 0.0  # the change summed over every step of the path (midpoints); what ranks them
    lifetime_gain: float = 0.0  # the change in total pay over the horizon on the focus track, nominal
    lifetime_gain_real: float = 0.0  # the same in today's money


def focus_track(projection: Projection) -> TrackProjection:
    """The track the person aims for, or the one with the highest top."""
    if projection.profile.target_track:
        return projection.track(projection.profile.target_track)
    return max(projection.tracks, key=lambda t: t.top.base_max)


def _next_step(track: TrackProjection) -> Step:
    return track.steps[1] if len(track.steps) > 1 else track.steps[0]


def what_ifs(
    profile: Profile, catalog: Catalog, start_year: int, base: Projection | None = None
) -> tuple[list[WhatIf], list[WhatIf]]:
    """Each missing skill, and each higher degree: its effect over the whole focus track, largest first.

    `base` is the profile's own projection, when the caller has it already.
    """
    base = base or project(profile, catalog, start_year)
    track = focus_track(base)
    reference = _next_step(track)
    before = {s.role: s for s in track.steps}

    def compare(key: str, label: str, changed: Profile) -> WhatIf:
        path = project(changed, catalog, start_year, only_tracks=(track.track,)).track(track.track)
        changes = []
        for s in path.steps:
            old = before.get(s.role)
            changes.append(
                StepChange(
                    s.role,
                    s.title,
                    s.year,
                    s.base_min,
                    s.base_max,
                    s.base_min - old.base_min if old else 0.0,
                    s.base_max - old.base_max if old else 0.0,
                )
            )
        step, top = _next_step(path), path.top
        return WhatIf(
            key,
            label,
            step.role,
            step.title,
            step.base_min,
            step.base_max,
            step.base_min - reference.base_min,
            step.base_max - reference.base_max,
            track=track.track,
            top_role=top.role,
            top_title=top.title,
            top_delta_min=top.base_min - track.top.base_min,
            top_delta_max=top.base_max - track.top.base_max,
            top_years_sooner=track.top.year - top.year,
            steps=tuple(changes),
            path_gain=sum((c.delta_min + c.delta_max) / 2 for c in changes),
            lifetime_gain=path.cumulative - track.cumulative,
            lifetime_gain_real=path.cumulative_real - track.cumulative_real,
        )

    def ranked(items: list[WhatIf]) -> list[WhatIf]:
        return sorted(items, key=lambda w: (-w.path_gain, -w.top_years_sooner, w.label))

    skills = [
        compare(slug, skill.name, replace(profile, skills=profile.skills | {slug}))
        for slug, skill in catalog.skills.items()
        if slug not in profile.skills
    ]
    current = catalog.educations[profile.education]
    degrees = [
        compare(slug, education.name, replace(profile, education=slug))
        for slug, education in catalog.educations.items()
        if education.points > current.points
        or (education.points >= current.points and education.research_points > current.research_points)
    ]
    return ranked(skills), ranked(degrees)


@dataclass(frozen=True, slots=True)
class Elsewhere:
    location: str
    name: str
    currency: str
    base_min: float
    base_max: float
    usd_min: float | None
    usd_max: float | None
    is_current: bool
    cumulative: float = 0.0  # total pay over the horizon on the focus track, local currency, nominal
    cumulative_real: float = 0.0  # the same in today's money
    usd_cumulative: float | None = None
    usd_cumulative_real: float | None = None


def across_locations(
    profile: Profile, catalog: Catalog, start_year: int, base: Projection | None = None
) -> list[Elsewhere]:
    """The same plan in every location, at the next step of the focus track and over the horizon,
    locally and in USD. `base` is the profile's own projection, when the caller has it already.

    Pay given in one place says nothing of pay in another (nor is it in that currency), so every
    location, this one included, shows market pay for the profile without it.
    """
    track_slug = focus_track(base or project(profile, catalog, start_year)).track
    profile = profile.without_pay()
    rows = []
    for slug, location in catalog.locations.items():
        if slug not in catalog.location_bands:
            continue
        moved = project(replace(profile, location=slug), catalog, start_year, only_tracks=(track_slug,))
        track = moved.track(track_slug)
        step = _next_step(track)
        rate = catalog.rates.get(step.currency)
        usd = rate.usd_per_unit if rate else None
        rows.append(
            Elsewhere(
                slug,
                location.name,
                step.currency,
                step.base_min,
                step.base_max,
                _round(step.base_min * usd) if usd else None,
                _round(step.base_max * usd) if usd else None,
                slug == profile.location,
                track.cumulative,
                track.cumulative_real,
                _round(track.cumulative * usd) if usd else None,
                _round(track.cumulative_real * usd) if usd else None,
            )
        )
    return rows
