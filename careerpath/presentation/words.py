"""The panel's words: every sentence, position in a band and difference in one place, so one figure
reads the same on every page. Money itself is formatted by `compensation.money`."""

from __future__ import annotations

from django.utils.safestring import SafeString

from compensation.money import amounts_between, band_range, format_money, money_range, whole
from engine.results import Adjustment, PayPosition, TrackProjection
from engine.slugs import BandKind, SourceKind, Track

from .chart import short_title

ASSUMPTION = SafeString('<span class="badge badge-assumption">Assumption</span>')
ARTICLE = SafeString('<span class="badge badge-article">Article</span>')
EDITED = SafeString('<span class="badge badge-assumption">Edited</span>')  # an article band changed in admin
# Where a percentile inside a band is, in words: below each limit, its words.
POSITION_WORDS = (
    (25, "in the bottom quarter"),
    (40, "below the middle"),
    (61, "around the middle"),
    (76, "above the middle"),
    (101, "in the top quarter"),
)


def track_phrase(track: TrackProjection) -> str:
    """How a summary names a track: "staying an individual contributor", "the management track"."""
    if track.track == Track.IC:
        return "staying an individual contributor"
    return f"the {track.name.lower()} track"


def position_sentence(subject: str, band_name: str, pos: PayPosition, currency: str) -> str:
    """One sentence: where an amount sits in a band, said plainly when outside it."""
    band = money_range(pos.band_min, pos.band_max, currency) + ("+" if pos.open_ended else "")
    ratio = f"compa-ratio {pos.compa_ratio:.2f}"
    if pos.position == "below":
        gap = format_money(pos.band_min - pos.amount, currency)
        return (
            f"{subject} is below the bottom of {band_name} ({band}; {ratio}): "
            f"{gap} less than the lowest pay the band covers."
        )
    if pos.position == "above":
        gap = format_money(pos.amount - pos.band_max, currency)
        top = "the band's top (open-ended in the article)" if pos.open_ended else "the highest pay the band covers"
        return f"{subject} is above the top of {band_name} ({band}; {ratio}): {gap} more than {top}."
    words = next(text for limit, text in POSITION_WORDS if pos.percentile < limit)
    return f"{subject} is at the {ordinal(pos.percentile)} percentile of {band_name} ({band}; {ratio}): {words}."


def lower_first(name: str) -> str:
    """ "Cloud platforms" -> "cloud platforms" inside a sentence; "NLP" and "PhD" keep their capitals."""
    if len(name) > 1 and name[0].isupper() and not any(c.isupper() for c in name[1:]):
        return name[0].lower() + name[1:]
    return name


def percentiles(step) -> str:
    """Where a step's pay sits in its band: "23rd–73rd", or one percentile when both ends agree."""
    low, high = step.percentile_min, step.percentile_max
    return ordinal(low) if low == high else f"{ordinal(low)}–{ordinal(high)}"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def explain_line(item: Adjustment) -> str:
    """One "why this figure" line as a sentence with its unit: no slugs, no raw factors.

    The engine writes its lines in words already ("Seattle pays 17 % more than the US average");
    a line that names a band gets the band's range beside it.
    """
    label, detail, band = item.label, item.detail, item.band
    if band is None:
        return f"{label}: {detail}"
    hourly = band.period == "hour"
    text = band_range(band.min, band.max, band.currency, open_ended=band.open_ended, hourly=hourly)
    if band.kind in (BandKind.LOCATION, BandKind.INDUSTRY):
        return f"{detail} (its band: {text})"
    return f"{label}: {detail}, {text}{'' if hourly else ' a year'}"


def explanation_lines(items: tuple[Adjustment, ...]) -> list[dict]:
    return [
        {
            "text": explain_line(item),
            "source": item.source.text,
            "is_assumption": item.source.is_assumption,
            "is_input": item.source.kind == SourceKind.INPUT,  # the pay the person gave
            "is_edited": item.source.kind == SourceKind.EDITED,  # an article figure changed: its note, no quote
        }
        for item in items
    ]


def compare_sentence(row, b_name: str) -> str:
    """How plan B differs from plan A at one step: "“B” pays $53,400 less at … and gets there 2 years later"."""
    title = short_title(row.title)
    if row.a is None or row.b is None:
        return f"Only {'the first plan' if row.b is None else b_name} reaches {title} on this track."
    if not row.same_currency:
        currencies = f"{row.a.currency} and {row.b.currency}"
        return f"The plans are in different currencies ({currencies}), so no difference is computed."
    currency = row.a.currency
    low, high = whole(row.delta_min), whole(row.delta_max)
    if low == 0 and high == 0:
        pay = "pays the same"
    elif low >= 0 and high >= 0:
        pay = f"pays {amounts_between(low, high, currency)} more"
    elif low <= 0 and high <= 0:
        pay = f"pays {amounts_between(low, high, currency)} less"
    else:
        less, more = (low, high) if low < 0 else (high, low)
        pay = f"pays between {format_money(-less, currency)} less and {format_money(more, currency)} more"
    years = row.delta_years
    if row.a.is_current and row.b.is_current:
        when = "both plans are there now"
    elif years == 0:
        when = "gets there the same year"
    else:
        count = f"{abs(years)} year{'' if abs(years) == 1 else 's'}"
        when = f"gets there {count} {'later' if years > 0 else 'earlier'}"
    joiner = ";" if row.a.is_current and row.b.is_current else " and"
    return f"{b_name} {pay} at {title}{joiner} {when}."


def compare_display(rows, b_title: str) -> list[dict]:
    """The compare page's step rows: each plan's pay and year, and the difference in words."""
    b_name = f"“{b_title}”"

    def side(step) -> tuple[str, str]:
        if step is None:
            return "—", ""
        return money_range(step.base_min, step.base_max, step.currency), "now" if step.is_current else str(step.year)

    shown = []
    for row in rows:
        a_pay, a_when = side(row.a)
        b_pay, b_when = side(row.b)
        shown.append(
            {
                "track": row.track,
                "track_name": row.track_name,
                "role": row.role,
                "title": row.title,
                "a_pay": a_pay,
                "a_when": a_when,
                "b_pay": b_pay,
                "b_when": b_when,
                "words": compare_sentence(row, b_name),
            }
        )
    return shown


def compare_highlights(shown: list[dict]) -> list[str]:
    """The difference at the top of each track: the sentence a reader wants first."""
    tops = {}
    for row in shown:
        tops[row["track"]] = row
    return [f"{row['track_name']} track: {row['words']}" for row in tops.values()]
