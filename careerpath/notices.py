"""A plan's "the salary data changed" notice: which of its figures moved since its owner last saw them,
by how much, and which changed rows of the data feed them (for the plan page and the email digest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from compensation.models import CompanyType
from compensation.money import (
    band_range,
    format_money,
    fraction_percent,
    money_range,
    ordinal,
    percentile_words,
    signed_percent,
)
from compensation.state import ID_TABLES
from dataversions.history import catalog_at
from dataversions.models import DataChange, DataVersion
from engine import diff
from engine.catalog import Catalog
from engine.diff import Move, PlanChange
from engine.profile import Profile, ProjectionError
from engine.projection import project
from engine.results import Projection
from engine.slugs import BandKind, PayBasis, Position, WorkMode

from .models import Plan
from .profiles import profile_from_plan

COMPANY_TYPE = CompanyType._meta.model_name  # how a data change names the company-type table

# What changed in the data, in words ------------------------------------------------------------


def _name(catalog: Catalog, table: str, slug: str | None) -> str:
    """A row's name; `table` as a data change names it (the model's name), translated by `ID_TABLES`."""
    return catalog.name_of(ID_TABLES[table], slug) or (slug or "")


def _band_text(fields: dict) -> str:
    return band_range(
        fields["min_amount"],
        fields["max_amount"],
        fields["currency"],
        open_ended=fields["open_ended"],
        hourly=fields["period"] == "hour",
    )


def _band_subject(catalog: Catalog, fields: dict) -> str:
    for table in ("role", "location", "industry"):
        if fields.get(table):
            return _name(catalog, table, fields[table])
    return {BandKind.OVERALL: "US-average", BandKind.TOTAL: "total compensation", BandKind.FREELANCE: "freelance"}.get(
        fields["kind"], ""
    )


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
            f"{_name(catalog, COMPANY_TYPE, row['company_type'])}{where} changed from "
            f"{fraction_percent(before['share'])} to {fraction_percent(after['share'])}"
        )
    if table == "exchangerate" and before and after:
        return f"the {key} exchange rate changed from {before['usd_per_unit']} to {after['usd_per_unit']} US dollars"
    label = {
        COMPANY_TYPE: "company type",
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
    if table.startswith("survey"):  # the public survey is evidence shown beside a figure, never part of it
        return False
    if table == "salaryband":
        return fields["slug"] in bands or fields["kind"] == BandKind.OVERALL
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
        COMPANY_TYPE: slug == profile.company_type,
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


class Feeder:
    """Tells whether a changed row of the data is one this plan's figures (old or new) are made from."""

    def __init__(self, profile: Profile, old: Projection, new: Projection) -> None:
        self.profile, self.new = profile, new
        self.bands = _bands_of(old) | _bands_of(new)
        self.roles = {step.role for p in (old, new) for track in p.tracks for step in track.steps}

    def __call__(self, table: str, before: dict | None, after: dict | None) -> bool:
        return _feeds(table, after or before or {}, self.profile, self.new, self.bands, self.roles)


def causes(catalog: Catalog, changes, profile: Profile, old: Projection, new: Projection) -> list[str]:
    """The changed rows (net, over several versions) that feed this plan, in words."""
    net: dict[tuple[str, str], list] = {}
    for change in changes:  # oldest first
        entry = net.setdefault((change.table, change.key), [change.before, change.after])
        entry[1] = change.after
    feeds = Feeder(profile, old, new)
    found = []
    for (table, key), (before, after) in net.items():
        if before == after:
            continue
        if feeds(table, before, after):
            found.append(describe_change(catalog, table, key, before, after))
    return found


def compa_ratio_percent(old: Projection, new: Projection) -> float:
    """The signed % by which the person's compa-ratio (base ÷ the band's midpoint) moved; 0 without pay."""
    before, after = old.your_pay, new.your_pay
    if before is None or after is None or not before.base.compa_ratio:
        return 0.0
    return (after.base.compa_ratio / before.base.compa_ratio - 1) * 100


def position_moved(old: Projection, new: Projection, *, whose: str = "Your") -> str:
    """How the person's own base moved in the band of their level here, or "" (no pay, or it did not move).

    Pay below (or above) the band both before and after keeps its percentile (clamped at 0 or 100), yet the
    band moved under it: the compa-ratio says by how much, so such a plan gets its notice too."""
    before, after = old.your_pay, new.your_pay
    if before is None or after is None:
        return ""
    was, now = before.base, after.base
    ratios = f"{was.compa_ratio:.2f}", f"{now.compa_ratio:.2f}"
    if (was.percentile, was.position) == (now.percentile, now.position) and ratios[0] == ratios[1]:
        return ""
    currency = new.currency

    def where(pos) -> str:
        if pos.position == Position.BELOW:
            return "below the bottom of"
        if pos.position == Position.ABOVE:
            return "above the top of"
        return f"at the {ordinal(pos.percentile)} percentile ({percentile_words(pos.percentile)}) of"

    text = (
        f"{whose} base pay, {format_money(now.amount, currency)}, was {where(was)} the {after.title} band "
        f"here; it is now {where(now)} the new band, {money_range(now.band_min, now.band_max, currency)}."
    )
    if ratios[0] != ratios[1]:
        text += f" Its compa-ratio (base ÷ the middle of the band) went from {ratios[0]} to {ratios[1]}."
    return text


