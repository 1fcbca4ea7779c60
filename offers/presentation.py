"""What the offer pages say and draw: sentences and the bar chart's geometry, built in Python, marked up
in templates (no inline style: the chart's sizes are SVG attributes)."""

from __future__ import annotations

from dataclasses import dataclass

from careerpath.models import Plan
from careerpath.presentation.words import COUNTRY_NAMES, evidence_sentence
from compensation.money import format_money
from engine.catalog import Evidence
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


def _frame(bars: list, top: float, labels: list[str], currency: str, legend: list[dict]) -> dict:
    """What both offer charts share: the plot area, four money ticks up to `top`, a label under each slot."""
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (CHART_WIDTH - 8 - PLOT_LEFT) / len(labels)
    ticks = [
        {"y": round(PLOT_BOTTOM - plot_height * k / 4, 1), "label": format_money(top * k / 4, currency, compact=True)}
        for k in range(5)
    ]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PLOT_LEFT,
        "right": CHART_WIDTH - 8,
        "bars": bars,
        "ticks": ticks,
        "labels": [{"x": round(PLOT_LEFT + i * slot + slot / 2, 1), "text": text} for i, text in enumerate(labels)],
        "label_y": PLOT_BOTTOM + 20,
        "legend": legend,
    }


def year_chart(figures: OfferBreakdown, currency: str) -> dict:
    """Stacked bars, one a year: base and bonus, sign-on, initial-grant equity, refresher equity."""
    years = figures.years
    top = _nice_top(max(y.total for y in years))
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
            height = amount / top * plot_height
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
        label = f"Year {y.year}: {format_money(y.total, currency)} in total"
        bars.append(Bar(y.year, label, tuple(segments)))
    labels = [f"Year {y.year}" for y in years]
    return _frame(bars, top, labels, currency, [{"kind": kind, "name": name} for kind, name in SEGMENTS])


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


def counter_sentence(counter: Counter, currency: str, level: str = "this level") -> str:
    """The ask in words, within its bounds: past them, the offer looks below market and the level is worth checking."""
    target = (
        f"the band's {ordinal(counter.percentile)} percentile as total pay ({format_money(counter.total, currency)})"
    )
    if counter.reached:
        return f"This offer already pays {target} or more, in year 1 and over four years on average."
    base = format_money(counter.base_needed, currency)
    equity = format_money(counter.equity_needed, currency)
    bound = f"{counter.max_raise * 100:g} %"
    if counter.capped:
        parts = (
            ("in year 1", counter.base_gap > counter.base_needed),
            ("on average over four years", counter.equity_capped),
        )
        when = " and ".join(words for words, past_the_bound in parts if past_the_bound)
        return (
            f"Reaching {target} {when} would take more than {bound} of base: this offer looks below market for "
            f"{level}. Check the level first (a higher one may fit your experience); within bounds, ask for up to "
            f"{base} more base" + (f", or {equity} more equity over four years." if counter.equity_needed else ".")
        )
    if counter.base_needed and counter.equity_needed:
        return f"To reach {target}, ask for {base} more base, or {equity} more equity over four years."
    if counter.base_needed:
        return (
            f"To reach {target} in year 1, ask for {base} more base; over four years it already pays that on average."
        )
    return f"Year 1 already pays {target}; to reach it over four years on average, ask for {equity} more equity."


def counter_evidence_sentence(
    evidence: Evidence | None,
    role_name: str,
    country: str,
    converted_from: str = "",
    answers: int = 0,
    least: int = 0,
) -> str:
    """What the counter-offer rests on besides the band: the public survey's cell for the level in the offer's
    country (count, median, middle half), or, where it has fewer than `least` answers, the band alone."""
    if evidence is None:
        where = f"a {role_name} in {COUNTRY_NAMES.get(country, country)}"
        found = f"only {answers:,} answers for {where}" if answers else f"no answers for {where}"
        return (
            f"The salary survey has {found}, fewer than the {least:,} a cell needs to be used: "
            "the counter-offer rests on the band alone."
        )
    return f"Beside the band, the salary survey: {evidence_sentence(evidence, role_name, converted_from)}."


def counter_moved_sentence(moved: dict, currency: str) -> str:
    """A data change that moved the counter-offer, in words (the notice on the offer's page)."""
    before, after = moved["before"], moved["after"]
    return (
        f"The salary data changed since you last saw this offer (version {moved['version']} → "
        f"{moved['now_version']}): the counter-offer's target moved from {format_money(before['total'], currency)} "
        f"to {format_money(after['total'], currency)}, the base to ask for from "
        f"{format_money(before['base_needed'], currency)} to {format_money(after['base_needed'], currency)}, "
        f"the equity from {format_money(before['equity_needed'], currency)} to "
        f"{format_money(after['equity_needed'], currency)}."
    )


