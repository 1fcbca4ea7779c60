"""`manage.py preview_benchmark` times the admin's "Preview effect" on the saved plans (after `seed_scale`): it says
how many plans a band change moves and how long that took."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_the_benchmark_says_what_a_band_change_moves_and_how_long_it_took():
    run("seed_scale", users=3, plans=12)
    said = run("preview_benchmark", band="location-seattle", runs=2)
    assert re.search(r"preview of location-seattle × 1\.05: 12 plans, 12 examined \(all\)", said), said
    assert re.search(r"best \d+\.\d\d s, median \d+\.\d\d s of 2 runs", said), said


def test_the_benchmark_refuses_a_band_that_does_not_exist():
    with pytest.raises(CommandError, match="No band 'no-such-band'"):
        run("preview_benchmark", band="no-such-band", runs=1)
