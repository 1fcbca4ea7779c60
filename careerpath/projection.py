"""The projection engine: where a person can go on each track, when, and for what pay.

Pure functions over plain data: a `Profile` and a `Catalog` snapshot in, a `Projection` out. No
Django, no database, no formatting (templates format money), so it is fast and testable alone.
Every number it uses comes from the catalog; the model is explained on /methodology/.

The model, in short:
- A role's US base band is the starting point.
- Location and industry each scale it by the ratio of their band's midpoint to the US-average
  midpoint; for a non-US location that ratio also carries the figure into local currency. The
  industry ratio is damped (raised to an exponent) so two premiums do not simply multiply.
- Skills, education and years in the current level place the person inside the band (a
  percentile); the projected range is a window of the band at that place. An open-ended top
  ("$200,000+") lets the window stretch above the band's top by a stated share.
- Company type scales base pay and the bonus-and-equity share; total pay = base × (1 + share).
- A promotion never pays less than the step before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from compensation.data import Band, Catalog, CompanyType, Role, Source

ONSITE, REMOTE_US, FREELANCE = "onsite", "remote-us", "freelance"
WORK_MODES = (ONSITE, REMOTE_US, FREELANCE)


def _round(amount: float) -> float:
    """Projected pay is an estimate: shown to the nearest hundred, never to the unit."""
    return float(round(amount / 100) * 100)


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


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One line of a figure's explanation: what was applied, by how much, and on whose word."""

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
    percentile: float
    is_assumption: bool  # the role's band is an assumption, not from the article
    explanation: tuple[Adjustment, ...]


@dataclass(frozen=True, slots=True)
class TrackProjection:
    track: str
    name: str
    steps: tuple[Step, ...]

    @property
    def top(self) -> Step:
        return self.steps[-1]


@dataclass(frozen=True, slots=True)
class Freelance:
    hourly_min: float
    hourly_max: float
    hours: float
    yearly_min: float
    yearly_max: float
    currency: str
    local_currency: str
    local_yearly_min: float | None
    local_yearly_max: float | None
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
    notes: tuple[Adjustment, ...] = field(default=())

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
    for band_key in (profile.location, profile.industry):
        if band_key not in catalog.location_bands and band_key not in catalog.industry_bands:
            raise ProjectionError(f"No salary band for {band_key!r}")
    if "overall" not in catalog.other_bands:
        raise ProjectionError("The catalog has no US-average band")


def _ratio(band: Band, average: Band) -> float:
    return band.mid / average.mid


def pay_factor(profile: Profile, catalog: Catalog) -> tuple[float, str, tuple[Adjustment, ...], tuple[Adjustment, ...]]:
    """The multiplier from a US base band to this person's local pay, with its explanation.

    Returns (factor, currency, adjustments, notes).
    """
    average = catalog.other_bands["overall"]
    location = catalog.locations[profile.location]
    loc_band = catalog.location_bands[profile.location]
    ind_band = catalog.industry_bands[profile.industry]
    company = catalog.company_types[profile.company_type]
    exponent = catalog.param("industry-premium-exponent")

    loc_ratio = _ratio(loc_band, average)
    adjustments = [
        Adjustment(
            "Location",
            f"{location.name} band midpoint ÷ US-average midpoint"
            + ("" if location.currency == "USD" else f" (also converts into {location.currency})"),
            loc_band.source,
            loc_ratio,
            loc_band,
        )
    ]
    notes: list[Adjustment] = []
    if profile.work_mode == REMOTE_US and location.country != "US":
        rate = catalog.rates.get(location.currency)
        blend = catalog.param("remote-us-blend")
        if rate is not None and rate.usd_per_unit > 0:
            us_ratio = 1.0 / rate.usd_per_unit
            remote_ratio = max(loc_ratio, loc_ratio ** (1 - blend.value) * us_ratio**blend.value)
            adjustments.append(
                Adjustment(
                    "Remote for a US company",
                    f"pay moves {blend.value:.0%} of the way (geometrically) from local to US pay",
                    blend.source,
                    remote_ratio / loc_ratio,
                )
            )
            notes.append(
                Adjustment("Remote for a US company", "an assumption: the article gives no figure", blend.source)
            )
            loc_ratio = remote_ratio
    elif profile.work_mode == REMOTE_US:
        notes.append(
            Adjustment(
                "Remote for a US company",
                "you are in the US, so local US pay applies",
                catalog.param("remote-us-blend").source,
            )
        )

    ind_ratio = _ratio(ind_band, average)
    ind_factor = ind_ratio**exponent.value
    adjustments.append(
        Adjustment(
            "Industry",
            f"{catalog.industries[profile.industry].name} band midpoint ÷ US-average midpoint, "
            f"damped by exponent {exponent.value:g}",
            ind_band.source,
            ind_factor,
            ind_band,
        )
    )
    adjustments.append(Adjustment("US-average band", "the reference for both ratios", average.source, None, average))
    adjustments.append(Adjustment("Damping", "industry premium exponent", exponent.source, exponent.value))
    if company.base_factor != 1.0:
        adjustments.append(
            Adjustment(f"{company.name} base pay", "scales base pay", company.source, company.base_factor)
        )
    return loc_ratio * ind_factor * company.base_factor, location.currency, tuple(adjustments), tuple(notes)


