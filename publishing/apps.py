from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """The staff side: the admin for salary data, its versions and plans, the survey import and the effect preview.

    The one app that may import both the salary data and the plans (an import-linter contract keeps the rest
    layered).
    """

    name = "publishing"
    verbose_name = "Publishing salary data"
