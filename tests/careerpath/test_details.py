"""A projection's secondary figures: what-ifs and other locations, and each track's earnings year by year.

The live update leaves them out (each what-if and location is a projection of its own); htmx fetches
them when they scroll into view or are opened, and without JavaScript the panel links to them.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from careerpath.clock import this_year
from careerpath.models import ShareLink
from tests.factories import PLAN_POST
from tests.links import why_urls

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
QUERY = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}


def links(html: str) -> dict[str, str]:
    """The panel's links to its secondary figures, by part ("options", "earnings", "years&track=ic", …)."""
    found = re.findall(r'(?:data-hx-get|href)="((?:/plans/\d+|/s/[\w-]+)?/details/\?[^"]+)"', html)
    return {unescape(url).split("part=", 1)[1]: unescape(url) for url in found}


def with_earnings(client, html: str) -> dict[str, str]:
    """The panel's links and those of its earnings part (fetched when scrolled to): each track year by year."""
    found = links(html)
    return {**found, **links(client.get(found["earnings"], headers=HTMX).content.decode())}


def test_the_live_update_links_the_secondary_figures_instead_of_computing_them(client):
    html = client.get(reverse("estimate"), QUERY, headers=HTMX).content.decode()
    assert "data-what-if" not in html and "data-location" not in html and "<td>Mid-level" not in html
    assert set(links(html)) == {"options", "earnings", "chart"}  # the chart's table, when opened
    assert html.count("data-load-when-seen") == 2  # what-ifs and earnings load when scrolled to
    assert "data-lifetime-summary" not in html and "earnings-totals" not in html
    earnings = client.get(links(html)["earnings"], headers=HTMX).content.decode()
    assert "data-lifetime-summary" in earnings and "<html" not in earnings
    assert set(links(earnings)) == {"years&track=ic", "years&track=management", "years&track=research"}
    assert earnings.count("data-load-on-open") == 3  # each track's years, fetched when opened


def test_without_javascript_the_earnings_are_a_page_with_a_way_back(client):
    url = links(client.get(reverse("estimate"), QUERY).content.decode())["earnings"]
    html = client.get(url).content.decode()
    assert "<h1>Earnings over the years</h1>" in html and "data-lifetime-summary" in html
    assert 'href="/estimate/?current_level=mid' in html  # back to the projection
    assert len(links(html)) == 3  # each track year by year, a page of its own


def test_without_javascript_the_options_are_a_page_with_a_way_back(client):
    url = links(client.get(reverse("estimate"), QUERY).content.decode())["options"]
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and "<h1>What if you change one thing</h1>" in html
    assert 'data-what-if="reinforcement-learning"' in html and 'data-what-if="nlp"' not in html  # has it already
    assert 'data-what-if="phd"' in html and 'data-location="london"' in html and "£" in html
    assert 'data-lifetime-if="reinforcement-learning"' in html and 'data-lifetime-location="london"' in html
    assert "at your next step" in html
    assert 'href="/estimate/?current_level=mid' in html  # back to the projection


def test_htmx_gets_the_options_alone(client):
    url = links(client.get(reverse("estimate"), QUERY).content.decode())["options"]
    html = client.get(url, headers=HTMX).content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert html.lstrip().startswith('<div class="what-if-block">') and 'class="elsewhere-block"' in html


def test_one_track_year_by_year(client):
    url = with_earnings(client, client.get(reverse("estimate"), QUERY).content.decode())["years&track=management"]
    html = client.get(url, headers=HTMX).content.decode()
    assert html.count("<table>") == 1 and "Management track, as paid each year" in html
    assert len(re.findall(r'<tr><th scope="row">20\d\d', html)) == 10
    page = client.get(url).content.decode()
    assert "<h1>Earnings year by year: management track</h1>" in page


