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
- Each track is a ladder of roles (data). A step is a promotion (up the ladder) or a lateral move
  (onto another track, at the role of the same seniority, or the one the years of experience reach; never a
  less senior one when the track has one that senior). Each is dated by the
  role's typical and earliest years of experience, and at least the typical gap between the two
  roles (the minimum years between steps, or the years a move takes) after the step before. A lateral
  move never pays less; a promotion raises total pay by at least the least promotion raise, unless
  the person's own pay is already above the new role's band here.
- Pay the person gives (optional) is the current step; later steps never pay less than it.
- Earnings over the years: each track, year by year over the horizon, from the step held that year;
  within a level pay grows by the annual raise (above inflation), a promotion pays at least that.
  Step figures are today's money (market pay is assumed to keep pace with inflation); nominal
  figures grow them by the currency's inflation.
- Figures are rounded half up: pay to the hundred, hourly rates to the unit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import partial

from engine.bands import pay_factor, scaled, track_pay_here
from engine.catalog import Band, Catalog, Parameter, Role, Share, Source, TrackPay
from engine.earnings import earnings_over, paid_then
from engine.freelance import RateScale, freelance_earnings, freelance_pay
from engine.profile import Profile, ProjectionError, validate
from engine.results import (
    Adjustment,
    Blocked,
    EarningsYear,
    PayPosition,
    Projection,
    Step,
    Target,
    TrackProjection,
    YourPay,
)
from engine.rounding import percentile_in, round_pay
from engine.slugs import ClientMarket, Param, Provenance, SourceKind, StepKind, Track, Verdict, WorkMode

YOUR_PAY = Source(SourceKind.INPUT, "The pay you gave for this plan.")


def _points(value: float) -> str:
    return f"{value * 100:+.0f} percentile points within the band"


def placement(profile: Profile, catalog: Catalog) -> tuple[float, float, tuple[Adjustment, ...]]:
    """The person's place within a band from skills and education, and the extra on research roles.

    Returns (points, research points, adjustments); years in level are added per step.
    """
    base = catalog.param(Param.BASE_PERCENTILE)
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


_RESEARCH_ONLY = (Track.RESEARCH.value,)


def _research_only(role: Role) -> bool:
    return role.tracks == _RESEARCH_ONLY


