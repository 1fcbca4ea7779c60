"""A freelancer's page, year-by-year table and exports speak of freelance income, not of salary (issue 21)."""

import re

import pytest
from django.urls import reverse

from tests.factories import PLAN_POST, PlanFactory, csv_table
from tests.links import scrolled

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
FREELANCE = {
    **{k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")},
    "current_level": "senior",
    "years_experience": "7",
    "location": "sf-bay-area",
    "industry": "technology-faang",
    "work_mode": "freelance",
}


def test_the_earnings_say_they_are_freelance_income(client):
    html = scrolled(client, client.get(reverse("estimate"), FREELANCE).content.decode())
    assert "These earnings are your freelance income: the hourly rate × 1,500 billable hours a year" in html
    assert "no bonus or equity (freelancers bill hours)" in html
    assert "Earnings follow the salaried path" not in html


def test_the_year_by_year_table_shows_the_rate_and_no_bonus_or_equity(client):
    html = scrolled(client, client.get(reverse("estimate"), FREELANCE).content.decode())
    url = re.search(r'href="([^"]+years&amp;track=ic)"', html).group(1).replace("&amp;", "&")
    table = client.get(url, headers=HTMX).content.decode()
    assert "freelance income (hourly rate × billable hours; freelancers bill hours, so no bonus or equity)" in table
    assert '<th scope="col">Income</th>' in table
    assert re.search(r"at \$1\d\d/h</span></td><td>\$2\d\d,\d{3}</td><td>—</td>", table)


def test_a_freelancers_earnings_export_has_no_bonus_or_equity(user_client, user):
    plan = PlanFactory(owner=user, **{k: v for k, v in FREELANCE.items() if k != "title"})
    rows = csv_table(user_client.get(reverse("earnings_csv", args=[plan.pk])).content.decode())
    assert rows and all(row["Individual contributor: bonus and equity"] == "0" for row in rows)
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    years = data["tracks"][0]["earnings"]
    assert all(y["bonus_equity"] == 0 and y["total"] == y["base"] for y in years)
    assert all(abs(y["total"] - y["hourly"] * 1500) <= 50 for y in years[:1])
