"""Journey: an admin raises a salary band in Django admin; an open plan shows it at the next load."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .pages import PASSWORD, figures, step

pytestmark = pytest.mark.e2e


def test_band_edited_in_admin_shows_in_an_open_plan_after_a_refresh(page, open_context, log_in_as, make_plan, user):
    plan = make_plan(user, title="Move to management")
    log_in_as(page.context, user)
    page.goto(f"/plans/{plan.pk}/")
    director = step(page, "director-vp", track="management")
    before = figures(director)

    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    EmailAddress.objects.create(user=boss, email=boss.email, verified=True, primary=True)
    admin = open_context().new_page()
    admin.goto("/admin/")  # staff log in on the site's own log-in page (allauth), then land in admin
    expect(admin).to_have_title(re.compile("Log in"))
    admin.get_by_label("Email").fill("boss@example.com")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    expect(admin).to_have_title(re.compile("Site administration"))

    admin.goto("/admin/compensation/salaryband/?q=role-director-vp")
    admin.locator("#result_list").get_by_role("link", name="Director or VP of Machine Learning", exact=True).click()
    min_amount = admin.locator("#id_min_amount")
    expect(min_amount).to_have_value(re.compile(r"^250000(\.0+)?$"))
    min_amount.fill("300000")
    admin.get_by_label("Note for this change").fill("Director band: 2026 survey")
    admin.locator('input[name="_save"]').click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")

    page.reload()
    expect(director).not_to_have_attribute("data-base-min", str(before[0]))
    after = figures(director)
    assert after[0] > before[0]
    expect(page.locator("#projection")).to_contain_text(f"${after[0]:,}")
