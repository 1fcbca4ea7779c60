"""The panel's words: every sentence, position in a band and difference in one place, so one figure
reads the same on every page. Money itself is formatted by `compensation.money`."""

from __future__ import annotations

from compensation.money import (
    amounts_between,
    band_range,
    format_money,
    money_range,
    ordinal,
    pay_range,
    percentile_words,
    whole,
)
from engine.catalog import Evidence
from engine.results import Adjustment, PayPosition, TrackProjection
from engine.slugs import BandKind, Position, SourceKind, Track

from .chart import short_title

# How a sentence names a survey country (ISO code); any other by its code.
COUNTRY_NAMES = {"US": "the US", "CA": "Canada", "GB": "the UK", "DE": "Germany", "IN": "India"}
CONFIDENCE_WORDS = {
    "strong": "strong evidence",
    "some": "some evidence",
    "thin": "thin evidence, not used",
}


def evidence_sentence(evidence: Evidence, role_name: str, converted_from: str = "") -> str:
    """ "aijobs.net salary survey (…), 2024: 3,944 Senior ML Engineers in the US; median $200,000; middle half
    $158,500 – $254,000 (salary only, no bonus or equity): strong evidence." `converted_from` names the survey's
    own currency when the amounts were converted into another (at the data's exchange rates)."""
    country = COUNTRY_NAMES.get(evidence.country, evidence.country)
    converted = f"; converted from {converted_from} at this data's exchange rates" if converted_from else ""
    return (
        f"{evidence.source}, {evidence.years}: {evidence.n:,} answers for {role_name} in "
        f"{country}; median {format_money(evidence.p50, evidence.currency)}; "
        f"middle half {money_range(evidence.p25, evidence.p75, evidence.currency)} (salary only, no bonus or equity"
        f"{converted}): {CONFIDENCE_WORDS.get(evidence.confidence, evidence.confidence)}"
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
    if pos.position == Position.BELOW:
        gap = format_money(pos.band_min - pos.amount, currency)
        return (
            f"{subject} is below the bottom of {band_name} ({band}; {ratio}): "
            f"{gap} less than the lowest pay the band covers."
        )
    if pos.position == Position.ABOVE:
        gap = format_money(pos.amount - pos.band_max, currency)
        top = "the band's top (open-ended in the article)" if pos.open_ended else "the highest pay the band covers"
        return f"{subject} is above the top of {band_name} ({band}; {ratio}): {gap} more than {top}."
    words = percentile_words(pos.percentile)
    return f"{subject} is at the {ordinal(pos.percentile)} percentile of {band_name} ({band}; {ratio}): {words}."


def basis_words(real: bool, year: int, start_year: int) -> str:
    """What a step's figure is in: "today’s money", or as paid in the year it is reached."""
    if real:
        return "today’s money"
    return "as paid this year" if year <= start_year else f"as paid in {year}"


def inflation_words(rate: float) -> str:
    """0.025 -> "2.5%": a currency's yearly inflation as the page says it (the money line and the earnings)."""
    return f"{rate * 100:.3g}%"


def money_words(real: bool) -> str:
    """The page's money in a few words, for captions and axis titles."""
    return "today’s money" if real else "as paid"


def lower_first(name: str) -> str:
    """ "Cloud platforms" -> "cloud platforms" inside a sentence; "NLP" and "PhD" keep their capitals."""
    if len(name) > 1 and name[0].isupper() and not any(c.isupper() for c in name[1:]):
        return name[0].lower() + name[1:]
    return name


def band_place(step) -> str:
    """Where a step's pay sits in its band, in words: "the 23rd–73rd percentile of the band", "below the band",
    "from below the band to the 40th percentile of the band". Pay outside the band says so: its percentile is
    clamped at 0 or 100 and would read as the band's own bottom or top."""

    def at(amount: float, percentile: int) -> str:
        if amount < step.band_min:
            return "below the band"
        if amount > step.band_max and not step.band_open_ended:
            return "above the band"
        if percentile <= 0:
            return "the bottom of the band"
        if percentile >= 100:
            return "the top of the band"
        return ordinal(percentile)

    low, high = at(step.base_min, step.percentile_min), at(step.base_max, step.percentile_max)
    if low == high:
        return low if low.endswith("band") else f"the {low} percentile of the band"
    if not low.endswith("band") and not high.endswith("band"):
        return f"the {low}–{high} percentile of the band"
    low = low if low.endswith("band") else f"the {low} percentile"
    high = high if high.endswith("band") else f"the {high} percentile of the band"
    return f"from {low} to {high}"


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


def _difference(low: float, high: float, currency: str) -> str:
    """A change of a range as a reader says it: "$4,700 to $5,200 more", "the same", "between $1 less and $2 more"."""
    low, high = whole(low), whole(high)
    if low == 0 and high == 0:
        return "the same"
    if low >= 0 and high >= 0:
        return f"{amounts_between(low, high, currency)} more"
    if low <= 0 and high <= 0:
        return f"{amounts_between(low, high, currency)} less"
    less, more = (low, high) if low < 0 else (high, low)
    return f"between {format_money(-less, currency)} less and {format_money(more, currency)} more"


def compare_sentence(title: str, a, b, b_name: str, currency: str) -> str:
    """How plan B differs from plan A at one step, total pay first, base second, then the year:
    "“B” pays $53,400 to $60,000 less in total pay a year at Director/VP (base: $4,000 more) and gets there
    2 years later". `a` and `b` are `compare.Side`s in one currency, or None where a plan has no such step."""
    title = short_title(title)
    if a is None or b is None:
        return f"Only {'the first plan' if b is None else b_name} reaches {title} on this track."
    total = _difference(b.total_min - a.total_min, b.total_max - a.total_max, currency)
    base = _difference(b.base_min - a.base_min, b.base_max - a.base_max, currency)
    pay = "pays the same total pay" if total == "the same" else f"pays {total} in total pay a year"
    if a.is_current and b.is_current:
        when = "both plans are there now"
    elif b.year == a.year:
        when = "gets there the same year"
    else:
        years = b.year - a.year
        count = f"{abs(years)} year{'' if abs(years) == 1 else 's'}"
        when = f"gets there {count} {'later' if years > 0 else 'earlier'}"
    joiner = ";" if a.is_current and b.is_current else " and"
    return f"{b_name} {pay} at {title} (base: {base}){joiner} {when}."


def compare_highlights(rows: list[dict], earnings: list[dict], b_name: str, currency: str) -> list[str]:
    """Per track: total pay over the horizon first, then the difference at the track's top step."""
    tops = {}
    for row in rows:
        tops[row["track"]] = row
    sentences = []
    for e in earnings:
        delta, real = e["delta"], e["delta_real"]
        if delta == 0:
            over = f"over {e['years']} years {b_name} earns the same total pay"
        else:
            over = (
                f"over {e['years']} years {b_name} earns {format_money(abs(delta), currency)} "
                f"{'more' if delta > 0 else 'less'} in total pay, as paid "
                f"({format_money(abs(real), currency)} {'more' if real >= 0 else 'less'} in today’s money)"
            )
        top = tops.get(e["track"])
        at_top = f" At the top: {top['words']}" if top else ""
        sentences.append(f"{e['track_name']} track: {over}.{at_top}")
    return sentences


def summary_words(summary: dict | None) -> dict | None:
    """A plan's stored summary (careerpath.summaries) as My plans says it; None when there is none."""
    if not summary:
        return None
    currency = summary["currency"]
    percentile = summary.get("percentile")
    position = summary.get("position")
    if percentile is None:
        yours = ""
    elif position == Position.BELOW:
        yours = "Your base: below your level’s band here"
    elif position == Position.ABOVE:
        yours = "Your base: above your level’s band here"
    else:
        yours = f"Your base: {ordinal(percentile)} percentile of your level’s band here"
    return {
        "next": summary["title"],
        "when": "now" if summary["year"] is None else f"typically in {summary['year']}",
        "pay": pay_range(summary["base_min"], summary["base_max"], currency),
        "track": summary["track_name"],
        "yours": yours,
        "percentile": percentile,
    }


def place_words(profile, catalog) -> str:
    """ "in Seattle, Technology (FAANG), large company": where a band applies."""
    return (
        f"in {catalog.locations[profile.location].name}, {catalog.industries[profile.industry].name}, "
        f"{catalog.company_types[profile.company_type].name.lower()}"
    )


def your_pay_words(projection, profile, catalog, *, shared: bool) -> dict | None:
    """The pay given, placed in the band of the current level here, in words; None without pay."""
    pay = projection.your_pay
    if pay is None:
        return None
    cur = projection.currency
    whose = "This plan’s" if shared else "Your"
    band_name = f"the {pay.title} band {place_words(profile, catalog)}"
    total = pay.total
    given = [("Base", pay.base.amount), ("Bonus", pay.bonus), ("Equity", pay.equity)]
    return {
        "percentile": pay.base.percentile,
        "compa_ratio": f"{pay.base.compa_ratio:.2f}",
        "position": pay.base.position,
        "sentence": position_sentence(f"{whose} base", band_name, pay.base, cur),
        "total_sentence": position_sentence(
            f"{whose} total pay, {format_money(total.amount, cur)} with bonus and equity,",
            "that band as total pay",
            total,
            cur,
        )
        if total
        else "",
        "figures": [(label, format_money(amount, cur)) for label, amount in given if amount is not None],
        "total": format_money(total.amount, cur) if total else "",
    }
