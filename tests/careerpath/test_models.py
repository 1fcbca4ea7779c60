"""A plan title is one line: line breaks, tabs and other control characters are refused with a message
(they went into email subjects, where Django refuses a line break and the digest run stopped)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from careerpath.models import Plan, one_line
from tests.factories import PLAN_POST

pytestmark = pytest.mark.django_db

MESSAGE = "Keep the title to one line: no line breaks, tabs, text-direction or other control characters."


@pytest.mark.parametrize(
    "title",
    [
        "Move\r\nBcc: everyone@example.com",
        "Move\nup",
        "Move\rup",
        "Move\tup",
        "Move\x0bup",
        "Move\x1bup",
        "Move\u2028up",
        "Move\u202eup",  # right-to-left override
        "Move\u2066up",  # left-to-right isolate
    ],
)
def test_a_new_plan_with_a_title_on_two_lines_is_refused_and_what_was_typed_is_kept(user_client, title):
    response = user_client.post(reverse("plan_new"), {**PLAN_POST, "title": title})

    assert response.status_code == 400
    html = response.content.decode()
    assert MESSAGE in html
    assert response.context["form"]["title"].value() == title
    assert not Plan.objects.exists()


def test_an_edit_that_puts_a_line_break_in_the_title_saves_nothing(user_client, plan):
    response = user_client.post(
        reverse("plan_edit", args=[plan.pk]), {**PLAN_POST, "title": "Lead\r\nSubject: hi", "version": plan.version}
    )

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Move to management"


def test_spaces_and_unicode_in_one_line_are_fine(user_client):
    response = user_client.post(reverse("plan_new"), {**PLAN_POST, "title": "  Staff ML — Zürich 🚀  "})

    assert response.status_code == 302
    assert Plan.objects.get().title == "Staff ML — Zürich 🚀"


def test_the_model_refuses_it_too(plan):
    plan.title = "One\nTwo"
    with pytest.raises(ValidationError) as caught:
        plan.full_clean()
    assert caught.value.message_dict["title"] == [MESSAGE]


def test_one_line_folds_breaks_and_control_characters_into_single_spaces():
    assert one_line("  Move\r\n\tto \x1b management\u2028now ") == "Move to management now"
