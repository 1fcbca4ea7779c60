from django.apps import AppConfig


class CompensationConfig(AppConfig):
    name = "compensation"
    verbose_name = "Compensation data"

    def ready(self):
        from . import signals  # noqa: F401  (bump the catalog version on every data change)
