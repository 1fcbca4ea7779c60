"""Issue 23, findings 3–5: every figure says base or total and its money; the person's own pay is
badged as theirs; one control (`money`) switches cards, summary, tables and charts alike."""

import re

import pytest
from django.urls import reverse

from tests.links import scrolled

pytestmark = pytest.mark.django_db

PAID = {"current_base": "210000", "current_bonus": "40000", "current_equity": "80000"}


def step_html(html: str, track: str, role: str) -> str:
    section = html[html.index(f'data-track="{track}"') :]
    start = section.index(f'data-role="{role}"')
    return section[start : section.index("</li>", start)]


def test_the_pay_typed_is_badged_your_pay_not_article_or_assumption(user_client, user, make_plan):
    plan = make_plan(user, **PAID)
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    now = step_html(html, "management", "mid")
    assert '<span class="base" data-source="yours">$210,000</span> base' in now
    assert '<span data-source="yours">$330,000</span> total with bonus and equity' in now
    assert now.count('<span class="badge badge-input">Your pay</span>') == 2
    assert "badge-article" not in now and "badge-assumption" not in now
    later = step_html(html, "management", "director-vp")
    assert 'data-source="yours"' not in later and "badge-assumption" in later
    assert 'Base <span data-source="yours">$210,000</span>' in html  # the "your pay today" figures


def test_without_pay_the_current_step_keeps_its_source_badge(user_client, user, make_plan):
    plan = make_plan(user)
    html = user_client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    now = step_html(html, "management", "mid")
    assert 'data-source="yours"' not in html and "Your pay</span>" not in now
    assert "badge-article" in now


def test_summary_says_base_and_its_money_and_the_total_of_the_pay_now(user_client, user, make_plan):
    plan = make_plan(user, **PAID)
    html = user_client.get(reverse("plan_detail", args=[plan.pk]), {"money": "real"}).content.decode()
    summary = re.search(r"<div class=\"projection-summary\" data-summary>(.*?)</div>", html, re.S)[1]
    next_step = r"Next step: <strong>Senior ML Engineer</strong>, typically in \d{4}, .*? base a year, today’s money"
    assert re.search(next_step, summary)
    assert 'Your pay now: <span class="nowrap" data-source="yours">$210,000 base ($330,000 total)</span>' in summary
    assert re.search(r"Top of the management track: .*? base, today’s money\.", summary)


def test_as_paid_shows_each_step_grown_to_its_year_and_says_so(user_client, user, make_plan, catalog):
    plan = make_plan(user)
    url = reverse("plan_detail", args=[plan.pk])
    real = scrolled(user_client, user_client.get(url, {"money": "real"}).content.decode())
    paid = scrolled(
        user_client, user_client.get(url).content.decode()
    )  # as paid is the default, as the year-by-year table's
    director_real = step_html(real, "management", "director-vp")
    director_paid = step_html(paid, "management", "director-vp")
    year = int(re.search(r'<span class="when">typically (\d{4})', director_paid)[1])
    base_min = int(re.search(r'data-base-min="(\d+)"', director_paid)[1])  # the engine's, today's money
    shown = int(re.search(r'<span class="base">\$([\d,]+)', director_paid)[1].replace(",", ""))
    inflation = catalog.parameters[
        next(k for k in catalog.parameters if k.startswith("inflation") and k.endswith("usd"))
    ].value
    start = int(re.search(r"from (\d{4}):", paid)[1])
    assert abs(shown - base_min * (1 + inflation) ** (year - start)) <= 100
    assert f"typically {year}" in director_paid and "base, as paid that year" in director_paid
    assert "In today’s money: " in director_paid
    assert "base, today’s money" in director_real and f"${base_min:,}" in director_real
    assert "as paid in" not in director_real
    # The charts follow the same control and say what they show.
    assert "Total pay and base pay a year, as paid in the year each step is reached (USD)" in paid
    assert "Total pay so far (base, bonus and equity), as paid (USD)" in paid
    assert "Total pay and base pay a year, today’s money (USD)" in real
    assert "Total pay so far (base, bonus and equity), today’s money (USD)" in real


def test_what_ifs_put_the_next_step_base_and_the_horizon_total_side_by_side(client):
    query = {
        "part": "options",
        "current_level": "mid",
        "years_experience": "4",
        "location": "seattle",
        "industry": "finance-fintech",
        "company_type": "large",
        "education": "masters",
        "skills": ["deep-learning"],
        "work_mode": "onsite",
        "horizon_years": "10",
    }
    html = client.get(reverse("details"), query).content.decode()
    item = re.search(r'<li data-what-if="nlp">(.*?)</li>', html)[1]
    assert re.search(r"\+\$[\d,]+ base a year</span> at your next step, Senior ML Engineer \(today’s money\)", item)
    assert re.search(r"\+\$[\d,]+</span> total pay over 10 years \(as paid\)", item)
