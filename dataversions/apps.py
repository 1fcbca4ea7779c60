from django.apps import AppConfig


class DataVersionsConfig(AppConfig):
    name = "dataversions"
    verbose_name = "Salary data versions"

    def ready(self):
        """Record every write to the salary data as a version (compensation announces them)."""
        from compensation import signals

        from . import recording

        signals.data_writing.connect(recording.before_write, dispatch_uid="dataversions-before-write")
        signals.data_written.connect(recording.after_write, dispatch_uid="dataversions-after-write")
        signals.tracks_changing.connect(recording.roles_tracks_before, dispatch_uid="dataversions-tracks-before")
        signals.tracks_changed.connect(recording.roles_tracks_after, dispatch_uid="dataversions-tracks-after")
