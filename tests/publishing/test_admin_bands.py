"""Staff edit salary bands in the admin; a bad band is refused with a message that says what to fix."""

from decimal import Decimal

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from compensation.models import Industry, Location, Role, SalaryBand
from tests.builders import admin_band_form

CHANGELIST = "admin:compensation_salaryband_changelist"
ADD = "admin:compensation_salaryband_add"
CHANGE_URL = "admin:compensation_salaryband_change"

# A band no fixture row has yet: US average total compensation.
NEW_BAND = {
    "slug": "us-average-total",
    "kind": "overall",
    "role": "",
    "location": "",
    "industry": "",
    "min_amount": "130000",
    "max_amount": "200000",
    "currency": "USD",
    "period": "year",
    "covers": "total",
    "provenance": "assumption",
    "source_quote": "",
    "rationale": "The base average plus a typical bonus and equity share.",
    "change_note": "A test edit",
    "_save": "Save",
}


def assert_refused(response, field: str, message: str) -> None:
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors[field] == [message]
    assert escape(message) in response.content.decode()


def pk_of(model, slug: str) -> int:
    return model.objects.get(slug=slug).pk


ADD_CASES = [
    pytest.param(
        {"min_amount": "200000", "max_amount": "150000"},
        "max_amount",
        "The top of the band must be at least its bottom (min ≤ max).",
        id="min-above-max",
    ),
    pytest.param({"min_amount": "-1"}, "min_amount", "Pay cannot be negative.", id="negative-pay"),
    pytest.param(
        {"kind": "location", "location": ("london",), "currency": "USD", "covers": "base"},
        "currency",
        "London pays in GBP, so its band must be in GBP, not USD.",
        id="currency-not-the-locations",
    ),
    pytest.param(
        {"kind": "role", "role": ("entry",), "covers": "base"},
        "__all__",
        "There is already a band for this (role-entry); edit that one instead of adding a duplicate.",
        id="duplicate",
    ),
    pytest.param(
        {"rationale": "   "},
        "rationale",
        "An assumption needs a rationale that users can read.",
        id="assumption-without-rationale",
    ),
    pytest.param(
        {"provenance": "article", "source_quote": ""},
        "source_quote",
        "A figure from the article needs the sentence it comes from.",
        id="article-without-quote",
    ),
    pytest.param({"kind": "role"}, "role", "A band by role needs a role.", id="role-band-without-role"),
]


@pytest.mark.parametrize(("changes", "field", "message"), ADD_CASES)
def test_a_bad_new_band_is_refused_with_a_clear_message(staff_client, changes, field, message):
    for name, model in (("role", Role), ("location", Location)):
        if isinstance(changes.get(name), tuple):
            changes = {**changes, name: pk_of(model, changes[name][0])}
    before = SalaryBand.objects.count()

    response = staff_client.post(reverse(ADD), {**NEW_BAND, **changes})

    assert_refused(response, field, message)
    assert SalaryBand.objects.count() == before
    assert not LogEntry.objects.exists()


def test_changing_a_locations_band_to_another_currency_is_refused(staff_client):
    band = SalaryBand.objects.get(slug="location-london")

    response = staff_client.post(reverse(CHANGE_URL, args=[band.pk]), admin_band_form(band, currency="usd"))

    assert_refused(response, "currency", "London pays in GBP, so its band must be in GBP, not USD.")
    band.refresh_from_db()
    assert band.currency == "GBP"


def test_lowering_a_bands_top_below_its_bottom_is_refused(staff_client):
    band = SalaryBand.objects.get(slug="role-entry")

    response = staff_client.post(reverse(CHANGE_URL, args=[band.pk]), admin_band_form(band, max_amount="80000"))

    assert_refused(response, "max_amount", "The top of the band must be at least its bottom (min ≤ max).")
    band.refresh_from_db()
    assert band.max_amount == Decimal("130000")
    assert not LogEntry.objects.exists()


def test_editing_a_band_to_duplicate_another_is_refused(staff_client):
    band = SalaryBand.objects.get(slug="role-mid")

    response = staff_client.post(reverse(CHANGE_URL, args=[band.pk]), admin_band_form(band, role=pk_of(Role, "entry")))

    assert_refused(
        response,
        "__all__",
        "There is already a band for this (role-entry); edit that one instead of adding a duplicate.",
    )
    band.refresh_from_db()
    assert band.role.slug == "mid"


def test_a_good_edit_is_saved_and_logged(staff_client):
    band = SalaryBand.objects.get(slug="role-entry")

    response = staff_client.post(reverse(CHANGE_URL, args=[band.pk]), admin_band_form(band, min_amount="95000"))

    assert response.status_code == 302
    assert response.url == reverse(CHANGELIST)
    band.refresh_from_db()
    assert band.min_amount == Decimal("95000")
    entry = LogEntry.objects.get()
    assert entry.action_flag == CHANGE
    assert entry.object_id == str(band.pk)
    assert "Min amount" in entry.get_change_message()


