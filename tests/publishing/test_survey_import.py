"""Admins import a salary survey as a CSV of bands: checked line by line, shown against the data, published whole."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from compensation import survey
from compensation.models import SalaryBand
from dataversions.models import DataVersion

pytestmark = pytest.mark.django_db
URL = "admin:compensation_salaryband_import"
HEADER = "role,location,industry,min,max,open_top,currency,pay_basis,provenance,source\n"
GOOD = HEADER + (
    ",london,,60000,95000,no,GBP,base,assumption,2026 London survey (n=412).\n"
    ",berlin-munich,,70000,100000,no,EUR,base,assumption,2026 Berlin survey.\n"
)


def upload(client, text: str):
    file = SimpleUploadedFile("survey.csv", text.encode(), content_type="text/csv")
    return client.post(reverse(URL), {"file": file, "_upload": "Check the file"})


def test_the_band_list_links_to_the_import(staff_client):
    html = staff_client.get(reverse("admin:compensation_salaryband_changelist")).content.decode()
    assert reverse(URL) in html


def test_a_good_file_is_shown_against_the_data_with_its_effect_and_not_yet_saved(staff_client, make_plan, user):
    make_plan(user, location="london")
    html = upload(staff_client, GOOD).content.decode()

    assert 'data-line="2" data-action="changed"' in html
    assert "min_amount: 55000.00 → 60000.00" in html
    assert 'data-preview-moved="1"' in html
    assert SalaryBand.objects.get(slug="location-london").min_amount == 55000
    assert DataVersion.objects.count() == 1


def test_publishing_makes_one_version_with_the_note(staff_client):
    response = staff_client.post(
        reverse(URL), {"text": GOOD, "change_note": "2026 survey: London bands", "_publish": "1"}
    )

    assert response.status_code == 302
    version = DataVersion.objects.first()
    assert (version.number, version.note, version.kind) == (2, "2026 survey: London bands", "import")
    assert sorted(c.key for c in version.changes.all()) == ["location-berlin-munich", "location-london"]
    assert SalaryBand.objects.get(slug="location-london").max_amount == 95000
    assert SalaryBand.objects.get(slug="location-london").rationale == "2026 London survey (n=412)."


def test_publishing_needs_a_note(staff_client):
    html = staff_client.post(reverse(URL), {"text": GOOD, "change_note": " ", "_publish": "1"}).content.decode()
    assert "Write a note for this version" in html
    assert DataVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            ",london,,95000,60000,no,GBP,base,assumption,x",
            "Line 3 (location london): max: The top of the band must be at least its bottom (min ≤ max).",
        ),
        (
            ",london,,60000,95000,no,USD,base,assumption,x",
            "Line 3 (location london): currency: London pays in GBP, so its band must be in GBP, not USD.",
        ),
        (",london,,-5,95000,no,GBP,base,assumption,x", "Line 3 (location london): min: Pay cannot be negative."),
        (",london,,60000,95000,no,GBP,base,assumption,", "Line 3 (location london): source is empty."),
        (",london,,60000,95000,no,GBP,base,article,", "Line 3 (location london): source is empty."),
        (
            ",atlantis,,60000,95000,no,GBP,base,assumption,x",
            "Line 3 (location atlantis): there is no location “atlantis”.",
        ),
        (
            "senior,london,,60000,95000,no,GBP,base,assumption,x",
            "Line 3 (?): name exactly one of role, location or industry (its slug).",
        ),
        (",london,,sixty,95000,no,GBP,base,assumption,x", "Line 3 (location london): min: “sixty” is not an amount."),
        (
            ",london,,60000,95000,maybe,GBP,base,assumption,x",
            "Line 3 (location london): open_top: write yes or no, not “maybe”.",
        ),
    ],
)
def test_a_bad_line_publishes_nothing_and_is_named(staff_client, line, message):
    text = HEADER + ",berlin-munich,,70000,100000,no,EUR,base,assumption,ok\n" + line + "\n"

    html = upload(staff_client, text).content.decode()
    staff_client.post(reverse(URL), {"text": text, "change_note": "Try anyway", "_publish": "1"})

    assert "Nothing was published" in html
    assert message in survey.read(text).errors
    assert SalaryBand.objects.get(slug="location-berlin-munich").min_amount != 70000
    assert DataVersion.objects.count() == 1


def test_a_new_band_is_added(staff_client):
    text = HEADER + "senior,,,170000,230000,yes,USD,total,assumption,A survey of total pay.\n"
    staff_client.post(reverse(URL), {"text": text, "change_note": "Senior total pay", "_publish": "1"})
    band = SalaryBand.objects.get(slug="role-senior-total")
    assert (band.covers, band.open_ended, band.max_amount) == ("total", True, 230000)


def test_the_checked_file_travels_to_the_publish_step(staff_client):
    html = upload(staff_client, GOOD).content.decode()
    assert 'name="text" value="role,location,industry' in html
