"""Every number field of the plan forms at its edges, everything else sound: a message or a saved plan, never
a 500, and a message shown as written (issue 33, items 2-3; the offer form's own: tests/offers)."""

import pytest
from django import forms
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from careerpath.forms import PlanForm
from careerpath.models import Plan
from tests.careerpath.test_bad_input import EXAMPLES, assert_handled
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

EDGES = [
    *("nan", "NaN", "inf", "-inf", "Infinity", "1e5", "1e999999999", "-1e999999999", "1e-999999999", "1E+2"),
    *("-1", "0", "51", "2000000001", "9" * 400, "4.5", "0x10", "٣", "1_0", " 5 ", "%", "%s", "%(limit_value)s"),
]
NUMBER_FIELDS = [name for name, field in PlanForm.base_fields.items() if isinstance(field, forms.IntegerField)]


def test_there_are_number_fields_to_try():
    assert {"years_experience", "current_base", "current_bonus", "current_equity", "target_year"} <= set(NUMBER_FIELDS)


@EXAMPLES
@given(field=st.sampled_from(NUMBER_FIELDS), typed=st.sampled_from(EDGES), live=st.booleans())
def test_every_plan_number_field_survives_its_edges(user_client, field, typed, live):
    url = reverse("plan_new_preview" if live else "plan_new")
    response = user_client.post(url, {**PLAN_POST, field: typed}, headers={"HX-Request": "true"} if live else {})
    assert_handled(response, {field: typed})
    assert "%%" not in response.content.decode()
    if response.status_code == 302:
        plan = Plan.objects.latest("pk")
        assert user_client.get(plan.get_absolute_url()).status_code == 200


@EXAMPLES
@given(field=st.sampled_from(NUMBER_FIELDS), typed=st.sampled_from(EDGES))
def test_the_quick_estimate_survives_every_number_edge(client, field, typed):
    response = client.post(reverse("estimate"), {**PLAN_POST, field: typed})
    assert_handled(response, {field: typed})
