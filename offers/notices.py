"""An offer's "the salary data changed" notice: where its base now sits in the band and what the counter-offer
to ask for became, since its owner last saw it (for the offer page and the email digest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from careerpath.notices import since_text
from compensation.money import format_money, ordinal, signed_percent
from dataversions.history import catalog_at
from dataversions.models import DataVersion
from engine.catalog import Catalog
from engine.results import PayPosition

from .analysis import OfferAnalysis
from .mapping import values_of
from .models import Offer


@dataclass(frozen=True)
class OfferNotice:
    since: date | datetime
    notes: list[str]
    moves: list[str]  # each figure that moved, in words
    largest: float  # the signed % of what moved most (what a threshold reads)
    version: int  # the version it explains up to: dismissing marks this one seen

    def sentence(self, today: date | None = None) -> str:
        notes = "; ".join(self.notes)
        return f"Since {since_text(self.since, today)} the salary data changed ({notes}). " + " ".join(self.moves)


def _where(position: PayPosition) -> str:
    if position.position == "below":
        return "below the band"
    if position.position == "above":
        return "above the band"
    return f"at the {ordinal(position.percentile)} percentile of the band"


def _percent(old: float, new: float) -> float:
    return (new / old - 1) * 100 if old else 0.0


def offer_notice(offer: Offer, catalog: Catalog, year: int, *, since: int | None = None) -> OfferNotice | None:
    """The offer's notice, or None when the data did not move its band position or its counter-offer."""
    seen = offer.seen_data_version if since is None else since
    if seen is None or seen >= catalog.data_version:
        return None
    try:
        old_catalog = catalog_at(seen)
        old = OfferAnalysis(values_of(offer, old_catalog), old_catalog, year)
        new = OfferAnalysis(values_of(offer, catalog), catalog, year)
        was, now, old_counter, new_counter = old.base_position, new.base_position, old.counter, new.counter
    except (KeyError, RuntimeError):
        return None  # the offer names something the data did not have then: nothing to compare
    currency = new.currency
    moves, percents = [], []
    ratios = f"{was.compa_ratio:.2f}", f"{now.compa_ratio:.2f}"
    if (was.percentile, was.position) != (now.percentile, now.position) or ratios[0] != ratios[1]:
        percents.append(_percent(was.compa_ratio, now.compa_ratio))
        moves.append(
            f"The base of this offer, {format_money(now.amount, currency)}, was {_where(was)} "
            f"({format_money(was.band_min, currency)} – {format_money(was.band_max, currency)}, compa-ratio "
            f"{ratios[0]}); it is now {_where(now)} ({format_money(now.band_min, currency)} – "
            f"{format_money(now.band_max, currency)}, compa-ratio {ratios[1]})."
        )
    if (old_counter.total, old_counter.base_needed) != (new_counter.total, new_counter.base_needed):
        change = _percent(old_counter.total, new_counter.total)
        percents.append(change)
        moves.append(
            f"The counter-offer target, the {ordinal(new_counter.percentile)} percentile of the band as total pay, "
            "moved from "
            f"{format_money(old_counter.total, currency)} to {format_money(new_counter.total, currency)} "
            f"({signed_percent(change)})"
            + (
                ": this offer pays that or more."
                if new_counter.reached
                else f": ask for {format_money(new_counter.base_needed, currency)} more base "
                f"(it was {format_money(old_counter.base_needed, currency)})."
            )
        )
    if not moves:
        return None
    versions = list(DataVersion.objects.filter(number__gte=seen, number__lte=catalog.data_version).order_by("number"))
    seen_version = versions[0] if versions and versions[0].number == seen else None
    notes = list(dict.fromkeys(v.note for v in versions if v.number > seen))
    return OfferNotice(
        since=seen_version.created if seen_version else offer.created,
        notes=notes,
        moves=moves,
        largest=max(percents, key=abs),
        version=catalog.data_version,
    )
