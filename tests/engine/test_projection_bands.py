"""The band for a role in a place, the person's place in it, and the pay basis of every band (issue 12: 1, 6)."""

import pytest

from engine.projection import project
from tests.builders import YEAR, neutral, profile

# The level bands: the article's ("Mid-level (3-5 years): $120,000 – $160,000" and so on), or as the survey edited them.
ARTICLE_LEVELS = [
    (
        "entry",
        100_000,
        130_000,
        1,
    ),  # edited by the public survey (issue 30); the article's 90,000–120,000 stays on the row
    ("mid", 120_000, 160_000, 4),
    ("senior", 160_000, 200_000, 7),
    ("lead-principal", 200_000, 250_000, 10),
]


@pytest.mark.parametrize(("level", "low", "high", "years"), ARTICLE_LEVELS)
def test_us_average_in_all_industries_shows_the_articles_band_exactly(catalog, level, low, high, years):
    step = project(neutral(current_level=level, years_experience=years), catalog, YEAR).tracks[0].steps[0]
    assert (step.band_min, step.band_max) == (low, high)
    assert step.currency == "USD"
    assert low <= step.base_min < step.base_max <= high


def test_the_article_case_can_be_chosen(catalog):
    assert catalog.locations["us-average"].name == "United States (average)"
    assert catalog.industries["all-industries"].name == "All industries"


def test_every_step_shows_its_band_and_where_the_person_sits_in_it(catalog):
    result = project(profile(skills=frozenset({"nlp", "deep-learning"})), catalog, YEAR)
    for track in result.tracks:
        for step in track.steps:
            assert step.band_min <= step.base_min < step.base_max <= step.band_max or step.floored
            span = step.band_max - step.band_min
            assert step.percentile_min == round((step.base_min - step.band_min) / span * 100)
            assert 0 <= step.percentile_min < step.percentile_max <= 100


def test_the_faang_band_is_total_pay_and_never_used_as_base(catalog):
    faang = catalog.industry_bands["technology-faang"]
    assert faang.covers == "total"
    sf = {"location": "sf-bay-area", "current_level": "senior", "years_experience": 7}
    big_tech = project(profile(industry="technology-faang", **sf), catalog, YEAR).tracks[0].steps[0]
    finance = project(profile(industry="finance-fintech", **sf), catalog, YEAR).tracks[0].steps[0]
    # Big tech's premium is its total pay's (its band is total pay, against the US average as total pay):
    # larger than finance's, and most of it is bonus and equity.
    assert catalog.industry_ratios["technology-faang"] > catalog.industry_ratios["finance-fintech"] > 1
    assert big_tech.total_min - finance.total_min > 2 * (big_tech.base_min - finance.base_min)
    assert big_tech.total_min >= 1.6 * big_tech.base_min
    assert big_tech.total_min > finance.total_max
    assert big_tech.total_min >= 350_000 and big_tech.total_max <= 550_000


def test_bonus_and_equity_at_a_large_tech_company_grow_steeply_with_level(catalog):
    shares = [catalog.share_for(level, "technology-faang", "large").share for level in ("entry", "mid", "senior")]
    shares.append(catalog.share_for("lead-principal", "technology-faang", "large").share)
    assert shares == sorted(shares)
    assert 0.2 <= shares[0] <= 0.3  # base is 70–80 % of total at entry
    assert shares[-1] >= 0.5  # about half or less at staff/principal
    assert catalog.share_for("senior", "healthcare-pharma", "large").share < 0.2  # far smaller outside tech


def test_the_most_specific_share_wins(catalog):
    general = catalog.share_for("senior", "retail-ecommerce", "large")
    assert general.industry == ""
    assert catalog.share_for("senior", "technology-faang", "large").industry == "technology-faang"


def test_total_pay_at_top_tier_organisations_exceeds_300000_with_experience(catalog):
    # "With experience, the total compensation ... can exceed $300,000 annually in top-tier organizations."
    lead = project(
        neutral(current_level="lead-principal", years_experience=10, industry="technology-faang"), catalog, YEAR
    )
    assert lead.tracks[0].steps[0].total_min > 300_000


def test_explanations_use_plain_words_not_factors_or_slugs(catalog):
    result = project(profile(industry="technology-faang"), catalog, YEAR)
    location = next(item for item in result.common if item.label == "Location")
    assert location.detail == "Seattle pays 17 % more than the US average (midpoints of the two bands)"
    industry = next(item for item in result.common if item.label == "Industry")
    assert "total pay" in industry.detail and "technology-faang" not in industry.detail
