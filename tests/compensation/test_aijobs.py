"""The aijobs.net survey: aggregated into role × country cells once, at import, by the mappings in the data,
and published as a version of the salary data (command and staff upload alike)."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from compensation import aijobs
from compensation.models import SurveyCell, SurveyTitle
from dataversions.models import DataVersion
from dataversions.surveys import publish_survey

pytestmark = pytest.mark.django_db
HEADER = (
    "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,"
    "employee_residence,remote_ratio,company_location,company_size\n"
)


def survey(*lines: str) -> bytes:
    return (HEADER + "".join(f"{line}\n" for line in lines)).encode()


SMALL = survey(
    *(
        f"2024,SE,FT,Machine Learning Engineer,{100_000 + 1000 * i},USD,{100_000 + 1000 * i},US,0,US,M"
        for i in range(41)
    ),
    "2024,SE,FT,ML Engineer,1000000,USD,1000000,US,0,US,M",  # a mapped title: counts
    "2024,SE,FT,Data Scientist,999999,USD,999999,US,0,US,M",  # not an ML title: left out
    "2023,SE,FT,Machine Learning Engineer,1,USD,1,US,0,US,M",  # another year: left out
    "2024,MI,FT,Research Scientist,90000,GBP,114000,GB,0,GB,M",
    "2024,MI,FT,Research Scientist,127000,USD,127000,GB,0,GB,M",  # paid in dollars: converted at our rate
)


def test_cells_count_mapped_titles_of_the_busiest_year_with_percentiles():
    cells, read = aijobs.prepare(SMALL)
    by_slug = {c["slug"]: c for c in cells}
    senior = by_slug["aijobs-us-senior"]
    assert senior["count"] == 42
    assert senior["years"] == "2024"
    assert senior["p50"] == 120_500.0  # 100,000 … 140,000 and one 1,000,000: the median of 42, to the hundred
    assert senior["currency"] == "USD" and senior["location"] == "us-average"
    assert read.answers == 46


def test_a_salary_paid_in_another_currency_is_converted_at_the_catalogs_rate():
    cells, _read = aijobs.prepare(SMALL)
    research = next(c for c in cells if c["slug"] == "aijobs-gb-research-scientist")
    assert research["currency"] == "GBP" and research["count"] == 2
    assert 90_000 < research["p10"] < 92_000  # near the pound salary as paid
    assert 95_000 < research["p90"] < 101_000  # $127,000 at the fixture's pound rate


def test_the_command_publishes_the_cells_as_one_version_and_keeps_a_known_gap(tmp_path):
    SurveyCell.objects.filter(slug="aijobs-us-senior").update(known_gap="Big tech is under-sampled.")
    path = tmp_path / "survey.csv.gz"
    path.write_bytes(gzip.compress(SMALL))
    versions = DataVersion.objects.count()

    call_command("import_survey", str(path), "--note", "A small survey")

    version = DataVersion.objects.latest("number")
    assert DataVersion.objects.count() == versions + 1
    assert version.kind == DataVersion.Kind.IMPORT and version.note == "A small survey"
    senior = SurveyCell.objects.get(slug="aijobs-us-senior")
    assert senior.count == 42 and senior.known_gap == "Big tech is under-sampled."
    assert not SurveyCell.objects.filter(slug="aijobs-us-entry").exists()  # not in this file: removed


def test_the_shipped_snapshot_gives_the_fixtures_cells():
    """The fixture's cells are the shipped file's: importing it again changes nothing."""
    result, version = publish_survey(aijobs.SNAPSHOT.read_bytes(), note="again")
    assert version is None
    assert result.unchanged == SurveyCell.objects.count() > 10
    senior = SurveyCell.objects.get(slug="aijobs-us-senior")
    assert senior.count > 2000 and senior.years == "2024"


def test_a_title_mapped_by_staff_counts_at_the_next_import():
    SurveyTitle.objects.create(
        slug="data-scientist", title="Data Scientist", track_id=SurveyTitle.objects.first().track_id
    )
    cells, _read = aijobs.prepare(SMALL)
    assert next(c for c in cells if c["slug"] == "aijobs-us-senior")["count"] == 43


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a,b\n1,2\n", "lacks the survey's columns"),
        (b"\x1f\x8bnot gzip", "cannot be read"),
        (b"\xff\xfe", "not UTF-8"),
        (survey("2024,SE,FT,Data Scientist,1,USD,1,US,0,US,M"), "No line of the file maps"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(raw, message):
    with pytest.raises(aijobs.SurveyFileError, match=message):
        aijobs.prepare(raw)


def test_staff_upload_publishes_a_version(staff_client):
    file = SimpleUploadedFile("survey.csv", SMALL, content_type="text/csv")
    response = staff_client.post(
        reverse("admin:compensation_surveycell_upload"),
        {"file": file, "source": "aijobs.net test", "years": "2024", "change_note": "Uploaded"},
    )
    version = DataVersion.objects.latest("number")
    assert response.status_code == 302 and version.note == "Uploaded"
    assert SurveyCell.objects.get(slug="aijobs-us-senior").source == "aijobs.net test"


def test_staff_upload_of_a_bad_file_is_a_message_not_an_error(staff_client):
    file = SimpleUploadedFile("survey.csv", b"a,b\n1,2\n", content_type="text/csv")
    response = staff_client.post(
        reverse("admin:compensation_surveycell_upload"), {"file": file, "source": "x", "change_note": "Uploaded"}
    )
    assert response.status_code == 200
    assert "lacks the survey" in response.content.decode()


def test_the_mappings_are_in_admin(staff_client):
    for name in ("surveytitle", "surveylevel", "surveycountry", "surveycell"):
        assert staff_client.get(reverse(f"admin:compensation_{name}_changelist")).status_code == 200
    html = staff_client.get(reverse("admin:compensation_surveycell_changelist")).content.decode()
    assert reverse("admin:compensation_surveycell_upload") in html
