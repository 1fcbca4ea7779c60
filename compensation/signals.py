"""Every write to the salary data is announced, and invalidates every process's catalog.

The data layer knows nothing of what listens: `dataversions` connects to these signals in its
`AppConfig.ready` and records each change as a version. For each write the order is: announce the row
as it was (`data_writing`), write, announce the write (`data_written`), then bump the catalog's change
counter. A role's tracks (a many-to-many relation) are announced apart: `tracks_changing` gathers what
the receivers need to remember, `tracks_changed` hands it back.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal

from . import catalog, models
from .state import DATA_MODELS

# sender: the model; instance: the row about to be written or deleted.
data_writing = Signal()
# sender: the model; instance: the row written; deleted: whether it was a delete.
data_written = Signal()
# sender: Role; roles: the ids of the roles whose tracks are about to change. A receiver returns what to keep.
tracks_changing = Signal()
# sender: Role; kept: {receiver: what it returned from tracks_changing}.
tracks_changed = Signal()


def _before(sender, instance, **kwargs):
    data_writing.send(sender=sender, instance=instance)


def _saved(sender, instance, **kwargs):
    data_written.send(sender=sender, instance=instance, deleted=False)
    catalog.bump_version()


def _deleted(sender, instance, **kwargs):
    data_written.send(sender=sender, instance=instance, deleted=True)
    catalog.bump_version()


def _tracks_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A role's tracks changed (from either side of the relation)."""
    if not action.startswith("pre_"):
        kept = getattr(instance, "_tracks_before", None)
        if kept is not None:
            del instance._tracks_before
            tracks_changed.send(sender=models.Role, kept=kept)
        catalog.bump_version()
        return
    if not reverse:
        roles = [instance.pk]
    elif pk_set:
        roles = list(pk_set)
    else:  # clearing a track's roles
        roles = list(sender.objects.filter(track_id=instance.pk).values_list("role_id", flat=True))
    instance._tracks_before = dict(tracks_changing.send(sender=models.Role, roles=roles))


for model in DATA_MODELS:
    pre_save.connect(_before, sender=model, dispatch_uid=f"catalog-pre-save-{model.__name__}")
    post_save.connect(_saved, sender=model, dispatch_uid=f"catalog-save-{model.__name__}")
    pre_delete.connect(_before, sender=model, dispatch_uid=f"catalog-pre-delete-{model.__name__}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"catalog-delete-{model.__name__}")
m2m_changed.connect(_tracks_changed, sender=models.Role.tracks.through, dispatch_uid="catalog-role-tracks")
