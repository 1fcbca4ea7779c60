from django.apps import AppConfig
from django.conf import settings


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import estimates  # noqa: F401  (connects the sign-up, log-in and new-plan receivers)
        from .mail import NO_MAIL_SERVER, logger

        if settings.EMAIL_BACKEND == "accounts.mail.NoMailServerBackend":
            logger.warning("*" * 72)
            logger.warning(NO_MAIL_SERVER)
            logger.warning("*" * 72)
