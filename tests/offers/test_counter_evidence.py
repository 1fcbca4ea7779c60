"""The counter-offer says which evidence it rests on: the public salary survey's cell for the offer's level in
its country (count, median) where that cell has enough answers, else the band alone (issue 31, item 4)."""

import csv
import io
import json
from dataclasses import replace

import pytest

from offers.analysis import OfferAnalysis
from offers.mapping import values_of
from offers.presentation import counter_evidence_sentence
from tests.builders import YEAR

pytestmark = pytest.mark.django_db

BERLIN = {"location": "berlin-munich", "base": 100_000, "equity_grant": 40_000}  # a senior there: 20 answers, thin


def test_a_us_senior_offer_shows_the_surveys_count_and_median_beside_the_counter_offer(user_client, offer):
    html = user_client.get(f"/offers/{offer.pk}/").content.decode()
    evidence = html.split("data-counter-evidence>", 1)[1].split("</p>", 1)[0]
    assert "3,944 answers for Senior ML Engineer in the US" in evidence
    assert "median $200,000" in evidence
    assert "salary only" in evidence and "strong evidence" in evidence
    assert "2024" in evidence


def test_an_offer_where_the_survey_is_thin_says_the_counter_rests_on_the_band_alone(user_client, make_offer, user):
    offer = make_offer(user, **BERLIN)
    html = user_client.get(f"/offers/{offer.pk}/").content.decode()
    evidence = html.split("data-counter-evidence>", 1)[1].split("</p>", 1)[0]
    assert "rests on the band alone" in evidence
    assert "only 20 answers for a Senior ML Engineer in Germany, fewer than the 30" in evidence
    assert "median" not in evidence


def test_offer_json_carries_the_survey_evidence_of_the_counter_offer(user_client, offer):
    data = json.loads(user_client.get(f"/offers/{offer.pk}/offer.json").content)
    evidence = data["counter"]["evidence"]
    assert set(evidence) == {"source", "years", "n", "p25", "p50", "p75", "currency", "confidence"}
    assert evidence["n"] == 3944
    assert evidence["p50"] == 200_000
    assert evidence["currency"] == "USD"
    assert evidence["confidence"] == "strong"
    assert evidence["p25"] <= evidence["p50"] <= evidence["p75"]


def test_offer_json_has_no_evidence_where_the_survey_is_thin(user_client, make_offer, user):
    offer = make_offer(user, **BERLIN)
    data = json.loads(user_client.get(f"/offers/{offer.pk}/offer.json").content)
    assert data["counter"]["evidence"] is None


def test_offer_csv_title_block_names_the_counter_offers_evidence(user_client, offer, make_offer, user):
    def block(offer_id):
        rows = list(csv.reader(io.StringIO(user_client.get(f"/offers/{offer_id}/offer.csv").content.decode())))
        return {row[0]: row[1] for row in rows[1 : rows.index([])] if len(row) == 2}

    assert "median $200,000" in block(offer.pk)["Counter-offer evidence"]
    berlin = make_offer(user, **BERLIN)
    assert "rests on the band alone" in block(berlin.pk)["Counter-offer evidence"]


def test_survey_evidence_in_another_currency_is_converted_once_and_says_so(catalog, offer):
    # The data has each country's survey in its own currency; a cell given in euros for the US shows the case.
    cell = catalog.survey["senior", "US"]
    in_euros = tuple(
        replace(c, currency="EUR") if (c.role, c.country) == ("senior", "US") else c for c in catalog.evidence
    )
    other = replace(catalog, evidence=in_euros)
    analysis = OfferAnalysis(values_of(offer, other), other, YEAR)
    assert analysis.evidence.currency == "USD"
    assert analysis.evidence.p50 == other.convert(cell.p50, "EUR", "USD") != cell.p50
    assert analysis.evidence.n == cell.n
    words = counter_evidence_sentence(
        analysis.evidence, analysis.level_name, analysis.country, analysis.evidence_converted_from
    )
    assert "converted from EUR" in words
