"""Earnings over the horizon as the panel shows them: each track's totals, the sentence that says which
earns most, and each track's year-by-year table (fetched when opened)."""

from __future__ import annotations

import html
from functools import cached_property

from django.utils.safestring import SafeString

from compensation.money import format_money
from engine.profile import Profile
from engine.results import Projection
from engine.slugs import ClientMarket, Track

from .words import inflation_words, track_phrase


class Earnings:
    """`details_url` is where the year-by-year tables are fetched from (the panel's, ending in "part=")."""

    def __init__(
        self, projection: Projection, profile: Profile, *, real: bool, years_track: str, details_url: str
    ) -> None:
        self.projection, self.profile = projection, profile
        self.real, self.years_track, self.details_url = real, years_track, details_url

    def _summary(self) -> str:
        """The one-sentence answer: which track earns most over the horizon, and by how much."""
        projection, cur = self.projection, self.projection.currency
        # A track whose first step cannot be taken (research without a PhD) earns nothing of its own: never the answer.
        open_tracks = [t for t in projection.tracks if t.blocked is None] or list(projection.tracks)
        tracks = sorted(open_tracks, key=lambda t: (-t.cumulative, t.track != Track.IC))
        best = tracks[0]
        other = next((t for t in tracks[1:] if t.track == Track.IC), tracks[1] if len(tracks) > 1 else None)
        target = self.profile.target_track
        if target and best.track != target:
            # The page follows the target: the sentence speaks of it first, against the track that earns most.
            best, other = projection.track(target), best
        years = self.profile.horizon_years
        if other is None:
            amount = best.cumulative_real if self.real else best.cumulative
            money = "in today’s money" if self.real else "as paid"
            return f"Over {years} years {track_phrase(best)} earns {format_money(amount, cur)} in total pay, {money}."
        nominal = best.cumulative - other.cumulative
        real = best.cumulative_real - other.cumulative_real
        first, second = (real, nominal) if self.real else (nominal, real)
        aside = "as paid" if self.real else "in today’s money"
        lead = f"Over {years} years, {'in today’s money' if self.real else 'as paid'},"
        if first == 0:
            return f"{lead} {track_phrase(best)} earns the same total pay as {track_phrase(other)}."
        more = "more" if first > 0 else "less"
        return (
            f"{lead} {track_phrase(best)} earns {format_money(abs(first), cur)} {more} in total pay than "
            f"{track_phrase(other)} ({aside}: {format_money(abs(second), cur)})."
        )

    @cached_property
    def totals(self) -> dict:
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
            "inflation": inflation_words(projection.inflation),
            "nominal_raise": f"{((1 + projection.raise_rate) * (1 + projection.inflation) - 1) * 100:.1f}%",
            "freelance": self._freelance_words(),
        }

    def _freelance_words(self) -> str:
        """For a freelancer: the sentence that says the earnings are freelance income, and how it grows."""
        freelance = self.projection.freelance
        if freelance is None:
            return ""
        words = (
            f"These earnings are your freelance income: the hourly rate × {freelance.hours:,.0f} billable hours a "
            "year, with no bonus or equity (freelancers bill hours). The rate grows with expertise as you move up "
            "each track (placed by the pay of the step held that year) and, within a step, by the yearly raise"
        )
        if freelance.client_market == ClientMarket.US and freelance.local_currency:
            words += (
                f" of US pay; US clients pay in US dollars, shown here in {freelance.local_currency} at the "
                "data's exchange rate"
            )
        return words + "."

    @cached_property
    def years(self) -> list[dict]:
        """Year by year, for `years_track` (or every track): a table each, fetched when opened."""
        cur, target = self.projection.currency, self.profile.target_year
        suffix = "_real" if self.real else ""
        freelance = self.projection.freelance
        rate_cur = freelance.currency if freelance else cur
        return [
            {
                "slug": track.track,
                "name": track.name,
                "freelance": freelance is not None,
                "rows": [
                    {
                        "year": e.year,
                        "title": e.title,
                        "promoted": e.promoted,
                        "is_target": e.year == target,
                        "base": format_money(getattr(e, "base" + suffix), cur),
                        "bonus_equity": "—" if freelance else format_money(getattr(e, "bonus_equity" + suffix), cur),
                        "hourly": format_money(getattr(e, "hourly" + suffix), rate_cur) if freelance else "",
                        "total": format_money(getattr(e, "total" + suffix), cur),
                        "cumulative": format_money(getattr(e, "cumulative_total" + suffix), cur),
                    }
                    for e in track.earnings
                ],
            }
            for track in self.projection.tracks
            if track.track == self.years_track or not self.years_track
        ]
