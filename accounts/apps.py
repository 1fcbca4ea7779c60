from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import estimates  # noqa: F401  (connects the sign-up, log-in and new-plan receivers)
