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
from compensation.money import format_compact, money_range, whole

from . import chart
from .projection import Profile, Projection, across_locations, focus_track, project, what_ifs


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
    ]
    return urlencode(pairs)


class ProjectionPanel:
    def __init__(self, profile: Profile, catalog: Catalog, year: int, *, shared: bool = False) -> None:
        self.profile = profile
        self.catalog = catalog
        self.year = year
        self.shared = shared  # seen on a share link: "this plan", not "yours"

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
        return f"{self.catalog.version}:{self.year}:{audience}:{self.query}"

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
            for row in across_locations(self.profile, self.catalog, self.year, base=self.projection)
        ]
