"""What a change of the salary data does to plans: one plan's notice, every saved plan's preview.

Both compare two projections of the same inputs, one with the data before and one after: the
figures that moved, by how much, and which changed rows of the data feed them.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Aggregate, CharField, Count, OuterRef, Subquery
from django.utils import timezone

from compensation.data import Catalog
from compensation.money import format_money, money_range

from .models import Plan
from .projection import Profile, Projection, ProjectionError, Step, focus_track, project

# Movement --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """One figure of a plan that moved: a step's base pay, its total pay, or freelance pay a year."""

    track: str
    track_name: str
    role: str
    title: str
    figure: str  # "base", "total" or "freelance"
    old_min: float
    old_max: float
    new_min: float
    new_max: float
    currency: str
    is_next: bool = False  # the next step of the plan's focus track
    is_current: bool = False

    @property
    def percent(self) -> float:
        """Change of the range's midpoint, in %."""
        old = (self.old_min + self.old_max) / 2
        return 0.0 if not old else ((self.new_min + self.new_max) / 2 - old) / old * 100

    @property
    def old_range(self) -> str:
        return money_range(self.old_min, self.old_max, self.currency)

    @property
    def new_range(self) -> str:
        return money_range(self.new_min, self.new_max, self.currency)


@dataclass(frozen=True)
class PlanChange:
    moves: tuple[Move, ...]
    focus: str  # the focus track's slug

    @property
    def moved(self) -> bool:
        return bool(self.moves)

    @property
    def largest(self) -> float:
        """The signed % of the figure that moved most (0 when nothing moved)."""
        return max((m.percent for m in self.moves), key=abs, default=0.0)

    def largest_on(self, track: str) -> float | None:
        found = [m.percent for m in self.moves if m.track == track]
        return max(found, key=abs) if found else None

    @property
    def headline(self) -> Move | None:
        """The move to lead with: the next step's pay if it moved, else the focus track's largest, else any."""
        for candidates in (
            [m for m in self.moves if m.is_next and m.figure == "base"],
            [m for m in self.moves if m.is_next],
            [m for m in self.moves if m.track == self.focus],
            list(self.moves),
        ):
            if candidates:
                return max(candidates, key=lambda m: abs(m.percent))
        return None


def _pairs(step: Step) -> list[tuple[str, float | None, float | None]]:
    return [("base", step.base_min, step.base_max), ("total", step.total_min, step.total_max)]


def compare(old: Projection, new: Projection) -> PlanChange:
    """Every figure of `new` that differs from the same figure in `old` (steps matched by track and role)."""
    focus = focus_track(new)
    next_role = focus.steps[1].role if len(focus.steps) > 1 else focus.steps[0].role
    moves: list[Move] = []
    for track in new.tracks:
        try:
            before = {s.role: s for s in old.track(track.track).steps}
        except KeyError:
            continue
        for step in track.steps:
            was = before.get(step.role)
            if was is None or was.currency != step.currency:
                continue
            for (figure, low, high), (_, old_low, old_high) in zip(_pairs(step), _pairs(was), strict=True):
                if (
                    low is None
                    or old_low is None
                    or high is None
                    or old_high is None
                    or (low, high) == (old_low, old_high)
                ):
                    continue
                moves.append(
                    Move(
                        track.track,
                        track.name,
                        step.role,
                        step.title,
                        figure,
                        old_low,
                        old_high,
                        low,
                        high,
                        step.currency,
                        is_next=track.track == focus.track and step.role == next_role,
                        is_current=step.is_current,
                    )
                )
    if old.freelance and new.freelance and old.currency == new.currency:
        o, n = old.freelance, new.freelance
        if (o.yearly_min, o.yearly_max) != (n.yearly_min, n.yearly_max):
            current = new.tracks[0].steps[0]
            moves.append(
                Move(
                    focus.track,
                    focus.name,
                    current.role,
                    "Freelance",
                    "freelance",
                    o.yearly_min,
                    o.yearly_max,
                    n.yearly_min,
                    n.yearly_max,
                    new.currency,
                )
            )
    return PlanChange(tuple(moves), focus.track)


def signed_percent(value: float) -> str:
    """+5 %, −3 %, +0.4 %: whole percent, one decimal below 1 %."""
    shown = f"{abs(value):.1f}" if abs(value) < 1 else f"{abs(value):.0f}"
    return f"{'+' if value >= 0 else '−'}{shown} %"


# What changed in the data, in words --------------------------------------------------------------


def _name(catalog: Catalog, table: str, slug: str | None) -> str:
    collection = {
        "role": catalog.roles,
        "location": catalog.locations,
        "industry": catalog.industries,
        "companytype": catalog.company_types,
        "skill": catalog.skills,
        "education": catalog.educations,
        "track": catalog.tracks,
    }[table]
    item = collection.get(slug or "")
    return item.name if item else (slug or "")


