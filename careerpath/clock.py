"""The one name for "now" in years: projections start this year, target years count from it."""

from django.utils import timezone


def this_year() -> int:
    return timezone.localdate().year
