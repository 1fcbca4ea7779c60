"""Admins see and edit the bonus-and-equity shares and every band's pay basis."""

import pytest
from django.urls import reverse

from compensation.models import BonusEquityShare

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin@example.com", is_staff=True, is_superuser=True))
    return client


def test_the_share_list_shows_each_share_of_total_pay(admin_client):
    html = admin_client.get(reverse("admin:compensation_bonusequityshare_changelist")).content.decode()
    assert "Technology (FAANG)" in html and "Every other industry" in html and "45%" in html


def test_a_share_is_edited_in_admin_and_changes_the_projection(admin_client):
    from compensation.catalog import get_catalog
    from engine.projection import project
    from tests.builders import YEAR, profile

    share = BonusEquityShare.objects.get(role__slug="mid", company_type__slug="large", industry=None)
    before = project(profile(), get_catalog(), YEAR).tracks[0].steps[0].total_min
    url = reverse("admin:compensation_bonusequityshare_change", args=[share.pk])
    data = {
        "role": share.role_id,
        "company_type": share.company_type_id,
        "industry": "",
        "share": "0.30",
        "provenance": "assumption",
        "source_quote": "",
        "rationale": "A test.",
        "change_note": "Mid-level bonus at large companies",
    }
    assert admin_client.post(url, data).status_code == 302
    after = project(profile(), get_catalog(), YEAR).tracks[0].steps[0].total_min
    assert after > before


def test_the_band_list_shows_the_pay_basis(admin_client):
    html = admin_client.get(reverse("admin:compensation_salaryband_changelist")).content.decode()
    assert "Pay basis" in html and "Total pay (base with bonus and equity)" in html
