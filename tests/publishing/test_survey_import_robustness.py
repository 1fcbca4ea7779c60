"""The survey import never answers 500 (issue 24, item 8): NaN, infinities, over-long fields, broken CSV,
short and long lines, NUL bytes and bad encodings each give a line error, and a hypothesis fuzz test over
rows and raw bytes finds no exception."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compensation import survey
from dataversions.models import DataVersion

pytestmark = pytest.mark.django_db

URL = "admin:compensation_salaryband_import"
HEADER = "role,location,industry,min,max,open_top,currency,pay_basis,provenance,source\n"
GOOD_LINE = ",london,,60000,95000,no,GBP,base,assumption,2026 London survey.\n"
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


def upload(client, content: bytes):
    file = SimpleUploadedFile("survey.csv", content, content_type="text/csv")
    return client.post(reverse(URL), {"file": file, "_upload": "Check the file"})


def errors_of(response) -> list[str]:
    assert response.status_code == 200
    form = response.context["form"]
    return [
        *form.non_field_errors(),
        *(response.context.get("survey").errors if response.context.get("survey") else []),
    ]


def test_a_field_over_128_kb_is_a_line_error(staff_client):
    text = HEADER + GOOD_LINE + ",berlin-munich,,70000,100000,no,EUR,base,assumption," + "x" * 140_000 + "\n"

    errors = errors_of(upload(staff_client, text.encode()))

    assert errors == [
        "Line 3 cannot be read as CSV (field larger than field limit (131072)); nothing after it was read."
    ]
    assert DataVersion.objects.count() == 1


def test_an_over_long_header_is_an_error_too(staff_client):
    errors = errors_of(upload(staff_client, ("x" * 140_000 + "\n" + GOOD_LINE).encode()))

    assert errors == ["Line 1 (the header) cannot be read as CSV: field larger than field limit (131072)."]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (",london,,60000\n", "Line 2 (location london): max is empty."),
        (",london,,60000,95000,no,GBP,base,assumption,x,extra\n", "Line 2 has more cells than the header has columns."),
        ("\x00,london\n", "The file contains NUL characters: it is not a CSV text file."),
        (
            ",lon\x7fdon,,60000,95000,no,GBP,base,assumption,x\n",
            "Line 2 (location lon\x7fdon): there is no location “lon\x7fdon”.",
        ),
    ],
)
def test_short_long_and_binary_lines_are_line_errors(staff_client, line, error):
    errors = errors_of(upload(staff_client, (HEADER + line).encode()))

    assert error in errors


def test_a_file_that_is_not_utf8_is_refused_with_a_message(staff_client):
    errors = errors_of(
        upload(staff_client, (HEADER + ",london,,60000,95000,no,GBP,base,assumption,Zürich\n").encode("latin-1"))
    )

    assert errors == ["The file is not UTF-8 text: save it as “CSV UTF-8”."]


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "NaN",
            "sNaN",
            "-NaN",
            "Infinity",
            "-inf",
            "1e999999999",
            "0",
            "-1",
            "60000",
            "95000",
            "$1,000",
            "1_000",
            "london",
            "senior",
            "GBP",
            "USD",
            "base",
            "total",
            "yes",
            "no",
            "article",
            "assumption",
            '"',
            '""',
            "\r",
            "\x00",
        ]
    ),
)
ROW = st.lists(CELL, min_size=0, max_size=12)


def csv_line(cells: list[str]) -> str:
    return ",".join(cells)


@FUZZ
@given(rows=st.lists(ROW, max_size=6))
def test_fuzzed_rows_never_raise(rows):
    text = HEADER + "\n".join(csv_line(cells) for cells in rows)

    found = survey.read(text)

    assert isinstance(found.errors, list)


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.lists(ROW, max_size=4).map(
            lambda rows: (HEADER + "\n".join(csv_line(cells) for cells in rows)).encode("utf-8", "surrogatepass")
        ),
    )
)
def test_fuzzed_uploads_are_never_a_500(staff_client, content):
    response = upload(staff_client, content)  # an exception in the view would be raised here

    assert response.status_code == 200
    assert DataVersion.objects.count() == 1
