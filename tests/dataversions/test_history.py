"""The data as it was (`dataversions/history.py`): any earlier version rebuilt from the history, and reverting to
one as a new version that keeps the history."""

import pytest
from django.urls import reverse

from compensation.catalog import get_catalog
from compensation.models import Location, SalaryBand
from dataversions.history import catalog_at
from dataversions.models import DataVersion
from tests.builders import admin_band_form

pytestmark = pytest.mark.django_db


def edit_band(client, slug: str, note: str = "2026 survey: London bands", **changes):
    band = SalaryBand.objects.get(slug=slug)
    return client.post(
        reverse("admin:compensation_salaryband_change", args=[band.pk]), admin_band_form(band, note, **changes)
    )


def test_the_data_at_an_earlier_version_is_rebuilt_from_the_history(staff_client):
    edit_band(staff_client, "location-london", min_amount="60000", max_amount="95000")
    edit_band(staff_client, "location-seattle", note="Seattle", min_amount="140000")

    assert catalog_at(1).location_bands["london"].min == 55000
    assert catalog_at(2).location_bands["london"].min == 60000
    assert catalog_at(2).location_bands["seattle"].min == 135000
    assert get_catalog().location_bands["seattle"].min == 140000


def test_revert_restores_the_figures_as_a_new_version_and_keeps_the_history(staff_client):
    edit_band(staff_client, "location-london", min_amount="60000", max_amount="95000")
    edit_band(staff_client, "location-seattle", note="Seattle", min_amount="140000")
    first = DataVersion.objects.get(number=1)

    response = staff_client.post(reverse("admin:dataversions_dataversion_revert", args=[first.pk]))

    assert response.status_code == 302
    assert [v.number for v in DataVersion.objects.all()] == [4, 3, 2, 1]
    revert = DataVersion.objects.get(number=4)
    assert revert.kind == "revert" and revert.reverted_to == 1 and revert.note.startswith("Revert to version 1")
    assert sorted(c.key for c in revert.changes.all()) == ["location-london", "location-seattle"]
    assert SalaryBand.objects.get(slug="location-london").min_amount == 55000
    assert SalaryBand.objects.get(slug="location-seattle").min_amount == 135000
    assert get_catalog().location_bands["london"].min == 55000
    assert DataVersion.objects.get(number=2).changes.get().after["min_amount"] == "60000.00"  # never rewritten


def test_revert_brings_back_a_deleted_row(staff_client):
    location = Location.objects.get(slug="london")
    band = SalaryBand.objects.get(slug="location-london")
    staff_client.post(
        reverse("admin:compensation_salaryband_delete", args=[band.pk]), {"post": "yes", "change_note": "x"}
    )
    assert not SalaryBand.objects.filter(location=location).exists()

    staff_client.post(reverse("admin:dataversions_dataversion_revert", args=[DataVersion.objects.get(number=1).pk]))

    assert SalaryBand.objects.get(slug="location-london").location == location
