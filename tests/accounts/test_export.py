"""The account page, and the export of everything stored about a user as one JSON file."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careerpath.models import Plan, ShareLink
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def download(client):
    response = client.get(reverse("account_export"))
    assert response.status_code == 200
    return response, json.loads(response.content)


# The account page


def test_account_page_needs_login(client):
    response = client.get(reverse("account_overview"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('account_overview')}"


def test_account_page_shows_email_date_joined_and_plan_count(user_client, user, other_user):
    PlanFactory(owner=user)
    PlanFactory(owner=user, title="Second")
    PlanFactory(owner=other_user)

    response = user_client.get(reverse("account_overview"))

    html = response.content.decode()
    assert "<title>Account · CareerPath</title>" in html
    assert "ada@example.com" in html
    assert user.date_joined.strftime("%-d %B %Y") in html
    assert "2 plans" in html
    assert 'aria-current="page">Account</a>' in html


def test_account_page_links_to_every_account_action(user_client):
    html = user_client.get(reverse("account_overview")).content.decode()

    for name in ("account_export", "account_delete", "account_change_password", "account_email"):
        assert f'href="{reverse(name)}"' in html


def test_manage_email_page_lists_addresses_in_the_site_layout(user_client, user):
    EmailAddress.objects.create(user=user, email="ada@work.example", verified=False, primary=False)

    html = user_client.get(reverse("account_email")).content.decode()

    assert "<title>Email addresses · CareerPath</title>" in html
    assert "ada@work.example" in html and "Not confirmed" in html
    assert '<label for="id_email">' in html


# The export


def test_export_needs_login(client):
    response = client.get(reverse("account_export"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_only_answers_get(user_client):
    assert user_client.post(reverse("account_export")).status_code == 405


def test_export_is_a_dated_json_attachment(user_client):
    response, _ = download(user_client)

    today = timezone.now().date().isoformat()
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="careerpath-export-{today}.json"'
    assert "no-store" in response["Cache-Control"]


def test_export_holds_the_account_and_every_plan_with_its_share_links(user_client, user):
    EmailAddress.objects.create(user=user, email="ada@work.example", verified=False, primary=False)
    first = PlanFactory(owner=user, notes="Ask about the EM opening.", target_track="management")
    first.target_year = 2029
    first.current_base, first.current_bonus, first.horizon_years = 185000, 20000, 15
    first.save()
    live = ShareLink.objects.create(plan=first, show_pay=True)
    revoked = ShareLink.objects.create(plan=first, revoked=timezone.now())
    second = PlanFactory(
        owner=user,
        title="Stay technical",
        skills=[],
        current_level="senior",
        work_mode=Plan.WorkMode.REMOTE_US,
        target_track="",
    )
    user.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()

    before = timezone.now()
    _, data = download(user_client)

    exported_at = data.pop("exported_at")
    assert before <= timezone.datetime.fromisoformat(exported_at) <= timezone.now()
    assert data == {
        "format": "careerpath-export",
        "version": 1,
        "account": {
            "email": "ada@example.com",
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat(),
            "email_addresses": [
                {"email": "ada@example.com", "verified": True, "primary": True},
                {"email": "ada@work.example", "verified": False, "primary": False},
            ],
        },
        "plans": [
            {
                "id": first.pk,
                "title": "Move to management",
                "current_level": "mid",
                "years_experience": 4,
                "location": "seattle",
                "industry": "finance-fintech",
                "company_type": "large",
                "skills": ["deep-learning", "nlp"],
                "education": "masters",
                "work_mode": "onsite",
                "client_market": "local",
                "target_track": "management",
                "target_year": 2029,
                "current_base": 185000,
                "current_bonus": 20000,
                "current_equity": None,
                "horizon_years": 15,
                "notes": "Ask about the EM opening.",
                "paid_years": None,
                "created": first.created.isoformat(),
                "updated": first.updated.isoformat(),
                "share_links": [
                    {"token": live.token, "created": live.created.isoformat(), "revoked": None, "show_pay": True},
                    {
                        "token": revoked.token,
                        "created": revoked.created.isoformat(),
                        "revoked": revoked.revoked.isoformat(),
                        "show_pay": False,
                    },
                ],
            },
            {
                "id": second.pk,
                "title": "Stay technical",
                "current_level": "senior",
                "years_experience": 4,
                "location": "seattle",
                "industry": "finance-fintech",
                "company_type": "large",
                "skills": [],
                "education": "masters",
                "work_mode": "remote-us",
                "client_market": "local",
                "target_track": None,
                "target_year": None,
                "current_base": None,
                "current_bonus": None,
                "current_equity": None,
                "horizon_years": 10,
                "notes": "",
                "paid_years": None,
                "created": second.created.isoformat(),
                "updated": second.updated.isoformat(),
                "share_links": [],
            },
        ],
        "offers": [],
    }


def test_export_leaves_out_other_users_data(user_client, other_user):
    plan = PlanFactory(owner=other_user)
    ShareLink.objects.create(plan=plan)

    _, data = download(user_client)

    assert data["plans"] == []
    assert [a["email"] for a in data["account"]["email_addresses"]] == ["ada@example.com"]
    assert plan.share_links.get().token not in json.dumps(data)


def test_export_takes_the_same_few_queries_however_many_plans(user_client, user):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            download(user_client)
        return len(captured)

    ShareLink.objects.create(plan=PlanFactory(owner=user))
    one_plan = queries()
    for n in range(6):
        plan = PlanFactory(owner=user, title=f"Plan {n}", skills=["deep-learning", "nlp", "cloud-platforms"])
        ShareLink.objects.create(plan=plan)
        ShareLink.objects.create(plan=plan, revoked=timezone.now())
    seven_plans = queries()

    # Session, user, the salary data's version (slugs come from the catalog snapshot, not joins), then email
    # addresses, plans, skills, share links, offers.
    assert one_plan == seven_plans == 8


def test_a_plan_started_from_an_offer_exports_its_years_as_paid(user_client, user):
    from tests.factories import OfferFactory

    offer = OfferFactory(owner=user)
    user_client.post(f"/offers/{offer.pk}/plan/", {"years_experience": "7", "education": "masters"})
    [plan] = json.loads(user_client.get("/accounts/export/").content)["plans"]
    assert plan["paid_years"]["currency"] == "USD"
    assert plan["paid_years"]["years"][0] == [238_000, 305_500]
