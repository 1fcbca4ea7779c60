"""Pay never in a URL (issue 24, item 7): access logs, browser histories and proxies keep URLs, so no link,
form address, htmx request, pushed address or redirect on any page that shows a projection holds
`current_base`, `current_bonus` or `current_equity` — and no request the pages make carries them either."""

from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from careerpath.models import ShareLink
from tests.factories import PLAN_POST, PlanFactory
from tests.links import why_urls

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BASE, BONUS, EQUITY = 187_654, 23_456, 34_567  # figures that appear nowhere unless given
PAY = {"current_base": str(BASE), "current_bonus": str(BONUS), "current_equity": str(EQUITY)}
PROFILE = {k: v for k, v in PLAN_POST.items() if k not in ("title", "notes")}
# Where a URL can be written: links, sources, form addresses, htmx's requests and values.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "hx-get", "hx-post", "hx-vals", "hx-push-url"}
URL_HEADERS = ("Location", "HX-Push-Url", "HX-Redirect", "HX-Location", "HX-Replace-Url")


def holds_pay(text: str) -> bool:
    return any(word in text for word in ("current_base", "current_bonus", "current_equity", str(BASE)))


class Addresses(HTMLParser):
    """Every attribute of a page that is, or may hold, a URL: (attribute, value)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            # Any data-* attribute that holds an address (scripts read some), beside the known ones.
            url_like = value.startswith(("/", "?", "http")) or "=" in value
            if name.removeprefix("data-") in URL_ATTRIBUTES or (name.startswith("data-") and url_like):
                self.found.append((name, unescape(value)))


def addresses(html: str) -> list[tuple[str, str]]:
    parser = Addresses()
    parser.feed(html)
    return parser.found


def fetched(html: str) -> list[tuple[str, str, bool]]:
    """The same-site requests a page makes or offers: htmx's (GET or POST) and links with a query,
    as (method, URL, whether htmx sends it)."""
    requests = []
    for name, value in addresses(html):
        bare = name.removeprefix("data-")
        if bare in ("hx-get", "hx-post") and value.startswith("/"):
            requests.append(("POST" if bare == "hx-post" else "GET", value, True))
        elif bare == "href" and value.startswith("/") and "?" in value:
            requests.append(("GET", value, False))
    # "Why this figure": the panel's one GET form with each figure's button (fetched by htmx when opened).
    requests += [("GET", url, True) for url in why_urls(html)]
    return requests


def access_line(response) -> str:
    """What gunicorn's access log keeps of a request: method, path and query (`%(r)s`)."""
    request = response.request
    query = request.get("QUERY_STRING", "")
    return f'"{request["REQUEST_METHOD"]} {request["PATH_INFO"]}{"?" + query if query else ""} HTTP/1.1"'


@pytest.fixture
def paid_plan(user):
    return PlanFactory(owner=user, **PAY, horizon_years="15")


