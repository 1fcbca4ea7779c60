"""What a change of the salary data would do to every saved plan: the admin's preview before publishing."""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field

from django.db.models import Aggregate, CharField, Count, OuterRef, Subquery

from careerpath.models import Plan
from careerpath.profiles import profile_from_values, values_from_columns
from compensation.money import signed_percent
from engine.catalog import Catalog
from engine.diff import plan_change
from engine.profile import Profile, ProjectionError
from engine.projection import project

SAMPLE = 5_000  # plans examined at most; beyond that, a random sample of this many
DEADLINE = 2.0  # seconds a preview projects for at most; the plans examined by then stand for all


class SkillKey(Aggregate):
    """A plan's skill ids as one text value, to group plans by their whole profile in SQL."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template="%(function)s(%(expressions)s::text, ',')"
        )


PROFILE_COLUMNS = (
    "current_level_id",
    "years_experience",
    "location_id",
    "industry_id",
    "company_type_id",
    "education_id",
    "work_mode",
)


def distinct_profiles(plans) -> dict[tuple, int]:
    """Saved plans grouped by the inputs that shape their figures, with how many plans share each."""
    skills = (
        Plan.skills.through.objects.filter(plan_id=OuterRef("pk"))
        .order_by()
        .values("plan_id")
        .annotate(key=SkillKey("skill_id"))
        .values("key")
    )
    rows = (
        plans.order_by()
        .annotate(skill_key=Subquery(skills))
        .values(*PROFILE_COLUMNS, "skill_key")
        .annotate(n=Count("id"))
    )
    grouped: dict[tuple, int] = {}
    for row in rows:
        key = (
            *(row[c] for c in PROFILE_COLUMNS),
            tuple(sorted(int(s) for s in row["skill_key"].split(","))) if row["skill_key"] else (),
        )
        grouped[key] = grouped.get(key, 0) + row["n"]
    return grouped


def _profile(key: tuple, catalog: Catalog) -> Profile:
    """The profile of a group of plans (`distinct_profiles`' key); the grouping reads no pay or target."""
    *columns, skills = key
    return profile_from_values(values_from_columns(dict(zip(PROFILE_COLUMNS, columns, strict=True)), skills, catalog))


@dataclass
class Spread:
    """How much the plans that moved moved, in % (signed; each plan by its figure that moved most)."""

    moved: int = 0
    median: float | None = None
    up: float | None = None  # the largest rise
    down: float | None = None  # the largest fall

    @property
    def median_text(self) -> str:
        return "—" if self.median is None else signed_percent(self.median)

    @property
    def up_text(self) -> str:
        return "—" if self.up is None else signed_percent(self.up)

    @property
    def down_text(self) -> str:
        return "—" if self.down is None else signed_percent(self.down)

    @classmethod
    def of(cls, values: list[tuple[float, int]], scale: float) -> Spread:
        if not values:
            return cls()
        expanded = sorted(v for v, n in values for _ in range(n))
        return cls(
            moved=round(sum(n for _, n in values) * scale),
            median=statistics.median(expanded),
            up=max(expanded) if max(expanded) > 0 else None,
            down=min(expanded) if min(expanded) < 0 else None,
        )


@dataclass
class Effect:
    """What a change of the data does to the saved plans."""

    plans: int  # saved plans in all
    examined: int  # plans looked at (all of them, or a random sample)
    profiles: int  # distinct inputs among them: the engine ran twice per profile
    sampled: bool
    overall: Spread
    tracks: list[tuple[str, Spread]] = field(default_factory=list)  # (track name, spread)
    unprojectable: int = 0  # plans one of the two catalogs cannot project (e.g. a deleted location)
    seconds: float = 0.0
    stopped: bool = False  # the deadline came first: the plans examined by then stand for all


def effect(
    current: Catalog,
    candidate: Catalog,
    year: int,
    *,
    sample: int = SAMPLE,
    seed: int | None = None,
    deadline: float | None = DEADLINE,
) -> Effect:
    """How many saved plans a change moves and by how much, overall and per track.

    Plans are grouped by their inputs in SQL, so the engine runs once per distinct profile, not per
    plan; beyond `sample` plans a uniform random sample of that many (by id) stands for all, and the
    counts are scaled up. Profiles are projected in random order for at most `deadline` seconds
    (None: no limit), so a preview takes a bounded time whatever the number of plans.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    total = Plan.objects.count()
    plans, sampled = Plan.objects.all(), False
    if total > sample:
        bounds = Plan.objects.order_by("id").values_list("id", flat=True)
        low, high = bounds.first(), bounds.last()
        ids = rng.sample(range(low, high + 1), min(high - low + 1, sample))
        plans, sampled = Plan.objects.filter(id__in=ids), True
    groups = list(distinct_profiles(plans).items())
    rng.shuffle(groups)  # whatever the deadline leaves out is a random part, not the end of an ordering
    overall: list[tuple[float, int]] = []
    per_track: dict[str, list[tuple[float, int]]] = {slug: [] for slug in current.tracks}
    unprojectable = examined = profiles = 0
    stopped = False
    for key, count in groups:
        if profiles and deadline is not None and time.perf_counter() - started > deadline:
            stopped = True
            break
        examined += count
        profiles += 1
        try:
            profile = _profile(key, current)
            change = plan_change(project(profile, current, year), project(profile, candidate, year))
        except (ProjectionError, KeyError):
            unprojectable += count
            continue
        if not change.moved:
            continue
        overall.append((change.largest, count))
        for slug in per_track:
            moved = change.largest_on(slug)
            if moved is not None:
                per_track[slug].append((moved, count))
    scale = total / examined if examined else 0.0
    return Effect(
        plans=total,
        examined=examined,
        profiles=profiles,
        sampled=sampled or stopped,
        overall=Spread.of(overall, scale),
        tracks=[(current.tracks[slug].name, Spread.of(values, scale)) for slug, values in per_track.items()],
        unprojectable=round(unprojectable * scale),
        seconds=time.perf_counter() - started,
        stopped=stopped,
    )
