"""offer.json keeps issue 22's contract; offer.csv has the same figures; both are the owner's only."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db

YEAR_KEYS = {"year", "base", "bonus", "sign_on", "equity_initial", "equity_refresh", "total", "guaranteed", "at_risk"}


def test_offer_json_has_the_contracts_shape(user_client, offer):
    response = user_client.get(f"/offers/{offer.pk}/offer.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="offer-{offer.pk}.json"'
    data = json.loads(response.content)
    assert set(data) == {
        "currency",
        "years",
        "average_4y",
        "year5_total",
        "percentile_total",
        "band_total_min",
        "band_total_max",
        "counter",
        "leave",
        "equity_type",
        "guaranteed",
        "at_risk",
        "scenarios",
        "data_version",
    }
    assert data["currency"] == "USD"
    assert data["equity_type"] == "shares"
    assert data["guaranteed"] == [y["base"] + y["sign_on"] for y in data["years"]]
    assert data["at_risk"] == [y["bonus"] + y["equity_initial"] + y["equity_refresh"] for y in data["years"]]
    assert [set(y) for y in data["years"]] == [YEAR_KEYS] * 5
    assert [y["year"] for y in data["years"]] == [1, 2, 3, 4, 5]
    assert {"percentile", "total", "base_needed", "equity_needed"} <= set(data["counter"])
    assert data["counter"]["percentile"] == 75
    assert len(data["leave"]) == 48
    assert set(data["leave"][0]) == {"month", "forfeited_equity", "sign_on_clawback"}


def test_offer_json_figures_follow_the_amazon_schedule(user_client, offer):
    data = json.loads(user_client.get(f"/offers/{offer.pk}/offer.json").content)
    assert [y["equity_initial"] for y in data["years"]] == [31_800, 95_400, 254_400, 254_400, 0]
    for y in data["years"]:
        assert y["total"] == y["base"] + y["bonus"] + y["sign_on"] + y["equity_initial"] + y["equity_refresh"]
    assert data["year5_total"] == data["years"][4]["total"]
    assert data["average_4y"] == round(sum(y["total"] for y in data["years"][:4]) / 4)
    # Issue 30: big tech's base stays at the market's for the place (its premium is in bonus and equity, 50 % of
    # a senior's total pay), so the SF senior band as total pay is 207,400-259,300 ÷ 0.5.
    assert (data["band_total_min"], data["band_total_max"]) == (414_800, 518_600)
    assert data["leave"][10] == {"month": 11, "forfeited_equity": 636_000, "sign_on_clawback": 0}
    target = data["counter"]["total"]
    assert target == 492_650  # 414,800 + 75 % of (518,600 − 414,800)
    assert data["counter"]["base_needed"] > 0


def test_offer_csv_opens_with_a_title_block_and_has_human_headings(user_client, offer):
    response = user_client.get(f"/offers/{offer.pk}/offer.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    data = json.loads(user_client.get(f"/offers/{offer.pk}/offer.json").content)
    assert rows[0] == ["Offer from Big Tech"]
    block = {row[0]: row[1] for row in rows[1 : rows.index([])] if len(row) == 2 and row[0] != "Assumption"}
    assert block["Company"] == "Big Tech"
    assert block["Level"] == "Senior ML Engineer"
    assert block["Currency"] == "USD"
    assert block["Base salary"] == "238000"
    assert block["Yearly refresher (% of the grant)"] == "0.00"
    assert "Data version" in block
    assert any(row[0] == "Assumption" for row in rows)
    years = rows.index([]) + 1
    assert rows[years][:2] == ["Year", "Base (USD)"]
    assert "Guaranteed (USD)" in rows[years]
    assert [int(r[6]) for r in rows[years + 1 : years + 6]] == [y["total"] for y in data["years"]]
    leave = rows.index([], years) + 1
    assert rows[leave][0] == "Leave after (months)"
    assert rows[leave + 11] == ["11", "636000", "0", "yes"]


def test_the_account_export_includes_offers(user_client, make_offer, user, plan):
    offer = make_offer(user, plan=plan.pk, refresher_percent="")
    data = json.loads(user_client.get("/accounts/export/").content)
    [exported] = data["offers"]
    assert exported["id"] == offer.pk
    assert exported["company"] == "Big Tech"
    assert exported["vesting"] == "amazon-5-15-40-40"
    assert exported["equity_grant"] == 636_000
    assert exported["refresher_percent"] is None
    assert exported["plan"] == plan.pk


def test_the_account_export_leaves_out_other_users_offers(user_client, make_offer, other_user):
    make_offer(other_user)
    assert json.loads(user_client.get("/accounts/export/").content)["offers"] == []


def test_the_delete_page_says_offers_go_too(user_client, offer):
    assert "Your 1 offer goes with it." in user_client.get("/accounts/delete/").content.decode()


def test_offer_csv_writes_a_company_that_starts_a_formula_as_text(user_client, make_offer, user):
    offer = make_offer(user, company="=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO(user_client.get(f"/offers/{offer.pk}/offer.csv").content.decode())))
    assert rows[0] == ["Offer from =HYPERLINK(1)"]
    assert rows[1] == ["Company", "'=HYPERLINK(1)"]