def pages(client, user_client, plan) -> dict:
    """Every page that shows a projection (or a part of one), for a plan and an estimate with pay."""
    token_on = ShareLink.objects.create(plan=plan, show_pay=True).token
    token_off = ShareLink.objects.create(plan=plan, show_pay=False).token
    other = PlanFactory(owner=plan.owner, **PAY, location="london")
    plan_url, preview = plan.get_absolute_url(), reverse("plan_preview", args=[plan.pk])
    edit = reverse("plan_edit", args=[plan.pk])
    typed = {**PLAN_POST, **PAY, "current_base": "190000", "version": plan.version}
    plan_details, plan_explain = reverse("plan_details", args=[plan.pk]), reverse("plan_explain", args=[plan.pk])
    answers = {
        "home": client.get(reverse("home")),
        "estimate by POST": client.post(reverse("estimate"), {**PROFILE, **PAY}),
        "estimate live update": client.post(reverse("estimate"), {**PROFILE, **PAY}, headers=HTMX),
        "estimate from an old link with pay": client.get(reverse("estimate"), {**PROFILE, **PAY}),
        "details from an old link with pay": client.get(reverse("details"), {**PROFILE, **PAY, "part": "options"}),
        "explain from an old link with pay": client.get(reverse("explain"), {**PROFILE, **PAY, "figure": "common"}),
        "plan page": user_client.get(plan_url),
        "plan page in today's money": user_client.get(plan_url, {"money": "real"}),
        "plan page live update": user_client.post(preview, typed, headers=HTMX),
        "plan page preview without JavaScript": user_client.post(preview, typed),
        "plan page from an old preview link": user_client.get(plan_url, {**PROFILE, **PAY}),
        "plan edit": user_client.get(edit),
        "plan edit refused": user_client.post(edit, {**typed, "title": ""}),
        "plan saved": user_client.post(edit, {**typed, **PAY}),
        "new plan": user_client.get(reverse("plan_new"), PROFILE),
        "new plan live update": user_client.post(reverse("plan_new_preview"), {**PLAN_POST, **PAY}, headers=HTMX),
        "plan details": user_client.get(plan_details, {**PROFILE, "part": "options"}),
        "plan year by year": user_client.get(plan_details, {**PROFILE, "part": "years", "track": "ic"}),
        "plan explain": user_client.get(plan_explain, {**PROFILE, "figure": "ic/mid"}),
        "compare": user_client.get(reverse("plan_compare"), {"a": plan.pk, "b": other.pk}),
    }
    client.logout()
    for shown, token in (("on", token_on), ("off", token_off)):
        answers[f"shared, pay {shown}"] = client.get(reverse("shared_plan", args=[token]))
        answers[f"shared, pay {shown}, today's money"] = client.get(
            reverse("shared_plan", args=[token]), {"money": "real"}
        )
        answers[f"shared details, pay {shown}"] = client.get(
            reverse("shared_details", args=[token]), {"part": "options"}
        )
        answers[f"shared explain, pay {shown}"] = client.get(
            reverse("shared_explain", args=[token]), {"figure": "ic/mid"}
        )
    return answers


def test_no_page_that_shows_a_projection_has_pay_in_any_url(client, user_client, paid_plan):
    answers = pages(client, user_client, paid_plan)
    for name, response in answers.items():
        assert response.status_code in (200, 302, 400), name
        html = response.content.decode()
        leaking = [(attribute, value) for attribute, value in addresses(html) if holds_pay(value)]
        leaking += [("why-form", url) for url in why_urls(html) if holds_pay(url)]
        assert leaking == [], name
        for header in URL_HEADERS:
            assert not holds_pay(response.get(header, "")), (name, header)
    # The pages do show the pay: it is in the figures and the form, not in their addresses.
    assert "187,654" in answers["plan page"].content.decode()
    assert 'name="current_base" value="187654"' in answers["estimate by POST"].content.decode()
    assert "187,654" in answers["shared, pay on"].content.decode()


def test_the_access_log_of_every_request_the_pages_make_has_no_pay(client, user_client, paid_plan):
    """Each page is requested as a browser would, then every htmx request and link with a query it holds
    is followed; the access line of each (method, path, query) holds no pay."""
    answers = pages(client, user_client, paid_plan)
    user_client.force_login(paid_plan.owner)
    # The old links are this test's own requests (written before this change), not ones a page makes.
    lines = [access_line(response) for name, response in answers.items() if "old" not in name]
    followed = set()
    for response in answers.values():
        for method, url, htmx in fetched(response.content.decode()):
            if (method, url) in followed:
                continue
            followed.add((method, url))
            headers = HTMX if htmx else {}
            if method == "POST":  # the live updates: the form's values, pay included, go in the body
                answer = user_client.post(url, {**PLAN_POST, **PAY}, headers=headers)
            else:
                answer = user_client.get(url, headers=headers)
            assert answer.status_code in (200, 302), (method, url, answer.status_code)
            lines.append(access_line(answer))
    assert len(followed) > 20  # the explain, details and preview addresses of every page were followed
    assert {urlsplit(url).path for _, url in followed} >= {
        reverse("plan_explain", args=[paid_plan.pk]),
        reverse("plan_details", args=[paid_plan.pk]),
        reverse("plan_preview", args=[paid_plan.pk]),
        reverse("estimate"),
    }
    assert [line for line in lines if holds_pay(line)] == []


