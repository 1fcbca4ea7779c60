"""Freelance pay: the article's hourly band, placed by expertise and scaled to the place like a salary;
for US clients (while living elsewhere) the article's US rates, kept in US dollars and shown converted.
A freelancer's earnings over the years are this income too, the rate placed by the step held each year."""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import Catalog
from engine.profile import Profile
from engine.results import Adjustment, EarningsYear, Freelance, Step
from engine.rounding import round_half_up, round_pay
from engine.slugs import BandKind, ClientMarket, Param


@dataclass(frozen=True, slots=True)
class RateScale:
    """Where a role's pay puts a freelancer in the article's hourly band, and the rate that gives here.

    Expertise is where the person's range in a role's US-average band sits between the lowest and the
    highest of the article's level bands (Entry to Lead/Principal; a role above them is top expertise);
    the rate is the same share of the hourly band, scaled by `loc_factor`, rounded to the whole unit.
    """

    catalog: Catalog
    loc_factor: float  # 1 for US clients: their rates stay in US dollars
    lowest: float
    highest: float
    band_min: float  # the article's hourly band
    band_max: float
    window: float

    @classmethod
    def for_place(cls, catalog: Catalog, loc_factor: float) -> RateScale:
        hourly = catalog.other_bands[BandKind.FREELANCE]
        level_bands = [
            band
            for band in (catalog.role_bands.get(r.slug) for r in catalog.levels())
            if band and not band.source.is_assumption
        ]
        return cls(
            catalog,
            loc_factor,
            min(b.min for b in level_bands),
            max(b.max for b in level_bands),
            hourly.min,
            hourly.max,
            catalog.param(Param.WINDOW_WIDTH).value,
        )

    def hourly(self, us_pay: float) -> float:
        share = min(1.0, max(0.0, (us_pay - self.lowest) / (self.highest - self.lowest)))
        return float(round_half_up((self.band_min + share * (self.band_max - self.band_min)) * self.loc_factor))

    def rates(self, role: str, percentile: float) -> tuple[float, float]:
        """The hourly range of a person placed at `percentile` of `role`'s US-average band."""
        band = self.catalog.role_bands[role]
        us_low = band.min + percentile * (1 - self.window) * (band.max - band.min)
        us_high = us_low + self.window * (band.max - band.min)
        return self.hourly(us_low), self.hourly(us_high)


def freelance_earnings(  # noqa: PLR0913  each growth input is one catalog figure, passed by itself (partial())
    steps: tuple[Step, ...],
    scale: RateScale,
    start_year: int,
    horizon: int,
    hours: float,
    raise_rate: float,
    inflation: float,
    to_plan: float = 1.0,
) -> tuple[EarningsYear, ...]:
    """A freelancer's income year by year along a track: the hourly rate × billable hours, no bonus or equity.

    The step held in a year is the last one typically reached by then (as for salaried earnings); its
    role places the rate by expertise (`RateScale.rates`, the middle of the range). Within a step the rate
    grows by the raise of the rate's currency; a new step bills at least its own rate. In today's money
    the rate is rounded to the unit and the year is that rate × hours; as paid, the rate is grown by
    inflation first. `to_plan` converts the rate's currency into the plan's (US clients' dollars at the
    catalog's rate, as the freelance figures are shown converted); yearly figures are rounded to the hundred.
    """
    rows: list[EarningsYear] = []
    rate = 0.0
    held = -1
    cumulative = cumulative_real = 0.0
    for k in range(horizon):
        year = start_year + k
        index = max(0, held)
        while index + 1 < len(steps) and steps[index + 1].year <= year:
            index += 1
        step = steps[index]
        if held < 0 or index != held:  # a step's own rate: placed once, when it is reached
            low, high = scale.rates(step.role, step.percentile)
            market = (low + high) / 2
        if held < 0:
            rate = market
        else:
            rate *= 1 + raise_rate
            if index != held:
                rate = max(rate, market)
        promoted, held = held >= 0 and index != held, index
        hourly_real = float(round_half_up(rate))
        hourly = float(round_half_up(rate * (1 + inflation) ** k))
        total_real, total = round_pay(hourly_real * hours * to_plan), round_pay(hourly * hours * to_plan)
        cumulative += total
        cumulative_real += total_real
        rows.append(
            EarningsYear(
                year=year,
                role=step.role,
                title=step.title,
                base=total,
                bonus_equity=0.0,
                total=total,
                cumulative_total=cumulative,
                base_real=total_real,
                bonus_equity_real=0.0,
                total_real=total_real,
                cumulative_total_real=cumulative_real,
                promoted=promoted,
                hourly=hourly,
                hourly_real=hourly_real,
            )
        )
    return tuple(rows)


