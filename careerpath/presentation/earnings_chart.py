"""Geometry of the earnings chart (pure): cumulative total pay per track, year by year, drawn by
templates/careerpath/partials/earnings_chart.html as inline SVG.

Each track is a line through its cumulative total at the end of each year of the horizon, nominal
or in today's money; the target year, when set and inside the horizon, is a vertical marker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from compensation.money import format_money
from engine.results import Projection

from .geometry import Frame, Tick, frame, marks, money_ticks, nice_step, year_ticks

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
class EarningsChart(Frame):
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
    area = frame(WIDTH, HEIGHT, left=LEFT, right=RIGHT, top=TOP, bottom=BOTTOM)
    x_scale, y_scale = area.x_scale(first, last), area.y_scale(0, y_max)

    def x_of(year: float) -> float:
        return round(x_scale(year), 1)

    def y_of(value: float) -> float:
        return round(y_scale(value), 1)

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
    x_ticks = year_ticks(years, x_of)
    y_ticks = money_ticks(0, y_max, step, y_of, currency)
    target = projection.profile.target_year
    inside = target is not None and first <= target <= last
    return EarningsChart(
        *(area.width, area.height, area.plot_left, area.plot_right, area.plot_top, area.plot_bottom),
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
