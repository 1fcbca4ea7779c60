"""What the projection partial shows, worked out only when the template asks for it.

Every figure is a pure function of the profile, the year and the salary data, so the partial caches
its rendered HTML with Django's `{% cache %}` tag under `cache_key`; on a hit the template asks for
nothing here and the engine does not run. The key carries the catalog version, so an admin change
needs no sweeping: old entries are simply never asked for again.
"""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urlencode

from django.contrib.humanize.templatetags.humanize import ordinal
from django.urls import reverse

from compensation.data import Catalog
from compensation.money import format_compact, format_money, money_range, whole

from . import chart, earnings_chart
from .projection import (
    PayPosition,
    Profile,
    Projection,
    TrackProjection,
    across_locations,
    focus_track,
    project,
    what_ifs,
)

NOMINAL, REAL = "nominal", "real"  # how earnings are shown: as paid each year, or in today's money


def profile_query(profile: Profile) -> str:
    """The profile as a query string, as the quick-estimate form would send it."""
    pairs = [
        ("current_level", profile.current_level),
        ("years_experience", profile.years_experience),
        ("location", profile.location),
        ("industry", profile.industry),
        ("company_type", profile.company_type),
        ("education", profile.education),
        *(("skills", skill) for skill in sorted(profile.skills)),
        ("work_mode", profile.work_mode),
        ("target_track", profile.target_track or ""),
        ("target_year", "" if profile.target_year is None else profile.target_year),
        *((name, getattr(profile, name)) for name in PAY if getattr(profile, name) is not None),
        ("horizon_years", profile.horizon_years),
    ]
    return urlencode(pairs)


PAY = ("current_base", "current_bonus", "current_equity")
# Where a percentile inside a band is, in words: below each limit, its words.
POSITION_WORDS = (
    (25, "in the bottom quarter"),
    (40, "below the middle"),
    (61, "around the middle"),
    (76, "above the middle"),
    (101, "in the top quarter"),
)


