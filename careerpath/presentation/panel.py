"""What the projection partial shows, worked out only when the template asks for it.

Every figure is a pure function of the profile, the year and the salary data, so the partial caches
its rendered HTML with Django's `{% cache %}` tag under `cache_key`; on a hit the template asks for
nothing here and the engine does not run. The key carries the catalog version, so an admin change
needs no sweeping: old entries are simply never asked for again.
"""

from __future__ import annotations

import html
from functools import cached_property

from django.urls import reverse
from django.utils.safestring import SafeString

from compensation.money import change_range, format_money, money_range, pay_range, whole
from engine.catalog import Catalog
from engine.options import across_locations, focus_track, what_ifs
from engine.profile import Profile
from engine.projection import project
from engine.results import Projection
from engine.slugs import Money, Provenance, Track

from ..profiles import query_of
from . import chart, earnings_chart
from .chart import axis_marks, marks
from .words import ARTICLE, ASSUMPTION, EDITED, lower_first, percentiles, position_sentence, track_phrase


class ProjectionPanel:
    def __init__(
        self,
        profile: Profile,
        catalog: Catalog,
        year: int,
        *,
        shared: bool = False,
        money: str = Money.NOMINAL,
        years_track: str = "",
    ) -> None:
        self.profile = profile
        self.catalog = catalog
        self.year = year
        self.shared = shared  # seen on a share link: "this plan", not "yours"
        self.real = money == Money.REAL  # earnings in today's money
        self.years_track = years_track  # the track whose year-by-year earnings are asked for; "" for all

    @cached_property
    def query(self) -> str:
        return query_of(self.profile)

    @cached_property
    def explain_url(self) -> str:
        """The start of each figure's "Why this figure" URL; the template appends the figure's name."""
        return f"{reverse('explain')}?{self.query}&figure="

    @cached_property
    def details_url(self) -> str:
        """The start of the URL of this projection's secondary figures; the template appends the part."""
        audience = "&shared=on" if self.shared else ""
        money = f"&money={Money.REAL}" if self.real else ""
        return f"{reverse('details')}?{self.query}{audience}{money}&part="

    @cached_property
    def cache_key(self) -> str:
        audience = "shared" if self.shared else "own"
        money = Money.REAL if self.real else Money.NOMINAL
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
        why = html.escape(self.explain_url)  # escaped once, not twice per step: ~300 characters each
        whose = "this plan" if self.shared else "you"
        held = ". Held at the previous step's pay: this role's usual pay here is lower"
        return [
            {
                "slug": track.track,
                "name": track.name,
                "top_title": track.top.title,
                "is_target": track.track == target,
                "steps": [
                    {
                        # The step's class and the figures tests and scripts read, as data attributes.
                        "attrs": SafeString(
                            f'class="step{" step-current" if step.is_current else ""}" '
                            f'data-role="{html.escape(step.role)}" data-base-min="{whole(step.base_min)}" '
                            f'data-base-max="{whole(step.base_max)}" data-band-min="{whole(step.band_min)}" '
                            f'data-band-max="{whole(step.band_max)}"'
                        ),
                        "when": "now"
                        if step.is_current
                        else SafeString(f'{step.year} <span class="muted">(earliest {step.earliest_year})</span>'),
                        "badge": EDITED
                        if step.provenance == Provenance.EDITED
                        else ASSUMPTION
                        if step.is_assumption
                        else ARTICLE,
                        "kind": step.kind,
                        "title": step.title,
                        "is_current": step.is_current,
                        "year": step.year,
                        "band": (
                            f"Band here {money_range(step.band_min, step.band_max, currency)}"
                            f"{'+' if step.band_open_ended else ''}; "
                            f"{whose}: {percentiles(step)} percentile of the band"
                            f"{held if step.floored else ''}"
                        ),
                        "pay": pay_range(step.base_min, step.base_max, currency),
                        "total": pay_range(step.total_min, step.total_max, currency) if step.total_min else "",
                        "is_assumption": step.is_assumption,
                        "why": SafeString(f"{why}{html.escape(track.track)}/{html.escape(step.role)}"),
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
    def summary(self) -> dict:
        """The headline that follows the person: the next step on the focus track, its pay and year."""
        track, currency = self.focus, self.projection.currency
        now = track.steps[0]
        following = track.steps[1] if len(track.steps) > 1 else now
        top = track.top
        return {
            "track": track.name.lower(),
            "next_title": following.title,
            "next_when": "now" if following.is_current else f"typically in {following.year}",
            "next_pay": pay_range(following.base_min, following.base_max, currency),
            "now_title": now.title,
            "now_pay": pay_range(now.base_min, now.base_max, currency),
            "top_title": top.title,
            "top_year": top.year,
            "top_pay": pay_range(top.base_min, top.base_max, currency),
            "has_next": following is not now,
            "top_is_next": top is following,
        }

    @cached_property
    def announcement(self) -> str:
        """What a screen reader hears after a live update: each track's top step, its year and pay."""
        cur = self.projection.currency
        tops = (
            f" {t.name}: {t.top.title} by {t.top.year}, {format_money(t.top.base_min, cur)} to "
            f"{format_money(t.top.base_max, cur)}."
            for t in self.projection.tracks
        )
        return "Projection updated." + "".join(tops)

    @cached_property
    def chart(self) -> chart.Chart:
        return chart.build(self.projection)

    # The charts' repeated SVG elements are written by `marks`, one string per kind: a chart has
    # 10–60 marks of 3–7 values each, and through template loops they cost ~1 ms a panel.

    @cached_property
    def chart_bars(self) -> SafeString:
        """Each step's band, midline and name; focusable, with its figures for screen readers."""
        return marks(
            '<g class="bar s-{} b{}" tabindex="0" role="img" aria-label="{}"><rect class="band" {}/>'
            '<line class="mid" {}/><text class="name" {}>{}</text></g>',
            (
                (b.series, b.index, b.label, SafeString(b.box), SafeString(b.midline), SafeString(b.name_at), b.short)
                for b in self.chart.bars
            ),
        )

    @cached_property
    def chart_axes(self) -> dict:
        return axis_marks(self.chart, x_label_y=self.chart.height - 10)

    @cached_property
    def chart_rows(self) -> SafeString:
        """The chart as a table (in a closed <details>): every step of every track."""
        return marks(
            '<tr><td>{}</td><th scope="row">{}</th><td>{}</td><td class="nowrap">{}</td></tr>',
            ((r.track, r.title, r.year, r.pay) for r in self.chart.rows),
        )

    @cached_property
    def chart_tips(self) -> SafeString:
        """The tip each band shows on focus, hover or tap (CSS only)."""
        return marks(
            '<g class="tip t{}"><rect {}/><text {}>{}, {}: {}</text></g>',
            ((b.index, SafeString(b.tip_box), SafeString(b.tip_at), b.title, b.year, b.pay) for b in self.chart.bars),
        )

    @cached_property
    def earnings_chart(self) -> earnings_chart.EarningsChart:
        return earnings_chart.build(self.projection, real=self.real)

    @cached_property
    def earnings_axes(self) -> dict:
        return axis_marks(self.earnings_chart, x_label_y=self.earnings_chart.height - 12)

    @cached_property
    def earnings_lines(self) -> list[dict]:
        """The earnings chart's lines, each with its points as circles titled with their figures."""
        return [
            {
                "track": line.track,
                "path": line.path,
                "points": marks(
                    '<circle cx="{}" cy="{}" r="3"><title>{}</title></circle>',
                    ((p.x, p.y, p.label) for p in line.points),
                ),
            }
            for line in self.earnings_chart.lines
        ]

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
        currency = self.projection.currency
        where = "at the next step" if self.shared else "at your next step"
        rows = []
        for kind, items in (("skill", self.skill_ifs), ("degree", self.degree_ifs)):
            for w in items:
                name = lower_first(w.label)
                rows.append(
                    {
                        "key": w.key,
                        "action": f"Adding {name}" if kind == "skill" else f"Getting a {name}",
                        "change": change_range(w.delta_min, w.delta_max, currency),
                        "where": f"{where}, {w.title}",
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
                "local": money_range(row.base_min, row.base_max, row.currency),
                "usd": money_range(row.usd_min, row.usd_max, "USD") if row.usd_min else "—",
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
            "sentence": position_sentence(f"{whose} base", band_name, pay.base, cur),
            "total_sentence": position_sentence(
                f"{whose} total pay, {format_money(total.amount, cur)} with bonus and equity,",
                "that band as total pay",
                total,
                cur,
            )
            if total
            else "",
            "figures": [(label, format_money(amount, cur)) for label, amount in given if amount is not None],
            "total": format_money(total.amount, cur) if total else "",
        }

    def _summary(self) -> str:
        """The one-sentence answer: which track earns most over the horizon, and by how much."""
        projection, cur = self.projection, self.projection.currency
        tracks = sorted(projection.tracks, key=lambda t: (-t.cumulative, t.track != Track.IC))
        best = tracks[0]
        other = next((t for t in tracks[1:] if t.track == Track.IC), tracks[1] if len(tracks) > 1 else None)
        years = self.profile.horizon_years
        if other is None:
            return f"Over {years} years {track_phrase(best)} earns {format_money(best.cumulative, cur)}."
        nominal = best.cumulative - other.cumulative
        real = best.cumulative_real - other.cumulative_real
        first, second = (real, nominal) if self.real else (nominal, real)
        aside = "as paid" if self.real else "in today’s money"
        lead = f"Over {years} years{', in today’s money,' if self.real else ''}"
        if first == 0:
            return f"{lead} {track_phrase(best)} earns the same as {track_phrase(other)}."
        return (
            f"{lead} {track_phrase(best)} earns {format_money(first, cur)} more than "
            f"{track_phrase(other)} ({aside}: {format_money(second, cur)})."
        )

    @cached_property
    def earnings(self) -> dict:
        """Every track's earnings over the horizon in the chosen money: the totals, formatted once."""
        projection, cur, real = self.projection, self.projection.currency, self.real
        target = self.profile.target_year
        years = html.escape(f"{self.details_url}years&track=")
        tracks = [
            {
                "slug": track.track,
                "name": track.name,
                "name_lower": track.name.lower(),
                "years_url": SafeString(years + html.escape(track.track)),  # its year-by-year table
                "cumulative": format_money(track.cumulative_real if real else track.cumulative, cur),
                "cumulative_other": format_money(track.cumulative if real else track.cumulative_real, cur),
                "last_title": track.earnings[-1].title if track.earnings else "",
            }
            for track in projection.tracks
        ]
        last = projection.start_year + self.profile.horizon_years - 1
        return {
            "years": self.profile.horizon_years,
            "first_year": projection.start_year,
            "last_year": last,
            "real": real,
            # The totals table's two money columns: the chosen money first.
            "shown_label": "In today’s money" if real else "As paid",
            "other_label": "As paid" if real else "In today’s money",
            "summary": self._summary(),
            "tracks": tracks,
            "target_year": target,
            "target_outside": target is not None and not projection.start_year <= target <= last,
            "raise": f"{projection.raise_rate * 100:.3g}%",
            "inflation": f"{projection.inflation * 100:.3g}%",
            "nominal_raise": f"{((1 + projection.raise_rate) * (1 + projection.inflation) - 1) * 100:.1f}%",
        }

    @cached_property
    def earnings_years(self) -> list[dict]:
        """Year by year, for `years_track` (or every track): a table each, fetched when opened."""
        cur, target = self.projection.currency, self.profile.target_year
        suffix = "_real" if self.real else ""
        return [
            {
                "slug": track.track,
                "name": track.name,
                "rows": [
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
                ],
            }
            for track in self.projection.tracks
            if track.track == self.years_track or not self.years_track
        ]

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
                "next": f"{w.title}: {change_range(w.delta_min, w.delta_max, cur)}",
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
