"""A value a plan's form refuses, found in the database (written before a rule, or by hand), never makes a
page fail (issue 33, items 2-3): the pages that project the plan answer 409 with a link to its edit page,
the edit page shows the form with the value refused, the list and exports of others go on."""

import pytest
from django.urls import reverse

from careerpath.models import Plan, ShareLink

pytestmark = pytest.mark.django_db

BAD = [{"work_mode": "moon"}, {"client_market": "mars"}, {"horizon_years": 7}]
SOUND_ENOUGH = [{"horizon_years": 0}, {"years_experience": 32767}, {"target_year": 1}, {"current_base": 2_000_000_000}]
SOUND_ENOUGH += [{"current_bonus": 2_000_000_000, "current_base": 1}, {"title": "A\r\nB\u202e"}, {"current_base": 0}]


def _reads(plan) -> list[str]:
    token = ShareLink.objects.create(plan=plan, show_pay=True).token
    names = ("plan_detail", "projection_json", "projection_csv", "earnings_csv")
    return [reverse(name, args=[plan.pk]) for name in names] + [
        reverse("shared_plan", args=[token]),
        reverse("plan_details", args=[plan.pk]) + "?part=options",
    ]


@pytest.mark.parametrize("stored", BAD)
def test_a_stored_value_the_form_refuses_answers_409_with_a_way_to_fix_it(user_client, plan, stored):
    Plan.objects.filter(pk=plan.pk).update(**stored)
    edit = reverse("plan_edit", args=[plan.pk])

    for url in _reads(plan):
        response = user_client.get(url)
        assert response.status_code in (409, 400), (url, response.status_code)
    page = user_client.get(plan.get_absolute_url())
    assert page.status_code == 409 and edit in page.content.decode()
    form_page = user_client.get(edit)
    assert form_page.status_code == 409
    assert "error" in form_page.content.decode()
    for url in (reverse("plan_list"), reverse("account_export"), reverse("home")):
        assert user_client.get(url).status_code == 200, url


@pytest.mark.parametrize("stored", SOUND_ENOUGH)
def test_other_odd_stored_values_still_show(user_client, plan, stored):
    Plan.objects.filter(pk=plan.pk).update(**stored)
    for url in [*_reads(plan), reverse("plan_edit", args=[plan.pk]), reverse("plan_list")]:
        assert user_client.get(url).status_code < 500, url
