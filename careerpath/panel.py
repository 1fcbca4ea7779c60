"""What the projection partial shows, worked out only when the template asks for it.

Every figure is a pure function of the profile, the year and the salary data, so the partial caches
its rendered HTML with Django's `{% cache %}` tag under `cache_key`; on a hit the template asks for
nothing here and the engine does not run. The key carries the catalog version, so an admin change
needs no sweeping: old entries are simply never asked for again.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.safestring import SafeString

from compensation.data import Catalog
from compensation.money import format_money, money_range, whole

from . import chart, earnings_chart
from .projection import (
    Adjustment,
    PayPosition,
    Profile,
    Projection,
    TrackProjection,
    across_locations,
    focus_track,
    project,
    what_ifs,
)

NBSP = "\u00a0"
ASSUMPTION = SafeString('<span class="badge badge-assumption">Assumption</span>')
ARTICLE = SafeString('<span class="badge badge-article">Article</span>')
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
        self,
        profile: Profile,
        catalog: Catalog,
        year: int,
        *,
        shared: bool = False,
        money: str = NOMINAL,
        years_track: str = "",
    ) -> None:
        self.profile = profile
        self.catalog = catalog
        self.year = year
        self.shared = shared  # seen on a share link: "this plan", not "yours"
        self.real = money == REAL  # earnings in today's money
        self.years_track = years_track  # the track whose year-by-year earnings are asked for; "" for all

    @cached_property
    def query(self) -> str:
        return profile_query(self.profile)

    @cached_property
    def explain_url(self) -> str:
        """The start of each figure's "Why this figure" URL; the template appends the figure's name."""
        return f"{reverse('explain')}?{self.query}&figure="

    @cached_property
    def details_url(self) -> str:
        """The start of the URL of this projection's secondary figures; the template appends the part."""
        audience = "&shared=on" if self.shared else ""
        money = f"&money={REAL}" if self.real else ""
        return f"{reverse('details')}?{self.query}{audience}{money}&part="

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
                        "badge": ASSUMPTION if step.is_assumption else ARTICLE,
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


def marks(pattern: str, rows: Iterable[tuple]) -> SafeString:
    """`pattern` filled in with each row, joined: format_html_join without its cost on numbers.

    Numbers (most of a chart's values) and safe strings go in as they are; any other text is escaped.
    """

    def safe(value):
        return value if isinstance(value, (int, float, SafeString)) else html.escape(str(value))

    return SafeString("".join(pattern.format(*map(safe, row)) for row in rows))


def axis_marks(chart, *, x_label_y: int) -> dict:
    """A chart's grid lines with their pay labels, and its year labels (SVG; numbers and short labels)."""
    left, right = chart.plot_left, chart.plot_right
    return {
        "grid": marks(
            '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="axis-label" x="{}" y="{}" '
            'text-anchor="end" dominant-baseline="middle">{}</text>',
            ((left, right, t.position, t.position, left - 6, t.position, t.label) for t in chart.y_ticks),
        ),
        "years": marks(
            '<text class="axis-label" x="{}" y="{}" text-anchor="middle">{}</text>',
            ((t.position, x_label_y, t.label) for t in chart.x_ticks),
        ),
    }


# Words -------------------------------------------------------------------------------------------


def lower_first(name: str) -> str:
    """ "Cloud platforms" -> "cloud platforms" inside a sentence; "NLP" and "PhD" keep their capitals."""
    if len(name) > 1 and name[0].isupper() and not any(c.isupper() for c in name[1:]):
        return name[0].lower() + name[1:]
    return name


def signed(amount: float, currency: str) -> str:
    """ "+$4,200", "−$2,000", "no change"; one unbreakable piece of text."""
    rounded = whole(amount)
    if rounded == 0:
        return "no change"
    return ("+" if rounded > 0 else "") + format_money(rounded, currency).replace(" ", NBSP)


def change_range(low: float, high: float, currency: str) -> str:
    """A change to a pay range in words: "+$1,400 to +$2,800 a year", or one figure when both ends agree.

    The smaller change first, whichever end of the range it moves: "+$700 to +$800", never "+$800 to +$700".
    """
    low, high = sorted((low, high))
    first, second = signed(low, currency), signed(high, currency)
    if first == second:
        return first if first == "no change" else f"{first} a year"
    return f"{first} to {second} a year"


def percent_change(factor: float) -> str:
    """1.17 -> "+17 %"; 0.85 -> "−15 %"."""
    points = round((factor - 1) * 100)
    return f"{'+' if points >= 0 else '−'}{abs(points)}{NBSP}%"


def pay_range(low: float, high: float, currency: str) -> str:
    """A range, or one figure when both ends agree (a step held at the pay the person gave)."""
    return format_money(low, currency) if whole(low) == whole(high) else money_range(low, high, currency)


