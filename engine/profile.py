"""Where a person stands: the inputs of a projection."""

from __future__ import annotations

from dataclasses import dataclass, replace

from engine.catalog import Catalog
from engine.slugs import BandKind, ClientMarket, WorkMode

HORIZONS = (5, 10, 15, 20)  # years of earnings a person may ask for
DEFAULT_HORIZON = 10


class ProjectionError(ValueError):
    """The profile names something the catalog does not have."""


@dataclass(frozen=True, slots=True)
class Profile:
    current_level: str
    years_experience: int
    location: str
    industry: str
    company_type: str
    education: str
    skills: frozenset[str] = frozenset()
    work_mode: str = WorkMode.ONSITE
    target_track: str | None = None
    target_year: int | None = None
    # Pay today (optional), a year, in the location's currency; bonus and equity count only with a base.
    current_base: int | None = None
    current_bonus: int | None = None
    current_equity: int | None = None
    horizon_years: int = DEFAULT_HORIZON  # years of earnings, from this year
    client_market: str = ClientMarket.LOCAL  # freelance: local clients, or US clients (rates stay in USD)
    # The first years' (base, total) as paid when known to the unit, e.g. an accepted offer's years; salaried only.
    paid_years: tuple[tuple[int, int], ...] = ()
    paid_currency: str = ""  # the currency they are in: used only while the location pays in it

    @property
    def has_pay(self) -> bool:
        return self.current_base is not None

    @property
    def gives_total(self) -> bool:
        """Bonus or equity was given (0 counts): total pay is the person's, not estimated."""
        return self.has_pay and (self.current_bonus is not None or self.current_equity is not None)

    def without_pay(self) -> Profile:
        return replace(
            self, current_base=None, current_bonus=None, current_equity=None, paid_years=(), paid_currency=""
        )


_WORK_MODES = frozenset(WorkMode)


def validate(profile: Profile, catalog: Catalog) -> None:
    """Raise ProjectionError if the profile names anything the catalog lacks."""
    _validate_names(profile, catalog)
    _validate_amounts(profile)
    _validate_data(profile, catalog)


def _validate_names(profile: Profile, catalog: Catalog) -> None:
    """Every slug the profile names is in the catalog (and the current level is one a person holds)."""
    checks = (
        ("level", profile.current_level, catalog.roles),
        ("location", profile.location, catalog.locations),
        ("industry", profile.industry, catalog.industries),
        ("company type", profile.company_type, catalog.company_types),
        ("education", profile.education, catalog.educations),
    )
    for label, slug, table in checks:
        if slug not in table:
            raise ProjectionError(f"Unknown {label}: {slug!r}")
    if not catalog.roles[profile.current_level].is_level:
        raise ProjectionError(f"{profile.current_level!r} is not a level one can hold now")
    for skill in profile.skills:
        if skill not in catalog.skills:
            raise ProjectionError(f"Unknown skill: {skill!r}")
    if profile.work_mode not in _WORK_MODES:
        raise ProjectionError(f"Unknown work mode: {profile.work_mode!r}")
    if profile.client_market not in set(ClientMarket):
        raise ProjectionError(f"Unknown client market: {profile.client_market!r}")
    if profile.target_track is not None and profile.target_track not in catalog.tracks:
        raise ProjectionError(f"Unknown track: {profile.target_track!r}")


def _validate_amounts(profile: Profile) -> None:
    """Years and pay are not negative; the horizon is one the engine projects."""
    if profile.years_experience < 0:
        raise ProjectionError("Years of experience cannot be negative")
    for label, amount in (("base", profile.current_base), ("bonus", profile.current_bonus)):
        if amount is not None and amount < 0:
            raise ProjectionError(f"Your {label} pay cannot be negative")
    if profile.current_equity is not None and profile.current_equity < 0:
        raise ProjectionError("Your equity cannot be negative")
    if not 1 <= profile.horizon_years <= max(HORIZONS):
        raise ProjectionError(f"The horizon must be 1 to {max(HORIZONS)} years")


def _validate_data(profile: Profile, catalog: Catalog) -> None:
    """The catalog has the rates and bands this profile's projection reads."""
    currency = catalog.locations[profile.location].currency
    if catalog.inflation(currency) is None:
        raise ProjectionError(f"No inflation rate for {currency}")
    if profile.location not in catalog.location_bands:
        raise ProjectionError(f"No salary band for {profile.location!r}")
    if profile.industry not in catalog.industry_bands:
        raise ProjectionError(f"No salary band for {profile.industry!r}")
    if BandKind.OVERALL not in catalog.other_bands:
        raise ProjectionError("The catalog has no US-average band")
