"""Read-only share links: unguessable, show no email or notes, revocable."""

import pytest
from django.urls import reverse

from careerpath.models import ShareLink

pytestmark = pytest.mark.django_db


def test_owner_creates_a_link_that_anyone_can_open_read_only(user_client, client, plan, user):
    plan.notes = "private note about my manager"
    plan.save()
    response = user_client.post(reverse("plan_share", args=[plan.pk]), follow=True)
    link = ShareLink.objects.get(plan=plan)
    assert len(link.token) >= 32
    assert link.get_absolute_url() in response.content.decode()

    client.logout()
    html = client.get(link.get_absolute_url()).content.decode()
    assert "Move to management" in html and 'data-role="director-vp"' in html
    assert user.email not in html
    assert "private note" not in html
    assert 'name="title"' not in html  # no form: read-only


def test_revoked_link_is_404(user_client, client, plan):
    link = ShareLink.objects.create(plan=plan)
    response = user_client.post(reverse("share_revoke", args=[plan.pk, link.pk]), follow=True)
    assert "Share link revoked." in response.content.decode()
    assert client.get(link.get_absolute_url()).status_code == 404


def test_unknown_token_is_404(client):
    assert client.get(reverse("shared_plan", args=["not-a-token"])).status_code == 404


def test_another_user_cannot_revoke(client, other_user, plan):
    link = ShareLink.objects.create(plan=plan)
    client.force_login(other_user)
    assert client.post(reverse("share_revoke", args=[plan.pk, link.pk])).status_code == 404
    link.refresh_from_db()
    assert link.revoked is None


def test_every_shared_url_is_kept_out_of_search_engines(client, plan):
    link = ShareLink.objects.create(plan=plan)
    names = ["shared_plan", "shared_projection_json", "shared_projection_csv", "shared_earnings_csv"]
    for name in names:
        response = client.get(reverse(name, args=[link.token]))
        assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex", name