def placement(profile: Profile, catalog: Catalog) -> tuple[float, tuple[Adjustment, ...]]:
    """The person's percentile within a band from skills and education (years are per step)."""
    base = catalog.param("base-percentile")
    points = base.value
    adjustments = [Adjustment("Starting percentile", "everyone starts here", base.source, base.value)]
    for slug in sorted(profile.skills):
        skill = catalog.skills[slug]
        points += skill.points
        adjustments.append(Adjustment(f"Skill: {skill.name}", "percentile points", skill.source, skill.points))
    education = catalog.educations[profile.education]
    if education.points:
        points += education.points
        adjustments.append(
            Adjustment(f"Education: {education.name}", "percentile points", education.source, education.points)
        )
    return points, tuple(adjustments)


def _research_only(role: Role) -> bool:
    return role.tracks == ("research",)


def _bonus(role: Role, company: CompanyType) -> Adjustment | None:
    """The bonus-and-equity share of a role at a type of company, or None if there is none."""
    share = role.bonus_equity_share * company.bonus_equity_factor
    if not share:
        return None
    # The article gives no bonus share by role: an assumption even on the article's level rows.
    source = role.source if role.source.is_assumption else Source("assumption", role.source.note)
    return Adjustment("Bonus and equity", "share of base pay", source, share)


_FLOOR = Adjustment(
    "Floor",
    "raised to the previous step: a promotion never pays less",
    Source("assumption", "A promotion is not taken for less pay."),
)


class _Ladders:
    """What `project` needs from a catalog that does not depend on the person, worked out once.

    The engine runs many projections per page (what-ifs, every location) and a snapshot never
    changes, so the ladders, parameters and band explanations are derived once per snapshot.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.window = catalog.param("window-width")
        self.stretch = catalog.param("open-top-stretch")
        self.per_year = catalog.param("years-in-level-points")
        self.cap = catalog.param("years-in-level-cap").value
        self.gap = math.ceil(catalog.param("min-years-between-steps").value)
        self.earliest_factor = catalog.param("earliest-factor").value
        self.tracks = [(slug, track.name, catalog.track_roles(slug)) for slug, track in catalog.tracks.items()]
        self.bands = {
            role.slug: (band, Adjustment(f"{role.name} band (US, base)", "starting range", band.source, None, band))
            for role in catalog.roles.values()
            if (band := catalog.role_bands.get(role.slug)) is not None
        }
        self.bonuses = {
            (role.slug, company.slug): _bonus(role, company)
            for role in catalog.roles.values()
            for company in catalog.company_types.values()
        }
        # Memos of pure functions of the catalog and a few profile fields; bounded, as the inputs are.
        self.pay_factors: dict[tuple, tuple] = {}
        self.placements: dict[tuple, tuple] = {}

    def pay_factor(self, profile: Profile, catalog: Catalog) -> tuple:
        key = (profile.location, profile.industry, profile.company_type, profile.work_mode)
        found = self.pay_factors.get(key)
        if found is None:
            found = self.pay_factors[key] = pay_factor(profile, catalog)
        return found

    def placement(self, profile: Profile, catalog: Catalog) -> tuple:
        key = (profile.skills, profile.education)
        found = self.placements.get(key)
        if found is None:
            if len(self.placements) >= 4096:  # many skills make many sets: keep the memo small
                self.placements.clear()
            found = self.placements[key] = placement(profile, catalog)
        return found


_ladders: dict[int, tuple[Catalog, _Ladders]] = {}


def _ladders_for(catalog: Catalog) -> _Ladders:
    cached = _ladders.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    ladders = _Ladders(catalog)
    if len(_ladders) >= 8:  # snapshots are replaced only when the data changes
        _ladders.clear()
    _ladders[id(catalog)] = (catalog, ladders)
    return ladders


@dataclass(slots=True)
class _Pay:
    """A role's pay for this person before the promotion floor: the same on every track."""

    percentile: float
    base_min: float
    base_max: float
    total_min: float | None
    total_max: float | None
    explanation: list[Adjustment]


