"""Freelance pay: the article's hourly band, placed by expertise and scaled to the place like a salary;
for US clients (while living elsewhere) the article's US rates, kept in US dollars and shown converted."""

from __future__ import annotations

from engine.catalog import Catalog
from engine.profile import Profile
from engine.results import Adjustment, Freelance
from engine.rounding import round_half_up, round_pay
from engine.slugs import BandKind, ClientMarket


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
    hours = catalog.param("freelance-billable-hours")
    level_bands = [
        band
        for band in (catalog.role_bands.get(r.slug) for r in catalog.levels())
        if band and not band.source.is_assumption
    ]
    lowest, highest = min(b.min for b in level_bands), max(b.max for b in level_bands)
    current = catalog.role_bands[profile.current_level]
    window = catalog.param("window-width").value
    us_low = current.min + percentile * (1 - window) * (current.max - current.min)
    us_high = us_low + window * (current.max - current.min)

    def hourly(us_pay: float) -> float:
        share = min(1.0, max(0.0, (us_pay - lowest) / (highest - lowest)))
        return float(round_half_up((band.min + share * (band.max - band.min)) * loc_factor))

    hourly_min, hourly_max = hourly(us_low), hourly(us_high)
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
            catalog.param("window-width").source,
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