def _band_text(fields: dict) -> str:
    low, high, currency = fields["min_amount"], fields["max_amount"], fields["currency"]
    text = (
        format_money(low, currency)
        if low == high
        else f"{format_money(low, currency)} – {format_money(high, currency)}"
    )
    if fields["open_ended"]:
        text += "+"
    if fields["period"] == "hour":
        text += "/hour"
    return text


def _band_subject(catalog: Catalog, fields: dict) -> str:
    for table in ("role", "location", "industry"):
        if fields.get(table):
            return _name(catalog, table, fields[table])
    return {"overall": "US-average", "total": "total compensation", "freelance": "freelance"}.get(fields["kind"], "")


def _percent_value(value) -> str:
    return f"{float(value) * 100:g} %"


def describe_change(catalog: Catalog, table: str, key: str, before: dict | None, after: dict | None) -> str:
    """One changed row in words: "the London band changed from £55,000 – £90,000 to £60,000 – £95,000"."""
    row = after or before or {}
    if table == "salaryband":
        subject = _band_subject(catalog, row)
        if before is None:
            return f"a {subject} band of {_band_text(after)} was added"  # type: ignore[arg-type]
        if after is None:
            return f"the {subject} band ({_band_text(before)}) was removed"
        if _band_text(before) != _band_text(after):
            return f"the {subject} band changed from {_band_text(before)} to {_band_text(after)}"
        if before["covers"] != after["covers"]:
            return f"the {subject} band now counts as {'total pay' if after['covers'] == 'total' else 'base pay'}"
        return f"the {subject} band's source changed"
    if table == "parameter" and before and after:
        unit = f" {row['unit']}" if row.get("unit") else ""
        return f"“{row['name']}” changed from {float(before['value']):g} to {float(after['value']):g}{unit}"
    if table == "bonusequityshare" and before and after:
        where = f" in {_name(catalog, 'industry', row['industry'])}" if row["industry"] else ""
        return (
            f"the bonus-and-equity share for {_name(catalog, 'role', row['role'])} at a "
            f"{_name(catalog, 'companytype', row['company_type'])}{where} changed from "
            f"{_percent_value(before['share'])} to {_percent_value(after['share'])}"
        )
    if table == "exchangerate" and before and after:
        return f"the {key} exchange rate changed from {before['usd_per_unit']} to {after['usd_per_unit']} US dollars"
    label = {
        "companytype": "company type",
        "bonusequityshare": "bonus-and-equity share",
        "exchangerate": "exchange rate",
    }
    what = label.get(table, table)
    name = row.get("name") or key
    if before is None:
        return f"the {what} “{name}” was added"
    if after is None:
        return f"the {what} “{name}” was removed"
    return f"the {what} “{name}” changed"


def _feeds(table: str, fields: dict, profile: Profile, new: Projection, bands: set[str], roles: set[str]) -> bool:
    """Whether a row of the data is one this plan's figures are made from."""
    if table == "salaryband":
        return fields["slug"] in bands or fields["kind"] == "overall"
    if table == "bonusequityshare":
        return (
            fields["role"] in roles
            and fields["company_type"] == profile.company_type
            and fields["industry"] in (None, profile.industry)
        )
    if table == "role":
        return fields["slug"] in roles
    if table == "skill":
        return fields["slug"] in profile.skills
    if table == "exchangerate":
        return fields["currency"] == new.currency
    slug = fields.get("slug")
    return {
        "location": slug == profile.location,
        "industry": slug == profile.industry,
        "companytype": slug == profile.company_type,
        "education": slug == profile.education,
    }.get(table, True)  # parameters and tracks shape every plan


def _bands_of(projection: Projection) -> set[str]:
    items = [*projection.common]
    for track in projection.tracks:
        for step in track.steps:
            items.extend(step.explanation)
    if projection.freelance:
        items.extend(projection.freelance.explanation)
    return {item.band.slug for item in items if item.band is not None}


def causes(catalog: Catalog, changes, profile: Profile, old: Projection, new: Projection) -> list[str]:
    """The changed rows (net, over several versions) that feed this plan, in words."""
    net: dict[tuple[str, str], list] = {}
    for change in changes:  # oldest first
        entry = net.setdefault((change.table, change.key), [change.before, change.after])
        entry[1] = change.after
    bands = _bands_of(old) | _bands_of(new)
    roles = {step.role for p in (old, new) for track in p.tracks for step in track.steps}
    found = []
    for (table, key), (before, after) in net.items():
        if before == after:
            continue
        if _feeds(table, after or before, profile, new, bands, roles):
            found.append(describe_change(catalog, table, key, before, after))
    return found


