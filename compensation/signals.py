"""Any change to the compensation data is recorded as a version and invalidates every process's catalog.

For each write the order is: remember the row as it was, write, record the change (a version, or a
line of the version being published), then bump the catalog's change counter.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import catalog, models
from .state import DATA_MODELS

WATCHED = DATA_MODELS


def _recording():
    from dataversions import recording

    return recording


def _before(sender, instance, **kwargs):
    _recording().before_write(sender, instance)


def _saved(sender, instance, **kwargs):
    _recording().after_write(sender, instance)
    catalog.bump_version()


def _deleted(sender, instance, **kwargs):
    _recording().after_write(sender, instance, deleted=True)
    catalog.bump_version()


def _tracks_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A role's tracks changed (from either side of the relation)."""
    if not action.startswith("pre_"):
        befores = getattr(instance, "_tracks_before", None)
        if befores is not None:
            del instance._tracks_before
            _recording().roles_tracks_after(befores)
        catalog.bump_version()
        return
    if not reverse:
        roles = [instance.pk]
    elif pk_set:
        roles = list(pk_set)
    else:  # clearing a track's roles
        roles = list(sender.objects.filter(track_id=instance.pk).values_list("role_id", flat=True))
    instance._tracks_before = _recording().roles_tracks_before(roles)


for model in WATCHED:
    pre_save.connect(_before, sender=model, dispatch_uid=f"catalog-pre-save-{model.__name__}")
    post_save.connect(_saved, sender=model, dispatch_uid=f"catalog-save-{model.__name__}")
    pre_delete.connect(_before, sender=model, dispatch_uid=f"catalog-pre-delete-{model.__name__}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"catalog-delete-{model.__name__}")
m2m_changed.connect(_tracks_changed, sender=models.Role.tracks.through, dispatch_uid="catalog-role-tracks")