def test_an_estimate_with_pay_says_its_links_use_market_pay(client):
    with_pay = client.post(reverse("estimate"), {**PROFILE, **PAY}).content.decode()
    without = client.get(reverse("estimate"), PROFILE).content.decode()
    assert "data-market-pay" in with_pay and "use market pay" in with_pay
    assert "data-market-pay" not in without


def test_an_estimate_without_pay_sent_without_javascript_lands_on_its_bookmarkable_address(client):
    response = client.post(reverse("estimate"), PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("estimate") + "?") and "location=seattle" in response["Location"]
    assert response["Location"].endswith("#projection")
    assert client.get(response["Location"]).status_code == 200
    assert client.post(reverse("estimate"), {**PROFILE, **PAY}).status_code == 200  # with pay: answered in place


def test_the_estimate_live_update_pushes_its_address_without_the_pay(client):
    response = client.post(reverse("estimate"), {**PROFILE, **PAY}, headers=HTMX)
    pushed = response["HX-Push-Url"]
    assert pushed.startswith(reverse("estimate") + "?") and "location=seattle" in pushed
    assert not holds_pay(pushed)
    # The pushed address is bookmarkable: a GET of it shows the same inputs, the pay left out.
    assert client.get(pushed).status_code == 200


def test_a_plan_s_parts_read_the_saved_pay_and_are_the_owner_s_only(client, user_client, paid_plan, other_user):
    explain = reverse("plan_explain", args=[paid_plan.pk])
    html = user_client.get(explain, {**PROFILE, "figure": "ic/mid"}).content.decode()
    assert "the base pay you gave" in html  # the pay came from the saved plan, not the URL
    details = reverse("plan_details", args=[paid_plan.pk])
    assert user_client.get(details, {**PROFILE, "part": "options"}).status_code == 200
    client.force_login(other_user)
    for url, query in ((explain, {"figure": "ic/mid"}), (details, {"part": "options"})):
        assert client.get(url, {**PROFILE, **query}).status_code == 404
    assert client.post(reverse("plan_preview", args=[paid_plan.pk]), PLAN_POST).status_code == 404


def test_a_revoked_share_link_s_parts_are_gone(client, paid_plan):
    from django.utils import timezone

    link = ShareLink.objects.create(plan=paid_plan, show_pay=True, revoked=timezone.now())
    assert client.get(reverse("shared_explain", args=[link.token]), {"figure": "ic/mid"}).status_code == 404
    assert client.get(reverse("shared_details", args=[link.token]), {"part": "options"}).status_code == 404


def test_the_cached_panel_of_one_plan_is_never_served_for_another(user_client, paid_plan, user):
    """Two plans with the same inputs have the same figures, but the panel's URLs name the plan."""
    twin = PlanFactory(owner=user, **PAY, horizon_years="15")
    user_client.get(paid_plan.get_absolute_url())
    html = user_client.get(twin.get_absolute_url()).content.decode()
    assert f"/plans/{twin.pk}/explain/" in html and f"/plans/{paid_plan.pk}/explain/" not in html


# Issue 33: old `GET /estimate/?current_base=...` links still worked, so pay kept reaching access logs and
# browser histories through them. Pay in a GET query is never read now: the same address without it.


@pytest.mark.parametrize(
    ("name", "extra"),
    [("estimate", {}), ("details", {"part": "options"}), ("explain", {"figure": "common"}), ("home", {})],
)
def test_pay_in_a_get_query_is_never_read(client, name, extra):
    response = client.get(reverse(name), {**PROFILE, **PAY, **extra})

    assert response.status_code == 302
    location = response["Location"]
    assert not any(field in location for field in PAY), location
    assert "location=" in location  # the rest of the query is kept
    page = client.get(location)
    assert page.status_code == 200
    html = unescape(page.content.decode())
    assert f"{BASE:,}" not in html and "data-pay-sentence" not in html


def test_pay_in_the_query_of_a_plan_page_is_never_read(user_client, paid_plan):
    response = user_client.get(paid_plan.get_absolute_url(), {"current_base": "999000", "money": "real"})
    assert response.status_code == 302
    assert response["Location"] == f"{paid_plan.get_absolute_url()}?money=real"
