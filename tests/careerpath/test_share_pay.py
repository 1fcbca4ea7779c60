"""Your pay on a share link (issue 15): hidden everywhere unless the owner ticked "show my pay on this link"."""

import re

import pytest
from django.urls import reverse

from careerpath.models import ShareLink
from tests.factories import csv_table
from tests.links import why_urls

pytestmark = pytest.mark.django_db

BASE, BONUS, EQUITY = 187_654, 23_456, 34_567  # figures that appear nowhere unless given


@pytest.fixture
def paid_plan(make_plan, user):
    return make_plan(
        user, current_base=str(BASE), current_bonus=str(BONUS), current_equity=str(EQUITY), horizon_years="15"
    )


def every_trace_of_pay(text: str) -> list[str]:
    """Any of the given figures, written plainly, with thousands separators, or in a query string."""
    found = []
    for amount in (BASE, BONUS, EQUITY, BASE + BONUS + EQUITY):
        for written in (str(amount), f"{amount:,}", f"current_base={amount}"):
            if written in text:
                found.append(written)
    for name in ("current_base", "current_bonus", "current_equity", "data-pay-sentence", "data-your-pay"):
        if name in text:
            found.append(name)
    return found


def shared(client, link) -> dict:
    token = link.token
    return {
        "page": client.get(reverse("shared_plan", args=[token])).content.decode(),
        "page_real": client.get(reverse("shared_plan", args=[token]), {"money": "real"}).content.decode(),
        "htmx": client.get(reverse("shared_plan", args=[token]), headers={"HX-Request": "true"}).content.decode(),
        "json": client.get(reverse("shared_projection_json", args=[token])).content.decode(),
        "csv": client.get(reverse("shared_projection_csv", args=[token])).content.decode(),
        "earnings": client.get(reverse("shared_earnings_csv", args=[token])).content.decode(),
    }


def test_a_new_link_hides_the_pay_by_default(user_client, paid_plan):
    page = user_client.get(reverse("plan_share", args=[paid_plan.pk])).content.decode()
    box = re.search(r'<input type="checkbox" name="show_pay"[^>]*>', page)
    assert box, page[page.find("<form") :][:800]
    assert "checked" not in box[0]
    assert "Show my pay on this link" in page
    user_client.post(reverse("plan_share", args=[paid_plan.pk]))
    assert ShareLink.objects.get(plan=paid_plan).show_pay is False


def test_a_link_without_permission_never_shows_the_pay(user_client, client, paid_plan):
    user_client.post(reverse("plan_share", args=[paid_plan.pk]))
    link = ShareLink.objects.get(plan=paid_plan)
    own = user_client.get(paid_plan.get_absolute_url()).content.decode()
    assert "data-pay-sentence" in own and "187,654" in own  # the owner sees it

    client.logout()
    seen = shared(client, link)
    for name, body in seen.items():
        assert every_trace_of_pay(body) == [], name
    explain_links = [url for url in why_urls(seen["page"]) if url.startswith(f"/s/{link.token}/explain/?")]
    assert explain_links and all("current_base" not in url for url in explain_links)
    assert client.get(explain_links[0]).status_code == 200
    data = client.get(reverse("shared_projection_json", args=[link.token])).json()
    assert data["your_pay"] is None and data["plan"]["id"] is None
    assert data["horizon_years"] == 15  # the rest of the plan is shared as it is
    assert "Earnings over 15 years" in seen["page"]


def test_a_link_with_permission_shows_the_pay_everywhere(user_client, client, paid_plan):
    user_client.post(reverse("plan_share", args=[paid_plan.pk]), {"show_pay": "on"})
    link = ShareLink.objects.get(plan=paid_plan)
    assert link.show_pay
    assert "Shows your pay" in user_client.get(reverse("plan_share", args=[paid_plan.pk])).content.decode()

    client.logout()
    seen = shared(client, link)
    assert "data-pay-sentence" in seen["page"] and "This plan’s base is" in seen["page"]
    assert "current_base" not in seen["page"]  # the "why this figure" links name the link, not the pay
    why = next(url for url in why_urls(seen["page"]) if url == f"/s/{link.token}/explain/?figure=ic/mid")
    assert "the base pay you gave" in client.get(why).content.decode()  # read by the link, not from a URL
    data = client.get(reverse("shared_projection_json", args=[link.token])).json()
    assert data["your_pay"]["base"] == BASE and data["your_pay"]["total"] == BASE + BONUS + EQUITY
    rows = csv_table(seen["earnings"])
    assert rows[0]["Management: base"] == str(round(BASE, -2))


def test_shared_exports_of_a_revoked_link_are_gone(user_client, client, paid_plan):
    link = ShareLink.objects.create(plan=paid_plan, show_pay=True)
    user_client.post(reverse("share_revoke", args=[paid_plan.pk, link.pk]))
    client.logout()
    for name in ("shared_projection_json", "shared_projection_csv", "shared_earnings_csv"):
        assert client.get(reverse(name, args=[link.token])).status_code == 404
