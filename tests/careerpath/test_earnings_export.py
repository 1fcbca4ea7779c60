"""Your pay and earnings in the exports, the comparison and the account's life cycle (issue 15)."""

import pytest
from django.urls import reverse

from careerpath.models import Plan
from tests.factories import PASSWORD, csv_table

pytestmark = pytest.mark.django_db

FIGURES = ["role", "base", "bonus and equity", "total pay", "total so far", "total so far in today’s money"]
JSON_FIGURES = ["base", "bonus_equity", "total", "cumulative_total", "cumulative_total_real"]


@pytest.fixture
def paid_plan(make_plan, user):
    return make_plan(user, current_base="160000", current_bonus="20000", current_equity="10000", horizon_years="5")


def test_json_has_your_pay_and_each_tracks_earnings(user_client, paid_plan):
    data = user_client.get(reverse("projection_json", args=[paid_plan.pk])).json()
    pay = data["your_pay"]
    assert set(pay) >= {"base", "bonus", "equity", "total", "percentile", "compa_ratio", "band_min", "band_max"}
    assert (pay["base"], pay["bonus"], pay["equity"], pay["total"]) == (160000, 20000, 10000, 190000)
    assert pay["band_min"] <= pay["base"] <= pay["band_max"] and 0 <= pay["percentile"] <= 100
    assert pay["compa_ratio"] == round(160000 / ((pay["band_min"] + pay["band_max"]) / 2), 2)
    for track in data["tracks"]:
        earnings = track["earnings"]
        assert [e["year"] for e in earnings] == list(range(data["start_year"], data["start_year"] + 5))
        assert set(earnings[0]) == {
            "year",
            "base",
            "bonus_equity",
            "total",
            "cumulative_total",
            "cumulative_total_real",
        }
        assert all(isinstance(v, int) for e in earnings for v in e.values())
        assert earnings[-1]["cumulative_total"] == sum(e["total"] for e in earnings)
        assert earnings[0]["base"] == 160000 and earnings[0]["total"] == 190000


def test_json_without_pay_says_null(user_client, plan):
    data = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    assert data["your_pay"] is None and len(data["tracks"][0]["earnings"]) == 10


def test_earnings_csv_has_a_row_per_year_and_a_column_per_track_matching_the_json(user_client, paid_plan):
    response = user_client.get(reverse("earnings_csv", args=[paid_plan.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="careerpath-move-to-management-earnings.csv"'
    text = response.content.decode()
    assert text.startswith("CareerPath earnings,Move to management\r\nCurrency,USD\r\n")
    rows = csv_table(text)
    names = ["Individual contributor", "Management", "Research"]
    assert list(rows[0]) == ["Year", *(f"{name}: {figure}" for name in names for figure in FIGURES)]
    data = user_client.get(reverse("projection_json", args=[paid_plan.pk])).json()
    assert len(rows) == 5 and [int(r["Year"]) for r in rows] == [e["year"] for e in data["tracks"][0]["earnings"]]
    for track, name in zip(data["tracks"], names, strict=True):
        for row, entry in zip(rows, track["earnings"], strict=True):
            assert [int(row[f"{name}: {label}"]) for label in FIGURES[1:]] == [entry[k] for k in JSON_FIGURES]
    assert rows[-1]["Management: role"] and rows[0]["Management: role"] == "Mid-level ML Engineer"


def test_earnings_csv_is_the_owners_only(client, other_user, paid_plan):
    client.force_login(other_user)
    assert client.get(reverse("earnings_csv", args=[paid_plan.pk])).status_code == 404


def test_compare_shows_cumulative_earnings_over_the_same_years(user_client, user, make_plan):
    a = make_plan(user, title="Seattle plan", horizon_years="5")
    b = make_plan(user, title="Bay Area plan", location="sf-bay-area", horizon_years="15")
    html = user_client.get(reverse("plan_compare"), {"a": a.pk, "b": b.pk}).content.decode()
    assert "Total pay over 15 years by track" in html
    assert html.count("data-compare-earnings") == 3
    row = html[html.index('data-track="management" data-compare-earnings') :]
    assert "+$" in row[: row.index("</tr>")]  # the Bay Area earns more over the years


def test_deleting_the_account_deletes_the_pay_with_its_plans(user_client, user, paid_plan):
    assert Plan.objects.filter(current_base__isnull=False).count() == 1
    user_client.post(reverse("account_delete"), {"password": PASSWORD})
    assert not Plan.objects.filter(pk=paid_plan.pk).exists()
    assert Plan.objects.filter(current_base__isnull=False).count() == 0
