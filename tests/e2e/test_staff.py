"""Journey: the staff change the salary data, and an owner sees what it did. An admin raises a band in Django
admin and an open plan shows it at the next load; an admin imports a salary survey (check → diff and effect →
publish) and an owner reads what it did to their plan, and dismisses the notice."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .pages import PASSWORD, figures, step

pytestmark = pytest.mark.e2e


SURVEY = (
    "role,location,industry,min,max,open_top,currency,pay_basis,provenance,source\n"
    ",london,,60000,95000,no,GBP,base,assumption,2026 London survey: median ML engineer band (n=412).\n"
)


def test_admin_imports_a_survey_and_an_owner_sees_what_it_did_to_their_plan(
    page, open_context, log_in_as, make_plan, user, checked
):
    plan = make_plan(
        user, title="Lead in London", location="london", current_level="senior", years_experience="6", target_track="ic"
    )

    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    EmailAddress.objects.create(user=boss, email=boss.email, verified=True, primary=True)
    admin = open_context().new_page()
    admin.goto("/admin/")  # staff log in on the site's own log-in page (allauth), then land in admin
    admin.get_by_label("Email").fill("boss@example.com")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    expect(admin).to_have_title(re.compile("Site administration"))

    admin.goto("/admin/compensation/salaryband/")
    admin.get_by_role("link", name="Import a survey (CSV)").click()
    admin.set_input_files("#id_file", files=[{"name": "survey.csv", "mimeType": "text/csv", "buffer": SURVEY.encode()}])
    admin.get_by_role("button", name="Check the file").click()
    expect(admin.locator("#survey-diff")).to_contain_text("min_amount: 55000.00 → 60000.00")
    expect(admin.locator("[data-preview-moved]")).to_have_text("1")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    admin.screenshot(path=SCREENSHOTS / "admin-survey-import-desktop.png", full_page=True)
    admin.get_by_label("Note for this version").fill("2026 survey: London bands")
    admin.get_by_role("button", name="Publish as one version").click()
    expect(admin.locator(".messagelist")).to_contain_text("Published version 2 of the salary data")
    expect(admin.locator(".data-changes")).to_contain_text("min_amount: 55000.00 → 60000.00")
    admin.screenshot(path=SCREENSHOTS / "admin-data-version-desktop.png", full_page=True)

    log_in_as(page.context, user)
    page.goto("/plans/")
    expect(page.locator(f'tr[data-plan="{plan.pk}"]')).to_contain_text("Salary data changed")
    checked(page, "plans-data-changed", "My plans · CareerPath")

    page.get_by_role("link", name="Lead in London").click()
    notice = page.locator("[data-data-change]")
    expect(notice).to_contain_text("the salary data changed (2026 survey: London bands)")
    expect(notice).to_contain_text(
        re.compile(r"Your next step, Staff/Lead ML Engineer, moved from £[\d,]+ – £[\d,]+ to")
    )
    expect(notice).to_contain_text("because the London band changed from £55,000 – £90,000 to £60,000 – £95,000")
    checked(page, "plan-data-change", "Lead in London · CareerPath")

    with page.expect_navigation():  # back to the plan's address, which the old page has too
        page.get_by_role("button", name="Got it, hide this").click()
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/$"))
    expect(page.locator("[data-data-change]")).to_have_count(0)
    page.goto("/plans/")
    expect(page.locator(f'tr[data-plan="{plan.pk}"]')).not_to_contain_text("Salary data changed")


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
    expect(min_amount).to_have_value(re.compile(r"^230000(\.0+)?$"))  # the assumption the survey lowered (issue 30)
    min_amount.fill("300000")
    admin.get_by_label("Note for this change").fill("Director band: 2026 survey")
    admin.locator('input[name="_save"]').click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")

    page.reload()
    expect(director).not_to_have_attribute("data-base-min", str(before[0]))
    after = figures(director)
    assert after[0] > before[0]
    expect(page.locator("#projection")).to_contain_text(f"${after[0]:,}")
