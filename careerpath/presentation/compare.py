"""The compare page: two plans in one currency, total pay and N-year earnings first, base second.

Plans in different currencies are converted through US dollars at the salary data's exchange rates
(the first plan's currency or US dollars, as the page's `currency` choice says), so every row has a
difference; the rate used and the data version it comes from are named on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from compensation.money import format_money, pay_range, whole
from engine.catalog import Catalog
from engine.diff import compare_earnings, compare_rows
from engine.results import Projection, Step

from . import words


@dataclass(frozen=True, slots=True)
class Side:
    """One plan's step in the comparison's currency."""

    base_min: float
    base_max: float
    total_min: float
    total_max: float
    year: int
    is_current: bool


def currency_choices(a: Projection, b: Projection) -> list[str]:
    """The currencies the page can show both plans in: the first plan's, and US dollars."""
    return list(dict.fromkeys([a.currency, "USD"]))


class Converter:
    """Amounts of either plan in the chosen currency, remembering which rates it used."""

    def __init__(self, catalog: Catalog, currency: str) -> None:
        self.catalog, self.currency = catalog, currency
        self.used: set[str] = set()

    def __call__(self, amount: float, currency: str) -> float:
        if currency == self.currency:
            return amount
        self.used.add(currency)
        # A converted figure is an estimate too: to the hundred, as the engine rounds pay.
        return self.catalog.convert(amount, currency, self.currency, 100)

    def side(self, step: Step | None) -> Side | None:
        if step is None:
            return None
        cur = step.currency
        total_min = step.total_min if step.total_min is not None else step.base_min
        total_max = step.total_max if step.total_max is not None else step.base_max
        return Side(
            self(step.base_min, cur),
            self(step.base_max, cur),
            self(total_min, cur),
            self(total_max, cur),
            step.year,
            step.is_current,
        )

    def rates_sentence(self) -> str:
        """ "Converted at £1 = $1.27 (the salary data's exchange rates, version 7)." or "" when none was needed."""
        if not self.used:
            return ""
        rates = self.catalog.rates
        parts = []
        for code in sorted(self.used):
            per = rates[code].usd_per_unit / rates[self.currency].usd_per_unit
            parts.append(f"1 {code} = {per:.4g} {self.currency}")
        kind = "an assumption" if any(rates[c].source.is_assumption for c in self.used) else "from the article"
        return (
            f"Figures in {', '.join(sorted(self.used))} are converted into {self.currency} at "
            f"{' and '.join(parts)} (the salary data's exchange rate{'s' if len(parts) > 1 else ''}, "
            f"data version {self.catalog.data_version}; {kind})."
        )


def _your_pay_today(projection: Projection, to: Converter) -> str:
    pay = projection.your_pay
    if pay is None:
        return "Not given"
    cur = projection.currency
    text = f"{format_money(pay.base.amount, cur)} base"
    if pay.total is not None:
        text += f", {format_money(pay.total.amount, cur)} total"
    if cur != to.currency:
        text += f" (about {format_money(to(pay.base.amount, cur), to.currency)} base)"
    return text


def build(a: dict, b: dict, catalog: Catalog, currency: str) -> dict:
    """The compare page's figures: `a` and `b` are `selectors.compare_sides` entries."""
    pa, pb = a["projection"], b["projection"]
    to = Converter(catalog, currency)
    b_name = f"“{b['plan'].title}”"
    rows = []
    for row in compare_rows(pa, pb):
        sa, sb = to.side(row.a), to.side(row.b)
        diff_total = None
        if sa is not None and sb is not None:
            diff_total = whole((sb.total_min + sb.total_max) / 2 - (sa.total_min + sa.total_max) / 2)
        rows.append(
            {
                "track": row.track,
                "track_name": row.track_name,
                "role": row.role,
                "title": row.title,
                "a": _cell(sa, currency),
                "b": _cell(sb, currency),
                "diff_total": diff_total,
                "words": words.compare_sentence(row.title, sa, sb, b_name, currency),
            }
        )
    earnings = []
    for e in compare_earnings(pa, pb):
        ea, eb = to(e.a, e.a_currency), to(e.b, e.b_currency)
        ea_real, eb_real = to(e.a_real, e.a_currency), to(e.b_real, e.b_currency)
        earnings.append(
            {
                "track": e.track,
                "track_name": e.track_name,
                "years": e.years,
                "a": format_money(ea, currency),
                "b": format_money(eb, currency),
                "a_real": format_money(ea_real, currency),
                "b_real": format_money(eb_real, currency),
                "delta": whole(eb - ea),
                "delta_real": whole(eb_real - ea_real),
            }
        )
    highlights = words.compare_highlights(rows, earnings, b_name, currency)
    return {
        "currency": currency,
        "choices": currency_choices(pa, pb),
        "rows": rows,
        "earnings": earnings,
        "highlights": highlights,
        "rates": to.rates_sentence(),
        "pay_today": (_your_pay_today(pa, to), _your_pay_today(pb, to)),
        "years": earnings[0]["years"] if earnings else 0,
    }


def _cell(side: Side | None, currency: str) -> dict | None:
    if side is None:
        return None
    return {
        "total": pay_range(side.total_min, side.total_max, currency),
        "base": pay_range(side.base_min, side.base_max, currency),
        "when": "now" if side.is_current else str(side.year),
    }
