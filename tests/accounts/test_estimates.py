"""Issue 23, item 14: an estimate made before signing up survives sign-up in any browser.

"Sign up to save it" carries the inputs in `next`; the account keeps them, and the first log-in, even in
another browser after confirming the email there, offers to save them as a plan.
"""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import QueryDict
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


def test_sign_up_to_save_it_sends_the_estimate_form_by_post(client):
    html = client.get(f"{reverse('estimate')}?{urlencode(ESTIMATE)}").content.decode()

    button = re.search(r'<button[^>]+id="save-estimate"[^>]*>', html).group(0)
    assert 'form="profile-form"' in button
    assert f'formaction="{reverse("account_estimate_sign_up")}"' in button


PAY = [("current_base", "90000"), ("current_bonus", "9000")]


def sign_up_from_the_estimate(client: Client, pairs=ESTIMATE + PAY):
    """ "Sign up to save it" (the estimate form by POST), then the sign-up form it leads to."""
    answer = client.post(reverse("account_estimate_sign_up"), dict_of(pairs))
    assert answer.status_code == 302
    assert "90000" not in answer["Location"] and "current_base" not in answer["Location"]
    next_url = QueryDict(answer["Location"].split("?", 1)[1])["next"]
    assert client.get(answer["Location"]).status_code == 200
    return sign_up(client, next_url=next_url)


def dict_of(pairs) -> dict:
    data: dict = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def test_pay_typed_into_the_estimate_survives_sign_up_and_is_saved_with_the_plan(client):
    signed_up = sign_up_from_the_estimate(client)
    assert "90000" not in signed_up.get("Location", "")

    other = confirm_and_log_in_elsewhere()
    page = other.get(reverse("plan_list")).content.decode()
    assert OFFER in page
    assert "with the pay you typed: base £90,000, bonus £9,000" in page
    assert "90000" not in page  # the offer's links carry no pay
    saved = other.post(reverse("account_estimate_save"), follow=True)

    plan = Plan.objects.get(owner__email="grace@example.com")
    assert (plan.current_base, plan.current_bonus, plan.current_equity) == (90000, 9000, None)
    assert "saved from your estimate, with your pay (base £90,000, bonus £9,000)" in saved.content.decode()


def test_confirming_in_the_same_browser_opens_the_estimate_with_its_pay_filled_in(client):
    sign_up_from_the_estimate(client)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)

    confirmed = client.post(link)
    assert confirmed["Location"] == reverse("account_estimate")
    page = client.get(confirmed["Location"]).content.decode()

    assert "Your estimate is filled in with the pay you typed (base £90,000, bonus £9,000)" in page
    assert re.search(r'name="current_base" value="90000"', page)
    client.post(reverse("plan_new"), {**dict_of(ESTIMATE + PAY), "title": "London research"})
    assert Plan.objects.get().current_base == 90000
    assert not PendingEstimate.objects.exists()


def test_an_estimate_without_pay_says_so_on_the_offer(client):
    sign_up_from_the_estimate(client, ESTIMATE)

    page = confirm_and_log_in_elsewhere().get(reverse("plan_list")).content.decode()

    assert "Senior ML Engineer in London (you gave no pay)" in page


def test_sign_up_to_save_it_with_input_that_does_not_fit_answers_400_and_keeps_what_was_typed(client):
    typed = {**dict_of(ESTIMATE), "current_base": "90000", "location": "mars"}
    answer = client.post(reverse("account_estimate_sign_up"), typed)

    assert answer.status_code == 400
    assert 'value="90000"' in answer.content.decode()
    assert "estimate_for_sign_up" not in client.session


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
    assert f'href="{reverse("account_estimate")}"' in page  # "Look at it first"
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
