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


# Item 2 on the estimate: the pay typed is never in a URL, so its what-ifs, locations and year-by-year tables
# are fetched without it (from market pay); the links say so (`basis=market`) and each figure says "market pay".

MARKET_ROWS = {
    "what-if": r'<li data-what-if="[^"]+">(.*?)</li>',
    "what-if over the years": r'<tr data-lifetime-if="[^"]+">(.*?)</tr>',
    "location": r'<tr data-location="[^"]+"[^>]*>(.*?)</tr>',
    "location over the years": r'<tr data-lifetime-location="[^"]+"[^>]*>(.*?)</tr>',
}


def fetched_part(client, html: str, part: str) -> tuple[str, str]:
    """(the link as the page writes it, what it fetches)."""
    link = html_lib.unescape(re.search(rf'href="([^"]*part={part}[^"]*)"', html).group(1))
    answer = client.get(link)
    assert answer.status_code == 200, answer.content.decode()[:2000]
    return link, answer.content.decode()


def rows_of(html: str) -> dict[str, list[str]]:
    rows = {kind: [text_of(row) for row in re.findall(pattern, html, re.S)] for kind, pattern in MARKET_ROWS.items()}
    assert all(rows.values()), {kind: len(found) for kind, found in rows.items()}
    return rows


def earnings_total(html: str, track: str) -> str:
    return re.search(rf'<tr data-track="{track}">.*?<td data-cumulative[^>]*>([^<]+)</td>', html, re.S).group(1)


def focus_slug(html: str) -> str:
    followed = followed_track(html)
    return "ic" if followed == "individual contributor" else TRACKS[followed.capitalize()]


def test_an_estimate_with_pay_fetches_what_ifs_and_locations_that_say_market_pay_beside_each_figure(client):
    html = page_of(client, PEOPLE["sf-senior-big-tech"])
    link, options = fetched_part(client, html, "options")

    assert "basis=market" in link and "238000" not in link
    for kind, rows in rows_of(options).items():
        unlabelled = [row for row in rows if "market pay" not in row]
        assert unlabelled == [], kind
    here = re.search(r'<tr data-lifetime-location="sf-bay-area"[^>]*>(.*?)</tr>', options, re.S).group(1)
    assert "(here, market pay)" in text_of(here) and "from your pay" not in text_of(options)


def test_on_an_estimate_with_pay_a_track_s_total_that_differs_from_the_earnings_says_market_pay(client):
    """The earnings (on the page, from the pay typed) and the same track's total over the same horizon in the
    fetched parts ("the same plan elsewhere" here, the year-by-year "so far") agree, or say market pay."""
    html = page_of(client, PEOPLE["sf-senior-big-tech"])
    track = focus_slug(html)
    earnings = earnings_total(html, track)

    _, options = fetched_part(client, html, "options")
    here = re.search(r'<tr data-lifetime-location="sf-bay-area"[^>]*>(.*?)</tr>', options, re.S).group(1)
    here_total = re.search(r'data-label="Over 10 years">([^<]+)<', here).group(1)
    assert here_total != earnings  # market pay and the person's: the reason for the label
    assert "market pay" in text_of(here)

    link, years = fetched_part(client, html, f"years&amp;track={track}")
    assert "basis=market" in link
    table = re.search(r"<table>(.*?)</table>", years, re.S).group(1)
    so_far = re.findall(r"<td>([^<]+)</td></tr>", table)[-1]
    assert so_far != earnings
    assert "market pay" in text_of(re.search(r"<caption>(.*?)</caption>", table, re.S).group(1))


def test_a_saved_plan_with_pay_fetches_what_ifs_and_locations_from_the_pay_not_market_pay(user_client, user, make_plan):
    person = {k: v for k, v in PEOPLE["sf-senior-big-tech"].items() if k != "pay_currency"}
    plan = make_plan(user, **{**person, "target_track": ""})
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    link, options = fetched_part(user_client, html, "options")

    assert "basis=" not in link
    rows = rows_of(options)
    assert [row for row in rows["what-if"] + rows["what-if over the years"] if "market pay" in row] == []
    here = [row for row in rows["location"] + rows["location over the years"] if "(yours" in row or "(here" in row]
    assert len(here) == 2 and all("from your pay" in row and "market pay" not in row for row in here)
    # From the pay the plan holds: "here" totals what the plan's earnings total, and so does the year by year.
    _, earnings = fetched_part(user_client, html, "earnings")
    track = focus_slug(html)
    here = re.search(r'<tr data-lifetime-location="sf-bay-area"[^>]*>(.*?)</tr>', options, re.S).group(1)
    assert re.search(r'data-label="Over 10 years">([^<]+)<', here).group(1) == earnings_total(earnings, track)
    link, years = fetched_part(user_client, earnings, f"years&amp;track={track}")
    assert "basis=" not in link and "market pay" not in text_of(years)
    assert re.findall(r"<td>([^<]+)</td></tr>", years)[-1] == earnings_total(earnings, track)


def test_an_estimate_without_pay_has_no_market_pay_basis_and_its_parts_say_none(client):
    pay = ("current_base", "current_bonus", "current_equity")
    person = {k: v for k, v in PEOPLE["sf-senior-big-tech"].items() if k not in pay}
    html = page_of(client, person)
    link, options = fetched_part(client, html, "options")

    assert "basis=" not in html and "basis=" not in link
    assert "market pay" not in text_of(options)


def test_a_plan_showing_unsaved_pay_fetches_its_what_ifs_and_locations_labelled_market_pay(
    user_client, user, make_plan
):
    """The plan's links read the saved pay; a preview of other pay cannot send it, so they ask for market pay."""
    person = {k: v for k, v in PEOPLE["sf-senior-big-tech"].items() if k != "pay_currency"}
    plan = make_plan(user, **{**person, "target_track": ""})
    preview = {**PEOPLE["sf-senior-big-tech"], "title": "Mine", "notes": "", "current_base": "250000"}
    html = user_client.post(reverse("plan_preview", args=[plan.pk]), preview).content.decode()
    link, options = fetched_part(user_client, html, "options")

    assert "basis=market" in link and "250000" not in link
    assert "Your unsaved pay is not sent in links" in text_of(html)
    for kind, rows in rows_of(options).items():
        assert [row for row in rows if "market pay" not in row] == [], kind
