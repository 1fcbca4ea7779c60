"""Account page, data export and account deletion (allauth ships neither of the last two)."""

from django.http import Http404


def overview(request):
    raise Http404


export = delete = overview