def project(profile: Profile, catalog: Catalog, start_year: int) -> Projection:
    """Project every track from the person's current level to the track's top."""
    validate(profile, catalog)
    ladders = _ladders_for(catalog)
    factor, currency, common, notes = ladders.pay_factor(profile, catalog)
    points, placement_adjustments = ladders.placement(profile, catalog)
    common = common + placement_adjustments

    window, stretch, gap = ladders.window.value, ladders.stretch.value, ladders.gap
    company = catalog.company_types[profile.company_type]
    education = catalog.educations[profile.education]
    current = catalog.roles[profile.current_level]
    yoe = profile.years_experience

    years_points = min(ladders.cap, max(0, yoe - current.typical_years) * ladders.per_year.value)

    def price(role: Role, band: Band, band_adjustment: Adjustment, is_current: bool) -> _Pay:
        explanation = [band_adjustment]
        p = points
        if is_current and years_points:
            p += years_points
            explanation.append(Adjustment("Years in level", "percentile points", ladders.per_year.source, years_points))
        if education.research_points and _research_only(role):
            p += education.research_points
            explanation.append(
                Adjustment(
                    f"{education.name} for a research role",
                    "extra percentile points",
                    education.source,
                    education.research_points,
                )
            )
        p = min(1.0, max(0.0, p))
        span = band.max - band.min
        low = band.min + p * (1 - window) * span
        high = low + window * span
        if band.open_ended:
            extra = stretch * band.max * p
            high += extra
            explanation.append(
                Adjustment(
                    "Open-ended top",
                    f"+{extra:,.0f} {band.currency} above the band's top, in proportion to your place in the band",
                    ladders.stretch.source,
                )
            )
        base_min, base_max = _round(low * factor), _round(high * factor)
        total_min = total_max = None
        bonus = ladders.bonuses[role.slug, company.slug]
        if bonus is not None:
            share = bonus.factor
            total_min, total_max = _round(base_min * (1 + share)), _round(base_max * (1 + share))  # type: ignore[operator]
            explanation.append(bonus)
        return _Pay(p, base_min, base_max, total_min, total_max, explanation)

    # A role pays this person the same on every track; only its year and the floor depend on the
    # track, so each role is priced once and the current step (the same everywhere) built once.
    priced: dict[str, _Pay] = {}
    first_step: Step | None = None
    tracks = []
    for track_slug, track_name, roles in ladders.tracks:
        ladder = [current] + [r for r in roles if r.order > current.order]
        steps: list[Step] = []
        for index, role in enumerate(ladder):
            banded = ladders.bands.get(role.slug)
            if banded is None:
                continue
            band, band_adjustment = banded
            pay = priced.get(role.slug)
            if pay is None:
                pay = priced[role.slug] = price(role, band, band_adjustment, index == 0)
            if index == 0:
                if first_step is None:
                    first_step = Step(
                        role=role.slug,
                        title=role.name,
                        rank=role.order,
                        year=start_year,
                        earliest_year=start_year,
                        is_current=True,
                        base_min=pay.base_min,
                        base_max=pay.base_max,
                        total_min=pay.total_min,
                        total_max=pay.total_max,
                        currency=currency,
                        percentile=pay.percentile,
                        is_assumption=band.source.is_assumption,
                        explanation=tuple(pay.explanation),
                    )
                steps.append(first_step)
                continue
            prev = steps[-1]
            wait = max(0, role.typical_years - yoe)
            year = max(start_year + wait, prev.year + gap)
            earliest = max(start_year + math.ceil(wait * ladders.earliest_factor), prev.earliest_year + 1)
            earliest = min(earliest, year)
            base_min, base_max = pay.base_min, pay.base_max
            total_min, total_max = pay.total_min, pay.total_max
            explanation = pay.explanation
            # A promotion never pays less than the step before.
            if base_min < prev.base_min or base_max < prev.base_max:
                explanation = [*explanation, _FLOOR]
                base_min, base_max = max(base_min, prev.base_min), max(base_max, prev.base_max)
            if total_min is not None and prev.total_min is not None:
                total_min = max(total_min, prev.total_min)
                total_max = max(total_max, prev.total_max)  # type: ignore[arg-type]
            steps.append(
                Step(
                    role=role.slug,
                    title=role.name,
                    rank=role.order,
                    year=year,
                    earliest_year=earliest,
                    is_current=False,
                    base_min=base_min,
                    base_max=base_max,
                    total_min=total_min,
                    total_max=total_max,
                    currency=currency,
                    percentile=pay.percentile,
                    is_assumption=band.source.is_assumption,
                    explanation=tuple(explanation),
                )
            )
        tracks.append(TrackProjection(track_slug, track_name, tuple(steps)))

    freelance = (
        _freelance(profile, catalog, points + years_points, currency) if profile.work_mode == FREELANCE else None
    )
    target = None
    if profile.target_track is not None:
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
    )


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


