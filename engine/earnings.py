"""Earnings over the years: each track's pay year by year over the horizon, as paid and in today's money."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from engine.results import EarningsYear, Step


def earnings_over(
    steps: list[Step] | tuple[Step, ...],
    start_year: int,
    horizon: int,
    raise_rate: float,
    inflation: float,
    promotion_raise: float = 0.0,
) -> tuple[EarningsYear, ...]:
    """A track's pay year by year over `horizon` years from `start_year`, nominal and in today's money.

    The step held in a year is the last one typically reached by then. In today's money the first year
    pays the current step's midpoint (the given pay, when given); each later year pays the year before
    grown by the raise within a level, and a promotion pays at least its step's midpoint and at least
    `promotion_raise` more total pay than the year before (a lateral move: at least the year before). Nominal pay
    is that grown by the currency's inflation since this year. Yearly figures are rounded to the
    hundred; the cumulative ones are sums of the yearly figures shown.
    """
    # The hot loop of every projection (each track, each year): locals only, the rounding of
    # `round_pay` inlined (pay is never negative), the same arithmetic in the same order.
    floor = math.floor
    count = len(steps)
    years = [s.year for s in steps]
    market = []
    for s in steps:
        mid_base = (s.base_min + s.base_max) / 2
        market.append((mid_base, (s.total_min + s.total_max) / 2 if s.total_min is not None else mid_base))  # type: ignore[operator]
    grow, promote = 1 + raise_rate, 1 + promotion_raise
    rows: list[EarningsYear] = []
    base = total = 0.0
    held = -1
    cumulative = cumulative_real = 0.0
    for k in range(horizon):
        year = start_year + k
        index = held if held > 0 else 0
        while index + 1 < count and years[index + 1] <= year:
            index += 1
        step = steps[index]
        market_base, market_total = market[index]
        if held < 0:
            base, total = market_base, market_total
        else:
            base, total = base * grow, total * grow
            if index != held:
                least = total * promote if step.kind == "promotion" else total
                base = base if base >= market_base else market_base
                total = least if least >= market_total else market_total
        if base > total:
            total = base
        promoted, held = held >= 0 and index != held, index
        growth = (1 + inflation) ** k
        base_real, total_real = floor(base / 100 + 0.5) * 100.0, floor(total / 100 + 0.5) * 100.0
        base_nominal = floor(base * growth / 100 + 0.5) * 100.0
        total_nominal = floor(total * growth / 100 + 0.5) * 100.0
        cumulative += total_nominal
        cumulative_real += total_real
        rows.append(
            EarningsYear(
                year,
                step.role,
                step.title,
                base_nominal,
                total_nominal - base_nominal,
                total_nominal,
                cumulative,
                base_real,
                total_real - base_real,
                total_real,
                cumulative_real,
                promoted,
            )
        )
    return tuple(rows)


def with_paid_years(
    rows: tuple[EarningsYear, ...], paid: tuple[tuple[int, int], ...], inflation: float
) -> tuple[EarningsYear, ...]:
    """`rows` whose first years pay exactly `paid` (base, total) as paid, when known to the unit (an offer's
    years): today's money is that less inflation since this year; the projection's own years follow
    unchanged, and the cumulative totals are the sums of the years shown."""
    if not paid:
        return rows
    out = []
    cumulative = cumulative_real = 0.0
    for k, row in enumerate(rows):
        if k < len(paid):
            base, total = float(paid[k][0]), float(paid[k][1])
            growth = (1 + inflation) ** k
            base_real = math.floor(base / growth / 100 + 0.5) * 100.0
            total_real = math.floor(total / growth / 100 + 0.5) * 100.0
            row = replace(
                row,
                base=base,
                bonus_equity=total - base,
                total=total,
                base_real=base_real,
                bonus_equity_real=total_real - base_real,
                total_real=total_real,
            )
        cumulative += row.total
        cumulative_real += row.total_real
        out.append(replace(row, cumulative_total=cumulative, cumulative_total_real=cumulative_real))
    return tuple(out)


def paid_then(
    earn: Callable[[], tuple[EarningsYear, ...]], paid: tuple[tuple[int, int], ...], inflation: float
) -> tuple[EarningsYear, ...]:
    """A track's earnings (`earn`, worked out when read) with its known first years (see `with_paid_years`)."""
    return with_paid_years(earn(), paid, inflation)
