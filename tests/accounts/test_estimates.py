"""Issue 23, item 14: an estimate made before signing up survives sign-up in any browser.

"Sign up to save it" carries the inputs in `next`; the account keeps them, and the first log-in, even in
another browser after confirming the email there, offers to save them as a plan.
"""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import PendingEstimate
from careerpath.models import Plan
from tests.factories import PASSWORD as HELPER_PASSWORD

pytestmark = pytest.mark.django_db

PASSWORD = "plum-orchard-lantern-73"
ESTIMATE = [
    ("current_level", "senior"),
    ("years_experience", "7"),
    ("location", "london"),
    ("industry", "finance-fintech"),
    ("company_type", "large"),
    ("education", "masters"),
    ("skills", "nlp"),
    ("skills", "big-data"),
    ("work_mode", "onsite"),
    ("target_track", "research"),
    ("target_year", ""),
]
OFFER = "Save the estimate you made before signing up?"


def sign_up(client: Client, email: str = "grace@example.com", next_url: str | None = None):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    return client.post(reverse("account_signup"), data)


def new_plan_address(pairs=ESTIMATE) -> str:
    return f"{reverse('plan_new')}?{urlencode(pairs)}"


def confirm_and_log_in_elsewhere(email: str = "grace@example.com") -> Client:
    """Another browser: open the confirmation link there, confirm, then log in with the password."""
    other = Client()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    other.post(link)
    other.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return other


def test_the_sign_up_link_carries_the_estimate_in_next(client):
    html = client.get(f"{reverse('estimate')}?{urlencode(ESTIMATE)}").content.decode()
    link = re.search(r'href="(/accounts/signup/\?next=[^"]+)" id="save-estimate"', html).group(1)
    assert "location%3Dlondon" in link and "skills%3Dnlp" in link


def test_sign_up_keeps_the_estimate_with_the_new_account(client):
    sign_up(client, next_url=new_plan_address())

    user = get_user_model().objects.get(email="grace@example.com")
    assert PendingEstimate.objects.get(user=user).query == urlencode(ESTIMATE)


@pytest.mark.parametrize(
    "next_url",
    [None, "/plans/new/", "/plans/", "https://evil.example/plans/new/?location=london", "/plans/new/?location=mars"],
    ids=["none", "no-inputs", "another-page", "off-site", "not-an-estimate"],
)
def test_sign_up_keeps_nothing_that_is_not_an_estimate(client, next_url):
    sign_up(client, next_url=next_url)

    assert not PendingEstimate.objects.exists()


def test_first_log_in_in_another_browser_offers_the_estimate_and_saves_it_as_a_plan(client):
    sign_up(client, next_url=new_plan_address())

    other = confirm_and_log_in_elsewhere()
    page = other.get(reverse("plan_list")).content.decode()

    assert OFFER in page
    assert "Senior ML Engineer in London" in page
    assert f'href="{new_plan_address()}"'.replace("&", "&amp;") in page  # "Look at it first"
    saved = other.post(reverse("account_estimate_save"))

    plan = Plan.objects.get(owner__email="grace@example.com")
    assert saved["Location"] == plan.get_absolute_url()
    assert plan.title == "My career plan"
    assert (plan.location.slug, plan.current_level.slug, plan.years_experience) == ("london", "senior", 7)
    assert sorted(plan.skills.values_list("slug", flat=True)) == ["big-data", "nlp"]
    assert plan.target_track.slug == "research"
    assert not PendingEstimate.objects.exists()
    assert OFFER not in other.get(reverse("plan_list")).content.decode()


def test_dismissing_the_offer_forgets_the_estimate(client):
    sign_up(client, next_url=new_plan_address())
    other = confirm_and_log_in_elsewhere()

    other.post(reverse("account_estimate_dismiss"))

    assert not PendingEstimate.objects.exists()
    assert not Plan.objects.exists()
    assert OFFER not in other.get(reverse("plan_list")).content.decode()


def test_saving_a_plan_from_the_page_sign_up_returned_to_uses_the_estimate_up(client):
    sign_up(client, next_url=new_plan_address())
    confirmed = client.post(re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0))
    assert confirmed["Location"] == new_plan_address()  # the same browser returns to the new plan

    client.post(reverse("plan_new"), {**dict(ESTIMATE), "skills": ["nlp", "big-data"], "title": "London research"})

    assert Plan.objects.get().title == "London research"
    assert not PendingEstimate.objects.exists()
    assert OFFER not in client.get(reverse("plan_list")).content.decode()


def test_an_estimate_the_data_no_longer_fits_opens_the_new_plan_page_instead(client, user):
    PendingEstimate.objects.create(user=user, query=urlencode([*ESTIMATE[:-1], ("target_year", "1999")]))
    client.post(reverse("account_login"), {"login": user.email, "password": HELPER_PASSWORD})

    response = client.post(reverse("account_estimate_save"))

    assert response["Location"].startswith(reverse("plan_new") + "?")
    assert not Plan.objects.exists()
    assert not PendingEstimate.objects.exists()


def test_the_offer_belongs_to_its_account_and_answers_post_only(client, user, other_user):
    PendingEstimate.objects.create(user=other_user, query=urlencode(ESTIMATE))
    client.force_login(user)

    assert client.get(reverse("account_estimate_save")).status_code == 405
    client.post(reverse("account_estimate_save"))

    assert not Plan.objects.exists()
    assert PendingEstimate.objects.filter(user=other_user).exists()


def test_my_plans_asks_about_an_estimate_only_after_a_log_in_noted_one(user_client, user):
    PendingEstimate.objects.create(user=user, query=urlencode(ESTIMATE))  # kept after this session's log-in

    assert OFFER not in user_client.get(reverse("plan_list")).content.decode()  # no query per page view
    fresh = Client()
    fresh.post(reverse("account_login"), {"login": user.email, "password": HELPER_PASSWORD})
    assert OFFER in fresh.get(reverse("plan_list")).content.decode()
