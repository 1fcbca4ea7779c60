"""Reading a salary survey (`compensation/survey.py`): each line a band to add or change, checked with the band's
own rules, every problem named by its line; a file that cannot be read says why in one sentence."""

import pytest

from compensation import survey
from compensation.models import SalaryBand

pytestmark = pytest.mark.django_db

HEADER = "role,location,industry,min,max,open_top,currency,pay_basis,provenance,source\n"


def test_a_line_for_a_band_that_exists_changes_it_and_keeps_what_it_was():
    read = survey.read(HEADER + ",london,,60000,95000,no,GBP,base,assumption,2026 London survey.\n")
    assert read.ok, read.errors
    [row] = read.rows
    assert row.action == "changed"
    assert row.band.pk == SalaryBand.objects.get(slug="location-london").pk
    assert row.before is not None and row.after is not None
    assert row.band.rationale == "2026 London survey."


def test_a_line_for_a_new_band_adds_one_named_by_its_subject_and_pay_basis():
    read = survey.read(HEADER + "senior,,,170000,230000,yes,USD,total,assumption,A survey of total pay.\n")
    assert read.ok, read.errors
    [row] = read.rows
    assert row.action == "added"
    assert row.band.pk is None
    assert row.band.slug == "role-senior-total"


def test_the_source_is_the_sentence_of_an_article_line_and_the_rationale_of_an_assumption():
    line = 'senior,,,160000,215000,no,USD,base,article,"Senior ML Engineer (5-8 years): $160,000 - $215,000"\n'
    [row] = survey.read(HEADER + line).rows
    assert row.band.source_quote == "Senior ML Engineer (5-8 years): $160,000 - $215,000"


def test_a_change_of_more_than_half_needs_confirming():
    line = ",london,,600000,950000,no,GBP,base,assumption,Ten times the London band.\n"
    assert not survey.read(HEADER + line).ok
    assert survey.read(HEADER + line, confirm_large_changes=True).ok


def test_the_same_band_twice_is_an_error():
    text = HEADER + ",london,,60000,95000,no,GBP,base,assumption,a\n,london,,61000,95000,no,GBP,base,assumption,b\n"
    assert "Line 3 (location london): line 2 already gives this band." in survey.read(text).errors


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("role,location,min\n", "Line 1 (the header) lacks the columns industry, max"),
        (HEADER.replace(",source", ""), "Line 1 (the header) lacks the column source."),
    ],
)
def test_a_missing_column_is_named(header, said):
    assert survey.read(header).errors[0].startswith(said)


def test_a_file_with_nul_characters_is_not_read_as_csv():
    assert survey.read(HEADER + "\x00\n").errors == ["The file contains NUL characters: it is not a CSV text file."]


def test_a_file_with_no_bands_says_so():
    assert survey.read(HEADER).errors == ["The file has no bands in it."]


def test_the_example_in_the_format_help_is_a_good_file():
    assert survey.read(survey.EXAMPLE).ok
