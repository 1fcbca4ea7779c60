"""Options beside a projection: what one more skill or a higher degree would change on the focus
track, and the same plan in every other location (locally and in US dollars)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from engine.catalog import Catalog
from engine.profile import Profile
from engine.projection import project
from engine.results import Projection, Step, TrackProjection
from engine.rounding import round_pay
from engine.slugs import Track


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
    """The track the person aims for, or (any track) the one that earns the most total pay over the horizon,
    as paid: the track the headline, the what-ifs and the earnings sentence all speak of (a tie goes to
    staying an individual contributor, as the earnings sentence breaks it)."""
    if projection.profile.target_track:
        return projection.track(projection.profile.target_track)
    open_tracks = [t for t in projection.tracks if t.blocked is None] or list(projection.tracks)
    return max(open_tracks, key=lambda t: (t.cumulative, t.track == Track.IC))


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
            # A blocked track has no top to reach sooner: a degree that opens it adds a path, not speed.
            top_years_sooner=0 if track.blocked is not None else track.top.year - top.year,
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
    market_pay: bool = True  # False: the figures start from the pay the person gave (their own location)


def across_locations(
    profile: Profile, catalog: Catalog, start_year: int, base: Projection | None = None
) -> list[Elsewhere]:
    """The same plan in every location, at the next step of the focus track and over the horizon,
    locally and in USD. `base` is the profile's own projection, when the caller has it already.

    Pay given in one place says nothing of pay in another (nor is it in that currency), so every other
    location shows market pay for the profile without it (`Elsewhere.market_pay`); this location is the
    profile's own projection, its pay included, so that its figures are the page's own.
    """
    base = base or project(profile, catalog, start_year)
    track_slug = focus_track(base).track
    own = profile
    profile = profile.without_pay()
    rows = []
    for slug, location in catalog.locations.items():
        if slug not in catalog.location_bands:
            continue
        here = slug == profile.location
        if here and own.current_base is not None:
            track = base.track(track_slug)
        else:
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
                round_pay(step.base_min * usd) if usd else None,
                round_pay(step.base_max * usd) if usd else None,
                slug == profile.location,
                track.cumulative,
                track.cumulative_real,
                round_pay(track.cumulative * usd) if usd else None,
                round_pay(track.cumulative_real * usd) if usd else None,
                market_pay=not (here and own.current_base is not None),
            )
        )
    return rows
