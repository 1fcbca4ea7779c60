"""The band of a role in a place: the US-average band scaled to the location, industry and company type.

One owner for "the band here": the projection prices every step with it, the plan form checks typed pay
against it, and offers are placed in it. Pure: a `Profile` and a `Catalog` in, plain numbers out.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import Band, Catalog, Role, TrackPay
from engine.profile import Profile, ProjectionError, validate
from engine.results import Adjustment
from engine.rounding import round_half_up, round_pay
from engine.slugs import BandKind, Param, WorkMode


@dataclass(frozen=True, slots=True)
class BandHere:
    """A role's base-pay band in the person's place (local currency, to the hundred), and its bonus share."""

    role: str
    currency: str
    base_min: float
    base_max: float
    bonus_share: float  # bonus and equity as a share of total pay, for the level, industry and company type
    open_ended: bool


def scaled(band: Band, share: float, factor: float) -> tuple[float, float]:
    """A US-average role band as base pay here: a total-pay band loses its bonus-and-equity `share` first."""
    low_usd, high_usd = band.min, band.max
    if band.is_total:  # never base: split off the bonus and equity
        low_usd, high_usd = low_usd * (1 - share), high_usd * (1 - share)
    return round_pay(low_usd * factor), round_pay(high_usd * factor)


def track_pay_here(catalog: Catalog, role: Role, country: str) -> TrackPay | None:
    """The survey's pay for this role against an engineer's in this country, if it has both cells."""
    return catalog.track_pay.get((role.slug, country))


def band_here(profile: Profile, catalog: Catalog) -> BandHere:
    """The band of the profile's current level where it works, as the projection's current step has it.

    Skills, degree and years only place a person inside a band, so they do not matter here; the work
    mode does (remote for a US company blends in US pay). Raises ProjectionError as `project` would.
    """
    validate(profile, catalog)
    role = catalog.roles[profile.current_level]
    band = catalog.role_bands.get(role.slug)
    if band is None:
        raise ProjectionError(f"No salary band for {role.slug!r}")
    factor, _, currency, _, _ = pay_factor(profile, catalog)
    found = catalog.share_for(role.slug, profile.industry, profile.company_type)
    share = found.share if found else 0.0
    low, high = scaled(band, share, factor)
    survey = track_pay_here(catalog, role, catalog.locations[profile.location].country)
    if survey is not None:
        low, high = round_pay(low * survey.factor), round_pay(high * survey.factor)
    return BandHere(role.slug, currency, low, high, share, band.open_ended)


def _percent_more(ratio: float) -> str:
    """1.17 → "17 % more than", 0.93 → "7 % less than", 1.0 → "the same as"."""
    change = round_half_up(abs(ratio - 1) * 100)
    if change == 0:
        return "the same as"
    return f"{change} % {'more' if ratio > 1 else 'less'} than"


def pay_factor(
    profile: Profile, catalog: Catalog
) -> tuple[float, float, str, tuple[Adjustment, ...], tuple[Adjustment, ...]]:
    """The multiplier from a US-average base band to this person's local base pay, with its explanation.

    Returns (factor, location factor, currency, adjustments, notes); the location factor alone (with
    the remote blend) is what freelance rates follow.
    """
    average = catalog.other_bands[BandKind.OVERALL]
    location = catalog.locations[profile.location]
    loc_band = catalog.location_bands[profile.location]
    ind_band = catalog.industry_bands[profile.industry]
    industry = catalog.industries[profile.industry]
    company = catalog.company_types[profile.company_type]
    exponent = catalog.industry_exponent(location.country, profile.industry)

    loc_ratio = catalog.location_ratios[profile.location]
    if location.currency == "USD":
        loc_detail = f"{location.name} pays {_percent_more(loc_ratio)} the US average (midpoints of the two bands)"
    else:
        loc_detail = (
            f"{location.name}'s band, in {location.currency}, is {loc_ratio:.3g} times the US-average band in "
            f"dollars: US figures are scaled by that and shown in {location.currency}"
        )
    adjustments = [Adjustment("Location", loc_detail, loc_band.source, loc_ratio, loc_band)]
    notes: list[Adjustment] = []
    blend = catalog.param(Param.REMOTE_US_BLEND)
    if profile.work_mode == WorkMode.REMOTE_US and location.country != "US":
        rate = catalog.rates.get(location.currency)
        if rate is not None and rate.usd_per_unit > 0 and loc_ratio > 0:  # a zero band: no blend, no 0 ÷ 0
            us_ratio = 1.0 / rate.usd_per_unit
            remote_ratio = max(loc_ratio, loc_ratio ** (1 - blend.value) * us_ratio**blend.value)
            adjustments.append(
                Adjustment(
                    "Remote for a US company",
                    f"pay moves {blend.value:.0%} of the way (geometrically) from local to US pay: "
                    f"{_percent_more(remote_ratio / loc_ratio)} local pay",
                    blend.source,
                    remote_ratio / loc_ratio,
                )
            )
            notes.append(
                Adjustment("Remote for a US company", "an assumption: the article gives no figure", blend.source)
            )
            loc_ratio = remote_ratio
    elif profile.work_mode == WorkMode.REMOTE_US:
        notes.append(Adjustment("Remote for a US company", "you are in the US, so local US pay applies", blend.source))

    raw = catalog.industry_ratios[profile.industry]
    ind_factor = raw**exponent.value
    basis = "total" if ind_band.is_total else "base"
    detail = f"{industry.name} pays {_percent_more(ind_factor)} the US average in {basis} pay"
    if raw != 1.0:
        detail += (
            f" (its band's premium of {round_half_up(abs(raw - 1) * 100)} %, damped because location and "
            "industry premiums overlap"
        )
        if location.country != "US":
            detail += f"; the article's premiums are US figures, so in {location.name} they apply damped further"
        detail += ")"
    if ind_band.is_total:
        detail += (
            "; its band is total pay, compared with the US average as total pay, so its effect shows in total "
            "pay through its larger bonus-and-equity share"
        )
    adjustments.append(Adjustment("Industry", detail, ind_band.source, ind_factor, ind_band))
    if raw != 1.0:
        adjustments.append(Adjustment("Industry premium damping", exponent.description, exponent.source))
    adjustments.append(
        Adjustment("US-average band", "the reference for location and industry", average.source, None, average)
    )
    if company.base_factor != 1.0:
        adjustments.append(
            Adjustment(
                f"{company.name} base pay",
                f"{_percent_more(company.base_factor)} a large company's base pay",
                company.source,
                company.base_factor,
            )
        )
    return loc_ratio * ind_factor * company.base_factor, loc_ratio, location.currency, tuple(adjustments), tuple(notes)
