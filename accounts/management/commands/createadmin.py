"""Create a staff account that logs in by email, as every account here does.

Django's `createsuperuser` asks for a username (ours are generated from the email) and leaves the
address unverified, which allauth's mandatory verification would then stop at the log-in. This asks
for the email and the password only, and marks the address verified.
"""

from __future__ import annotations

import getpass
import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction


class Command(BaseCommand):
    help = "Create an admin (staff and superuser) who logs in with an email address and a password."

    def add_arguments(self, parser):
        parser.add_argument("--email", help="The admin's email address (asked for when missing).")
        parser.add_argument(
            "--noinput",
            action="store_true",
            help="Take the password from the ADMIN_PASSWORD environment variable instead of asking.",
        )

    def handle(self, *args, email=None, noinput=False, **options):
        email = (email or (None if noinput else input("Email address: "))) or ""
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Enter a valid email address, like admin@example.com (got {email!r}).") from None
        User = get_user_model()
        if (
            User.objects.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        ):
            raise CommandError(f"An account with {email} exists already.")
        password = os.environ.get("ADMIN_PASSWORD", "") if noinput else self._ask_password()
        user = User(username=email[:150], email=email, is_staff=True, is_superuser=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        self.stdout.write(f"Admin {email} created. Log in at /admin/ with this email and password.")

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return password
