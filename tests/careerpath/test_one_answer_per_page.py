"""Issue 32, items 1 and 2: one recommendation and one total per track on a page.

With "Any track" the headline, the what-ifs and the earnings sentence follow the track that earns the most
total pay over the horizon, and a line says why; "the same plan elsewhere" starts from the person's pay here,
so its total for this location is the earnings' own, and the other locations say they are market pay.
"""

import html as html_lib
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PEOPLE = {
    "sf-senior-big-tech": {
        "current_level": "senior",
        "years_experience": "7",
        "location": "sf-bay-area",
        "industry": "technology-faang",
        "company_type": "large",
        "education": "masters",
        "skills": ["deep-learning", "cloud-platforms"],
        "work_mode": "onsite",
        "current_base": "238000",
        "current_bonus": "35000",
        "current_equity": "150000",
        "pay_currency": "USD",
    },
    "bangalore-mid": {
        "current_level": "mid",
        "years_experience": "4",
        "location": "bangalore",
        "industry": "technology-faang",
        "company_type": "startup",
        "education": "bachelors",
        "skills": ["nlp"],
        "work_mode": "onsite",
    },
}
TRACKS = {"Individual contributor": "ic", "Management": "management", "Research": "research"}


def text_of(html: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"\s+", " ", html)))


def page_of(client, person: dict) -> str:
    answer = client.post(reverse("estimate"), person)
    assert answer.status_code in (200, 302), answer.content.decode()[:2000]
    if answer.status_code == 302:
        answer = client.get(answer["Location"])
    return answer.content.decode()


def parts_of(client, html: str) -> str:
    """The page with its earnings and options: in it already (pay a link cannot carry), or fetched as the
    page fetches them when scrolled to (a link each, without JavaScript)."""
    for part in ("earnings", "options"):
        link = re.search(rf'href="([^"]*part={part})"', html)
        if link:
            html += client.get(html_lib.unescape(link.group(1))).content.decode()
    return html


def followed_track(html: str) -> str:
    why = text_of(re.search(r'<p class="focus-why"[^>]*>(.*?)</p>', html, re.S).group(1))
    followed = re.search(r"Following the (.+?) track: of the 3 tracks it earns the most total pay over", why)
    assert followed, why
    return followed.group(1)


@pytest.mark.parametrize("who", sorted(PEOPLE))
def test_any_track_headline_what_ifs_and_earnings_speak_of_the_same_track(client, who):
    html = parts_of(client, page_of(client, PEOPLE[who]))
    track = followed_track(html)

    summary = text_of(re.search(r'<p class="lifetime-summary"[^>]*>(.*?)</p>', html, re.S).group(1))
    phrase = "staying an individual contributor" if track == "individual contributor" else f"the {track} track"
    assert re.search(rf"{phrase} earns \S+ more in total pay than|{phrase} earns the same", summary), summary
    assert f"next step on the {track} track" in text_of(html)


def test_the_same_plan_here_totals_what_the_earnings_total_and_elsewhere_says_market_pay(user_client, user, make_plan):
    person = {k: v for k, v in PEOPLE["sf-senior-big-tech"].items() if k != "pay_currency"}
    plan = make_plan(user, **{**person, "target_track": ""})
    html = parts_of(user_client, user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode())
    followed = followed_track(html)
    track = "ic" if followed == "individual contributor" else TRACKS[followed.capitalize()]

    earnings = re.search(rf'<tr data-track="{track}">.*?<td data-cumulative[^>]*>([^<]+)</td>', html, re.S).group(1)
    here = re.search(r'<tr data-lifetime-location="sf-bay-area"[^>]*>(.*?)</tr>', html, re.S).group(1)
    assert "(here, from your pay)" in text_of(here)
    assert re.search(r'data-label="Over 10 years">([^<]+)<', here).group(1) == earnings
    london = re.search(r'<tr data-lifetime-location="london"[^>]*>(.*?)</tr>', html, re.S).group(1)
    assert "(market pay)" in text_of(london)


def test_an_estimate_with_pay_says_its_what_ifs_and_locations_use_market_pay(client):
    html = page_of(client, PEOPLE["sf-senior-big-tech"])

    assert "the what-ifs and the year-by-year tables below use market pay" in text_of(html)


def test_with_a_target_the_earnings_sentence_speaks_of_the_target_first(client):
    html = parts_of(client, page_of(client, {**PEOPLE["bangalore-mid"], "target_track": "research"}))

    why = text_of(re.search(r'<p class="focus-why"[^>]*>(.*?)</p>', html, re.S).group(1))
    assert why == "Following the research track: your target."
    summary = text_of(re.search(r'<p class="lifetime-summary"[^>]*>(.*?)</p>', html, re.S).group(1))
    assert summary.strip().startswith("Over 10 years, as paid, the research track earns"), summary
