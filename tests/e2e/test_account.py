"""Journey: your account. Adding an email address asks for the password first, on a page in the site's layout;
from the account page, export your data, then delete the account; logging in then fails."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .pages import PASSWORD, log_in

pytestmark = pytest.mark.e2e


def test_export_data_then_delete_account_and_fail_to_log_in(page, checked, log_in_as, make_plan, user, browser_errors):
    make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    checked(page, "account", re.compile(r"Account · CareerPath"))
    expect(page.locator("main")).to_contain_text(user.email)

    with page.expect_download() as download_info:
        page.locator('main a[href$="/accounts/export/"], main form[action$="/accounts/export/"] [type=submit]').click()
    exported = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert user.email in json.dumps(exported)
    assert "Move to management" in json.dumps(exported)

    page.locator('main a[href$="/accounts/delete/"]').click()
    checked(page, "account-delete", re.compile(r"Delete.* · CareerPath"))
    form = page.locator('main form[action$="/accounts/delete/"]')

    # A wrong password deletes nothing (the form answers 400, which Chromium logs).
    browser_errors.allow(r"status of 400 \(Bad Request\) \(http://[^)]*/accounts/delete/\)")
    form.locator('input[type="password"]').fill("not-my-password")
    with page.expect_navigation():  # answered at the same address, which the old page has too
        form.locator('[type="submit"]').click()
    expect(page).to_have_url(re.compile(r"/accounts/delete/$"))
    expect(page.locator("#error-summary")).to_contain_text(re.compile("password", re.I))
    checked(page, "account-delete-wrong-password", re.compile(r"Delete.* · CareerPath"), raw_html=False)
    assert get_user_model().objects.filter(pk=user.pk).exists()

    form.locator('input[type="password"]').fill(PASSWORD)
    form.locator('[type="submit"]').click()
    expect(page).not_to_have_url(re.compile(r"/accounts/delete/"))
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log in")
    assert not get_user_model().objects.filter(pk=user.pk).exists()

    page.goto("/accounts/login/")
    log_in(page, user.email)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("#error-summary")).to_be_visible()
    checked(page, "login-failed", "Log in · CareerPath", raw_html=False)
    page.goto("/plans/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))


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