# One plan's notice -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """What changed for a plan since its owner last saw it, and why."""

    since: date | datetime
    notes: list[str]
    change: PlanChange
    reasons: list[str]
    version: int  # the version it explains up to: dismissing marks this one seen

    @property
    def headline(self) -> Move:
        return self.change.headline  # type: ignore[return-value]

    @property
    def subject(self) -> str:
        move = self.headline
        what = {"base": "", "total": "total pay at ", "freelance": "freelance pay"}[move.figure]
        if move.figure == "freelance":
            return "Your freelance pay a year"
        if move.is_next:
            return f"Your {what}next step, {move.title},"
        if move.is_current:
            return f"Your {what}current level, {move.title},"
        return f"Your {what}step {move.title} ({move.track_name}),"

    @property
    def others(self) -> int:
        """Other steps of the plan that moved (each counted once, whatever track it is on)."""
        return len({m.role for m in self.change.moves} - {self.headline.role})

    def sentence(self, today: date | None = None) -> str:
        """The notice in one paragraph (as the plan page and the email digest say it)."""
        move = self.headline
        because = f", because {_join(self.reasons)}" if self.reasons else ""
        text = (
            f"Since {since_text(self.since, today)} the salary data changed ({'; '.join(self.notes)}). "
            f"{self.subject} moved from {move.old_range} to {move.new_range} ({signed_percent(move.percent)}){because}."
        )
        if self.others > 0:
            text += f" {self.others} other step{'s' if self.others > 1 else ''} of this plan moved too."
        return text


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def since_text(when: date | datetime, today: date | None = None) -> str:
    day = timezone.localtime(when).date() if isinstance(when, datetime) else when
    today = today or timezone.localdate()
    return f"{day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")


def profile_of(plan: Plan, skill_ids: list[int], catalog: Catalog) -> Profile:
    return Profile(
        current_level=catalog.slug_for("role", plan.current_level_id) or "",
        years_experience=plan.years_experience,
        location=catalog.slug_for("location", plan.location_id) or "",
        industry=catalog.slug_for("industry", plan.industry_id) or "",
        company_type=catalog.slug_for("company_type", plan.company_type_id) or "",
        education=catalog.slug_for("education", plan.education_id) or "",
        skills=frozenset(filter(None, (catalog.slug_for("skill", pk) for pk in skill_ids))),
        work_mode=plan.work_mode,
        target_track=catalog.slug_for("track", plan.target_track_id),
        target_year=plan.target_year,
    )


def plan_change(
    profile: Profile, seen: int, catalog: Catalog, year: int
) -> tuple[PlanChange, Projection, Projection] | None:
    """How the plan's figures moved between version `seen` and `catalog` (None if either cannot project it)."""
    from dataversions.history import catalog_at

    try:
        old_catalog = catalog_at(seen)
        old, new = project(profile, old_catalog, year), project(profile, catalog, year)
    except (ProjectionError, KeyError, RuntimeError):
        return None  # the plan names something the data did not have then: nothing to compare
    return compare(old, new), old, new


def notice_for(
    plan: Plan, skill_ids: list[int], catalog: Catalog, year: int, *, since: int | None = None
) -> Notice | None:
    """The plan's notice, or None when the data did not move since the owner saw it, or moved nothing of it."""
    from dataversions.models import DataChange, DataVersion

    seen = plan.seen_data_version if since is None else since
    if seen is None or seen >= catalog.data_version:
        return None
    profile = profile_of(plan, skill_ids, catalog)
    found = plan_change(profile, seen, catalog, year)
    if found is None or not found[0].moved:
        return None
    change, old, new = found
    versions = list(DataVersion.objects.filter(number__gte=seen, number__lte=catalog.data_version).order_by("number"))
    seen_version = versions[0] if versions and versions[0].number == seen else None
    later = [v for v in versions if v.number > seen]
    changes = DataChange.objects.filter(version__in=later).order_by("version__number", "id")
    return Notice(
        since=seen_version.created if seen_version else plan.created,
        notes=list(dict.fromkeys(v.note for v in later)),
        change=change,
        reasons=causes(catalog, changes, profile, old, new),
        version=catalog.data_version,
    )


def plans_with_changes(plans: list[Plan], catalog: Catalog, year: int) -> set[int]:
    """Ids of the plans (of one page of a list) whose figures moved since their owner saw them."""
    stale = [p for p in plans if p.seen_data_version is not None and p.seen_data_version < catalog.data_version]
    if not stale:
        return set()
    skills: dict[int, list[int]] = {}
    for plan_id, skill_id in Plan.skills.through.objects.filter(plan_id__in=[p.pk for p in stale]).values_list(
        "plan_id", "skill_id"
    ):
        skills.setdefault(plan_id, []).append(skill_id)
    moved = set()
    for plan in stale:
        found = plan_change(profile_of(plan, skills.get(plan.pk, []), catalog), plan.seen_data_version, catalog, year)
        if found is not None and found[0].moved:
            moved.add(plan.pk)
    return moved


# Every saved plan: the preview of a change before it is published --------------------------------

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
    level, years, location, industry, company, education, mode, skills = key
    return Profile(
        current_level=catalog.slug_for("role", level) or "",
        years_experience=years,
        location=catalog.slug_for("location", location) or "",
        industry=catalog.slug_for("industry", industry) or "",
        company_type=catalog.slug_for("company_type", company) or "",
        education=catalog.slug_for("education", education) or "",
        skills=frozenset(filter(None, (catalog.slug_for("skill", s) for s in skills))),
        work_mode=mode,
    )


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
            change = compare(project(profile, current, year), project(profile, candidate, year))
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
