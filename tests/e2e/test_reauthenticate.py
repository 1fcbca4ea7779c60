"""Journey: adding an email address asks for the password first, on a page in the site's layout."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from .pages import PASSWORD

pytestmark = pytest.mark.e2e


def test_adding_an_address_asks_for_the_password_then_adds_it(page, checked, log_in_as, user):
    log_in_as(page.context, user)  # a session cookie, no password typed: as a stolen session would be
    page.goto("/accounts/email/")
    page.get_by_label("Email").fill("ada@work.example")
    page.get_by_role("button", name="Add address").click()

    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/\?next=%2Faccounts%2Femail%2F$"))
    checked(page, "reauthenticate", "Confirm it is you · CareerPath")
    assert not EmailAddress.objects.filter(email="ada@work.example").exists()

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/accounts/email/$"))
    expect(page.locator("main")).to_contain_text("ada@work.example")
    assert EmailAddress.objects.filter(user=user, email="ada@work.example", verified=False).exists()