PLAN_LABELS = (
    ("current_level", "Level", "role"),
    ("location", "Place", "location"),
    ("industry", "Industry", "industry"),
    ("company_type", "Company type", "company_type"),
    ("education", "Highest degree", "education"),
    ("years_experience", "Years of experience", None),
    ("work_mode", "Work mode", None),
    ("current_base", "Base pay now", None),
    ("current_bonus", "Bonus now", None),
    ("current_equity", "Equity a year now", None),
)


def change_rows(before: dict, after: dict, catalog) -> list[dict]:
    """Each of a plan's fields before → after, in words, for the page that asks before it updates a plan."""
    currency_before = catalog.locations[before["location"]].currency
    currency_after = catalog.locations[after["location"]].currency
    tables = {
        "role": catalog.roles,
        "location": catalog.locations,
        "industry": catalog.industries,
        "company_type": catalog.company_types,
        "education": catalog.educations,
    }

    def shown(name: str, table: str | None, value, currency: str) -> str:
        if value is None or value == "":
            return "not given"
        if table is not None:
            return tables[table][value].name
        if name.startswith("current_"):
            return format_money(value, currency)
        if name == "work_mode":
            return Plan.WorkMode(value).label
        return str(value)

    rows = []
    for name, label, table in PLAN_LABELS:
        was, becomes = before.get(name), after.get(name)
        rows.append(
            {
                "label": label,
                "before": shown(name, table, was, currency_before),
                "after": shown(name, table, becomes, currency_after),
                "changed": was != becomes,
            }
        )
    paid = after.get("paid_years")
    if paid:
        years = ", ".join(format_money(total, paid["currency"]) for _, total in paid["years"])
        rows.append(
            {
                "label": "Earnings, first years (as paid)",
                "before": "projected",
                "after": f"the offer's own totals: {years}",
                "changed": True,
            }
        )
    return rows


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


def compare_chart(columns, currency: str) -> dict:
    """Grouped bars, years 1–5: every offer (and the current job) on one scale, so heights compare."""
    years = min(len(c.totals) for c in columns)
    top = _nice_top(max(max(c.totals[:years]) for c in columns))
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (CHART_WIDTH - PLOT_LEFT - 8) / years
    width = slot * 0.8 / len(columns)
    bars = []
    for i in range(years):
        start = PLOT_LEFT + i * slot + slot * 0.1
        for k, column in enumerate(columns):
            height = column.totals[i] / top * plot_height
            bars.append(
                {
                    "series": k,
                    "x": round(start + k * width, 1),
                    "y": round(PLOT_BOTTOM - height, 1),
                    "width": round(width * 0.9, 1),
                    "height": round(height, 1),
                    "label": f"{column.label}, year {i + 1}: {format_money(column.totals[i], currency)}",
                }
            )
    labels = [f"Year {i + 1}" for i in range(years)]
    return _frame(bars, top, labels, currency, [{"series": k, "name": c.label} for k, c in enumerate(columns)])


PART_WORDS = {
    "base": "base",
    "bonus": "target bonus",
    "sign_on": "sign-on",
    "equity_initial": "the initial grant",
    "equity_refresh": "refreshers",
}


def why_sentences(components: list[dict], currency: str) -> list[str]:
    """Why the offer paying most on average does: the part of pay that differs most from the next offer's,
    and how much of each is guaranteed."""
    rows = {row["name"]: row["cells"] for row in components}
    totals = rows.get("total", [])
    if len(totals) < 2:
        return []
    order = sorted(range(len(totals)), key=lambda i: totals[i]["average"], reverse=True)
    best, second = order[0], order[1]
    if totals[best]["average"] == totals[second]["average"]:
        return []
    part = max(
        (name for name in PART_WORDS if name in rows),
        key=lambda name: rows[name][best]["average"] - rows[name][second]["average"],
    )
    a, b = rows[part][best], rows[part][second]
    guaranteed = [format_money(rows["guaranteed"][i]["average"], currency) for i in (best, second)]
    return [
        f"Most of the difference is {PART_WORDS[part]}: {format_money(a['average'], currency)} a year on average at "
        f"{a['company']}, {format_money(b['average'], currency)} at {b['company']}. Guaranteed (base and sign-on): "
        f"{guaranteed[0]} against {guaranteed[1]}."
    ]
