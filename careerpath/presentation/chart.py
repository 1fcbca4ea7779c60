"""Geometry of the pay-over-years chart (pure): the template draws it as inline SVG.

Each step is a shaded band from the year it is typically reached to the next step (or the chart's
end), spanning the step's total pay range (base, bonus and equity; a dashed outline), with its base pay
range inside it (solid, with a line at its midpoint) and the role's name. A step several tracks share
(the same role, year and pay) is drawn once, in the "shared" colour, so that overlapping tracks never mix
into a colour the legend does not show. The pay axis fits the data: it starts at a round figure below the
lowest pay (zero if that is where it lands, as the note under the chart says), and its baseline is drawn.
A role's name goes where it overlaps no other name; where there is no such place it is left out (the tip
and the table have it), so names never overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.safestring import SafeString

from compensation.money import format_compact, money_range
from engine.results import Projection

from .geometry import Frame, Tick, frame, marks, money_ticks, nice_step, year_ticks

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 32
LABEL_SIZE = 11  # font size of role names and tips, in chart units (see app.css)
CHAR_WIDTH = 6.2  # average width of a character at LABEL_SIZE, for placing labels and tips
TIP_HEIGHT = 20

# Words a role's title can lose in the chart, where space is short; the table keeps the full title.
SHORTER = (
    (" of Machine Learning", ""),
    (" ML Engineering Manager", " Manager"),  # before " ML Engineer", which would leave "Senioring Manager"
    (" ML Engineer", ""),
    ("Director or VP", "Director/VP"),
)


def short_title(title: str) -> str:
    """ "Senior ML Engineer" -> "Senior"; "Director or VP of Machine Learning" -> "Director/VP"."""
    for long, short in SHORTER:
        title = title.replace(long, short)
    return title


@dataclass(frozen=True, slots=True)
class Bar:
    """One step: its band, midline, name label and the tip shown on focus, hover or tap."""

    index: int
    series: str  # the track's slug, or "shared"
    x: float
    y: float
    width: float
    height: float
    mid_y: float
    title: str
    short: str
    name_shown: bool
    year: int
    pay: str  # the base range as shown: "$150,000 – $180,000"
    total: str  # the total range as shown, or "" (no total for this step)
    total_y: float  # the total band's top and height (0 when there is none)
    total_height: float
    label: str  # what the bar says to a screen reader
    tip_text: str  # what its tip says: "Senior, 2028: $300,000 – $340,000 total, $200,000 – $220,000 base"
    name_x: float
    name_y: float
    tip_x: float
    tip_y: float
    tip_width: float


@dataclass(frozen=True, slots=True)
class Series:
    """A legend entry: a track, or the steps tracks share."""

    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Row:
    """A line of the chart's data table: every step of every track, shared or not."""

    track: str
    title: str
    year: int
    pay: str
    total: str