def test_a_good_new_band_is_added_and_logged(staff_client):
    before = SalaryBand.objects.count()

    response = staff_client.post(reverse(ADD), NEW_BAND)

    assert response.status_code == 302
    assert SalaryBand.objects.count() == before + 1
    band = SalaryBand.objects.get(slug="us-average-total")
    assert (band.min_amount, band.max_amount, band.covers) == (Decimal("130000"), Decimal("200000"), "total")
    assert LogEntry.objects.get().action_flag == ADDITION


def test_non_staff_user_is_sent_to_the_admin_login(user_client):
    before = SalaryBand.objects.count()

    listing = user_client.get(reverse(CHANGELIST))
    adding = user_client.post(reverse(ADD), NEW_BAND)

    for response in (listing, adding):
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login") + "?next=")
    assert SalaryBand.objects.count() == before


def changelist_queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_band_list_shows_money_in_each_bands_currency(staff_client):
    _, page = changelist_queries(staff_client)

    assert "$100,000 – $130,000" in page  # the entry band as the public survey edited it
    assert "$160,000 – $200,000+" in page
    assert "£55,000 – £90,000" in page
    assert "CA$110,000 – CA$160,000" in page
    assert "₹12,00,000 – ₹35,00,000" in page
    assert "$60 – $150/hour" in page
    assert "$300,000+" in page


def test_band_list_takes_the_same_few_queries_however_many_bands(staff_client, django_assert_max_num_queries):
    changelist_queries(staff_client)  # the first request of a process loads the catalog
    with django_assert_max_num_queries(5):  # session, user, catalog version, count, page of bands
        few, _ = changelist_queries(staff_client)

    for i in range(20):
        industry = Industry.objects.create(slug=f"industry-{i}", name=f"Industry {i}", order=10 + i)
        SalaryBand.objects.create(
            slug=f"industry-{i}",
            kind="industry",
            industry=industry,
            min_amount=100000 + i,
            max_amount=150000,
            provenance="assumption",
            rationale="A test band.",
        )
    changelist_queries(staff_client)  # the data changed: this request reloads the catalog once
    many, page = changelist_queries(staff_client)

    assert "$100,019 – $150,000" in page
    assert many == few


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"location": "london"}, "£55,000 – £90,000", "$150,000 – $200,000"),
        ({"industry": "automotive"}, "$130,000 – $190,000", "£55,000 – £90,000"),
        ({"role": "entry"}, "$100,000 – $130,000", "$120,000 – $160,000"),
        ({"provenance": "assumption"}, "$230,000 – $320,000", "£55,000 – £90,000"),
    ],
)
def test_band_list_filters_by_location_industry_level_and_provenance(staff_client, query, shown, hidden):
    page = staff_client.get(reverse(CHANGELIST), query).content.decode()
    assert shown in page
    assert hidden not in page


@pytest.mark.parametrize(
    "model",
    [
        "location",
        "industry",
        "track",
        "role",
        "skill",
        "education",
        "companytype",
        "exchangerate",
        "parameter",
        "salaryband",
    ],
)
def test_every_compensation_table_has_a_list_and_an_add_form(staff_client, model):
    assert staff_client.get(reverse(f"admin:compensation_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:compensation_{model}_add")).status_code == 200


def test_every_band_opens_in_its_change_form(staff_client):
    for band in SalaryBand.objects.all():
        response = staff_client.get(reverse(CHANGE_URL, args=[band.pk]))
        assert response.status_code == 200, band.slug


def test_parameter_list_shows_value_with_its_unit_and_provenance(staff_client):
    page = staff_client.get(reverse("admin:compensation_parameter_changelist")).content.decode()

    assert "1500 hours per year" in page
    assert "0.3 share of band" in page
    assert "Assumption" in page


def test_plan_list_shows_owner_email_without_a_query_per_plan(staff_client, make_plan, user, other_user):
    make_plan(user)
    url = reverse("admin:careerpath_plan_changelist")
    few, _ = len_and_page(staff_client, url)
    for i in range(10):
        make_plan(other_user, title=f"Plan {i}")

    many, page = len_and_page(staff_client, url)

    assert "ada@example.com" in page
    assert "mallory@example.com" in page
    assert many == few <= 5  # session, user, catalog version (filters), count, page of plans


def test_plan_list_filters_by_location_and_level(staff_client, make_plan, user):
    make_plan(user, title="In London", location="london")
    make_plan(user, title="Senior in Seattle", current_level="senior")
    url = reverse("admin:careerpath_plan_changelist")

    london = staff_client.get(url, {"location": "london"}).content.decode()
    senior = staff_client.get(url, {"level": "senior"}).content.decode()

    assert "In London" in london and "Senior in Seattle" not in london
    assert "Senior in Seattle" in senior and "In London" not in senior


def len_and_page(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_share_link_list_opens(staff_client, plan):
    plan.share_links.create()

    response = staff_client.get(reverse("admin:careerpath_sharelink_changelist"))

    assert response.status_code == 200
    assert "ada@example.com" in response.content.decode()
