"""The salary data as plain rows, the form that versions, reverts and imports work in.

A state is `{table: {key: fields}}`: `table` is a model's name ("salaryband"), `key` its natural key as
text ("location-london", "GBP", "senior/large/" for a share), `fields` its columns as JSON values
(decimals as fixed-point text, foreign keys as the related row's slug, a role's tracks as a sorted
list of slugs). The same function writes a row however it is read, so two states compare by `==`.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models as db

from . import models

# In dependency order: a row only refers to rows of tables before it.
DATA_MODELS: tuple[type[db.Model], ...] = (
    models.Location,
    models.Industry,
    models.Track,
    models.CompanyType,
    models.Role,
    models.Skill,
    models.Education,
    models.ExchangeRate,
    models.Parameter,
    models.SalaryBand,
    models.BonusEquityShare,
    models.SurveyTitle,
    models.SurveyLevel,
    models.SurveyCountry,
    models.SurveyCell,
)
TABLES: dict[str, type[db.Model]] = {model._meta.model_name: model for model in DATA_MODELS}
# The catalog's names for the tables whose database ids forms need.
ID_TABLES = {
    "role": "role",
    "location": "location",
    "industry": "industry",
    "track": "track",
    "skill": "skill",
    "education": "education",
    "companytype": "company_type",
}

Fields = dict[str, object]
State = dict[str, dict[str, Fields]]


def columns(model: type[db.Model]) -> list[db.Field]:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def json_value(field: db.Field, value):
    if value is None:
        return None
    if isinstance(field, db.DecimalField):
        return format(Decimal(str(value)).quantize(Decimal(1).scaleb(-field.decimal_places)), "f")
    return value


def key_of(table: str, fields: Fields) -> str:
    if table == "exchangerate":
        return str(fields["currency"])
    if table == "bonusequityshare":
        return f"{fields['role']}/{fields['company_type']}/{fields['industry'] or ''}"
    return str(fields["slug"])


def _read(model: type[db.Model], queryset) -> list[tuple[int, Fields]]:
    lookups = [(f, f"{f.name}__slug" if f.is_relation else f.name) for f in columns(model)]
    rows = [
        (row["id"], {f.name: json_value(f, row[lookup]) for f, lookup in lookups})
        for row in queryset.values("id", *(lookup for _, lookup in lookups))
    ]
    if model is models.Role:
        through = models.Role.tracks.through.objects.filter(role_id__in=[pk for pk, _ in rows])
        tracks: dict[int, list[str]] = {}
        for role_id, slug in through.values_list("role_id", "track__slug"):
            tracks.setdefault(role_id, []).append(slug)
        for pk, fields in rows:
            fields["tracks"] = sorted(tracks.get(pk, []))
    return rows


def state_from_db() -> tuple[State, dict[str, dict[str, int]]]:
    """Every data row as it is now, and the database ids by table and slug (for forms)."""
    state: State = {}
    ids: dict[str, dict[str, int]] = {}
    for table, model in TABLES.items():
        rows = _read(model, model.objects.all())
        state[table] = {key_of(table, fields): fields for _, fields in rows}
        if table in ID_TABLES:
            ids[ID_TABLES[table]] = {str(fields["slug"]): pk for pk, fields in rows}
    return state, ids


def row_from_db(model: type[db.Model], pk) -> tuple[str, Fields] | None:
    """One row as it is in the database now (None if there is none)."""
    rows = _read(model, model.objects.filter(pk=pk))
    if not rows:
        return None
    table = model._meta.model_name
    return key_of(table, rows[0][1]), rows[0][1]


def row_from_instance(instance: db.Model) -> tuple[str, Fields]:
    """An unsaved (or changed) row as it would be saved: for previews and imports."""
    fields: Fields = {}
    for f in columns(type(instance)):
        if f.is_relation:
            related = getattr(instance, f.name) if getattr(instance, f.attname) is not None else None
            fields[f.name] = related.slug if related is not None else None
        else:
            fields[f.name] = json_value(f, getattr(instance, f.attname))
    if isinstance(instance, models.Role):
        fields["tracks"] = sorted(t.slug for t in instance.tracks.all()) if instance.pk else []
    table = type(instance)._meta.model_name
    return key_of(table, fields), fields


def changed_fields(before: Fields | None, after: Fields | None) -> list[str]:
    """The names of the fields that differ (every field when a row is added or deleted)."""
    names = list((after or before or {}).keys())
    if before is None or after is None:
        return names
    return [name for name in names if before.get(name) != after.get(name)]
