"""Email in production without a mail server: nothing is sent and nothing of the message is written anywhere.

Django's console backend, the development default, prints every message whole: in production its output is
the server's log, and a password-reset link there is a way into the account for whoever reads the logs. With
DEBUG=0 and no EMAIL_HOST the settings choose this backend instead, and the app says so loudly at start
(accounts.apps) and at each message dropped.
"""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("careerpath.mail")

NO_MAIL_SERVER = (
    "NO MAIL SERVER: EMAIL_HOST is not set, so CareerPath sends no email (sign-up confirmations, "
    "password resets and notices are dropped, and never written to the log). Set EMAIL_HOST and its "
    "EMAIL_* settings to send them."
)


class NoMailServerBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for _message in email_messages:
            logger.warning("An email was not sent: EMAIL_HOST is not set (its text is not logged).")
        return 0
