"""The methodology page: every band and parameter with its provenance."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_methodology_lists_every_band_and_parameter_with_provenance(client, catalog):
    html = client.get(reverse("methodology")).content.decode()
    for band in catalog.bands:
        assert f'id="band-{band.slug}"' in html
    for slug in catalog.parameters:
        assert f'id="param-{slug}"' in html
    assert "Entry-level (0-2 years): $90,000 – $120,000" in html
