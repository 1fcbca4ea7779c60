""" "Why this figure": each figure's explanation, fetched when opened (htmx) or followed as a link."""

import pytest
from django.urls import reverse

from tests.links import why_urls

pytestmark = pytest.mark.django_db

PROFILE = {
    "current_level": "mid",
    "years_experience": "4",
    "location": "seattle",
    "industry": "technology-faang",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning"],
    "work_mode": "onsite",
}


def why_links(html: str) -> list[str]:
    return [url for url in why_urls(html) if url.startswith("/explain/?")]


def test_every_step_links_to_its_own_explanation(client):
    html = client.get(reverse("estimate"), PROFILE).content.decode()
    links = why_links(html)
    assert any(link.endswith("figure=management/director-vp") for link in links)
    assert any(link.endswith("figure=common") for link in links)
    assert len(links) == html.count('class="why"')


def test_explanation_page_names_the_figure_and_its_sources(client):
    response = client.get(reverse("explain"), {**PROFILE, "figure": "management/director-vp"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Why this figure: Director or VP of Machine Learning, management track" in html
    assert "Back to the projection" in html and "/estimate/?current_level=mid" in html
    assert 'class="explanation"' in html


def test_htmx_gets_only_the_explanation(client):
    response = client.get(reverse("explain"), {**PROFILE, "figure": "common"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<ul class="explanation">')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_freelance_figure_of_a_salaried_profile_is_404(client):
    assert client.get(reverse("explain"), {**PROFILE, "figure": "freelance"}).status_code == 404


def test_step_below_the_current_level_is_404(client):
    response = client.get(reverse("explain"), {**PROFILE, "current_level": "senior", "figure": "management/mid"})
    assert response.status_code == 404


@pytest.mark.parametrize("figure", ["", "nowhere", "management/nobody", "../../etc"])
def test_unknown_figure_is_400_with_a_message(client, figure):
    response = client.get(reverse("explain"), {**PROFILE, "figure": figure})
    assert response.status_code == 400
    assert "This link does not name a figure" in response.content.decode()


def test_bad_profile_is_400_with_the_field_named(client):
    response = client.get(reverse("explain"), {**PROFILE, "location": "atlantis", "figure": "common"})
    assert response.status_code == 400
    assert "Choose a location from the list." in response.content.decode()


def test_explanations_are_sentences_with_units_not_engine_internals(client):
    html = client.get(reverse("explain"), {**PROFILE, "figure": "common"}).content.decode()
    assert "Seattle pays 17 % more than the US average" in html
    assert "Deep learning: +12 percentile points within the band" in html
    assert "everyone starts at the 30th percentile" in html
    assert "band-ref" not in html and "location-seattle" not in html and "0.500" not in html