def _freelance(profile: Profile, catalog: Catalog, points: float, local_currency: str) -> Freelance:
    band = catalog.other_bands["freelance"]
    hours = catalog.param("freelance-billable-hours")
    window = catalog.param("window-width").value
    p = min(1.0, max(0.0, points))
    span = band.max - band.min
    low = band.min + p * (1 - window) * span
    high = low + window * span
    local_min = local_max = None
    explanation = [
        Adjustment("Freelance rate", "hourly band", band.source, None, band),
        Adjustment("Billable hours", "hours per year", hours.source, hours.value),
    ]
    if local_currency != band.currency:
        rate = catalog.rates.get(local_currency)
        source_rate = catalog.rates.get(band.currency)
        if rate and source_rate and rate.usd_per_unit > 0:
            convert = source_rate.usd_per_unit / rate.usd_per_unit
            local_min, local_max = _round(low * hours.value * convert), _round(high * hours.value * convert)
            explanation.append(Adjustment(f"Exchange rate {local_currency}", "converts USD", rate.source, convert))
    return Freelance(
        hourly_min=float(round(low)),
        hourly_max=float(round(high)),
        hours=hours.value,
        yearly_min=_round(low * hours.value),
        yearly_max=_round(high * hours.value),
        currency=band.currency,
        local_currency=local_currency,
        local_yearly_min=local_min,
        local_yearly_max=local_max,
        explanation=tuple(explanation),
    )


# What-if analysis -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WhatIf:
    key: str
    label: str
    role: str
    title: str
    base_min: float
    base_max: float
    delta_min: float
    delta_max: float


def focus_track(projection: Projection) -> TrackProjection:
    """The track the person aims for, or the one with the highest top."""
    if projection.profile.target_track:
        return projection.track(projection.profile.target_track)
    return max(projection.tracks, key=lambda t: t.top.base_max)


def _next_step(track: TrackProjection) -> Step:
    return track.steps[1] if len(track.steps) > 1 else track.steps[0]


def what_ifs(profile: Profile, catalog: Catalog, start_year: int) -> tuple[list[WhatIf], list[WhatIf]]:
    """For each missing skill, and each higher degree: the change at the next step of the focus track."""
    base = project(profile, catalog, start_year)
    track = focus_track(base)
    reference = _next_step(track)

    def compare(key: str, label: str, changed: Profile) -> WhatIf:
        step = _next_step(project(changed, catalog, start_year).track(track.track))
        return WhatIf(
            key,
            label,
            step.role,
            step.title,
            step.base_min,
            step.base_max,
            step.base_min - reference.base_min,
            step.base_max - reference.base_max,
        )

    fields = {name: getattr(profile, name) for name in Profile.__dataclass_fields__}
    skills = [
        compare(slug, skill.name, Profile(**{**fields, "skills": profile.skills | {slug}}))
        for slug, skill in catalog.skills.items()
        if slug not in profile.skills
    ]
    current_points = catalog.educations[profile.education].points
    degrees = [
        compare(slug, education.name, Profile(**{**fields, "education": slug}))
        for slug, education in catalog.educations.items()
        if education.points > current_points
    ]
    return skills, degrees


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


def across_locations(profile: Profile, catalog: Catalog, start_year: int) -> list[Elsewhere]:
    """The same plan in every location, at the next step of the focus track, locally and in USD."""
    track_slug = focus_track(project(profile, catalog, start_year)).track
    fields = {name: getattr(profile, name) for name in Profile.__dataclass_fields__}
    rows = []
    for slug, location in catalog.locations.items():
        if slug not in catalog.location_bands:
            continue
        step = _next_step(project(Profile(**{**fields, "location": slug}), catalog, start_year).track(track_slug))
        rate = catalog.rates.get(step.currency)
        usd = rate.usd_per_unit if rate else None
        rows.append(
            Elsewhere(
                slug,
                location.name,
                step.currency,
                step.base_min,
                step.base_max,
                step.base_min * usd if usd else None,
                step.base_max * usd if usd else None,
                slug == profile.location,
            )
        )
    return rows
