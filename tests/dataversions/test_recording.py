"""Every published change of the salary data is a numbered version with its note and its rows
(`dataversions/recording.py`): admin saves and deletes, `loaddata`, and changes made anywhere else."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from compensation.catalog import get_catalog
from compensation.models import DataStamp, SalaryBand
from dataversions.models import DataVersion
from tests.builders import admin_band_form

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def edit_band(client, slug: str, note: str = "2026 survey: London bands", **changes):
    band = SalaryBand.objects.get(slug=slug)
    return client.post(
        reverse("admin:compensation_salaryband_change", args=[band.pk]), admin_band_form(band, note, **changes)
    )


def test_the_fixture_loads_as_the_version_it_was_dumped_at():
    stamp = json.loads((ROOT / "fixtures" / "compensation.json").read_text())[-1]
    assert stamp["model"] == "compensation.datastamp"
    first = DataVersion.objects.get()
    assert first.number == stamp["fields"]["number"] == get_catalog().data_version
    assert first.kind == "loaddata"
    assert first.note.startswith("Loaded fixture compensation")
    assert first.changes.count() > 100 and all(c.action == "added" for c in first.changes.all())


def test_loading_the_same_fixture_again_makes_no_version():
    call_command("loaddata", "compensation", verbosity=0)
    assert DataVersion.objects.count() == 1
    assert DataStamp.objects.get().number == 1


def test_a_band_edit_in_admin_makes_a_version_with_its_note_author_and_diff(staff_client):
    response = edit_band(staff_client, "location-london", min_amount="60000", max_amount="95000")
    assert response.status_code == 302

    version = DataVersion.objects.first()
    assert (version.number, version.note, version.kind) == (2, "2026 survey: London bands", "admin")
    assert version.author.email == "admin@example.com"
    [change] = version.changes.all()
    assert (change.table, change.key, change.action) == ("salaryband", "location-london", "changed")
    # The article's band, edited: its provenance follows the figure, with the note as its source (issue 21).
    assert change.diff() == [
        ("provenance", "article", "edited"),
        ("rationale", "", "2026 survey: London bands"),
        ("min_amount", "55000.00", "60000.00"),
        ("max_amount", "90000.00", "95000.00"),
    ]
    assert get_catalog().data_version == 2
    assert DataStamp.objects.get().note == "2026 survey: London bands"


def test_an_admin_save_without_a_note_is_refused_and_publishes_nothing(staff_client):
    response = edit_band(staff_client, "location-london", note="", min_amount="60000")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["change_note"] == ["This field is required."]
    assert SalaryBand.objects.get(slug="location-london").min_amount == 55000
    assert DataVersion.objects.count() == 1


def test_a_delete_needs_a_note_and_is_a_version(staff_client):
    band = SalaryBand.objects.get(slug="freelance-hourly")
    url = reverse("admin:compensation_salaryband_delete", args=[band.pk])
    assert 'name="change_note"' in staff_client.get(url).content.decode()

    staff_client.post(url, {"post": "yes"})
    assert SalaryBand.objects.filter(slug="freelance-hourly").exists()

    staff_client.post(url, {"post": "yes", "change_note": "No freelance band any more"})
    assert not SalaryBand.objects.filter(slug="freelance-hourly").exists()
    version = DataVersion.objects.first()
    assert version.note == "No freelance band any more"
    assert [(c.key, c.action) for c in version.changes.all()] == [("freelance-hourly", "deleted")]


def test_a_change_outside_admin_is_still_a_version():
    band = SalaryBand.objects.get(slug="role-mid")
    band.max_amount = 170000
    band.save()

    version = DataVersion.objects.first()
    assert version.kind == "script"
    assert "role-mid" in version.note


def test_the_version_list_and_page_show_the_changes_read_only(staff_client):
    edit_band(staff_client, "location-london", min_amount="60000", max_amount="95000")
    version = DataVersion.objects.first()

    listing = staff_client.get(reverse("admin:dataversions_dataversion_changelist")).content.decode()
    page = staff_client.get(reverse("admin:dataversions_dataversion_change", args=[version.pk])).content.decode()

    assert "2026 survey: London bands" in listing
    assert "min_amount: 55000.00 → 60000.00" in page
    assert "Revert to this version" in page
    assert 'name="_save"' not in page


def test_the_catalog_version_keeps_moving_with_every_change(staff_client):
    before = get_catalog().version
    edit_band(staff_client, "location-london", min_amount="60000")
    middle = get_catalog().version
    staff_client.post(reverse("admin:dataversions_dataversion_revert", args=[DataVersion.objects.get(number=1).pk]))
    assert before < middle < get_catalog().version


def test_projection_json_names_the_data_version(user_client, plan, staff_client):
    edit_band(staff_client, "location-london", min_amount="60000")
    user_client.force_login(plan.owner)
    body = user_client.get(reverse("projection_json", args=[plan.pk])).json()
    assert body["data_version"] == 2
