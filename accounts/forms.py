"""Forms for the account pages we write ourselves (allauth's own forms cover the rest)."""

import secrets

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, as slow for an address that has an account as for a new one.

    The answer is the same page either way (ACCOUNT_PREVENT_ENUMERATION); the time was not: a new account
    hashes its password (PBKDF2, most of the 0.8 s), a known address only sent a mail, at most once in a
    few minutes (0.025 s). So a known address hashes a throwaway password with the same hasher and writes
    nothing (issue 33, item 6)."""

    def try_save(self, request):
        if self.account_already_exists:
            make_password(secrets.token_urlsafe(32))
        return super().try_save(request)


class DeleteAccountForm(forms.Form):
    """Asks for the password before an account and everything in it is deleted."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        help_text="To be sure it is you.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        # allauth's check counts failures toward the log-in rate limit, so this form cannot be
        # used to guess a password faster than the log-in page can.
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError("That password is not correct. Nothing has been deleted.")
        return password


class DataChangeAlertForm(forms.Form):
    """Email when the salary data moves one of my plans by more than N %, or never."""

    threshold = forms.TypedChoiceField(
        label="Email me when a change of the salary data moves one of my plans by more than",
        choices=[("", "Never (off)"), ("2", "2 %"), ("5", "5 %"), ("10", "10 %")],
        coerce=int,
        empty_value=None,
        required=False,
    )
