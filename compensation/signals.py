"""Any change to the compensation data invalidates every process's cached catalog."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import catalog, models

WATCHED = (
    models.Location,
    models.Industry,
    models.Track,
    models.Role,
    models.Skill,
    models.Education,
    models.CompanyType,
    models.ExchangeRate,
    models.Parameter,
    models.SalaryBand,
    models.BonusEquityShare,
)


def _changed(sender, **kwargs):
    catalog.bump_version()


for model in WATCHED:
    post_save.connect(_changed, sender=model, dispatch_uid=f"catalog-save-{model.__name__}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"catalog-delete-{model.__name__}")
m2m_changed.connect(_changed, sender=models.Role.tracks.through, dispatch_uid="catalog-role-tracks")
