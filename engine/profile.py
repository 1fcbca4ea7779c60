"""Where a person stands: the inputs of a projection."""

from __future__ import annotations

from dataclasses import dataclass, replace

from engine.slugs import ClientMarket, WorkMode

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
