from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .private_files import sqlite_files_private


class OpsConfig(AppConfig):
    """Running the site: backup and restore, the database's files kept private, the scale seed, the preview
    benchmark and the calibration table.

    It may import every app; no app imports it (an import-linter contract), so the plans app holds only plans.
    """

    name = "ops"
    verbose_name = "Operations"

    def ready(self):
        connection_created.connect(sqlite_files_private, dispatch_uid="ops-sqlite-files-private")