def _floor_note(previous: Step, role: Role) -> Adjustment:
    return Adjustment(
        "Held at your previous pay",
        f"the usual {role.name} pay here is below what you would earn as {previous.title}, "
        "and a move is not taken for less pay, so this step keeps that pay",
        Source(SourceKind.ASSUMPTION, "A promotion or a move is not taken for less pay."),
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
    band: Band


@dataclass(frozen=True, slots=True)
class _Pricing:
    """What prices every role for one person: worked out once per projection."""

    profile: Profile
    catalog: Catalog
    factor: float  # US-average base band -> this person's local base pay
    currency: str
    points: float  # place in a band from skills and education
    research_points: float  # more of it on research roles
    years_points: float  # more of it at the current level, from years in level
    in_level: int  # years beyond the level's usual experience
    window: float  # the share of a band a person's range covers
    years_source: Source  # where the years-in-level points come from
    research_source: Source  # where the research points come from (the degree)
    least_raise: Parameter  # the least promotion raise
    lateral_years: Parameter  # the years a move to another track takes
    lateral_cap: Parameter  # the most a move to another track pays over the step before, as a share
    country: str = ""  # the location's country: the public survey's cells are by country


def _unusual_years(profile: Profile, catalog: Catalog, current: Role) -> Adjustment | None:
    """A plain note when the years of experience are far from what the level usually takes."""
    yoe = profile.years_experience
    levels = catalog.levels()
    fewest = current.earliest_years
    if yoe < fewest:
        return Adjustment(
            "Unusual input",
            f"a {current.name} usually has about {current.typical_years} years of experience, at least "
            f"{fewest}; with {yoe} the next steps are dated from the usual years of your level",
            current.source,
        )
    higher = [r for r in levels if r.order > current.order]
    if higher:
        margin = catalog.param(Param.UNUSUAL_YEARS_MARGIN)
        most = higher[0].typical_years + margin.value
        if yoe > most:
            return Adjustment(
                "Unusual input",
                f"{yoe} years is more than usual for a {current.name}: most move up to {higher[0].name} after "
                f"about {higher[0].typical_years}. Years in level add at most "
                f"{catalog.param(Param.YEARS_IN_LEVEL_CAP).value * 100:.0f} percentile points, and your next step "
                "is dated from now",
                margin.source,
            )
    return None


def _price(pricing: _Pricing, role: Role, is_current: bool) -> _Pay | None:
    """A role's band here and the person's window in it (None if the role has no band)."""
    catalog, profile = pricing.catalog, pricing.profile
    band = catalog.role_bands.get(role.slug)
    if band is None:
        return None
    found = catalog.share_for(role.slug, profile.industry, profile.company_type)
    share = found.share if found else 0.0
    explanation = [_band_line(role.name, band)]
    p = pricing.points
    if is_current and pricing.years_points:
        p += pricing.years_points
        explanation.append(
            Adjustment(
                "Years in level",
                f"{pricing.in_level} years at this level: {_points(pricing.years_points)}",
                pricing.years_source,
                pricing.years_points,
            )
        )
    if pricing.research_points and _research_only(role):
        p += pricing.research_points
        explanation.append(
            Adjustment(
                "Research role",
                f"your degree and skills count more here: {_points(pricing.research_points)}",
                pricing.research_source,
                pricing.research_points,
            )
        )
    p = min(1.0, max(0.0, p))
    window = pricing.window
    band_min, band_max = scaled(band, share, pricing.factor)
    survey = track_pay_here(catalog, role, pricing.country)
    if survey is not None:  # the survey, not the article, sets this track's pay against an engineer's here
        band_min, band_max = round_pay(band_min * survey.factor), round_pay(band_max * survey.factor)
        explanation.append(_track_pay_line(role, survey, catalog))
    span = band_max - band_min
    low = band_min + p * (1 - window) * span
    base_min, base_max = round_pay(low), round_pay(low + window * span)
    if share and found is not None:
        explanation.append(_bonus_line(found))
    return _Pay(p, band_min, band_max, base_min, base_max, share, explanation, band)


def _track_pay_line(role: Role, survey: TrackPay, catalog: Catalog) -> Adjustment:
    peer = catalog.roles[survey.versus].name
    return Adjustment(
        "Track pay from the survey",
        f"in the survey ({survey.years}, {survey.country}), a {role.name} earns {survey.survey_ratio:.2f} times a "
        f"{peer}'s median salary ({survey.n:,} and {survey.n_versus:,} answers); the bands say "
        f"{survey.band_ratio:.2f}, so this band is scaled by {survey.factor:.2f} here",
        Source(SourceKind.ASSUMPTION, f"{survey.source}: median salaries, both cells with enough answers."),
        survey.factor,
    )


def _own_pay_above(profile: Profile, pay: _Pay) -> bool:
    """The person's own pay is already above this role's band here (total pay against the band as total pay)."""
    if profile.current_base is None:
        return False
    if profile.gives_total:
        own = profile.current_base + (profile.current_bonus or 0) + (profile.current_equity or 0)
        return own > pay.band_max / (1 - pay.share)
    return profile.current_base > pay.band_max


def _above_band_note(role: Role, parameter: Parameter) -> Adjustment:
    return Adjustment(
        "Your pay is above this band",
        f"your pay is already above the usual {role.name} band here, so this promotion is shown at your pay: "
        f"it may bring the title before the pay, without the least promotion raise of {parameter.value:.0%}",
        YOUR_PAY,
    )


def _raise_note(previous: Step, role: Role, parameter: Parameter) -> Adjustment:
    return Adjustment(
        "Least promotion raise",
        f"the usual {role.name} pay here is less than {parameter.value:.0%} above your pay as {previous.title}; "
        f"a promotion raises total pay by at least {parameter.value:.0%}, so this step does",
        parameter.source,
        parameter.value,
    )


def _move(
    pricing: _Pricing, role: Role, pay: _Pay, previous: Step, base: tuple[float, float], added: list[Adjustment]
) -> tuple[float, float, Parameter | None]:
    """A move to another track: its note, and its base pay capped (returned with the cap applied, if any).

    A move up to a ladder's first rung (a PhD into research) is priced by its band; any other move pays at
    most the named share more than the step before."""
    added.append(_lateral_note(previous, role, pricing.lateral_years))
    if role.order > previous.rank:
        return base[0], base[1], None
    cap = pricing.lateral_cap
    capped = _capped_base(previous, pay, base[0], base[1], 1 + cap.value)
    if capped != base:
        added.append(_lateral_cap_note(previous, role, cap))
    return capped[0], capped[1], cap


def _capped_base(previous: Step, pay: _Pay, base_min: float, base_max: float, cap: float) -> tuple[float, float]:
    """A move's base pay: at most `cap` times the step before's, or the bottom of the new role's band here;
    never less than the step before's."""
    low = max(_up(previous.base_min * cap), pay.band_min)
    capped = (min(base_min, low), min(base_max, max(_up(previous.base_max * cap), low + 100)))
    if capped == (base_min, base_max):
        return base_min, base_max
    return max(capped[0], previous.base_min), max(capped[1], previous.base_max)


def _capped_total(
    previous: Step, pay: _Pay, base: tuple[float, float], total: tuple[float, float], parameter: Parameter | None
) -> tuple[float, float]:
    """A capped move's total pay held to the same share over the step before's, never below its base as total
    (unchanged for any other step)."""
    if parameter is None or previous.total_min is None or previous.total_max is None:
        return total
    cap, keep = 1 + parameter.value, 1 - pay.share
    low = max(min(total[0], _up(previous.total_min * cap)), round_pay(base[0] / keep), previous.total_min)
    high = max(min(total[1], _up(previous.total_max * cap)), round_pay(base[1] / keep), previous.total_max)
    return low, high


def _lateral_cap_note(previous: Step, role: Role, parameter: Parameter) -> Adjustment:
    return Adjustment(
        "A move pays at most a little more",
        f"the usual {role.name} pay here is more than {parameter.value:.0%} above your pay as {previous.title}; "
        f"a move to another track at the same seniority pays at most {parameter.value:.0%} more (or the bottom of "
        "the new role's band here), so this step does",
        parameter.source,
        parameter.value,
    )


def _lateral_note(previous: Step, role: Role, parameter: Parameter) -> Adjustment:
    return Adjustment(
        "A move to another track",
        f"from {previous.title} to {role.name}, a role at about the same seniority on another track; "
        f"it takes at least {parameter.value:.0f} year and is not taken for less pay",
        parameter.source,
    )


_PROVENANCE: dict[str, Provenance] = {SourceKind.ARTICLE: Provenance.ARTICLE, SourceKind.EDITED: Provenance.EDITED}
# Plain strings: compared once or twice per step, faster than the enum members' attribute lookups.
_CURRENT, _PROMOTION, _LATERAL = str(StepKind.CURRENT), str(StepKind.PROMOTION), str(StepKind.LATERAL)


def _step(pricing: _Pricing, role: Role, pay: _Pay, year: int, earliest: int, kind: str, previous: Step | None) -> Step:  # noqa: PLR0913  hot path: a parameter object per step would cost the engine
    """A role on a path: its pay (the person's own at the current step), never less than the step before;
    a promotion raises total pay by at least the least promotion raise, unless the person's own pay is
    already above the role's band here."""
    profile = pricing.profile
    is_current = kind == _CURRENT
    base_min, base_max, floored = pay.base_min, pay.base_max, False
    added: list[Adjustment] = []  # after the role's own pricing lines
    if is_current and profile.current_base is not None:  # the person's own pay, not an estimate
        base_min = base_max = float(profile.current_base)
        added.append(_your_pay_line(profile))
    cap = None
    if kind == _LATERAL and previous is not None:
        base_min, base_max, cap = _move(pricing, role, pay, previous, (base_min, base_max), added)
    if previous is not None and (base_min < previous.base_min or base_max < previous.base_max):
        base_min, base_max = max(base_min, previous.base_min), max(base_max, previous.base_max)
        added.append(_floor_note(previous, role))
        floored = True
    total_min = total_max = None
    if is_current and profile.gives_total:
        total_min = total_max = base_min + (profile.current_bonus or 0) + (profile.current_equity or 0)
    elif pay.share:
        total_min, total_max = round_pay(base_min / (1 - pay.share)), round_pay(base_max / (1 - pay.share))
    if total_min is not None and previous is not None and previous.total_min is not None:
        total_min = max(total_min, previous.total_min)
        total_max = max(total_max, previous.total_max)  # type: ignore[type-var]
        total_min, total_max = _capped_total(previous, pay, (base_min, base_max), (total_min, total_max), cap)  # type: ignore[arg-type]
    if kind == _PROMOTION and previous is not None:
        least = pricing.least_raise
        if _own_pay_above(profile, pay):
            added.append(_above_band_note(role, least))
        else:  # base and total pay both rise by at least the least raise
            grow = 1 + least.value
            raised = (
                max(base_min, _up(previous.base_min * grow)),
                max(base_max, _up(previous.base_max * grow)),
            )
            if raised != (base_min, base_max):
                base_min, base_max = raised
                added.append(_raise_note(previous, role, least))
            if total_min is not None and previous.total_min is not None and previous.total_max is not None:
                keep = 1 - pay.share
                total_min = max(total_min, round_pay(base_min / keep), _up(previous.total_min * grow))
                total_max = max(total_max, round_pay(base_max / keep), _up(previous.total_max * grow))  # type: ignore[type-var]
    band = pay.band
    if is_current and profile.current_base is not None:
        provenance = Provenance.YOURS
    else:
        provenance = _PROVENANCE.get(band.source.kind, Provenance.ASSUMPTION)
    return Step(
        role.slug,
        role.name,
        role.order,
        year,
        earliest,
        is_current,
        base_min,
        base_max,
        total_min,
        total_max,
        pricing.currency,
        pay.percentile,
        band.source.is_assumption,
        (*pay.explanation, *added),
        pay.band_min,
        pay.band_max,
        band.open_ended,
        percentile_in(base_min, pay.band_min, pay.band_max),
        percentile_in(base_max, pay.band_min, pay.band_max),
        pay.share,
        floored,
        kind,
        provenance,
        pricing.catalog.evidence_for(role.slug, pricing.country),
    )


def _up(amount: float) -> float:
    """Up to the next hundred, so a least raise is never rounded away."""
    return float(math.ceil(round(amount, 6) / 100) * 100)


def project(
    profile: Profile, catalog: Catalog, start_year: int, only_tracks: Collection[str] | None = None
) -> Projection:
    """Project every track (or `only_tracks`) from the person's current role to the track's top.

    What-ifs and the other locations compare one track many times over; asking for that track alone
    skips the work for the others.
    """
    validate(profile, catalog)
    factor, loc_factor, currency, common, notes = pay_factor(profile, catalog)
    points, research_points, placement_adjustments = placement(profile, catalog)
    current = catalog.roles[profile.current_level]
    in_level = max(0, profile.years_experience - current.typical_years)
    per_year = catalog.param(Param.YEARS_IN_LEVEL_POINTS)
    years_points = min(catalog.param(Param.YEARS_IN_LEVEL_CAP).value, in_level * per_year.value)
    pricing = _Pricing(
        profile,
        catalog,
        factor,
        currency,
        points,
        research_points,
        years_points,
        in_level,
        catalog.param(Param.WINDOW_WIDTH).value,
        per_year.source,
        catalog.educations[profile.education].source,
        catalog.param(Param.PROMOTION_MIN_RAISE),
        catalog.param(Param.LATERAL_MOVE_YEARS),
        catalog.param(Param.LATERAL_MAX_RAISE),
        catalog.locations[profile.location].country,
    )
    unusual = _unusual_years(profile, catalog, current)
    if unusual is not None:
        notes = (unusual, *notes)

    current_pay = _price(pricing, current, True)
    if current_pay is None:
        raise ProjectionError(f"No salary band for {current.slug!r}")
    first = _step(pricing, current, current_pay, start_year, start_year, StepKind.CURRENT, None)
    raise_rate = catalog.annual_raise(currency).value
    promotion_raise = catalog.param(Param.PROMOTION_MIN_RAISE).value
    inflation = catalog.inflation(currency).value  # type: ignore[union-attr]  # validate() checked it
    paths = _paths(pricing, first, start_year, only_tracks)
    freelance = None
    if profile.work_mode == WorkMode.FREELANCE:
        freelance = freelance_pay(profile, catalog, current_pay.percentile, loc_factor, currency)
        earners = _freelance_earners(profile, catalog, paths, start_year, loc_factor, currency, inflation)
    else:
        earners = [
            partial(earnings_over, steps, start_year, profile.horizon_years, raise_rate, inflation, promotion_raise)
            for _, _, steps in paths
        ]
        paid = profile.paid_years if profile.paid_currency == currency else ()
        if paid:  # the first years as paid, known to the unit (a plan started from an offer)
            earners = [partial(paid_then, earn, paid, inflation) for earn in earners]
    tracks = tuple(
        TrackProjection(slug, name, steps, earn, blocked=_blocked(catalog, profile, slug))
        for (slug, name, steps), earn in zip(paths, earners, strict=True)
    )
    target = None
    if profile.target_track is not None and (only_tracks is None or profile.target_track in only_tracks):
        target = _target(next(t for t in tracks if t.track == profile.target_track), profile)
    return Projection(
        profile=profile,
        start_year=start_year,
        currency=currency,
        tracks=tracks,
        common=common + placement_adjustments,
        freelance=freelance,
        notes=notes,
        target=target,
        your_pay=_your_pay(profile, first, current_pay) if profile.has_pay else None,
        raise_rate=raise_rate,
        inflation=inflation,
    )


def _blocked(catalog: Catalog, profile: Profile, slug: str) -> Blocked | None:
    """What a research track the person cannot step onto needs (None when the track can be taken)."""
    roles = tuple(catalog.track_roles(slug))
    current = catalog.roles[profile.current_level]
    if not _needs_research(catalog, catalog.educations[profile.education].research_years, current, roles):
        return None
    return blocked_step(catalog, roles)


def _freelance_earners(  # noqa: PLR0913  the person, the catalog and what the projection already worked out
    profile: Profile,
    catalog: Catalog,
    paths: list[tuple[str, str, tuple[Step, ...]]],
    start_year: int,
    loc_factor: float,
    currency: str,
    inflation: float,
) -> list[Callable[[], tuple[EarningsYear, ...]]]:
    """What works out a freelancer's earnings on each track (when read): freelance income, the rate placed
    by the step held each year.

    US clients pay the article's US rates in US dollars: the rate grows by the dollar's raise and the year
    is converted into the plan's currency at the catalog's rate, as the freelance figures are shown.
    """
    to_plan, rate_currency = 1.0, currency
    rate = catalog.rates.get(currency)
    if profile.client_market == ClientMarket.US and rate is not None and rate.usd_per_unit > 0:
        loc_factor, rate_currency, to_plan = 1.0, "USD", 1 / rate.usd_per_unit
    scale = RateScale.for_place(catalog, loc_factor)
    hours = catalog.param(Param.FREELANCE_BILLABLE_HOURS).value
    raise_rate = catalog.annual_raise(rate_currency).value
    return [
        partial(
            freelance_earnings, steps, scale, start_year, profile.horizon_years, hours, raise_rate, inflation, to_plan
        )
        for _, _, steps in paths
    ]


@dataclass(frozen=True, slots=True)
class _Timing:
    """What dates the steps of every path for one person."""

    start_year: int
    years: int  # years of experience, at least the usual years of the current role (typical path)
    earliest_years: int  # the same for the earliest path
    gap: int  # years between promotions, at least
    lateral: int  # years a move to another track takes, at least
    research_years: int  # years of research a degree counts for, on research roles


def _role_years(timing: _Timing, role: Role) -> tuple[int, int]:
    """A role's typical and earliest years of experience; a research role counts a degree's research years."""
    if timing.research_years and _research_only(role):
        return max(0, role.typical_years - timing.research_years), max(0, role.earliest_years - timing.research_years)
    return role.typical_years, role.earliest_years


def _dates(timing: _Timing, role: Role, kind: str, previous: Step, before: Role) -> tuple[int, int]:
    """(typical year, earliest year) of a step: when its role is reached, and at least the gap after the one
    before (the typical gap between the two roles on the typical path; a move to another track its own)."""
    typical, earliest = _role_years(timing, role)
    was_typical, was_earliest = _role_years(timing, before)
    if kind == _LATERAL:
        spacing, spacing_early = timing.lateral, timing.lateral
    else:
        spacing = max(timing.gap, typical - was_typical)
        spacing_early = max(timing.gap, earliest - was_earliest)
    start = timing.start_year
    if previous.is_current:  # the gap counts from when the person reached the current role
        held = max(0, timing.years - was_typical)
        held_early = max(0, timing.earliest_years - was_earliest)
        year = start + max(1, spacing - held, typical - timing.years)
        early = start + max(1, spacing_early - held_early, earliest - timing.earliest_years)
    else:
        year = max(previous.year + spacing, start + typical - timing.years)
        early = max(previous.earliest_year + spacing_early, start + earliest - timing.earliest_years)
    return max(year, early), early  # a step is never typical before it is possible


def _lateral_into(timing: _Timing, held: Role, years: int, roles: tuple[Role, ...]) -> Role | None:
    """The role of another track (`roles`, by seniority) a move from `held` lands on; None if none is in reach.

    A role is within reach when it is no more senior than the role held (the roles' `order` is their
    seniority across tracks), or, into research, the ladder's first rung when the years of experience then
    reach it (a PhD's research years counted); out of research, when it usually takes no more years than the role held
    (research roles count a PhD as years, so a Research Scientist, usually 6 years in, has a Senior
    engineer's years), at most one rung above the role held's seniority.
    The move lands on the most senior role within reach (where the track has no role of the same seniority,
    the one below: the step is then held at the pay before).
    """
    above = [r for r in roles if r.order > held.order]
    rung_up = above[0].order if above else held.order

    def reached(role: Role) -> bool:
        if _research_only(role):  # a PhD makes research reachable: its first rung, then no jump of rungs
            first = role.order == roles[0].order and _role_years(timing, role)[0] <= years
            return role.order <= held.order or first
        if _research_only(held):  # research roles count a PhD as years: a Research Scientist has a Senior's
            return role.order <= rung_up and role.typical_years <= held.typical_years
        return role.order <= held.order

    within = [r for r in roles if reached(r)]
    if not within:
        return None
    return max(within, key=lambda r: r.order)


def _route(
    catalog: Catalog, timing: _Timing, current: Role, track: str, roles: tuple[Role, ...]
) -> list[tuple[Role, str]]:
    """The roles a track's path goes through from the current role, each with its kind of step.

    On the current role's own track: every later role, as promotions. On another track: up the current
    role's own ladder until a role of that track is within reach (`_lateral_into`), then a lateral move
    to it, then promotions on that track.
    """
    if track in current.tracks:
        return [(r, StepKind.PROMOTION) for r in roles if r.order > current.order]
    home = next(iter(current.tracks), None)
    ladder = [r for r in catalog.track_roles(home) if r.order > current.order] if home else []
    route: list[tuple[Role, str]] = []
    held, years = current, timing.years
    while True:
        into = _lateral_into(timing, held, years, roles)
        if into is not None:
            route.append((into, StepKind.LATERAL))
            return [*route, *((r, StepKind.PROMOTION) for r in roles if r.order > into.order)]
        if not ladder:
            return [*route, (roles[0], StepKind.LATERAL), *((r, StepKind.PROMOTION) for r in roles[1:])]
        held = ladder.pop(0)
        years = max(years, held.typical_years)
        route.append((held, StepKind.PROMOTION))


def _paths(
    pricing: _Pricing, first: Step, start_year: int, only_tracks: Collection[str] | None
) -> list[tuple[str, str, tuple[Step, ...]]]:
    """Each track's steps from the current one: promotions on its ladder, a lateral move onto it when the
    current role is on another track, each dated by `_dates`.

    A role pays this person the same on every track; only its year and the floor depend on the path,
    so each role is priced once.
    """
    catalog, profile = pricing.catalog, pricing.profile
    current = catalog.roles[profile.current_level]
    timing = _Timing(
        start_year=start_year,
        years=profile.years_experience,
        earliest_years=profile.years_experience,
        gap=math.ceil(catalog.param(Param.MIN_YEARS_BETWEEN_STEPS).value),
        lateral=math.ceil(catalog.param(Param.LATERAL_MOVE_YEARS).value),
        research_years=catalog.educations[profile.education].research_years,
    )
    # Holding a role shows its usual experience (a PhD's research years counted on a research role).
    usual, _usual_earliest = _role_years(timing, current)
    # The earliest path counts the years given, even under the role's usual minimum: a role's earliest
    # years (Director at 10) hold whatever the input says.
    timing = replace(timing, years=max(profile.years_experience, usual))
    priced: dict[str, _Pay | None] = {}
    raise_row = catalog.annual_raise(pricing.currency)
    top_note = Adjustment(
        "Top of this track",
        f"no step above it in this model: pay grows only with yearly raises, {raise_row.value:.0%} a year "
        "above inflation",
        raise_row.source,
    )
    paths: list[tuple[str, str, tuple[Step, ...]]] = []
    for track_slug, track_name, roles in catalog.track_ladders:
        if only_tracks is not None and track_slug not in only_tracks:
            continue
        if _needs_research(catalog, timing.research_years, current, roles):
            paths.append((track_slug, track_name, (first,)))
            continue
        steps, before = [first], current
        for role, kind in _route(catalog, timing, current, track_slug, roles):
            if role.slug not in priced:
                priced[role.slug] = _price(pricing, role, False)
            pay = priced[role.slug]
            if pay is None:
                continue
            previous = steps[-1]
            year, earliest = _dates(timing, role, kind, previous, before)
            steps.append(_step(pricing, role, pay, year, earliest, kind, previous))
            before = role
        steps[-1] = replace(steps[-1], explanation=(*steps[-1].explanation, top_note))
        paths.append((track_slug, track_name, tuple(steps)))
    return paths


def _needs_research(catalog: Catalog, research_years: int, current: Role, roles: tuple[Role, ...]) -> bool:
    """A research ladder the person cannot step onto: its roles need a PhD (a degree that counts research
    years) or research experience, which the profile knows only as a role already on the research ladder."""
    return (
        bool(roles)
        and all(_research_only(r) for r in roles)
        and not (research_years or Track.RESEARCH.value in current.tracks)
    )


def blocked_step(catalog: Catalog, roles: tuple[Role, ...]) -> Blocked:
    """What a blocked research track shows instead of a path: the first rung and what it needs, in words named
    from the data (the degrees that count research years)."""
    degrees = sorted((e for e in catalog.educations.values() if e.research_years), key=lambda e: -e.research_years)
    names = " or ".join(e.name for e in degrees[:1]) or "a research degree"
    source = degrees[0].source if degrees else Source(SourceKind.ASSUMPTION, "Research roles need research training.")
    return Blocked(roles[0].slug, roles[0].name, f"needs a {names} or research experience", source)


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
            first.total_min,  # type: ignore[arg-type]  # the given total
            round_pay(pay.band_min / keep),
            round_pay(pay.band_max / keep),
            first.band_open_ended,
        )
    bonus = None if profile.current_bonus is None else float(profile.current_bonus)
    equity = None if profile.current_equity is None else float(profile.current_equity)
    return YourPay(first.role, first.title, base, bonus, equity, total)


def _target(track: TrackProjection, profile: Profile) -> Target:
    top = track.top
    if track.blocked is not None:
        verdict = Verdict.BLOCKED
    elif profile.target_year is None:
        verdict = Verdict.NO_YEAR
    elif profile.target_year >= top.year:
        verdict = Verdict.ON_TRACK
    elif profile.target_year >= top.earliest_year:
        verdict = Verdict.AMBITIOUS
    else:
        verdict = Verdict.UNLIKELY
    return Target(
        track=profile.target_track,  # type: ignore[arg-type]
        role=top.role if track.blocked is None else track.blocked.role,
        title=top.title if track.blocked is None else track.blocked.title,
        typical_year=top.year,
        earliest_year=top.earliest_year,
        target_year=profile.target_year,
        verdict=verdict,
    )