def percentiles(step) -> str:
    """Where a step's pay sits in its band: "23rd–73rd", or one percentile when both ends agree."""
    low, high = step.percentile_min, step.percentile_max
    return ordinal(low) if low == high else f"{ordinal(low)}–{ordinal(high)}"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _points(value: float) -> str:
    points = round(value * 100, 1)
    return f"{'+' if points >= 0 else '−'}{abs(points):g} percentile point{'' if abs(points) == 1 else 's'}"


def _subject_name(band, catalog: Catalog) -> str:
    for names in (catalog.roles, catalog.locations, catalog.industries):
        if band.subject in names:
            return names[band.subject].name
    return band.subject


def _band_range(band) -> str:
    text = money_range(band.min, band.max, band.currency)
    return text + (" or more" if band.open_ended else "") + (" an hour" if band.period == "hour" else "")


def explain_line(item: Adjustment, catalog: Catalog) -> str:
    """One "why this figure" line as a sentence with its unit: no slugs, no raw factors.

    The engine writes its lines in words already ("Seattle pays 17 % more than the US average");
    a line that names a band gets the band's range beside it.
    """
    label, detail, band = item.label, item.detail, item.band
    if band is not None and band.kind in ("location", "industry"):
        return f"{detail} (its band: {_band_range(band)})"
    if band is not None:
        return f"{label}: {detail}, {_band_range(band)}{'' if band.period == 'hour' else ' a year'}"
    return f"{label}: {detail}"


def explanation_lines(items: tuple[Adjustment, ...], catalog: Catalog) -> list[dict]:
    return [
        {
            "text": explain_line(item, catalog),
            "source": item.source.text,
            "is_assumption": item.source.is_assumption,
            "is_input": item.source.kind == "input",  # the pay the person gave
        }
        for item in items
    ]


# Compare -----------------------------------------------------------------------------------------


def _amounts(low: int, high: int, currency: str) -> str:
    first, second = sorted((abs(low), abs(high)))
    if first == second:
        return format_money(first, currency)
    return f"{format_money(first, currency)} to {format_money(second, currency)}"


def compare_sentence(row, b_name: str) -> str:
    """How plan B differs from plan A at one step: "“B” pays $53,400 less at … and gets there 2 years later"."""
    title = chart.short_title(row.title)
    if row.a is None or row.b is None:
        return f"Only {'the first plan' if row.b is None else b_name} reaches {title} on this track."
    if not row.same_currency:
        currencies = f"{row.a.currency} and {row.b.currency}"
        return f"The plans are in different currencies ({currencies}), so no difference is computed."
    currency = row.a.currency
    low, high = whole(row.delta_min), whole(row.delta_max)
    if low == 0 and high == 0:
        pay = "pays the same"
    elif low >= 0 and high >= 0:
        pay = f"pays {_amounts(low, high, currency)} more"
    elif low <= 0 and high <= 0:
        pay = f"pays {_amounts(low, high, currency)} less"
    else:
        less, more = (low, high) if low < 0 else (high, low)
        pay = f"pays between {format_money(-less, currency)} less and {format_money(more, currency)} more"
    years = row.delta_years
    if row.a.is_current and row.b.is_current:
        when = "both plans are there now"
    elif years == 0:
        when = "gets there the same year"
    else:
        count = f"{abs(years)} year{'' if abs(years) == 1 else 's'}"
        when = f"gets there {count} {'later' if years > 0 else 'earlier'}"
    joiner = ";" if row.a.is_current and row.b.is_current else " and"
    return f"{b_name} {pay} at {title}{joiner} {when}."


def compare_display(rows, b_title: str) -> list[dict]:
    """The compare page's step rows: each plan's pay and year, and the difference in words."""
    b_name = f"“{b_title}”"

    def side(step) -> tuple[str, str]:
        if step is None:
            return "—", ""
        return money_range(step.base_min, step.base_max, step.currency), "now" if step.is_current else str(step.year)

    shown = []
    for row in rows:
        a_pay, a_when = side(row.a)
        b_pay, b_when = side(row.b)
        shown.append(
            {
                "track": row.track,
                "track_name": row.track_name,
                "role": row.role,
                "title": row.title,
                "a_pay": a_pay,
                "a_when": a_when,
                "b_pay": b_pay,
                "b_when": b_when,
                "words": compare_sentence(row, b_name),
            }
        )
    return shown


def compare_highlights(shown: list[dict]) -> list[str]:
    """The difference at the top of each track: the sentence a reader wants first."""
    tops = {}
    for row in shown:
        tops[row["track"]] = row
    return [f"{row['track_name']} track: {row['words']}" for row in tops.values()]
