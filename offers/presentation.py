"""What the offer pages say and draw: sentences and the bar chart's geometry, built in Python, marked up
in templates (no inline style: the chart's sizes are SVG attributes)."""

from __future__ import annotations

from dataclasses import dataclass

from compensation.money import format_money
from engine.offers import Comparison, Counter, OfferBreakdown
from engine.results import PayPosition

# The chart's drawing box, in SVG user units (it scales to the page's width).
CHART_WIDTH, CHART_HEIGHT = 640, 280
PLOT_LEFT, PLOT_TOP, PLOT_BOTTOM = 84, 12, 248
SEGMENTS = (
    ("cash", "Base and bonus"),
    ("sign-on", "Sign-on"),
    ("initial", "Initial grant vesting"),
    ("refresh", "Refreshers vesting"),
)


@dataclass(frozen=True, slots=True)
class Bar:
    year: int
    label: str  # what a screen reader hears for the bar
    segments: tuple[dict, ...]  # kind, x, y, width, height


def _nice_top(value: float) -> int:
    """A round axis top at or above `value`: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def chart_top(figures: OfferBreakdown, factor: float = 1.0) -> float:
    """The largest year's total (times `factor`, a rate into another currency): what a chart's scale must hold."""
    return max(y.total for y in figures.years) * factor


def year_chart(figures: OfferBreakdown, currency: str, *, top: float | None = None, factor: float = 1.0) -> dict:
    """Stacked bars, one a year: base and bonus, sign-on, initial-grant equity, refresher equity.

    Charts compared side by side pass one `top` (the largest of theirs) so that they share one scale, and a
    `factor` that converts each offer into the comparison's currency."""
    years = figures.years
    top = _nice_top(top if top is not None else chart_top(figures))
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (CHART_WIDTH - PLOT_LEFT - 8) / len(years)
    width = slot * 0.6
    bars = []
    for i, y in enumerate(years):
        x = PLOT_LEFT + i * slot + (slot - width) / 2
        bottom = float(PLOT_BOTTOM)
        segments = []
        for kind, amount in (
            ("cash", y.base + y.bonus),
            ("sign-on", y.sign_on),
            ("initial", y.equity_initial),
            ("refresh", y.equity_refresh),
        ):
            if amount <= 0:
                continue
            height = amount * factor / top * plot_height
            bottom -= height
            segments.append(
                {
                    "kind": kind,
                    "x": round(x, 1),
                    "y": round(bottom, 1),
                    "width": round(width, 1),
                    "height": round(height, 1),
                }
            )
        label = f"Year {y.year}: {format_money(round(y.total * factor), currency)} in total"
        bars.append(Bar(y.year, label, tuple(segments)))
    ticks = [
        {"y": round(PLOT_BOTTOM - plot_height * k / 4, 1), "label": format_money(top * k / 4, currency, compact=True)}
        for k in range(5)
    ]
    labels = [{"x": round(PLOT_LEFT + i * slot + slot / 2, 1), "text": f"Year {y.year}"} for i, y in enumerate(years)]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PLOT_LEFT,
        "right": CHART_WIDTH - 8,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "label_y": PLOT_BOTTOM + 20,
        "legend": [{"kind": kind, "name": name} for kind, name in SEGMENTS],
    }


def drop_sentence(figures: OfferBreakdown, currency: str) -> str:
    """The year-5 drop (or rise) in words."""
    year4, year5 = figures.years[3].total, figures.year5_total
    if figures.year5_drop > 0:
        return (
            f"In year 5 pay falls to {format_money(year5, currency)}, {format_money(figures.year5_drop, currency)} "
            f"({figures.drop_percent} %) less than year 4's {format_money(year4, currency)}: "
            + (
                "the initial grant has fully vested, and only refreshers (not guaranteed) still vest."
                if figures.years[4].equity_refresh
                else "the initial grant has fully vested and no refresher replaces it."
            )
        )
    if figures.year5_drop < 0:
        more = format_money(-figures.year5_drop, currency)
        return f"Year 5 pays {format_money(year5, currency)}, {more} more than year 4."
    return f"Year 5 pays the same as year 4: {format_money(year5, currency)}."


def position_sentence(what: str, position: PayPosition, currency: str) -> str:
    band = f"{format_money(position.band_min, currency)} – {format_money(position.band_max, currency)}"
    if position.position == "below":
        gap = format_money(position.band_min - position.amount, currency)
        return f"{what} of {format_money(position.amount, currency)} is below the band ({band}) by {gap}."
    if position.position == "above":
        gap = format_money(position.amount - position.band_max, currency)
        return f"{what} of {format_money(position.amount, currency)} is above the band ({band}) by {gap}."
    return (
        f"{what} of {format_money(position.amount, currency)} sits at the {ordinal(position.percentile)} "
        f"percentile of the band ({band})."
    )


def counter_sentence(counter: Counter, currency: str) -> str:
    target = (
        f"the band's {ordinal(counter.percentile)} percentile as total pay ({format_money(counter.total, currency)})"
    )
    if counter.reached:
        return f"This offer already pays {target} or more, in year 1 and over four years on average."
    base = format_money(counter.base_needed, currency)
    equity = format_money(counter.equity_needed, currency)
    if counter.base_needed and counter.equity_needed:
        return f"To reach {target}, ask for {base} more base, or {equity} more equity over four years."
    if counter.base_needed:
        return (
            f"To reach {target} in year 1, ask for {base} more base; over four years it already pays that on average."
        )
    return f"Year 1 already pays {target}; to reach it over four years on average, ask for {equity} more equity."


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def compare_sentences(comparison: Comparison, currency: str) -> list[str]:
    sentences = []
    for overtake in comparison.overtakes:
        sentences.append(
            f"{overtake.later} starts behind {overtake.earlier} but has paid more in total by the end of year "
            f"{overtake.year}."
        )
    averages = sorted(comparison.columns, key=lambda c: c.average_4y, reverse=True)
    if len(averages) > 1:
        best, second = averages[0], averages[1]
        gap = best.average_4y - second.average_4y
        if gap:
            sentences.insert(
                0,
                f"Over four years {best.label} pays most on average: {format_money(best.average_4y, currency)} a year, "
                f"{format_money(gap, currency)} more than {second.label}.",
            )
    return sentences
