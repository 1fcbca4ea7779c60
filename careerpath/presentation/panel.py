"""What the projection partial shows, worked out only when the template asks for it.

Every figure is a pure function of the profile, the year and the salary data, so the partial caches
its rendered HTML with Django's `{% cache %}` tag under `cache_key`; on a hit the template asks for
nothing here and the engine does not run. The key carries the catalog version, so an admin change
needs no sweeping: old entries are simply never asked for again.

No URL the panel writes carries the pay (URLs end up in access logs and browser histories): a saved
plan's parts are fetched by the plan's id and a share link's by its token, each reading the pay from the
saved plan; the anonymous estimate's links leave the pay out, and the page says so: those links carry
`basis=market`, and the parts they fetch say "market pay" beside each figure that rests on it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.safestring import SafeString

from compensation.money import format_money, money_range, pay_range, whole
from engine.catalog import Catalog
from engine.options import focus_track
from engine.profile import Profile
from engine.projection import project
from engine.results import Projection, Step
from engine.rounding import round_pay
from engine.slugs import Money, Provenance

from ..clock import this_year
from ..profiles import PAY_FIELDS, query_pairs
from . import chart, earnings_chart
from .badges import badge
from .earnings import Earnings
from .geometry import axis_marks
from .options import Options
from .words import (
    band_place,
    basis_words,
    inflation_words,
    money_words,
    your_pay_words,
)

# The step card's values the panel template prints. A panel prints some two hundred of them, and Django's
# autoescape of each (html.escape behind a lazy-aware wrapper) is a large share of an uncached render;
# each is escaped here once, exactly as the template would, and reaches it as safe text (the same HTML).
PRINTED = (
    "class",
    "role",
    "base_min",
    "base_max",
    "band_min",
    "band_max",
    "earliest_year",
    "source",
    "total_source",
    "title",
    "year",
    "basis",
    "band",
    "place",
    "pay",
    "total",
    "today",
    "figure",
)


def printed(value: object) -> SafeString:
    """`value` as the template prints it with autoescape on and localization off: str, then html.escape."""
    return SafeString(html.escape(str(value)))


@dataclass(frozen=True)
class Links:
    """Where a panel's secondary parts ("why this figure", what-ifs, year by year) are fetched from.

    `scope` names what the URLs name (a plan, a share link; "" for the anonymous pages) and goes into the
    cache key, so a panel cached with one plan's URLs is never served for another plan.
    """

    explain: str
    details: str
    scope: str = ""
    carries_profile: bool = True  # the URLs carry the (pay-less) profile; a share link's names only the link

    @classmethod
    def anonymous(cls) -> Links:
        return cls(reverse("explain"), reverse("details"))

    @classmethod
    def plan(cls, plan_id: int) -> Links:
        """A saved plan's pages: the profile as shown (unsaved changes included), the pay from the plan."""
        return cls(reverse("plan_explain", args=[plan_id]), reverse("plan_details", args=[plan_id]), f"plan{plan_id}")

    @classmethod
    def share(cls, token: str) -> Links:
        return cls(
            reverse("shared_explain", args=[token]),
            reverse("shared_details", args=[token]),
            f"share{token}",
            carries_profile=False,
        )


