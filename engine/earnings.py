"""Earnings over the years: each track's pay year by year over the horizon, as paid and in today's money."""

from __future__ import annotations

from engine.results import EarningsYear, Step
from engine.rounding import round_pay


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
    rows: list[EarningsYear] = []
    base = total = 0.0
    held = -1
    cumulative = cumulative_real = 0.0
    for k in range(horizon):
        year = start_year + k
        index = max(0, held)
        while index + 1 < len(steps) and steps[index + 1].year <= year:
            index += 1
        step = steps[index]
        market_base = (step.base_min + step.base_max) / 2
        market_total = (step.total_min + step.total_max) / 2 if step.total_min is not None else market_base  # type: ignore[operator]
        if held < 0:
            base, total = market_base, market_total
        else:
            base, total = base * (1 + raise_rate), total * (1 + raise_rate)
            if index != held:
                least = total * (1 + promotion_raise) if step.kind == "promotion" else total
                base, total = max(base, market_base), max(least, market_total)
        total = max(total, base)
        promoted, held = held >= 0 and index != held, index
        growth = (1 + inflation) ** k
        base_real, total_real = round_pay(base), round_pay(total)
        base_nominal, total_nominal = round_pay(base * growth), round_pay(total * growth)
        cumulative += total_nominal
        cumulative_real += total_real
        rows.append(
            EarningsYear(
                year=year,
                role=step.role,
                title=step.title,
                base=base_nominal,
                bonus_equity=total_nominal - base_nominal,
                total=total_nominal,
                cumulative_total=cumulative,
                base_real=base_real,
                bonus_equity_real=total_real - base_real,
                total_real=total_real,
                cumulative_total_real=cumulative_real,
                promoted=promoted,
            )
        )
    return tuple(rows)
