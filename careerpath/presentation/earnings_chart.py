"""Geometry of the earnings chart (pure): cumulative total pay per track, year by year, drawn by
templates/careerpath/partials/earnings_chart.html as inline SVG.

Each track is a line through its cumulative total at the end of each year of the horizon, nominal
or in today's money; the target year, when set and inside the horizon, is a vertical marker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from compensation.money import format_compact, format_money
from engine.results import Projection

from .chart import marks, nice_step

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 12, 36


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str  # "Management, 2030: $1,234,500 so far"


@dataclass(frozen=True, slots=True)
class Line:
    track: str
    name: str
    index: int
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        """The SVG `points` attribute."""
        return " ".join(f"{p.x:g},{p.y:g}" for p in self.points)


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class EarningsChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    lines: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    target_x: float | None  # the target year's position, if it falls inside the horizon
    target_year: int | None
    real: bool


def build(projection: Projection, *, real: bool) -> EarningsChart:
    """The chart of every track's cumulative earnings; `real` draws them in today's money."""
    currency = projection.currency
    years = [e.year for e in projection.tracks[0].earnings]
    first, last = years[0], years[-1]

    def amount(entry) -> float:
        return entry.cumulative_total_real if real else entry.cumulative_total

    top = max((amount(e) for track in projection.tracks for e in track.earnings), default=0.0)
    step = nice_step(top or 1.0)
    y_max = math.ceil(top * 1.05 / step) * step or step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        return round(LEFT + (year - first) / max(1, last - first) * plot_w, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h - value / y_max * plot_h, 1)

    lines = tuple(
        Line(
            track.track,
            track.name,
            index,
            tuple(
                Point(x_of(e.year), y_of(amount(e)), f"{track.name}, {e.year}: {format_money(amount(e), currency)}")
                for e in track.earnings
            ),
        )
        for index, track in enumerate(projection.tracks)
    )
    year_step = max(1, math.ceil(len(years) / 8))
    x_ticks = tuple(Tick(x_of(year), str(year)) for year in years[::year_step])
    y_ticks = tuple(
        Tick(y_of(value), format_compact(value, currency))
        for value in (step * k for k in range(round(y_max / step) + 1))
    )
    target = projection.profile.target_year
    inside = target is not None and first <= target <= last
    return EarningsChart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        lines,
        x_ticks,
        y_ticks,
        x_of(target) if inside else None,  # type: ignore[arg-type]
        target if inside else None,
        real,
    )


def line_marks(chart: EarningsChart) -> list[dict]:
    """The chart's lines, each with its points as circles titled with their figures."""
    return [
        {
            "track": line.track,
            "path": line.path,
            "points": marks(
                '<circle cx="{}" cy="{}" r="3"><title>{}</title></circle>',
                ((p.x, p.y, p.label) for p in line.points),
            ),
        }
        for line in chart.lines
    ]