class ProjectionPanel:
    def __init__(
        self, profile: Profile, catalog: Catalog, year: int, *, shared: bool = False, money: str = NOMINAL
    ) -> None:
        self.profile = profile
        self.catalog = catalog
        self.year = year
        self.shared = shared  # seen on a share link: "this plan", not "yours"
        self.real = money == REAL  # earnings in today's money

    @cached_property
    def query(self) -> str:
        return profile_query(self.profile)

    @cached_property
    def explain_url(self) -> str:
        """The start of each figure's "Why this figure" URL; the template appends the figure's name."""
        return f"{reverse('explain')}?{self.query}&figure="

    @cached_property
    def cache_key(self) -> str:
        audience = "shared" if self.shared else "own"
        money = REAL if self.real else NOMINAL
        return f"{self.catalog.version}:{self.year}:{audience}:{money}:{self.query}"

    @cached_property
    def projection(self) -> Projection:
        return project(self.profile, self.catalog, self.year)

    @cached_property
    def tracks(self) -> list[dict]:
        """Each track's steps as the page shows them: money formatted once per figure, plain values.

        Dicts rather than the engine's dataclasses: the template engine looks a name up in a dict
        first, and a panel reads a few hundred of them.
        """
        currency, target = self.projection.currency, self.profile.target_track
        why = self.explain_url
        return [
            {
                "slug": track.track,
                "name": track.name,
                "top_title": track.top.title,
                "is_target": track.track == target,
                "steps": [
                    {
                        "role": step.role,
                        "title": step.title,
                        "is_current": step.is_current,
                        "year": step.year,
                        "earliest_year": step.earliest_year,
                        "base_min": whole(step.base_min),
                        "base_max": whole(step.base_max),
                        "band_min": whole(step.band_min),
                        "band_max": whole(step.band_max),
                        "band": money_range(step.band_min, step.band_max, currency)
                        + ("+" if step.band_open_ended else ""),
                        "percentiles": f"{ordinal(step.percentile_min)}–{ordinal(step.percentile_max)}",
                        "floored": step.floored,
                        "pay": money_range(step.base_min, step.base_max, currency),
                        "total": money_range(step.total_min, step.total_max, currency) if step.total_min else "",
                        "is_assumption": step.is_assumption,
                        "why": f"{why}{track.track}/{step.role}",
                    }
                    for step in track.steps
                ],
            }
            for track in self.projection.tracks
        ]

    @cached_property
    def focus(self):
        return focus_track(self.projection)

    @cached_property
    def chart(self) -> chart.Chart:
        return chart.build(self.projection)

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
    def elsewhere(self) -> list[dict]:
        """The next step in every location, locally and in US dollars, compact (a dense table)."""
        return [
            {
                "location": row.location,
                "name": row.name,
                "is_current": row.is_current,
                "local": f"{format_compact(row.base_min, row.currency)} – {format_compact(row.base_max, row.currency)}",
                "usd": f"{format_compact(row.usd_min, 'USD')} – {format_compact(row.usd_max, 'USD')}"
                if row.usd_min
                else "—",
            }
            for row in self._across
        ]

    @cached_property
    def _across(self):
        return across_locations(self.profile, self.catalog, self.year, base=self.projection)

    # Your pay and earnings over the years (issue 15) ---------------------------------------------

    def _place(self) -> str:
        """ "in Seattle, Technology (FAANG), large company": where the band applies."""
        p, c = self.profile, self.catalog
        return (
            f"in {c.locations[p.location].name}, {c.industries[p.industry].name}, "
            f"{c.company_types[p.company_type].name.lower()}"
        )

    def _position_words(self, subject: str, band_name: str, pos: PayPosition) -> str:
        """One sentence: where an amount sits in a band, said plainly when outside it."""
        cur = self.projection.currency
        band = money_range(pos.band_min, pos.band_max, cur) + ("+" if pos.open_ended else "")
        ratio = f"compa-ratio {pos.compa_ratio:.2f}"
        if pos.position == "below":
            gap = format_money(pos.band_min - pos.amount, cur)
            return (
                f"{subject} is below the bottom of {band_name} ({band}; {ratio}): "
                f"{gap} less than the lowest pay the band covers."
            )
        if pos.position == "above":
            gap = format_money(pos.amount - pos.band_max, cur)
            top = "the band's top (open-ended in the article)" if pos.open_ended else "the highest pay the band covers"
            return f"{subject} is above the top of {band_name} ({band}; {ratio}): {gap} more than {top}."
        words = next(text for limit, text in POSITION_WORDS if pos.percentile < limit)
        return f"{subject} is at the {ordinal(pos.percentile)} percentile of {band_name} ({band}; {ratio}): {words}."

    @cached_property
    def your_pay(self) -> dict | None:
        """The pay given, placed in the band of the current level here, in words; None without pay."""
        pay = self.projection.your_pay
        if pay is None:
            return None
        cur = self.projection.currency
        whose = "This plan’s" if self.shared else "Your"
        band_name = f"the {pay.title} band {self._place()}"
        total = pay.total
        given = [("Base", pay.base.amount), ("Bonus", pay.bonus), ("Equity", pay.equity)]
        return {
            "percentile": pay.base.percentile,
            "compa_ratio": f"{pay.base.compa_ratio:.2f}",
            "position": pay.base.position,
            "sentence": self._position_words(f"{whose} base", band_name, pay.base),
            "total_sentence": self._position_words(
                f"{whose} total pay, {format_money(total.amount, cur)} with bonus and equity,",
                "that band as total pay",
                total,
            )
            if total
            else "",
            "figures": [(label, format_money(amount, cur)) for label, amount in given if amount is not None],
            "total": format_money(total.amount, cur) if total else "",
        }

    @cached_property
    def earnings_chart(self) -> earnings_chart.EarningsChart:
        return earnings_chart.build(self.projection, real=self.real)

    @staticmethod
    def _track_phrase(track: TrackProjection) -> str:
        """How the summary names a track: "staying an individual contributor", "the management track"."""
        if track.track == "ic":
            return "staying an individual contributor"
        return f"the {track.name.lower()} track"

    def _summary(self) -> str:
        """The one-sentence answer: which track earns most over the horizon, and by how much."""
        projection, cur = self.projection, self.projection.currency
        tracks = sorted(projection.tracks, key=lambda t: (-t.cumulative, t.track != "ic"))
        best = tracks[0]
        other = next((t for t in tracks[1:] if t.track == "ic"), tracks[1] if len(tracks) > 1 else None)
        years = self.profile.horizon_years
        if other is None:
            return f"Over {years} years {self._track_phrase(best)} earns {format_money(best.cumulative, cur)}."
        nominal = best.cumulative - other.cumulative
        real = best.cumulative_real - other.cumulative_real
        first, second = (real, nominal) if self.real else (nominal, real)
        aside = "as paid" if self.real else "in today’s money"
        lead = f"Over {years} years{', in today’s money,' if self.real else ''}"
        if first == 0:
            return f"{lead} {self._track_phrase(best)} earns the same as {self._track_phrase(other)}."
        return (
            f"{lead} {self._track_phrase(best)} earns {format_money(first, cur)} more than "
            f"{self._track_phrase(other)} ({aside}: {format_money(second, cur)})."
        )

    @cached_property
    def earnings(self) -> dict:
        """Every track's earnings over the horizon, formatted once, in the chosen money."""
        projection, cur, real = self.projection, self.projection.currency, self.real
        target = self.profile.target_year
        suffix = "_real" if real else ""
        tracks = []
        for track in projection.tracks:
            rows = [
                {
                    "year": e.year,
                    "title": e.title,
                    "promoted": e.promoted,
                    "is_target": e.year == target,
                    "base": format_money(getattr(e, "base" + suffix), cur),
                    "bonus_equity": format_money(getattr(e, "bonus_equity" + suffix), cur),
                    "total": format_money(getattr(e, "total" + suffix), cur),
                    "cumulative": format_money(getattr(e, "cumulative_total" + suffix), cur),
                }
                for e in track.earnings
            ]
            tracks.append(
                {
                    "slug": track.track,
                    "name": track.name,
                    "cumulative": format_money(track.cumulative_real if real else track.cumulative, cur),
                    "cumulative_other": format_money(track.cumulative if real else track.cumulative_real, cur),
                    "last_title": track.earnings[-1].title if track.earnings else "",
                    "rows": rows,
                }
            )
        last = projection.start_year + self.profile.horizon_years - 1
        return {
            "years": self.profile.horizon_years,
            "first_year": projection.start_year,
            "last_year": last,
            "real": real,
            "summary": self._summary(),
            "tracks": tracks,
            "target_year": target,
            "target_outside": target is not None and not projection.start_year <= target <= last,
            "raise": f"{projection.raise_rate * 100:.3g}%",
            "inflation": f"{projection.inflation * 100:.3g}%",
            "nominal_raise": f"{((1 + projection.raise_rate) * (1 + projection.inflation) - 1) * 100:.1f}%",
        }

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
                "next": f"{w.title}: +{format_money(w.delta_min, cur)} / +{format_money(w.delta_max, cur)}",
                "lifetime": "+" + format_money(w.lifetime_gain_real if real else w.lifetime_gain, cur),
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
                "next": f"{format_compact(row.base_min, row.currency)} – {format_compact(row.base_max, row.currency)}",
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