# One plan's notice ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """What changed for a plan since its owner last saw it, and why."""

    since: date | datetime
    notes: list[str]
    change: PlanChange
    reasons: list[str]
    version: int  # the version it explains up to: dismissing marks this one seen
    position: str = ""  # how the person's own base moved in its band (position_moved), or ""
    position_percent: float = 0.0  # the signed % the compa-ratio moved (compa_ratio_percent)

    @property
    def largest(self) -> float:
        """The signed % of what moved most: a step's pay, or the person's compa-ratio (what a threshold reads)."""
        return max((self.change.largest, self.position_percent), key=abs)

    @property
    def headline(self) -> Move | None:
        return self.change.headline

    @property
    def subject(self) -> str:
        move = self.headline
        assert move is not None
        what = {PayBasis.BASE: "", PayBasis.TOTAL: "total pay at ", WorkMode.FREELANCE: "freelance pay"}[move.figure]
        if move.figure == WorkMode.FREELANCE:
            return "Your freelance pay a year"
        if move.is_next:
            return f"Your {what}next step, {move.title},"
        if move.is_current:
            return f"Your {what}current level, {move.title},"
        return f"Your {what}step {move.title} ({move.track_name}),"

    @property
    def others(self) -> int:
        """Other steps of the plan that moved (each counted once, whatever track it is on)."""
        headline = self.headline
        return len({m.role for m in self.change.moves} - {headline.role if headline else ""})

    def sentence(self, today: date | None = None) -> str:
        """The notice in one paragraph (as the plan page and the email digest say it): what changed in the
        data that feeds this plan, where the person's own pay now sits, then the figure that moved most."""
        move = self.headline
        because = f", because {_join(self.reasons)}" if self.reasons else ""
        text = f"Since {since_text(self.since, today)} the salary data changed ({'; '.join(self.notes)})."
        if self.position:
            text += f" {self.position}"
        if move is None:
            return text + (f" This follows because {_join(self.reasons)}." if self.reasons else "")
        text += (
            f" {self.subject} moved from {money_range(move.old_min, move.old_max, move.currency)} to "
            f"{money_range(move.new_min, move.new_max, move.currency)} ({signed_percent(move.percent)}){because}."
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


def plan_change(
    profile: Profile, seen: int, catalog: Catalog, year: int
) -> tuple[PlanChange, Projection, Projection] | None:
    """How the plan's figures moved between version `seen` and `catalog` (None if either cannot project it)."""
    try:
        old_catalog = catalog_at(seen)
        old, new = project(profile, old_catalog, year), project(profile, catalog, year)
    except (ProjectionError, KeyError, RuntimeError):
        return None  # the plan names something the data did not have then: nothing to compare
    return diff.plan_change(old, new), old, new


def notice_for(
    plan: Plan, skill_ids: list[int], catalog: Catalog, year: int, *, since: int | None = None
) -> Notice | None:
    """The plan's notice, or None when the data did not move since the owner saw it, or moved nothing of it."""
    seen = plan.seen_data_version if since is None else since
    if seen is None or seen >= catalog.data_version:
        return None
    profile = profile_from_plan(plan, skill_ids, catalog)
    found = plan_change(profile, seen, catalog, year)
    if found is None:
        return None
    change, old, new = found
    position = position_moved(old, new)
    if not change.moved and not position:
        return None
    versions = list(DataVersion.objects.filter(number__gte=seen, number__lte=catalog.data_version).order_by("number"))
    seen_version = versions[0] if versions and versions[0].number == seen else None
    later = [v for v in versions if v.number > seen]
    changes = list(DataChange.objects.filter(version__in=later).order_by("version__number", "id"))
    # Only the notes of versions that changed something this plan is made from (not a London import on
    # a Seattle plan); all of them if none can be told apart (a version without recorded rows).
    feeds = Feeder(profile, old, new)
    touching = {c.version_id for c in changes if c.before != c.after and feeds(c.table, c.before, c.after)}
    notes = [v.note for v in later if v.pk in touching] or [v.note for v in later]
    return Notice(
        since=seen_version.created if seen_version else plan.created,
        notes=list(dict.fromkeys(notes)),
        change=change,
        reasons=causes(catalog, changes, profile, old, new),
        version=catalog.data_version,
        position=position,
        position_percent=compa_ratio_percent(old, new) if position else 0.0,
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
        found = plan_change(
            profile_from_plan(plan, skills.get(plan.pk, []), catalog), plan.seen_data_version, catalog, year
        )
        if found is not None and (found[0].moved or position_moved(found[1], found[2])):
            moved.add(plan.pk)
    return moved
