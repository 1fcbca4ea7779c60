"""Issue 32, item 7: a step card is read in one glance: at most three figures (the range, total pay, when),
the rest behind "More about this step"; one kind of money per sentence; pay outside its band says so."""

import html as html_lib
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r"[$£€₹][\d,]+(?: – [$£€₹][\d,]+)?|\b20\d\d\b")


def cards(html: str) -> list[str]:
    """Every step card with figures (a step that cannot be taken shows none: it says what it needs)."""
    found = re.findall(r'<li class="(step[^"]*)"[^>]*>(.*?)</li>', html, re.S)
    return [card for classes, card in found if "step-blocked" not in classes]


def visible(card: str) -> str:
    """What a card shows before anything is opened: without its <details>."""
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<details.*?</details>", "", card, flags=re.S)))


def test_each_step_card_shows_at_most_three_figures_the_rest_behind_details(client):
    html = client.get(reverse("home")).content.decode()

    found = cards(html)
    assert len(found) > 10
    for card in found:
        figures = FIGURE.findall(visible(card))
        assert len(figures) <= 3, (figures, visible(card))
        assert "More about this step" in card and "Band here, base in today’s money" in card


def test_a_sentence_names_one_kind_of_money(client):
    html = client.get(reverse("home")).content.decode()

    for card in cards(html):
        for sentence in re.findall(r"<p[^>]*>(.*?)</p>", card, re.S):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", sentence))
            assert not ("today’s money" in text and "as paid" in text), text


def test_pay_below_its_band_reads_below_the_band_not_0th_percentile(client):
    answer = client.post(
        reverse("estimate"),
        {
            "current_level": "mid",
            "years_experience": "4",
            "location": "seattle",
            "industry": "technology-faang",
            "company_type": "large",
            "education": "masters",
            "work_mode": "onsite",
            "current_base": "100000",
            "pay_currency": "USD",
        },
    )
    html = answer.content.decode()

    assert "0th percentile" not in html and "100th percentile" not in html
    current = cards(html)[0]
    assert "Your pay in it: below the band." in html_lib.unescape(current), current
