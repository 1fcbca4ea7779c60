"""`Cache-Control: private, no-store` on every response that shows pay or personal data (issue 33, item 7):
plans and their parts and exports, offers, account pages, share links, POST answers. Before, none had it,
so a shared proxy or the browser's disk cache could keep a page with someone's pay. One middleware sets it
(config.middleware.PrivateResponseMiddleware); pages that show nobody's data stay cacheable."""

import pytest
from django.urls import reverse

from careerpath.models import ShareLink
from tests.factories import PLAN_POST
from tests.offers.conftest import make_offer, offer  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def _private(response) -> bool:
    parts = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= parts and "public" not in parts


def test_every_page_and_file_of_a_person_is_private(user_client, plan, offer):  # noqa: F811
    urls = [reverse("plan_list"), reverse("plan_new"), reverse("plan_compare")]
    for name in ("plan_detail", "plan_edit", "projection_json", "projection_csv", "earnings_csv", "plan_share"):
        urls.append(reverse(name, args=[plan.pk]))
    urls += [reverse("offer_list"), reverse("offer_new"), reverse("offer_compare") + f"?ids={offer.pk}"]
    urls += [reverse(name, args=[offer.pk]) for name in ("offer_detail", "offer_edit", "offer_json", "offer_csv")]
    urls += [reverse("account_overview"), reverse("account_export"), reverse("account_email")]
    urls += [reverse("account_change_password")]
    urls += [reverse("home"), reverse("methodology")]  # a logged-in person's home page shows their plans

    for url in urls:
        response = user_client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert _private(response), (url, response.get("Cache-Control"))


def test_a_share_link_and_its_files_are_private(client, plan):
    link = ShareLink.objects.create(plan=plan, show_pay=True)
    for name in ("shared_plan", "shared_projection_json", "shared_projection_csv", "shared_earnings_csv"):
        response = client.get(reverse(name, args=[link.token]))
        assert response.status_code == 200, name
        assert _private(response), (name, response.get("Cache-Control"))


def test_the_quick_estimate_with_pay_typed_is_private(client):
    response = client.post(reverse("estimate"), {**PLAN_POST, "current_base": "150000"})
    assert response.status_code < 500
    assert _private(response)


def test_the_log_in_and_sign_up_pages_are_private(client):
    for name in ("account_login", "account_signup", "account_reset_password"):
        assert _private(client.get(reverse(name))), name


def test_pages_that_show_nobodys_data_stay_cacheable_for_visitors(client):
    for name in ("home", "methodology"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert not _private(response), name