def test_a_shared_plan_speaks_of_this_plan_and_keeps_its_money_choice(client, plan):
    link = ShareLink.objects.create(plan=plan)
    shared = client.get(link.get_absolute_url(), {"money": "real"}).content.decode()
    found = with_earnings(client, shared)
    # The link names the share link, not the plan's inputs.
    assert found["options"].startswith(f"/s/{link.token}/details/?") and "money=real" in found["options"]
    assert "location=" not in found["options"]
    options = client.get(found["options"], headers=HTMX).content.decode()
    assert "at the next step" in options and "your next step" not in options and "in today’s money" in options
    years = client.get(found["years&track=ic"], headers=HTMX).content.decode()
    assert "in today’s money" in years


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"part": "everything"}, "No such figures."),
        ({"part": ""}, "Say which figures to show."),
        ({"part": "years", "track": "astronaut"}, "Choose a track from the list."),
        ({"part": "options", "location": "atlantis"}, "Choose a location from the list."),
        ({"part": "options", "basis": "mine"}, "Leave out the basis, or say basis=market."),
    ],
)
def test_a_bad_link_is_a_400_with_its_reason(client, changes, message):
    response = client.get(reverse("details"), {**QUERY, "part": "options", **changes})
    assert response.status_code == 400
    assert message in unescape(response.content.decode())


def test_head_is_answered_and_post_is_not(client):
    assert client.head(reverse("details"), {**QUERY, "part": "options"}).status_code == 200
    assert client.post(reverse("details"), {**QUERY, "part": "options"}).status_code == 405


def test_no_template_comment_leaks_into_a_page(client, user_client, plan):
    """A `{# #}` comment spanning lines is printed as text by Django; this has happened twice."""
    pages = [
        client.get(reverse("home")),
        client.get(reverse("estimate"), QUERY, headers=HTMX),
        client.get(reverse("details"), {**QUERY, "part": "options"}),
        client.get(reverse("details"), {**QUERY, "part": "years", "track": "ic"}),
        user_client.get(reverse("plan_detail", args=[plan.pk])),
        user_client.get(reverse("plan_edit", args=[plan.pk])),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200 and "{#" not in html and "#}" not in html


def test_a_change_to_a_range_reads_smaller_first():
    from compensation.money import change_range

    assert change_range(800, 700, "USD") == "+$700 to +$800 a year"
    assert change_range(1200.4, 1199.6, "USD") == "+$1,200 a year"
    assert change_range(0, 0, "USD") == "no change"
    assert change_range(-300, 200, "USD") == "−$300 to +$200 a year"


def test_with_htmx_a_bad_link_says_why_where_the_figures_would_be(client):
    response = client.get(reverse("details"), {**QUERY, "part": "options", "location": "atlantis"}, headers=HTMX)
    html = unescape(response.content.decode())
    assert response.status_code == 422  # htmx swaps it: the reason replaces "Loading…"
    assert "<html" not in html and "These figures could not be shown:" in html
    assert "Choose a location from the list." in html


def test_a_plan_whose_target_year_has_passed_keeps_its_secondary_figures(user_client, plan):
    """A plan saved with a target year that is now past still projects; its links must work too."""
    plan.target_year = this_year() - 1
    plan.save()
    page = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    found = with_earnings(user_client, page)
    assert found and all(user_client.get(url).status_code == 200 for url in found.values())
    why = why_urls(page)[0]
    assert why.startswith(f"/plans/{plan.pk}/explain/?")
    assert user_client.get(why).status_code == 200


def test_a_target_year_beyond_the_form_s_range_is_still_refused(client):
    far = {**QUERY, "part": "options", "target_year": str(this_year() + 41)}
    response = client.get(reverse("details"), far)
    assert response.status_code == 400 and "Choose a target year up to" in unescape(response.content.decode())


def test_secondary_figures_are_not_for_search_engines(client):
    response = client.get(reverse("details"), {**QUERY, "part": "options"})
    assert response["X-Robots-Tag"] == "noindex"
