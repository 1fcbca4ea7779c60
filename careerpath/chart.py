"""Geometry of the pay-over-years chart (pure): the template draws it as inline SVG.

Each track is a series of rectangles, one per step, from the year the step is typically reached
to the next step (or the chart's end), spanning the step's base pay range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from compensation.money import format_compact, money_range

from .projection import Projection

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 12, 36


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    title: str
    role: str
    low: float
    high: float
    year: int
    pay: str  # the range as shown: "$150,000 – $180,000"
    label: str  # what the bar says when pointed at: "Management: Senior from 2027, $150,000 – $180,000"

    @property
    def box(self) -> str:
        """The bar's SVG geometry attributes (numbers only), written once instead of four template lookups."""
        return f'x="{self.x:g}" y="{self.y:g}" width="{self.width:g}" height="{self.height:g}"'


@dataclass(frozen=True, slots=True)
class Series:
    track: str
    name: str
    index: int
    rects: tuple[Rect, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    value: float
    position: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    series: tuple[Series, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    currency: str


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A round tick interval (1, 2, 2.5 or 5 × 10^k) giving about `target_ticks` ticks."""
    if span <= 0:
        return 1.0
    raw = span / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def build(projection: Projection) -> Chart:
    start = projection.start_year
    end = max(step.year for track in projection.tracks for step in track.steps) + 2
    top_pay = max(step.base_max for track in projection.tracks for step in track.steps)
    step_pay = nice_step(top_pay)
    y_max = math.ceil(top_pay * 1.05 / step_pay) * step_pay

    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x_of(year: float) -> float:
        return LEFT + (year - start) / (end - start) * plot_w

    def y_of(pay: float) -> float:
        return TOP + plot_h - pay / y_max * plot_h

    series = []
    for index, track in enumerate(projection.tracks):
        rects = []
        for i, step in enumerate(track.steps):
            until = track.steps[i + 1].year if i + 1 < len(track.steps) else end
            x0, x1 = x_of(step.year), x_of(max(until, step.year + 1))
            y0, y1 = y_of(step.base_max), y_of(step.base_min)
            rects.append(
                Rect(
                    x=round(x0, 1),
                    y=round(y0, 1),
                    width=round(max(x1 - x0, 2), 1),
                    height=round(max(y1 - y0, 2), 1),
                    title=step.title,
                    role=step.role,
                    low=step.base_min,
                    high=step.base_max,
                    year=step.year,
                    pay=(pay := money_range(step.base_min, step.base_max, projection.currency)),
                    label=f"{track.name}: {step.title} from {step.year}, {pay}",
                )
            )
        series.append(Series(track.track, track.name, index, tuple(rects)))

    year_step = max(1, math.ceil((end - start) / 8))
    x_ticks = tuple(Tick(year, round(x_of(year), 1), str(year)) for year in range(start, end + 1, year_step))
    y_ticks = tuple(
        Tick(value, round(y_of(value), 1), format_compact(value, projection.currency))
        for value in (step_pay * k for k in range(int(y_max / step_pay) + 1))
    )
    return Chart(
        WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, tuple(series), x_ticks, y_ticks, projection.currency
    )
