"""Offers: what a job offer pays, year by year, and what leaving early costs.

Plain numbers in, plain numbers out: no Django, no database, no formatting. The caller (the `offers`
app) supplies every policy number (the merit raise, the band to compare with, exchange rates) from
the salary data, so this module holds mechanisms only.

The model, in short:
- Base grows each year by the merit raise (as paid); the bonus is the target % of that year's base.
- The sign-on bonus is paid at the start of year 1 and year 2. Leaving within its clawback months
  pays back the unearned part, pro rata by month.
- The initial grant vests by its schedule: a percentage a year, in equal monthly parts, except that
  nothing vests before the cliff and everything owed until then vests at the cliff.
- Refreshers: only when the offer gives one (none otherwise: a refresher is never promised). From
  year 2, each year brings a new grant worth the refresher % of the initial grant, vesting on the same
  yearly percentages from that year, without a cliff.
- Options (a private company's, usually): each vested option is worth the price per share less the
  strike, never below 0. The headline values them at the 409A price (the company's own valuation of its
  common stock); the preferred price, an exit price and zero are scenarios beside it. Future funding
  rounds dilute an exit price by a share per round.
- Stock growth compounds: shares that vest in the n-th year after their grant are worth their grant
  value grown n − 1 times by the yearly growth.
- Amounts are rounded half up to the currency unit; equity is rounded on its running sum, so a grant
  with no growth vests to exactly its value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from itertools import accumulate

from .rounding import round_half_up

CUSTOM = "custom"
YEARS_SHOWN = 5  # years 1–5 are always shown (the year-5 drop), longer schedules to their end
MONTHS_A_YEAR = 12


@dataclass(frozen=True, slots=True)
class Vesting:
    """A vesting schedule: the percent of a grant that vests in each year, and where it is seen."""

    slug: str
    name: str
    percents: tuple[float, ...]
    cliff_months: int  # the cliff it usually comes with
    source: str

    @property
    def years(self) -> int:
        return len(self.percents)


VESTING_PRESETS: dict[str, Vesting] = {
    v.slug: v
    for v in (
        Vesting(
            "even-4y-cliff-1y",
            "25 % a year over four years, one-year cliff, then monthly",
            (25, 25, 25, 25),
            12,
            "Seen at many companies (offers shared on levels.fyi and Blind): 25 % a year with a one-year "
            "cliff, then monthly or quarterly. Quarterly vesting pays the same year by year; it is shown monthly.",
        ),
        Vesting(
            "even-4y-monthly",
            "25 % a year over four years, monthly from the start",
            (25, 25, 25, 25),
            0,
            "The same 25 % a year without a cliff, vesting monthly from the first month, as some companies "
            "offer (offers shared on levels.fyi).",
        ),
        Vesting(
            "amazon-5-15-40-40",
            "Amazon: 5 %, 15 %, 40 %, 40 %",
            (5, 15, 40, 40),
            12,
            "Amazon's back-loaded schedule, with a sign-on bonus in years 1 and 2 to fill the gap "
            "(Amazon offers shared on levels.fyi and Blind).",
        ),
        Vesting(
            "front-33-33-22-12",
            "Front-loaded: 33 %, 33 %, 22 %, 12 %",
            (33, 33, 22, 12),
            0,
            "Google's front-loaded offers from 2021 onward (offers shared on levels.fyi).",
        ),
        Vesting(
            "back-10-20-30-40",
            "Back-loaded: 10 %, 20 %, 30 %, 40 %",
            (10, 20, 30, 40),
            12,
            "Back-loaded schedules seen at some companies (offers shared on levels.fyi).",
        ),
    )
}


def parse_custom(text: str) -> tuple[float, ...]:
    """ "10,20,30,40" → (10.0, 20.0, 30.0, 40.0). Raises ValueError on anything that is not numbers."""
    parts = [part.strip().rstrip("%").strip() for part in text.replace(";", ",").split(",")]
    if not any(parts):
        raise ValueError("empty")
    # "nan", "inf" and "1e999" are not a year's share: refused here, or every figure read from them is NaN.
    if any(len(part) > 12 for part in parts):
        raise ValueError("too long")
    percents = tuple(float(part) for part in parts)
    if not all(math.isfinite(p) for p in percents):
        raise ValueError("not a finite number")
    return percents


def schedule_percents(vesting: str, custom: tuple[float, ...] = ()) -> tuple[float, ...]:
    """The yearly percents of a preset, or the custom ones."""
    if vesting == CUSTOM:
        return tuple(custom)
    return VESTING_PRESETS[vesting].percents


@dataclass(frozen=True, slots=True)
class OptionTerms:
    """Stock options: how many, at what strike, and the prices that value them (per share, the offer's currency)."""

    count: int
    strike: float
    fmv: float  # the 409A price: the company's valuation of a common share
    preferred: float | None = None  # the last round's preferred price, paid by investors for preferred shares
    exit_price: float | None = None  # a price per share at an exit the person imagines, on today's share count
    dilution_percent_per_round: float = 0.0
    rounds: int = 0

    def spread(self, price: float) -> float:
        """An option's worth at `price`: the price less the strike, never below 0 (an option is not exercised)."""
        return max(0.0, price - self.strike)

    @property
    def diluted_exit_price(self) -> float | None:
        """The exit price after `rounds` future rounds, each selling `dilution_percent_per_round` of the company."""
        if self.exit_price is None:
            return None
        return self.exit_price * (1 - self.dilution_percent_per_round / 100) ** self.rounds

    @property
    def exercise_cost(self) -> int:
        return round_half_up(self.count * self.strike)


@dataclass(frozen=True, slots=True)
class OfferTerms:
    """What an offer says, in its location's currency, with the yearly raise the caller assumes."""

    currency: str
    base: float
    bonus_target_percent: float = 0.0
    sign_on_year1: float = 0.0
    sign_on_year2: float = 0.0
    sign_on_clawback_months: int = 12
    equity_grant: float = 0.0
    vesting_percents: tuple[float, ...] = (25, 25, 25, 25)
    cliff_months: int = 12
    refresher_percent: float = 0.0  # a new grant each year from year 2, as % of the initial grant
    stock_growth_percent: float = 0.0  # a year; may be negative
    raise_percent: float = 0.0  # the merit raise of base pay, a year, as paid
    # Options instead of shares: `equity_grant` is then their worth at the 409A price (see `with_options`).
    options: OptionTerms | None = None

    @property
    def schedule_years(self) -> int:
        return len(self.vesting_percents)

    @property
    def schedule_months(self) -> int:
        return self.schedule_years * MONTHS_A_YEAR

    @property
    def years_shown(self) -> int:
        return max(YEARS_SHOWN, self.schedule_years)


def with_options(terms: OfferTerms, options: OptionTerms) -> OfferTerms:
    """Terms whose equity is options, valued in the headline at the 409A price (no refreshers, no growth:
    a private company's common stock has no market price to grow)."""
    grant = options.count * options.spread(options.fmv)
    return replace(terms, equity_grant=grant, options=options, refresher_percent=0.0, stock_growth_percent=0.0)


@dataclass(frozen=True, slots=True)
class OfferYear:
    year: int
    base: int
    bonus: int
    sign_on: int
    equity_initial: int
    equity_refresh: int
    total: int  # the sum of the five parts as shown

    @property
    def equity(self) -> int:
        return self.equity_initial + self.equity_refresh

    @property
    def guaranteed(self) -> int:
        """Cash the offer promises: base and sign-on (a sign-on can still be paid back on leaving early)."""
        return self.base + self.sign_on

    @property
    def at_risk(self) -> int:
        """What may not come: the target bonus and the equity (its price can fall; refreshers are not promised)."""
        return self.bonus + self.equity


@dataclass(frozen=True, slots=True)
class LeaveMonth:
    """Leaving after `month` months: what is given up. Equity at its grant value."""

    month: int
    vested_initial: int
    forfeited_initial: int
    forfeited_refresh: int
    sign_on_clawback: int
    before_cliff: bool

    @property
    def forfeited_equity(self) -> int:
        return self.forfeited_initial + self.forfeited_refresh

    @property
    def total(self) -> int:
        return self.forfeited_equity + self.sign_on_clawback


@dataclass(frozen=True, slots=True)
class OfferBreakdown:
    terms: OfferTerms
    years: tuple[OfferYear, ...]
    average_4y: int
    leave: tuple[LeaveMonth, ...]

    @property
    def year1(self) -> OfferYear:
        return self.years[0]

    @property
    def year5_total(self) -> int:
        return self.years[YEARS_SHOWN - 1].total

    @property
    def year5_drop(self) -> int:
        """How much less year 5 pays than year 4 (negative: it pays more)."""
        return self.years[YEARS_SHOWN - 2].total - self.year5_total

    @property
    def drop_percent(self) -> int:
        year4 = self.years[YEARS_SHOWN - 2].total
        return round_half_up(self.year5_drop / year4 * 100) if year4 else 0


def monthly_fractions(percents: tuple[float, ...], cliff_months: int) -> tuple[float, ...]:
    """The share of a grant vesting in each month of its schedule: equal parts of each year's percent,
    with everything owed before the cliff vesting at the cliff."""
    months = [p / 100 / MONTHS_A_YEAR for p in percents for _ in range(MONTHS_A_YEAR)]
    if cliff_months > 0:
        owed = sum(months[:cliff_months])
        months[:cliff_months] = [0.0] * cliff_months
        months[cliff_months - 1] = owed
    return tuple(months)


def _yearly(months: tuple[float, ...]) -> list[float]:
    return [sum(months[i : i + MONTHS_A_YEAR]) for i in range(0, len(months), MONTHS_A_YEAR)]


def _rounded_by_running_sum(values: list[float]) -> list[int]:
    """Each value rounded so the rounded values add up to the rounded total at every year."""
    running = [round_half_up(total) for total in accumulate(values)]
    return [b - a for a, b in zip([0, *running], running, strict=False)]


def equity_values(terms: OfferTerms) -> tuple[list[float], list[float]]:
    """The initial grant's and the refreshers' value vesting each year shown, unrounded."""
    growth = 1 + terms.stock_growth_percent / 100
    shown = terms.years_shown
    initial_share = _yearly(monthly_fractions(terms.vesting_percents, terms.cliff_months))
    plain_share = [p / 100 for p in terms.vesting_percents]  # refreshers: the same percents, no cliff
    initial = [0.0] * shown
    for i, share in enumerate(initial_share[:shown]):
        initial[i] = terms.equity_grant * share * growth**i
    refresher = terms.equity_grant * terms.refresher_percent / 100
    refresh = [0.0] * shown
    for granted in range(1, shown):  # year 2 onward (index 1)
        for i, share in enumerate(plain_share):
            if granted + i < shown:
                refresh[granted + i] += refresher * share * growth**i
    return initial, refresh


def breakdown(terms: OfferTerms) -> OfferBreakdown:
    """Year by year, years 1–5 and to the end of the schedule, and the leaving-early table."""
    raise_factor = 1 + terms.raise_percent / 100
    initial, refresh = equity_values(terms)
    initial_rounded, refresh_rounded = _rounded_by_running_sum(initial), _rounded_by_running_sum(refresh)
    years = []
    for i in range(terms.years_shown):
        base = terms.base * raise_factor**i
        parts = (
            round_half_up(base),
            round_half_up(base * terms.bonus_target_percent / 100),
            round_half_up((terms.sign_on_year1, terms.sign_on_year2)[i] if i < 2 else 0),
            initial_rounded[i],
            refresh_rounded[i],
        )
        years.append(OfferYear(i + 1, *parts, total=sum(parts)))
    average = round_half_up(sum(y.total for y in years[:4]) / 4)
    return OfferBreakdown(terms, tuple(years), average, leaving_early(terms))


def _clawback(amount: float, months_served: int, clawback_months: int) -> float:
    if clawback_months <= 0 or months_served >= clawback_months:
        return 0.0
    return amount * (clawback_months - months_served) / clawback_months


def leaving_early(terms: OfferTerms) -> tuple[LeaveMonth, ...]:
    """For each month to the end of the schedule: unvested equity and sign-on paid back on leaving then."""
    initial_months = monthly_fractions(terms.vesting_percents, terms.cliff_months)
    plain_months = monthly_fractions(terms.vesting_percents, 0)
    initial_vested = list(accumulate(initial_months))
    plain_vested = list(accumulate(plain_months))
    refresher = terms.equity_grant * terms.refresher_percent / 100
    rows = []
    for month in range(1, terms.schedule_months + 1):
        vested = terms.equity_grant * initial_vested[month - 1]
        # Refreshers granted so far (at the start of year 2, 3, …), each vesting monthly from its grant.
        refresh_unvested = 0.0
        for granted_after in range(MONTHS_A_YEAR, month, MONTHS_A_YEAR):
            served = month - granted_after
            done = plain_vested[served - 1] if served <= len(plain_vested) else 1.0
            refresh_unvested += refresher * (1 - done)
        clawback = _clawback(terms.sign_on_year1, month, terms.sign_on_clawback_months)
        if month > MONTHS_A_YEAR:  # the year-2 sign-on is paid at the start of year 2
            clawback += _clawback(terms.sign_on_year2, month - MONTHS_A_YEAR, terms.sign_on_clawback_months)
        vested_rounded = round_half_up(vested)
        rows.append(
            LeaveMonth(
                month=month,
                vested_initial=vested_rounded,
                forfeited_initial=round_half_up(terms.equity_grant) - vested_rounded,
                forfeited_refresh=round_half_up(refresh_unvested),
                sign_on_clawback=round_half_up(clawback),
                before_cliff=month < terms.cliff_months,
            )
        )
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Counter:
    """What would bring the offer towards a percentile of the band as total pay, within bounds.

    `capped`: the ask that reaches the target would be more than `max_raise` of base, so the ask is held
    at that bound and the offer looks below market for the level (the level itself is worth checking).
    """

    percentile: int
    total: int  # the band's total pay at that percentile
    base_needed: int  # more base (its bonus included) to bring year 1 there, at most max_raise × base
    equity_needed: int  # a larger grant, over four years, to bring the 4-year average there, within the same bound
    max_raise: float = 0.0  # the bound, a share of base
    capped: bool = False
    base_gap: int = 0  # the base the target would have needed, unbounded (for the words only)
    equity_capped: bool = False  # the 4-year average, too, is further from the target than the bound

    @property
    def reached(self) -> bool:
        return self.base_needed == 0 and self.equity_needed == 0


def at_percentile(low: float, high: float, percentile: int) -> int:
    return round_half_up(low + (high - low) * percentile / 100)


def counter_offer(
    offer: OfferBreakdown, total_min: float, total_max: float, percentile: int, max_raise: float = 1.0
) -> Counter:
    """The ask that brings year 1 (more base) or the 4-year average (more equity) to `percentile` of the band.

    Neither ask is more than `max_raise` of base (a year's worth, for equity): past that the gap is not a
    negotiation but a level or a market the offer is not in.
    """
    terms = offer.terms
    target = at_percentile(total_min, total_max, percentile)
    year1_gap = max(0, target - offer.year1.total)
    base_gap = round_half_up(year1_gap / (1 + terms.bonus_target_percent / 100))
    bound = round_half_up(terms.base * max_raise)
    average_gap = max(0, target - offer.average_4y)
    # A larger grant also raises the refreshers (a % of it); what one unit of grant pays over years 1–4:
    initial, refresh = equity_values(replace(terms, equity_grant=1.0, options=None))
    per_unit = sum(initial[:4]) + sum(refresh[:4])
    equity_gap = round_half_up(4 * average_gap / per_unit) if per_unit > 0 and average_gap else 0
    # The equity ask is bounded by the same share of base, a year, over the four years it is averaged on.
    equity_bound = round_half_up(4 * bound / per_unit) if per_unit > 0 else 0
    capped = base_gap > bound or equity_gap > equity_bound
    return Counter(
        percentile,
        target,
        min(base_gap, bound),
        min(equity_gap, equity_bound),
        max_raise,
        capped,
        base_gap,
        equity_gap > equity_bound,
    )


def default_refresher_percent(base: float, bonus_target_percent: float, grant: float, share: float) -> int:
    """The refresher that keeps yearly equity at the level's market share of total pay.

    Once a refresher a year overlaps over the schedule, refreshers pay about refresher % × grant a year.
    The level's bonus-and-equity share says total pay = base ÷ (1 − share); less the bonus, that leaves
    the yearly equity the market pays at this level, as a percent of the grant.
    """
    if grant <= 0 or not 0 <= share < 1:
        return 0
    equity_a_year = base * share / (1 - share) - base * bonus_target_percent / 100
    return max(0, min(100, round_half_up(equity_a_year / grant * 100)))


@dataclass(frozen=True, slots=True)
class OptionScenario:
    """The options vesting each year valued at one price per share."""

    slug: str  # "fmv", "preferred", "exit", "zero"
    price: float
    per_option: float  # the price less the strike, never below 0
    values: tuple[int, ...]  # a year, the years shown

    @property
    def total(self) -> int:
        return sum(self.values)


def options_vesting(terms: OfferTerms) -> tuple[int, ...]:
    """Whole options vesting each year shown (the cliff's months vest at the cliff), rounded on their running sum."""
    if terms.options is None:
        return ()
    shares = _yearly(monthly_fractions(terms.vesting_percents, terms.cliff_months))
    counts = [terms.options.count * share for share in shares[: terms.years_shown]]
    counts += [0.0] * (terms.years_shown - len(counts))
    return tuple(_rounded_by_running_sum(counts))


def option_scenarios(terms: OfferTerms) -> tuple[OptionScenario, ...]:
    """The options' yearly worth at the 409A price, the preferred price, the (diluted) exit price and zero."""
    options = terms.options
    if options is None:
        return ()
    vesting = options_vesting(terms)
    prices = [("fmv", options.fmv)]
    if options.preferred is not None:
        prices.append(("preferred", options.preferred))
    if options.diluted_exit_price is not None:
        prices.append(("exit", options.diluted_exit_price))
    prices.append(("zero", 0.0))
    scenarios = []
    for slug, price in prices:
        each = options.spread(price)
        scenarios.append(OptionScenario(slug, price, each, tuple(round_half_up(n * each) for n in vesting)))
    return tuple(scenarios)


def exercise_costs(terms: OfferTerms) -> tuple[int, ...]:
    """What exercising each year's vested options costs (vested options × strike)."""
    if terms.options is None:
        return ()
    return tuple(round_half_up(n * terms.options.strike) for n in options_vesting(terms))


def current_job_totals(base: float, bonus: float, equity: float, raise_percent: float, years: int) -> tuple[int, ...]:
    """Pay today (base, bonus, yearly equity) as the same years of totals, all of it growing by the raise."""
    factor = 1 + raise_percent / 100
    return tuple(
        round_half_up(base * factor**i) + round_half_up(bonus * factor**i) + round_half_up(equity * factor**i)
        for i in range(years)
    )


@dataclass(frozen=True, slots=True)
class Column:
    """One side of a comparison: its label and its totals, already in the comparison's currency."""

    label: str
    totals: tuple[int, ...]

    @property
    def average_4y(self) -> int:
        return round_half_up(sum(self.totals[:4]) / 4)


@dataclass(frozen=True, slots=True)
class Overtake:
    """`later` (behind in year 1) has earned more in total than `earlier` by the end of `year`."""

    later: str
    earlier: str
    year: int


@dataclass(frozen=True, slots=True)
class Comparison:
    columns: tuple[Column, ...]
    leaders: tuple[tuple[str, ...], ...]  # per year: the label(s) paying most
    overtakes: tuple[Overtake, ...]


def compare(columns: list[Column]) -> Comparison:
    """Which column pays most each year, and when one that starts behind overtakes another in earnings."""
    years = min(len(c.totals) for c in columns)
    leaders = []
    for i in range(years):
        best = max(c.totals[i] for c in columns)
        leaders.append(tuple(c.label for c in columns if c.totals[i] == best))
    overtakes = []
    for a in columns:
        for b in columns:
            if a is b or not b.totals[0] < a.totals[0]:
                continue
            running_a = list(accumulate(a.totals[:years]))
            running_b = list(accumulate(b.totals[:years]))
            year = next((i + 1 for i in range(years) if running_b[i] > running_a[i]), None)
            if year is not None:
                overtakes.append(Overtake(b.label, a.label, year))
    return Comparison(tuple(columns), tuple(leaders), tuple(overtakes))