@dataclass(frozen=True, slots=True)
class Chart(Frame):
    bars: tuple[Bar, ...]
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    currency: str
    baseline: str  # the axis's lowest figure, said in words under the chart
    from_zero: bool = False  # the axis starts at zero (the note then says so, and nothing else)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def build(projection: Projection) -> Chart:
    steps = [(track, step) for track in projection.tracks for step in track.steps]
    start = projection.start_year
    end = max(step.year for _, step in steps) + 2
    low = min(step.base_min for _, step in steps)
    high = max(max(step.base_max, step.total_max or 0) for _, step in steps)
    # A pay given above every band holds every step at one figure: keep a span of a tenth of it.
    span = max(high - low, high * 0.1, 1)
    step_pay = nice_step(span)
    y_min = max(0.0, math.floor((low - span * 0.08) / step_pay) * step_pay)
    y_max = math.ceil((high + span * 0.12) / step_pay) * step_pay

    area = frame(WIDTH, HEIGHT, left=LEFT, right=RIGHT, top=TOP, bottom=BOTTOM)
    plot_right = area.plot_right
    x_of, y_of = area.x_scale(start, end), area.y_scale(y_min, y_max)

    untils = {
        (track.track, step.role): track.steps[i + 1].year if i + 1 < len(track.steps) else end
        for track in projection.tracks
        for i, step in enumerate(track.steps)
    }
    # A step drawn once however many tracks share it: keyed by what the chart shows.
    owners: dict[tuple, list] = {}
    for track, step in steps:
        key = (step.role, step.year, step.base_min, step.base_max, step.total_min, step.total_max)
        owners.setdefault(key, []).append((track, step))

    currency = projection.currency
    pays = {
        (low_, high_): money_range(low_, high_, currency)
        for _, step in steps
        for low_, high_ in ((step.base_min, step.base_max), (step.total_min, step.total_max))
        if low_ is not None and high_ is not None
    }  # one string per range: most steps are drawn once and listed once per track holding them
    placed: list[tuple[float, float, float, float]] = []
    bars = []
    for index, holders in enumerate(owners.values()):
        track, step = holders[0]
        shared = len(holders) > 1
        # The band ends where the first track holding it moves on to its next step.
        until = min(untils[(t.track, st.role)] for t, st in holders)
        x0, x1 = x_of(step.year), x_of(max(until, step.year + 1))
        y0, y1 = y_of(step.base_max), y_of(step.base_min)
        pay = pays[(step.base_min, step.base_max)]
        has_total = step.total_min is not None and step.total_max is not None
        total = pays[(step.total_min, step.total_max)] if has_total else ""
        t0, t1 = (y_of(step.total_max), y_of(step.total_min)) if has_total else (y0, y0)
        top = min(y0, t0)  # the name goes above the whole step, its total included
        names = " and ".join(t.name for t, _ in holders) if shared else track.name
        short = short_title(step.title)

        # The role's name above its band, or below it, or higher up: wherever it overlaps no other name.
        text_w = len(short) * CHAR_WIDTH
        nx = min(x0 + 3, plot_right - text_w)
        box = None
        for ny in (
            top - 5,
            y1 + LABEL_SIZE + 3,
            top - 5 - LABEL_SIZE - 2,
            top - 5 - 2 * (LABEL_SIZE + 2),
            y1 + 2 * LABEL_SIZE + 5,
            top - 5 - 3 * (LABEL_SIZE + 2),
        ):
            candidate = (nx, ny - LABEL_SIZE, nx + text_w, ny + 2)
            inside = ny - LABEL_SIZE >= 0 and ny + 2 <= area.plot_bottom
            if inside and not any(_overlaps(candidate, other) for other in placed):
                box = candidate
                break
        if box is None:
            short, box = "", (nx, top, nx, top)  # no room: the tip and the table name it
        else:
            placed.append(box)

        totals = f", {total} total" if total else ""
        label = f"{names}: {step.title} from {step.year}, {pay} base{totals}"
        tip = f"{step.title}, {step.year}: " + (f"{total} total, {pay} base" if total else f"{pay} base")
        tip_text_w = len(tip) * CHAR_WIDTH + 12
        tip_x = min(max(LEFT, x0), plot_right - tip_text_w)
        tip_y = top - TIP_HEIGHT - 4 if top - TIP_HEIGHT - 4 >= 0 else y1 + 4
        bars.append(
            Bar(
                index=index,
                series="shared" if shared else track.track,
                x=round(x0, 1),
                y=round(y0, 1),
                width=round(max(x1 - x0, 2), 1),
                height=round(max(y1 - y0, 2), 1),
                mid_y=round((y0 + y1) / 2, 1),
                title=step.title,
                short=short or short_title(step.title),
                name_shown=bool(short),
                year=step.year,
                pay=pay,
                total=total,
                total_y=round(t0, 1),
                total_height=round(max(t1 - t0, 2), 1),
                label=label,
                tip_text=tip,
                name_x=round(box[0], 1),
                name_y=round(box[3] - 2, 1),
                tip_x=round(max(0, tip_x), 1),
                tip_y=round(tip_y, 1),
                tip_width=round(min(tip_text_w, WIDTH), 1),
            )
        )

    shown = {bar.series for bar in bars}
    series = tuple(Series(t.track, t.name) for t in projection.tracks if t.track in shown)
    if "shared" in shown:
        series += (Series("shared", "Steps the tracks share"),)
    rows = tuple(
        Row(
            track.name,
            step.title,
            step.year,
            pays[(step.base_min, step.base_max)],
            pays.get((step.total_min, step.total_max), "—"),
        )
        for track, step in steps
    )

    x_ticks = year_ticks(range(start, end), x_of)
    y_ticks = money_ticks(y_min, y_max, step_pay, y_of, projection.currency)
    return Chart(
        *(area.width, area.height, area.plot_left, area.plot_right, area.plot_top, area.plot_bottom),
        tuple(bars),
        series,
        rows,
        x_ticks,
        y_ticks,
        projection.currency,
        format_compact(y_min, projection.currency),
        y_min == 0,
    )


# The charts' repeated SVG elements are written by `marks`, one string per kind: a chart has 10–60 marks of
# 3–7 values each, and through template loops they cost ~1 ms a panel.


def bar_marks(chart: Chart) -> SafeString:
    """Each step's base band and midline; focusable, with its figures (base and total) for screen readers."""
    return marks(
        '<g class="bar s-{} b{}" tabindex="0" role="img" aria-label="{}">'
        '<rect class="band" x="{:g}" y="{:g}" width="{:g}" height="{:g}"/>'
        '<line class="mid" x1="{:g}" x2="{:g}" y1="{:g}" y2="{:g}"/></g>',
        (
            (
                b.series,
                b.index,
                b.label,
                b.x,
                b.y,
                b.width,
                b.height,
                b.x,
                b.x + b.width,
                b.mid_y,
                b.mid_y,
            )
            for b in chart.bars
        ),
    )


def total_marks(chart: Chart) -> SafeString:
    """Each step's total pay band, drawn behind its base band (a step with no total has none)."""
    return marks(
        '<rect class="band-total s-{}" x="{:g}" y="{:g}" width="{:g}" height="{:g}"/>',
        ((b.series, b.x, b.total_y, b.width, b.total_height) for b in chart.bars if b.total),
    )


def name_marks(chart: Chart) -> SafeString:
    """The role names that found a free place (the others are in their tips and the table)."""
    return marks(
        '<text class="name" x="{:g}" y="{:g}">{}</text>',
        ((b.name_x, b.name_y, b.short) for b in chart.bars if b.name_shown),
    )


def row_marks(chart: Chart) -> SafeString:
    """The chart as a table (in a closed <details>): every step of every track."""
    return marks(
        '<tr><td>{}</td><th scope="row">{}</th><td>{}</td><td class="nowrap">{}</td><td class="nowrap">{}</td></tr>',
        ((r.track, r.title, r.year, r.total, r.pay) for r in chart.rows),
    )


def tip_marks(chart: Chart) -> SafeString:
    """The tip each band shows on focus, hover or tap (CSS only)."""
    return marks(
        '<g class="tip t{}"><rect x="{:g}" y="{:g}" width="{:g}" height="{:g}"/><text x="{:g}" y="{:g}">{}</text></g>',
        (
            (
                b.index,
                b.tip_x,
                b.tip_y,
                b.tip_width,
                TIP_HEIGHT,
                b.tip_x + 6,
                b.tip_y + TIP_HEIGHT - 6,
                b.tip_text,
            )
            for b in chart.bars
        ),
    )
