from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .private_files import sqlite_files_private


class CareerPathConfig(AppConfig):
    name = "careerpath"
    verbose_name = "Career plans"

    def ready(self):
        connection_created.connect(sqlite_files_private, dispatch_uid="careerpath-sqlite-files-private")
