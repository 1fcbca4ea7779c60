"""The options beside a projection, fetched when scrolled to: what each missing skill or higher degree
changes, and the same plan in every location, at the next step and over the earnings horizon."""

from __future__ import annotations

from functools import cached_property

from compensation.money import change_range, format_money, money_range, signed_money
from engine.catalog import Catalog
from engine.options import across_locations, what_ifs
from engine.profile import Profile
from engine.results import Projection

from .words import lower_first, money_words


class Options:
    """The what-ifs and other locations of `projection` (the profile's, this year): each reuses its base."""

    def __init__(
        self, projection: Projection, profile: Profile, catalog: Catalog, year: int, *, shared: bool, real: bool
    ) -> None:
        self.projection, self.profile, self.catalog, self.year = projection, profile, catalog, year
        self.shared, self.real = shared, real

    @cached_property
    def _what_ifs(self):
        return what_ifs(self.profile, self.catalog, self.year, base=self.projection)

    @property
    def skill_ifs(self):
        return self._what_ifs[0]

    @property
    def degree_ifs(self):
        return self._what_ifs[1]

    @cached_property
    def what_if(self) -> list[dict]:
        """Each missing skill or higher degree in words, the largest change first."""
        currency, real = self.projection.currency, self.real
        where = "at the next step" if self.shared else "at your next step"
        years = self.profile.horizon_years
        rows = []
        for kind, items in (("skill", self.skill_ifs), ("degree", self.degree_ifs)):
            for w in items:
                name = lower_first(w.label)
                rows.append(
                    {
                        "key": w.key,
                        "action": f"Adding {name}" if kind == "skill" else f"Getting a {name}",
                        "change": change_range(w.delta_min, w.delta_max, currency).replace(" a year", " base a year"),
                        "where": f"{where}, {w.title} (today’s money)",
                        "lifetime": signed_money(w.lifetime_gain_real if real else w.lifetime_gain, currency),
                        "lifetime_where": f"total pay over {years} years ({money_words(real)})",
                        "order": (-max(w.delta_min, w.delta_max), -min(w.delta_min, w.delta_max)),
                    }
                )
        rows.sort(key=lambda row: row["order"])
        return rows

    @cached_property
    def skills_all_equal(self) -> bool:
        changes = {(round(w.delta_min), round(w.delta_max)) for w in self.skill_ifs}
        return len(self.skill_ifs) > 1 and len(changes) == 1

    @cached_property
    def elsewhere(self) -> list[dict]:
        """The next step in every location, locally and in US dollars, in full figures (a table)."""
        return [
            {
                "location": row.location,
                "name": row.name,
                "is_current": row.is_current,
                "market_pay": row.market_pay,
                "local": money_range(row.base_min, row.base_max, row.currency),
                "usd": money_range(row.usd_min, row.usd_max, "USD") if row.usd_min else "—",
            }
            for row in self._across
        ]

    @cached_property
    def _across(self):
        return across_locations(self.profile, self.catalog, self.year, base=self.projection)

    @cached_property
    def lifetime_ifs(self) -> list[dict]:
        """Each skill and degree: its change at the next step and over the horizon, largest lifetime gain first."""
        cur, real = self.projection.currency, self.real
        items = [*self.skill_ifs, *self.degree_ifs]
        items.sort(key=lambda w: (-(w.lifetime_gain_real if real else w.lifetime_gain), -w.path_gain, w.label))
        return [
            {
                "key": w.key,
                "label": w.label,
                "next": f"{w.title}: {change_range(w.delta_min, w.delta_max, cur)} base",
                "lifetime": signed_money(w.lifetime_gain_real if real else w.lifetime_gain, cur),
            }
            for w in items
        ]

    @cached_property
    def lifetime_elsewhere(self) -> list[dict]:
        """Every location by total pay over the horizon on the focus track, in US dollars, largest first."""
        real = self.real
        rows = self._across
        here = next((r for r in rows if r.is_current), None)

        def usd(row) -> float | None:
            return row.usd_cumulative_real if real else row.usd_cumulative

        def local(row) -> float:
            return row.cumulative_real if real else row.cumulative

        ranked = sorted(rows, key=lambda r: -(usd(r) or 0))
        return [
            {
                "location": row.location,
                "name": row.name,
                "is_current": row.is_current,
                "market_pay": row.market_pay,
                "next": money_range(row.base_min, row.base_max, row.currency),
                "local": format_money(local(row), row.currency),
                "usd": format_money(usd(row), "USD") if usd(row) is not None else "—",
                "versus": (
                    ("+" if usd(row) >= usd(here) else "−") + format_money(abs(usd(row) - usd(here)), "USD")  # type: ignore[operator]
                    if here is not None and usd(row) is not None and usd(here) is not None and not row.is_current
                    else "—"
                ),
            }
            for row in ranked
        ]
