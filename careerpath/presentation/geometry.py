"""What both charts share (pure): a frame with its plot area, scales from values to chart units, round
tick steps, the ticks of the year and pay axes, and the axes' SVG marks.

The pay chart (`chart.py`) and the earnings chart (`earnings_chart.py`) are each a `Frame` with their own
marks; the templates draw them as inline SVG.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from compensation.money import format_compact

YEAR_LABELS = 8  # at most about this many year labels: more would touch on a phone


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled point of an axis: its position in chart units and what it says."""

    position: float
    label: str


@dataclass(frozen=True, slots=True)
class Frame:
    """A chart's viewBox (`width` × `height`) and its plot area inside the margins, in chart units."""

    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int

    def x_scale(self, first: float, last: float) -> Callable[[float], float]:
        """Chart x of a value between `first` (the plot's left edge) and `last` (its right edge)."""
        left, span, plot_w = self.plot_left, max(1, last - first), self.plot_right - self.plot_left
        return lambda value: left + (value - first) / span * plot_w

    def y_scale(self, low: float, high: float) -> Callable[[float], float]:
        """Chart y of a value between `low` (the plot's bottom) and `high` (its top)."""
        top, plot_h = self.plot_top, self.plot_bottom - self.plot_top
        return lambda value: top + plot_h - (value - low) / (high - low) * plot_h


def frame(width: int, height: int, *, left: int, right: int, top: int, bottom: int) -> Frame:
    """The frame of a chart `width` × `height` with these margins."""
    return Frame(width, height, left, width - right, top, height - bottom)


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


def year_ticks(years: Sequence[int], x_of: Callable[[float], float]) -> tuple[Tick, ...]:
    """Every year, or every second, third…: at most about `YEAR_LABELS` labels."""
    every = max(1, math.ceil(len(years) / YEAR_LABELS))
    return tuple(Tick(round(x_of(year), 1), str(year)) for year in years[::every])


def money_ticks(
    low: float, high: float, step: float, y_of: Callable[[float], float], currency: str
) -> tuple[Tick, ...]:
    """A tick every `step` from `low` to `high`, labelled in compact money ("$150k")."""
    values = (low + step * k for k in range(round((high - low) / step) + 1))
    return tuple(Tick(round(y_of(value), 1), format_compact(value, currency)) for value in values)


def marks(pattern: str, rows: Iterable[tuple]) -> SafeString:
    """`pattern` filled in with each row, joined: format_html_join without its cost on numbers.

    Numbers (most of a chart's values) and safe strings go in as they are; any other text is escaped.
    A chart has 10–60 marks of 3–7 values each: through template loops they cost ~1 ms a panel.
    """

    def safe(value):
        return value if isinstance(value, (int, float, SafeString)) else html.escape(str(value))

    return SafeString("".join(pattern.format(*map(safe, row)) for row in rows))


def axis_marks(chart: Frame, x_ticks: Iterable[Tick], y_ticks: Iterable[Tick], *, x_label_y: int) -> dict:
    """A chart's grid lines with their pay labels, and its year labels (SVG; numbers and short labels)."""
    left, right = chart.plot_left, chart.plot_right
    return {
        "grid": marks(
            # Anchors and baselines come from app.css (.axis-label.y, .x): not repeated on every label.
            '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="axis-label y" x="{}" y="{}">{}</text>',
            ((left, right, t.position, t.position, left - 6, t.position, t.label) for t in y_ticks),
        ),
        "years": marks(
            '<text class="axis-label x" x="{}" y="{}">{}</text>',
            ((t.position, x_label_y, t.label) for t in x_ticks),
        ),
    }