def freelance_pay(profile: Profile, catalog: Catalog, percentile: float, loc_factor: float, currency: str) -> Freelance:
    """The article's hourly band, placed by expertise and scaled to this place like salaried pay.

    Expertise is where the person's salaried range (at US-average pay) sits between the lowest and
    the highest of the article's level bands (Entry to Lead/Principal; a role above them is top
    expertise); the rate is the same share of the hourly band, scaled by the location
    (and the remote blend), rounded to the whole unit; the year is that rate × billable hours.
    """
    local_currency = currency
    us_clients = profile.client_market == ClientMarket.US
    if us_clients:  # the article's rates are for US clients: they stay in US dollars, not scaled to local pay
        loc_factor, currency = 1.0, "USD"
    band = catalog.other_bands[BandKind.FREELANCE]
    hours = catalog.param(Param.FREELANCE_BILLABLE_HOURS)
    hourly_min, hourly_max = RateScale.for_place(catalog, loc_factor).rates(profile.current_level, percentile)
    yearly_min, yearly_max = round_pay(hourly_min * hours.value), round_pay(hourly_max * hours.value)
    rate = catalog.rates.get(currency)
    usd_min = usd_max = None
    if rate is not None:
        usd_min, usd_max = round_pay(yearly_min * rate.usd_per_unit), round_pay(yearly_max * rate.usd_per_unit)
    location = catalog.locations[profile.location]
    where = (
        Adjustment(
            "US clients",
            f"you bill US clients from {location.name}: the article's US rates, in US dollars",
            band.source,
        )
        if us_clients
        else Adjustment(
            "Location",
            f"rates in {location.name} follow its pay like salaries do ({loc_factor:.3g} × the US rate, in {currency})",
            catalog.location_bands[profile.location].source,
            loc_factor,
        )
    )
    local_min = local_max = None
    local_rate = catalog.rates.get(local_currency)
    if us_clients and local_currency != "USD" and local_rate is not None and local_rate.usd_per_unit > 0:
        local_min = round_pay(yearly_min / local_rate.usd_per_unit)
        local_max = round_pay(yearly_max / local_rate.usd_per_unit)
    explanation = (
        Adjustment("Freelance rate", "the article's hourly band, for US clients", band.source, None, band),
        Adjustment(
            "Your expertise",
            "your place between the lowest and the highest level's pay sets your place in the hourly band",
            catalog.param(Param.WINDOW_WIDTH).source,
        ),
        where,
        Adjustment("Billable hours", f"{hours.value:,.0f} hours a year × the hourly rate shown", hours.source),
    )
    return Freelance(
        hourly_min=hourly_min,
        hourly_max=hourly_max,
        hours=hours.value,
        yearly_min=yearly_min,
        yearly_max=yearly_max,
        currency=currency,
        usd_yearly_min=usd_min,
        usd_yearly_max=usd_max,
        explanation=explanation,
        client_market=profile.client_market,
        local_currency=local_currency if us_clients else "",
        local_yearly_min=local_min,
        local_yearly_max=local_max,
    )
