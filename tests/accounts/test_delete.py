"""Deleting an account takes the password and removes the user with every plan and share link they own."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from careerpath.models import Plan, ShareLink
from tests.factories import PASSWORD, PlanFactory, ShareLinkFactory

pytestmark = pytest.mark.django_db

DELETED = "Your account and all its data have been deleted."


def rows() -> dict:
    return {
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "plans": Plan.objects.count(),
        "share_links": ShareLink.objects.count(),
        "plan_skills": Plan.skills.through.objects.count(),
    }


def rows_of(user) -> dict:
    return {
        "users": get_user_model().objects.filter(pk=user.pk).count(),
        "emails": EmailAddress.objects.filter(user_id=user.pk).count(),
        "plans": Plan.objects.filter(owner_id=user.pk).count(),
        "share_links": ShareLink.objects.filter(plan__owner_id=user.pk).count(),
        "plan_skills": Plan.skills.through.objects.filter(plan__owner_id=user.pk).count(),
    }


@pytest.fixture
def two_users_with_data(user, other_user):
    for owner in (user, other_user):
        EmailAddress.objects.create(user=owner, email=f"second-{owner.pk}@example.com", verified=False)
        for title in ("First", "Second"):
            plan = PlanFactory(owner=owner, title=title)
            ShareLinkFactory(plan=plan)
        ShareLinkFactory(plan=plan)
    return user, other_user


def test_delete_page_needs_login(client):
    response = client.get(reverse("account_delete"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('account_delete')}"


def test_delete_page_asks_for_the_password_and_says_what_goes(user_client, user):
    PlanFactory(owner=user)

    response = user_client.get(reverse("account_delete"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Delete account · CareerPath</title>" in html
    assert '<label for="id_password">Your password:</label>' in html
    assert 'type="password" name="password"' in html
    assert "your 1 plan and every share link" in html
    assert f'href="{reverse("account_export")}"' in html


def test_right_password_deletes_the_user_and_everything_they_own(user_client, two_users_with_data):
    user, other_user = two_users_with_data
    before = rows()
    mine = rows_of(user)
    theirs = rows_of(other_user)
    assert mine == {"users": 1, "emails": 2, "plans": 2, "share_links": 3, "plan_skills": 4}

    response = user_client.post(reverse("account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert rows_of(user) == {"users": 0, "emails": 0, "plans": 0, "share_links": 0, "plan_skills": 0}
    assert rows_of(other_user) == theirs
    assert rows() == {key: before[key] - mine[key] for key in before}


def test_deleting_logs_out_and_says_so_on_the_home_page(user_client):
    response = user_client.post(reverse("account_delete"), {"password": PASSWORD}, follow=True)

    assert "_auth_user_id" not in user_client.session
    assert response.redirect_chain == [(reverse("home"), 302)]
    assert DELETED in response.content.decode()
    assert user_client.get(reverse("account_overview")).status_code == 302


def test_wrong_password_deletes_nothing_and_says_why(user_client, two_users_with_data):
    before = rows()

    response = user_client.post(reverse("account_delete"), {"password": "not-my-password"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "That password is not correct. Nothing has been deleted." in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_password_error"' in html
    assert rows() == before
    assert "_auth_user_id" in user_client.session


def test_empty_password_deletes_nothing(user_client, user):
    response = user_client.post(reverse("account_delete"), {"password": ""})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,2/5m/key"})
def test_password_guesses_on_the_delete_form_are_limited_like_logins(user_client, user):
    for _ in range(2):
        user_client.post(reverse("account_delete"), {"password": "guess"})

    response = user_client.post(reverse("account_delete"), {"password": PASSWORD})

    assert response.status_code == 400
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_does_not_answer_other_methods(user_client, user):
    assert user_client.put(reverse("account_delete")).status_code == 405
    assert get_user_model().objects.filter(pk=user.pk).exists()
