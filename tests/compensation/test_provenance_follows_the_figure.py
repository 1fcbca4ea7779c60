"""An article band whose figures change is `edited`, with the change note as its source; put back, it is the
article's again (issue 21: 9). The article's sentence shows only beside the article's figure."""

import pytest
from django.urls import reverse

from compensation.catalog import get_catalog
from compensation.models import Provenance, SalaryBand
from engine.projection import project
from tests.builders import YEAR, admin_band_form, change_band, profile

pytestmark = pytest.mark.django_db


def test_a_band_edited_in_admin_becomes_edited_with_its_note_as_source(staff_client):
    band = SalaryBand.objects.get(slug="location-seattle")
    note = "2026 survey: Seattle pays more"
    response = staff_client.post(
        reverse("admin:compensation_salaryband_change", args=[band.pk]),
        admin_band_form(band, note, min_amount="145000", max_amount="195000"),
    )
    assert response.status_code == 302
    band.refresh_from_db()
    assert band.provenance == Provenance.EDITED
    assert band.rationale == note
    assert (band.article_min, band.article_max) == (135000, 180000)  # the article's figures are kept


def test_an_edited_band_shows_its_note_with_the_articles_sentence_beside_it(client):
    """Its source is the note; the article's figures stay visible with their sentence (issue 30)."""
    change_band("location-seattle", "A test edit", min_amount=145000, max_amount=195000)
    catalog = get_catalog()
    source = catalog.location_bands["seattle"].source
    assert source.kind == "edited" and "Seattle: $135,000" not in source.text
    assert source.note == "Seattle: $135,000 – $180,000"
    html = client.get(reverse("methodology")).content.decode()
    row = html[html.index('id="band-location-seattle"') :][:1000]
    assert "Edited</span> Changed from the article" in row
    assert "Article</span> <q>Seattle: $135,000 – $180,000</q>" in row


def test_a_step_on_an_edited_role_band_says_edited(client):
    change_band("role-senior", "A test edit", min_amount=165000, max_amount=205000)
    steps = project(profile(), get_catalog(), YEAR).track("ic").steps
    senior = next(s for s in steps if s.role == "senior")
    assert senior.provenance == "edited"
    assert senior.explanation[0].source.kind == "edited"


def test_putting_the_articles_figures_back_makes_it_the_articles_again():
    change_band("location-seattle", "A test edit", min_amount=145000, max_amount=195000)
    change_band("location-seattle", "Back to the article", min_amount=135000, max_amount=180000)
    band = SalaryBand.objects.get(slug="location-seattle")
    assert band.provenance == Provenance.ARTICLE and band.rationale == ""
    assert band.source_quote == "Seattle: $135,000 – $180,000"
