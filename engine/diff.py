"""Differences between projections: how one plan's figures moved when the data changed, and how two
plans compare step by step (base and total pay) and over the years (total earnings)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.options import focus_track
from engine.results import Projection, Step
from engine.slugs import PayBasis, WorkMode

# One plan, two versions of the data ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """One figure of a plan that moved: a step's base pay, its total pay, or freelance pay a year."""

    track: str
    track_name: str
    role: str
    title: str
    figure: str  # a PayBasis ("base", "total") or "freelance"
    old_min: float
    old_max: float
    new_min: float
    new_max: float
    currency: str
    is_next: bool = False  # the next step of the plan's focus track
    is_current: bool = False

    @property
    def percent(self) -> float:
        """Change of the range's midpoint, in %."""
        old = (self.old_min + self.old_max) / 2
        return 0.0 if not old else ((self.new_min + self.new_max) / 2 - old) / old * 100


@dataclass(frozen=True)
class PlanChange:
    moves: tuple[Move, ...]
    focus: str  # the focus track's slug

    @property
    def moved(self) -> bool:
        return bool(self.moves)

    @property
    def largest(self) -> float:
        """The signed % of the figure that moved most (0 when nothing moved)."""
        return max((m.percent for m in self.moves), key=abs, default=0.0)

    def largest_on(self, track: str) -> float | None:
        found = [m.percent for m in self.moves if m.track == track]
        return max(found, key=abs) if found else None

    @property
    def headline(self) -> Move | None:
        """The move to lead with: the next step's pay if it moved, else the focus track's largest, else any."""
        for candidates in (
            [m for m in self.moves if m.is_next and m.figure == PayBasis.BASE],
            [m for m in self.moves if m.is_next],
            [m for m in self.moves if m.track == self.focus],
            list(self.moves),
        ):
            if candidates:
                return max(candidates, key=lambda m: abs(m.percent))
        return None


def _pairs(step: Step) -> list[tuple[str, float | None, float | None]]:
    return [(PayBasis.BASE, step.base_min, step.base_max), (PayBasis.TOTAL, step.total_min, step.total_max)]


def plan_change(old: Projection, new: Projection) -> PlanChange:
    """Every figure of `new` that differs from the same figure in `old` (steps matched by track and role)."""
    focus = focus_track(new)
    next_role = focus.steps[1].role if len(focus.steps) > 1 else focus.steps[0].role
    moves: list[Move] = []
    for track in new.tracks:
        try:
            before = {s.role: s for s in old.track(track.track).steps}
        except KeyError:
            continue
        for step in track.steps:
            was = before.get(step.role)
            if was is None or was.currency != step.currency:
                continue
            for (figure, low, high), (_, old_low, old_high) in zip(_pairs(step), _pairs(was), strict=True):
                if (
                    low is None
                    or old_low is None
                    or high is None
                    or old_high is None
                    or (low, high) == (old_low, old_high)
                ):
                    continue
                moves.append(
                    Move(
                        track.track,
                        track.name,
                        step.role,
                        step.title,
                        figure,
                        old_low,
                        old_high,
                        low,
                        high,
                        step.currency,
                        is_next=track.track == focus.track and step.role == next_role,
                        is_current=step.is_current,
                    )
                )
    if old.freelance and new.freelance and old.currency == new.currency:
        o, n = old.freelance, new.freelance
        if (o.yearly_min, o.yearly_max) != (n.yearly_min, n.yearly_max):
            current = new.tracks[0].steps[0]
            moves.append(
                Move(
                    focus.track,
                    focus.name,
                    current.role,
                    "Freelance",
                    WorkMode.FREELANCE,
                    o.yearly_min,
                    o.yearly_max,
                    n.yearly_min,
                    n.yearly_max,
                    new.currency,
                )
            )
    return PlanChange(tuple(moves), focus.track)


# Two plans -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompareRow:
    track: str
    track_name: str
    role: str
    title: str
    a: Step | None
    b: Step | None

    @property
    def same_currency(self) -> bool:
        return self.a is not None and self.b is not None and self.a.currency == self.b.currency

    @property
    def delta_min(self) -> float | None:
        return self.b.base_min - self.a.base_min if self.same_currency else None  # type: ignore[union-attr]

    @property
    def delta_max(self) -> float | None:
        return self.b.base_max - self.a.base_max if self.same_currency else None  # type: ignore[union-attr]

    @property
    def delta_total_min(self) -> float | None:
        if not self.same_currency or self.a.total_min is None or self.b.total_min is None:  # type: ignore[union-attr]
            return None
        return self.b.total_min - self.a.total_min  # type: ignore[union-attr]

    @property
    def delta_total_max(self) -> float | None:
        if not self.same_currency or self.a.total_max is None or self.b.total_max is None:  # type: ignore[union-attr]
            return None
        return self.b.total_max - self.a.total_max  # type: ignore[union-attr]

    @property
    def delta_years(self) -> int | None:
        if self.a is None or self.b is None:
            return None
        return self.b.year - self.a.year


def compare_rows(a: Projection, b: Projection) -> list[CompareRow]:
    """Step-by-step rows of two projections, matched by track and role."""
    rows = []
    for track_a in a.tracks:
        track_b = b.track(track_a.track)
        steps_a = {s.role: s for s in track_a.steps}
        steps_b = {s.role: s for s in track_b.steps}
        every = {s.role: s for s in (*track_a.steps, *track_b.steps)}
        for step in sorted(every.values(), key=lambda s: s.rank):
            rows.append(
                CompareRow(
                    track_a.track, track_a.name, step.role, step.title, steps_a.get(step.role), steps_b.get(step.role)
                )
            )
    return rows


@dataclass(frozen=True, slots=True)
class CompareEarnings:
    """Total pay over the same horizon on one track of two plans."""

    track: str
    track_name: str
    years: int
    a: float
    b: float
    a_real: float
    b_real: float
    a_currency: str
    b_currency: str

    @property
    def same_currency(self) -> bool:
        return self.a_currency == self.b_currency

    @property
    def delta(self) -> float | None:
        return self.b - self.a if self.same_currency else None

    @property
    def delta_real(self) -> float | None:
        return self.b_real - self.a_real if self.same_currency else None


def compare_earnings(a: Projection, b: Projection) -> list[CompareEarnings]:
    """Each track's total pay over the horizon in both plans (projected over the same years)."""
    return [
        CompareEarnings(
            track_a.track,
            track_a.name,
            len(track_a.earnings),
            track_a.cumulative,
            b.track(track_a.track).cumulative,
            track_a.cumulative_real,
            b.track(track_a.track).cumulative_real,
            a.currency,
            b.currency,
        )
        for track_a in a.tracks
    ]
