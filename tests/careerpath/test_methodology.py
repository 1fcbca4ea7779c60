"""The methodology page (`careerpath/methodology.py`): every band and parameter with its provenance; its context
and template describe the model from the same data."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from careerpath.methodology import methodology_context


def test_the_page_shows_each_bands_pay_basis_and_the_share_table(catalog):
    html = render_to_string("careerpath/methodology.html", methodology_context(catalog))
    assert '<td data-pay-basis="total">Total pay (base with bonus and equity)</td>' in html
    assert html.count('data-pay-basis="base"') == len(catalog.bands) - 2  # FAANG and the top-tier total
    assert 'id="shares"' in html and "Large company, Technology (FAANG)" in html
    assert "enters the research track directly" in html


def test_skills_are_listed_by_effect(catalog):
    context = methodology_context(catalog)
    points = [skill.points for skill in context["skills"]]
    assert points == sorted(points, reverse=True)
    assert context["reference_level"].slug == "mid"
    assert context["share_rows"][0]["company"] == "Large company"


def test_the_page_explains_your_pay_and_earnings_with_their_assumptions(catalog):
    html = render_to_string("careerpath/methodology.html", methodology_context(catalog))
    assert "compa-ratio" in html and "Earnings over the years." in html
    assert "1% a year above inflation" in html
    # Raises are per currency (issue 21): India has its own merit row.
    for currency, rate, merit, as_paid in (
        ("USD", "2.5%", "1%", "3.5%"),
        ("INR", "4.5%", "2.5%", "7.1%"),
        ("EUR", "2%", "1%", "3%"),
    ):
        assert (
            f"<li>{currency}: inflation {rate} a year; a merit raise within a level of {merit} above it "
            f"(promotions are modelled apart), about {as_paid} as paid.</li>" in html
        )


@pytest.mark.django_db
def test_methodology_lists_every_band_and_parameter_with_provenance(client, catalog):
    html = client.get(reverse("methodology")).content.decode()
    for band in catalog.bands:
        assert f'id="band-{band.slug}"' in html
    for slug in catalog.parameters:
        assert f'id="param-{slug}"' in html
    assert "Entry-level (0-2 years): $90,000 – $120,000" in html
