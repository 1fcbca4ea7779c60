"""Numbers from a survey file are bounded (digits and exponent) before any arithmetic or message, the
preview page's size follows the file's, and a line with an unclosed quote is an error for that line
(issue 33, items 4 and 10).

Before: one line `,london,,1e999999999,...` hung the worker until gunicorn killed it; `1e1000000` made a
247-byte file into an 8 MB page (the "more than ±50 %" message wrote the number out in full); an unclosed
quote swallowed the rest of the file into one cell, shown as a change ready to publish.
"""

import signal
import time
from contextlib import contextmanager

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compensation import survey
from dataversions.models import DataVersion

from .test_survey_import_robustness import GOOD_LINE, HEADER, errors_of, upload

pytestmark = pytest.mark.django_db

URL = "admin:compensation_salaryband_import"
HUGE = ["1e999999999", "1E+999999999", "-1e999999999", "1e1000000", "9" * 5000, "0." + "0" * 5000 + "1", "1e-999999"]


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


@contextmanager
def within(seconds: int):
    """Fail (instead of hanging the test run) if the block takes longer than `seconds`."""

    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("number", HUGE)
def test_a_number_beyond_any_pay_is_a_short_line_error_at_once(staff_client, number):
    text = HEADER + f",london,,{number},{number},no,GBP,base,assumption,x\n"
    started = time.monotonic()
    with within(10):
        response = upload(staff_client, text.encode())
    assert time.monotonic() - started < 5

    errors = errors_of(response)
    assert errors, "the line was accepted"
    assert all(len(error) < 300 for error in errors), errors
    assert len(response.content) < 100_000 + 20 * len(text.encode()), len(response.content)
    assert DataVersion.objects.count() == 1


@pytest.mark.parametrize("number", HUGE)
def test_a_huge_number_in_a_band_already_there_is_refused_before_the_change_check(staff_client, number):
    # London has a band: the ±50 % check compares with it, and once wrote the new figure out in full.
    text = HEADER + f",london,,60000,{number},no,GBP,base,assumption,x\n"
    with within(10):
        response = upload(staff_client, text.encode())
    assert len(response.content) < 100_000 + 20 * len(text.encode())
    assert any("max:" in error for error in errors_of(response))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    low=st.one_of(
        st.sampled_from(HUGE), st.from_regex(r"[-+]?\d{0,30}(\.\d{0,30})?([eE][-+]?\d{1,12})?", fullmatch=True)
    ),
    high=st.one_of(
        st.sampled_from(HUGE), st.from_regex(r"[-+]?\d{0,30}(\.\d{0,30})?([eE][-+]?\d{1,12})?", fullmatch=True)
    ),
)
def test_any_number_reads_quickly_and_briefly(low, high):
    text = HEADER + f",london,,{low},{high},no,GBP,base,assumption,x\n"
    with within(5):
        found = survey.read(text)
    assert all(len(error) < 300 for error in found.errors)


def test_the_preview_of_a_large_file_stays_in_proportion(staff_client):
    lines = [f",london,,{60000 + n},{95000 + n},no,GBP,base,assumption,{'survey note ' * 40}\n" for n in range(1)]
    text = (
        HEADER
        + "".join(lines)
        + "".join(f"bogus-{n},,,60000,95000,no,USD,base,assumption,{'x' * 400}\n" for n in range(1500))
    )
    response = upload(staff_client, text.encode())
    assert len(response.content) < 100_000 + 5 * len(text.encode()), (len(response.content), len(text))


def test_an_unclosed_quote_is_an_error_for_its_line_and_nothing_is_published(staff_client):
    text = (
        HEADER
        + GOOD_LINE
        + ',berlin-munich,,70000,100000,no,EUR,base,assumption,"Munich survey, 2026\n'
        + ",new-york-city,,150000,210000,no,USD,base,assumption,NYC survey.\n"
    )

    errors = errors_of(upload(staff_client, text.encode()))

    assert errors == [
        'Line 3 cannot be read as CSV: a quote (") opened on it is never closed; nothing was read from it on.'
    ]
    file = text.encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_client.post(
        reverse(URL),
        {"file": SimpleUploadedFile("s.csv", file), "change_note": "survey", "_publish": "Publish"},
    )
    assert DataVersion.objects.count() == 1


def test_a_quoted_line_break_inside_a_closed_quote_is_still_fine():
    text = HEADER + ',london,,60000,95000,no,GBP,base,assumption,"London survey,\nsecond line"\n'
    assert survey.read(text).errors == []
