"""allauth's adapter with the failed-log-in lock keyed by the address alone.

allauth 65 keys the "5 failures per address" counter by the site's domain and the address; without
django.contrib.sites the domain is the request's raw `Host` header, port and case included, which
`ALLOWED_HOSTS` does not normalise (`localhost:4` passes for `localhost`). Every spelling of the Host
then got a fresh counter (issue 33). One site, one lock: the address, stripped and lower-cased.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        login = credentials.get("email", credentials.get("username", "")) or ""
        return f"account:{login.strip().lower()}"
