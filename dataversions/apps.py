from django.apps import AppConfig


class DataVersionsConfig(AppConfig):
    name = "dataversions"
    verbose_name = "Salary data versions"