class ProjectionPanel:
    def __init__(  # noqa: PLR0913  the inputs (profile, catalog, year) and five keyword-only view options
        self,
        profile: Profile,
        catalog: Catalog,
        year: int,
        *,
        shared: bool = False,
        money: str = Money.NOMINAL,
        years_track: str = "",
        links: Links | None = None,
        market_basis: bool = False,
        pay_unsent: bool = False,
    ) -> None:
        self.profile = profile
        self.catalog = catalog
        self.year = year
        self.shared = shared  # seen on a share link: "this plan", not "yours"
        self.real = money == Money.REAL  # earnings in today's money
        self.years_track = years_track  # the track whose year-by-year earnings are asked for; "" for all
        self.links = links or Links.anonymous()
        # A part fetched by a link that left the shown pay out (`basis=market`): its figures say so.
        self.market_basis = market_basis
        # A plan's page shows pay (unsaved changes) other than the saved pay its links read back.
        self.pay_unsent = pay_unsent

    @cached_property
    def _pairs(self) -> list[tuple[str, object]]:
        """Every input as the form sends it, the pay included: read from the profile once per panel."""
        return query_pairs(self.profile)

    @cached_property
    def _pairs_without_pay(self) -> list[tuple[str, object]]:
        return [(name, value) for name, value in self._pairs if name not in PAY_FIELDS]

    @cached_property
    def query(self) -> str:
        """The profile as a link may carry it: without the pay."""
        return urlencode(self._pairs_without_pay)

    @cached_property
    def _link_query(self) -> str:
        return f"{self.query}&" if self.links.carries_profile else ""

    @cached_property
    def links_use_market_pay(self) -> bool:
        """The pay shown is not the pay the links read back: the anonymous estimate's (its links carry none),
        or a plan's unsaved pay (its links read the saved pay). The links then ask for market pay, labelled."""
        return (self.has_own_pay and not self.links.scope) or self.pay_unsent

    @cached_property
    def says_market_pay(self) -> bool:
        """This part's figures rest on market pay where the page that linked it showed the person's: each says
        "market pay" beside it. A part that has the pay (a plan's, read back from the plan) never does."""
        return self.market_basis and not self.has_own_pay

    @cached_property
    def why_fields(self) -> list[tuple[str, object]]:
        """The hidden fields of the one form every "Why this figure" submits (#why-form in
        projection_panel.html): a GET
        of the explanation page with the profile (never the pay) and the figure named by the button. Each step
        then names its figure instead of carrying a ~250-character URL; static/js fetches the same URL into
        the box."""
        return self._pairs_without_pay if self.links.carries_profile else []

    @cached_property
    def details_url(self) -> str:
        """The start of the URL of this projection's secondary figures; the template appends the part."""
        audience = "shared=on&" if self.shared and not self.links.scope else ""
        money = f"money={Money.REAL}&" if self.real else ""
        basis = "basis=market&" if self.links_use_market_pay else ""
        return f"{self.links.details}?{self._link_query}{audience}{money}{basis}part="

    @cached_property
    def cache_key(self) -> str:
        """What the panel's HTML depends on: the data, the year, the audience, the money, what its URLs name
        and every input, the pay included (the key is never a URL)."""
        audience = "shared" if self.shared else "own"
        money = Money.REAL if self.real else Money.NOMINAL
        basis = ("market" if self.says_market_pay else "") + ("unsent" if self.pay_unsent else "")
        everything = urlencode(self._pairs)
        return f"{self.catalog.version}:{self.year}:{audience}:{money}:{basis}:{self.links.scope}:{everything}"

    @cached_property
    def projection(self) -> Projection:
        return project(self.profile, self.catalog, self.year)

    def _as_paid_step(self, step: Step) -> Step:
        """A step's four today's-money figures as paid in its year (grown by the currency's inflation);
        this year's step is already as paid."""
        years = step.year - self.projection.start_year
        if years <= 0:
            return step
        growth = (1 + self.projection.inflation) ** years
        return replace(
            step,
            base_min=round_pay(step.base_min * growth),
            base_max=round_pay(step.base_max * growth),
            total_min=None if step.total_min is None else round_pay(step.total_min * growth),
            total_max=None if step.total_max is None else round_pay(step.total_max * growth),
        )

    @cached_property
    def shown(self) -> Projection:
        """The projection in the money the page shows: the engine's steps are today's money; "as paid"
        grows each step to the year it is typically reached. Cards, summary and chart read this."""
        projection = self.projection
        if self.real:
            return projection
        grown: dict[int, Step] = {}  # the tracks share their first step (one object): grown once

        def paid(step: Step) -> Step:
            if id(step) not in grown:
                grown[id(step)] = self._as_paid_step(step)
            return grown[id(step)]

        tracks = tuple(replace(track, steps=tuple(paid(step) for step in track.steps)) for track in projection.tracks)
        return replace(projection, tracks=tracks)

    def basis(self, step: Step) -> str:
        """ "today’s money", "as paid in 2032", "as paid this year": what a step's figure is in."""
        return basis_words(self.real, step.year, self.projection.start_year)

    @cached_property
    def inflation(self) -> str:
        """The currency's yearly inflation in words, for the money line (without working out the earnings)."""
        return inflation_words(self.projection.inflation)

    @cached_property
    def has_own_pay(self) -> bool:
        return self.profile.current_base is not None

    @cached_property
    def tracks(self) -> list[dict]:
        """Each track's steps as the page shows them: money formatted once per figure, plain values.

        Dicts rather than the engine's dataclasses: the template engine looks a name up in a dict
        first, and a panel reads a few hundred of them. The values it prints come escaped (`PRINTED`).
        """
        currency, target = self.projection.currency, self.profile.target_track
        whose = "This plan’s" if self.shared else "Your"
        held = ". Held at the previous step's pay: this role's usual pay here is lower"
        return [
            {
                "slug": track.track,
                "name": track.name,
                "top_title": track.top.title,
                "is_target": track.track == target,
                "blocked": None
                if track.blocked is None
                else {"title": track.blocked.title, "needs": track.blocked.needs},
                "steps": [
                    self._step(track.track, step, paid, currency, whose, held)
                    for step, paid in zip(track.steps, shown.steps, strict=True)
                ],
            }
            for track, shown in zip(self.projection.tracks, self.shown.tracks, strict=True)
        ]

    def _step(self, track: str, step: Step, paid: Step, currency: str, whose: str, held: str) -> dict:
        """One step card: the figures in the page's money (`paid`), the engine's today's-money ones as data."""
        own = step.is_current and self.has_own_pay  # the person's own pay, typed by them
        own_total = own and self.profile.gives_total
        basis = self.basis(step)
        grown = not self.real and step.year > self.projection.start_year
        card = {
            # The card's class, and the figures tests and scripts read as its data attributes (today's money).
            "class": "step step-current" if step.is_current else "step",
            "role": step.role,
            "base_min": whole(step.base_min),
            "base_max": whole(step.base_max),
            "band_min": whole(step.band_min),
            "band_max": whole(step.band_max),
            "earliest_year": step.earliest_year,
            # The badge each figure wears (what it rests on), rendered once per kind (presentation/badges.py).
            "badge": badge(
                "yours"
                if own
                else "edited"
                if step.provenance == Provenance.EDITED
                else "assumption"
                if step.is_assumption
                else "article"
            ),
            "kind": step.kind,
            "source": "yours" if own else "",
            "total_badge": badge("yours" if own_total else "assumption"),
            "total_source": "yours" if own_total else "",
            "title": step.title,
            "is_current": step.is_current,
            "year": step.year,
            # The card says its year once ("typically 2032"): its figures are "as paid that year".
            "basis": "as paid that year" if grown else basis,
            # Behind "More about this step", one kind of money a sentence: the band and where the pay sits in
            # it are today's money, as the engine works them out.
            "band": (
                f"Band here, base in today’s money: {money_range(step.band_min, step.band_max, currency)}"
                f"{'+' if step.band_open_ended else ''}."
            ),
            "place": f"{whose} pay in it: {band_place(step)}{held if step.floored else ''}.",
            "pay": pay_range(paid.base_min, paid.base_max, currency),
            "total": pay_range(paid.total_min, paid.total_max, currency) if paid.total_min else "",
            # As paid, a later step also says what it is in today's money (the figure "why" explains).
            "today": (f"In today’s money: {pay_range(step.base_min, step.base_max, currency)} base." if grown else ""),
            "is_assumption": step.is_assumption,
            "figure": f"{track}/{step.role}",  # what its "Why this figure" asks for
        }
        for key in PRINTED:
            card[key] = printed(card[key])
        return card

    @cached_property
    def focus(self):
        return focus_track(self.projection)

    @cached_property
    def summary(self) -> dict:
        """The headline that follows the person: the next step on the focus track, its pay and year.

        Every figure says base or total and its money; the pay now says total too when it is known, so a
        base-only figure never reads as a pay cut beside a total.
        """
        currency = self.projection.currency
        track = self.focus
        shown = self.shown.track(track.track)
        now = track.steps[0]
        index = 1 if len(track.steps) > 1 else 0
        following, following_shown = track.steps[index], shown.steps[index]
        top, top_shown = track.top, shown.top
        pay = self.projection.your_pay
        if self.has_own_pay and pay is not None:
            now_pay = f"{format_money(pay.base.amount, currency)} base"
            if pay.total is not None:
                now_pay += f" ({format_money(pay.total.amount, currency)} total)"
        else:
            now_pay = f"{pay_range(now.base_min, now.base_max, currency)} base"
            if now.total_min:
                now_pay += f" ({pay_range(now.total_min, now.total_max, currency)} total)"
        return {
            "track": track.name.lower(),
            "next_title": following.title,
            "next_when": "now" if following.is_current else f"typically in {following.year}",
            "next_pay": pay_range(following_shown.base_min, following_shown.base_max, currency),
            "next_total": (
                pay_range(following_shown.total_min, following_shown.total_max, currency)
                if following_shown.total_min
                else ""
            ),
            "next_basis": self.basis(following),
            "now_title": now.title,
            "now_pay": now_pay,
            "now_is_yours": self.has_own_pay and not self.shared,
            "now_basis": self.basis(now) if not self.has_own_pay else "",
            "top_title": top.title,
            "top_year": top.year,
            "top_pay": pay_range(top_shown.base_min, top_shown.base_max, currency),
            "top_basis": self.basis(top),
            "has_next": following is not now,
            "top_is_next": top is following,
            "why": self._why_this_track(track),
        }

    def _why_this_track(self, track) -> str:
        """The one line that says why the headline (and the what-ifs, and the earnings sentence) follow this track."""
        name = track.name.lower()
        if self.profile.target_track:
            return f"Following the {name} track: {'the plan’s' if self.shared else 'your'} target."
        if len(self.projection.tracks) < 2:
            return ""
        amount = track.cumulative_real if self.real else track.cumulative
        pay = ", from your pay" if self.has_own_pay and not self.shared else ""
        return (
            f"Following the {name} track: of the {len(self.projection.tracks)} tracks it earns the most total pay "
            f"over {self.profile.horizon_years} years ({format_money(amount, self.projection.currency)}, "
            f"{money_words(self.real)}{pay}). Choose a target track to follow another."
        )

    @cached_property
    def announcement(self) -> str:
        """What a screen reader hears after a live update: each track's top step, its year and pay."""
        cur = self.projection.currency
        tops = (
            f" {t.name}: {t.top.title} by {t.top.year}, {format_money(shown.top.base_min, cur)} to "
            f"{format_money(shown.top.base_max, cur)} base, {self.basis(t.top)}."
            for t, shown in zip(self.projection.tracks, self.shown.tracks, strict=True)
        )
        return "Projection updated." + "".join(tops)

    @cached_property
    def chart(self) -> chart.Chart:
        return chart.build(self.shown)

    @cached_property
    def chart_axis_title(self) -> str:
        if self.real:
            return "Total pay and base pay a year, today’s money"
        return "Total pay and base pay a year, as paid in the year each step is reached"

    @cached_property
    def earnings_axis_title(self) -> str:
        return f"Total pay so far (base, bonus and equity), {money_words(self.real)}"

    @cached_property
    def chart_marks(self) -> dict:
        """The pay chart's SVG marks and its table rows, each kind written in one string."""
        shape = self.chart
        return {
            "totals": chart.total_marks(shape),
            "bars": chart.bar_marks(shape),
            "names": chart.name_marks(shape),
            "axes": axis_marks(shape, shape.x_ticks, shape.y_ticks, x_label_y=shape.height - 10),
            "tips": chart.tip_marks(shape),
        }

    @cached_property
    def chart_rows(self) -> SafeString:
        """The pay chart's figures as table rows (the details part "chart", fetched when opened)."""
        return chart.row_marks(self.chart)

    @cached_property
    def earnings_chart(self) -> earnings_chart.EarningsChart:
        return earnings_chart.build(self.projection, real=self.real)

    @cached_property
    def earnings_marks(self) -> dict:
        shape = self.earnings_chart
        axes = axis_marks(shape, shape.x_ticks, shape.y_ticks, x_label_y=shape.height - 12)
        return {"axes": axes, "lines": earnings_chart.line_marks(shape)}

    # The parts fetched or shown below the steps: each in its own module -------------------------

    @cached_property
    def options(self) -> Options:
        """What-ifs and other locations (fetched when scrolled to)."""
        return Options(
            self.projection,
            self.profile,
            self.catalog,
            self.year,
            shared=self.shared,
            real=self.real,
            market=self.says_market_pay,
        )

    @cached_property
    def _earnings(self) -> Earnings:
        return Earnings(
            self.projection, self.profile, real=self.real, years_track=self.years_track, details_url=self.details_url
        )

    @cached_property
    def earnings(self) -> dict:
        """Every track's earnings over the horizon in the chosen money: the totals, formatted once."""
        return self._earnings.totals

    @cached_property
    def earnings_years(self) -> list[dict]:
        """Year by year, for `years_track` (or every track): fetched when opened."""
        return self._earnings.years

    @cached_property
    def your_pay(self) -> dict | None:
        return your_pay_words(self.projection, self.profile, self.catalog, shared=self.shared)


def panel_for(  # noqa: PLR0913  the inputs (profile, catalog) and six keyword-only view options
    profile: Profile,
    catalog: Catalog,
    *,
    money: str = Money.NOMINAL,
    links: Links | None = None,
    shared: bool = False,
    years_track: str = "",
    market_basis: bool = False,
    pay_unsent: bool = False,
) -> ProjectionPanel:
    """The one way a page builds its projection panel, for every audience: the anonymous estimate
    (`links=None`), a saved plan (`Links.plan`) and a share link (`Links.share`, `shared=True`).

    `market_basis`: a part fetched by links that left the pay shown out (`basis=market`); `pay_unsent`: a plan's
    page showing unsaved pay, which its links (reading the saved pay) cannot carry.
    `profile` is read once per request, by the form that validated it or from a plan's values
    (`profiles.profile_from_values`); the panel runs the engine once, when the template first asks.
    """
    return ProjectionPanel(
        profile,
        catalog,
        this_year(),
        shared=shared,
        money=money,
        years_track=years_track,
        links=links,
        market_basis=market_basis,
        pay_unsent=pay_unsent,
    )
