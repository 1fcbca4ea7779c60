"""The fixture holds every figure of the article, each with its exact sentence, and nothing contradicts itself."""

import json
import re
from decimal import Decimal

import pytest
from django.conf import settings

from compensation import models

ARTICLE = (settings.BASE_DIR / "fixtures" / "source-article.txt").read_text(encoding="utf-8")
ARTICLE_LINES = [line.strip() for line in ARTICLE.splitlines() if line.strip()]
FIXTURE = settings.BASE_DIR / "fixtures" / "compensation.json"

# Every money figure of the article: (quote, min, max, currency, open_ended, period).
ARTICLE_FIGURES = [
    (
        "As of 2025, the average base salary for a machine learning engineer in the United States ranges from "
        "$110,000 to $160,000 per year.",
        110000,
        160000,
        "USD",
        False,
        "year",
    ),
    ("Entry-level (0-2 years): $90,000 – $120,000", 90000, 120000, "USD", False, "year"),
    ("Mid-level (3-5 years): $120,000 – $160,000", 120000, 160000, "USD", False, "year"),
    ("Senior-level (6+ years): $160,000 – $200,000+", 160000, 200000, "USD", True, "year"),
    (
        "Lead/Principal Engineers: $200,000 – $250,000+ (excluding bonuses and equity)",
        200000,
        250000,
        "USD",
        True,
        "year",
    ),
    ("San Francisco Bay Area: $150,000 – $200,000+", 150000, 200000, "USD", True, "year"),
    ("New York City: $140,000 – $190,000", 140000, 190000, "USD", False, "year"),
    ("Seattle: $135,000 – $180,000", 135000, 180000, "USD", False, "year"),
    ("Austin/Boston: $125,000 – $170,000", 125000, 170000, "USD", False, "year"),
    ("Canada (Toronto/Vancouver): CAD $90,000 – $130,000", 90000, 130000, "CAD", False, "year"),
    ("United Kingdom (London): £55,000 – £90,000", 55000, 90000, "GBP", False, "year"),
    ("Germany (Berlin/Munich): €60,000 – €100,000", 60000, 100000, "EUR", False, "year"),
    ("India (Bangalore): ₹12L – ₹35L per year", 1200000, 3500000, "INR", False, "year"),
    ("Technology (FAANG): $160,000 – $250,000+ with bonuses and equity", 160000, 250000, "USD", True, "year"),
    ("Finance/Fintech: $140,000 – $200,000", 140000, 200000, "USD", False, "year"),
    ("Healthcare/Pharma: $120,000 – $180,000", 120000, 180000, "USD", False, "year"),
    ("Retail/E-commerce: $110,000 – $160,000", 110000, 160000, "USD", False, "year"),
    ("Automotive (e.g., autonomous driving): $130,000 – $190,000", 130000, 190000, "USD", False, "year"),
    (
        "With experience, the total compensation (including bonuses, stock options, and profit-sharing) can exceed "
        "$300,000 annually in top-tier organizations.",
        300000,
        300000,
        "USD",
        True,
        "year",
    ),
    (
        "Freelance ML engineers can charge $60–$150 per hour, depending on their expertise and project complexity.",
        60,
        150,
        "USD",
        False,
        "hour",
    ),
]

SYMBOLS = ("$", "£", "€", "₹")
# "$90,000", "£55,000", "€60,000", "₹12L" (L = lakh, 100,000).
FIGURE = re.compile(r"([$£€₹])(\d[\d,]*)(L?)")
CURRENCY_OF = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR"}

SKILLS = {
    "deep-learning": "Deep learning (TensorFlow, PyTorch)",
    "nlp": "Natural Language Processing (NLP)",
    "reinforcement-learning": "Reinforcement learning",
    "cloud-platforms": "Cloud platforms (AWS, GCP, Azure)",
    "big-data": "Big data tools (Spark, Hadoop)",
    "software-engineering": "Software engineering practices (CI/CD, APIs, version control)",
}
PROGRESSION_ROLES = {
    "senior": "Senior ML Engineer",
    "ml-architect": "ML Architect",
    "team-lead": "AI/ML Team Lead",
    "director-vp": "Director or VP of Machine Learning",
    "research-scientist": "AI Research Scientist",
}
PARAMETERS = {
    "industry-premium-exponent": "0.5",
    "base-percentile": "0.30",
    "window-width": "0.50",
    "years-in-level-points": "0.04",
    "years-in-level-cap": "0.15",
    "unusual-years-margin": "6",
    "promotion-min-raise": "0.1000",
    "lateral-move-years": "1",
    "industry-premium-exponent-abroad": "0.25",
    "min-years-between-steps": "2",
    "freelance-billable-hours": "1500",
    "remote-us-blend": "0.50",
    "annual-raise": "0.0100",
    "inflation-usd": "0.0250",
    "inflation-gbp": "0.0250",
    "inflation-eur": "0.0200",
    "inflation-inr": "0.0450",
    "inflation-cad": "0.0200",
    "offer-counter-percentile": "75.0000",
    "offer-counter-max-raise": "0.2500",
}
SOURCED_MODELS = [
    models.Role,
    models.Skill,
    models.Education,
    models.CompanyType,
    models.ExchangeRate,
    models.Parameter,
    models.SalaryBand,
    models.BonusEquityShare,
]


def figures_in(text: str) -> list[tuple[int, str]]:
    """The money figures of a sentence, in order, as (amount, currency).

    "CAD $90,000 – $130,000" names its dollars once, for the whole range.
    """
    dollars = "CAD" if "CAD $" in text else "USD"
    return [
        (int(digits.replace(",", "")) * (100_000 if lakh else 1), dollars if symbol == "$" else CURRENCY_OF[symbol])
        for symbol, digits, lakh in FIGURE.findall(text)
    ]


def article_rows():
    for model in SOURCED_MODELS:
        yield from model.objects.filter(provenance=models.Provenance.ARTICLE)


def test_the_article_copy_has_every_listed_figure_line():
    for quote, *_ in ARTICLE_FIGURES:
        assert quote in ARTICLE, quote


@pytest.mark.parametrize(("quote", "low", "high", "currency", "open_ended", "period"), ARTICLE_FIGURES)
def test_every_article_figure_is_a_band_with_its_sentence(db, quote, low, high, currency, open_ended, period):
    # One article row per sentence; assumption rows may quote it too (the US average as a location). A band
    # the public survey corrected is edited: it keeps the article's sentence and figures beside its note.
    band = models.SalaryBand.objects.get(
        source_quote=quote, provenance__in=(models.Provenance.ARTICLE, models.Provenance.EDITED)
    )
    assert (band.article_min, band.article_max) == (Decimal(low), Decimal(high))
    if band.provenance == models.Provenance.EDITED:
        assert "aijobs.net salary survey" in band.rationale
    else:
        assert (band.min_amount, band.max_amount) == (Decimal(low), Decimal(high))
    assert band.currency == currency
    assert band.open_ended is open_ended
    assert band.period == period


@pytest.mark.parametrize(("quote", "low", "high", "currency", "open_ended", "period"), ARTICLE_FIGURES)
def test_listed_figures_are_the_ones_written_in_the_sentence(quote, low, high, currency, open_ended, period):
    written = figures_in(quote)
    assert {amount for amount, _ in written} == {low, high}
    assert {code for _, code in written} == {currency}
    assert open_ended == ("+" in quote or "exceed" in quote)
    assert period == ("hour" if "per hour" in quote else "year")


def test_every_line_of_the_article_with_money_is_quoted_by_a_band(db):
    quotes = list(
        models.SalaryBand.objects.filter(
            provenance__in=(models.Provenance.ARTICLE, models.Provenance.EDITED)
        ).values_list("source_quote", flat=True)
    )
    money_lines = [line for line in ARTICLE_LINES if any(symbol in line for symbol in SYMBOLS)]
    assert len(money_lines) == len(ARTICLE_FIGURES)
    for line in money_lines:
        quoting = [quote for quote in quotes if quote in line and any(symbol in quote for symbol in SYMBOLS)]
        assert quoting, f"No band quotes: {line}"
        assert figures_in(line) == [figure for quote in quoting for figure in figures_in(quote)], line


def test_every_article_band_has_the_figures_its_sentence_gives(db):
    for band in models.SalaryBand.objects.filter(provenance=models.Provenance.ARTICLE):
        written = figures_in(band.source_quote)
        assert {amount for amount, _ in written} == {int(band.min_amount), int(band.max_amount)}, band.slug
        assert {code for _, code in written} == {band.currency}, band.slug


def test_the_six_skills_are_the_articles_list(db):
    skills = {skill.slug: skill for skill in models.Skill.objects.all()}
    assert set(skills) == set(SKILLS)
    for slug, line in SKILLS.items():
        assert skills[slug].source_quote == line
        assert line in ARTICLE_LINES
        assert skills[slug].percentile_points > 0
    # Each skill has its own effect, as the article does not rank them (see each rationale).
    assert len({skill.percentile_points for skill in skills.values()}) == len(SKILLS)


def test_the_three_education_levels_rank_bachelors_masters_phd(db):
    levels = list(models.Education.objects.order_by("order"))
    assert [e.slug for e in levels] == ["bachelors", "masters", "phd"]
    assert [e.name for e in levels] == ["Bachelor’s degree", "Master’s degree", "PhD"]
    assert [e.percentile_points for e in levels] == [Decimal("0.000"), Decimal("0.040"), Decimal("0.060")]
    assert [e.research_points for e in levels] == [Decimal("0.000"), Decimal("0.030"), Decimal("0.100")]
    assert [e.research_years for e in levels] == [0, 0, 6]  # only a PhD enters the research track directly
    for education in levels:
        assert "Master’s or Ph.D." in education.source_quote


def test_the_five_progression_roles_are_the_articles_list(db):
    for slug, name in PROGRESSION_ROLES.items():
        role = models.Role.objects.get(slug=slug)
        assert role.name == name
        assert name in ARTICLE_LINES


def test_levels_climb_in_order_with_the_articles_years(db):
    ic = list(models.Role.objects.filter(tracks__slug="ic").order_by("order"))
    assert [(r.slug, r.typical_years) for r in ic][:3] == [("entry", 0), ("mid", 3), ("senior", 6)]


LADDERS = {
    "ic": ["entry", "mid", "senior", "lead-principal", "principal", "ml-architect"],
    "management": ["entry", "mid", "senior", "team-lead", "senior-manager", "director-vp", "vp-ml"],
    "research": ["research-scientist", "senior-research-scientist", "staff-research-scientist"],
}


def test_every_track_is_a_ladder_of_roles_anyone_may_hold_now(db):
    for track, slugs in LADDERS.items():
        roles = list(models.Role.objects.filter(tracks__slug=track).order_by("order"))
        assert [r.slug for r in roles] == slugs, track
        assert all(r.is_level for r in roles), track
        # Each rung is later than the one before, on the typical and the earliest path alike.
        assert [r.typical_years for r in roles] == sorted(r.typical_years for r in roles), track
        assert all(r.earliest_years <= r.typical_years for r in roles), track


def test_director_is_not_reached_before_ten_years_even_on_the_earliest_path(db):
    assert models.Role.objects.get(slug="director-vp").earliest_years >= 10


def test_every_role_without_an_article_band_cites_a_public_source(db):
    for band in models.SalaryBand.objects.filter(kind="role", provenance=models.Provenance.ASSUMPTION):
        assert any(name in band.rationale for name in ("levels.fyi", "Bureau of Labor Statistics", "BLS")), band.slug
    for role in models.Role.objects.filter(provenance=models.Provenance.ASSUMPTION):
        assert "ladder" in role.rationale, role.slug


def test_article_bands_remember_the_articles_figures(db):
    for band in models.SalaryBand.objects.filter(provenance=models.Provenance.ARTICLE):
        assert (band.article_min, band.article_max) == (band.min_amount, band.max_amount), band.slug
    assert not models.SalaryBand.objects.filter(provenance=models.Provenance.ASSUMPTION, article_min__isnull=False)


def test_every_role_location_and_industry_has_exactly_one_yearly_base_band(db):
    for field, model in (("role", models.Role), ("location", models.Location), ("industry", models.Industry)):
        for row in model.objects.all():
            bands = models.SalaryBand.objects.filter(kind=field, **{field: row}, period="year")
            assert bands.count() == 1, row.slug


def test_every_band_has_min_at_most_max_and_no_negative_pay(db):
    for band in models.SalaryBand.objects.all():
        assert 0 <= band.min_amount <= band.max_amount, band.slug


def test_location_bands_are_in_their_locations_currency(db):
    bands = models.SalaryBand.objects.filter(kind="location").select_related("location")
    assert bands.count() == models.Location.objects.count()
    for band in bands:
        assert band.currency == band.location.currency, band.slug


def test_every_currency_in_use_has_an_exchange_rate(db):
    rates = set(models.ExchangeRate.objects.values_list("currency", flat=True))
    assert set(models.Location.objects.values_list("currency", flat=True)) <= rates
    assert set(models.SalaryBand.objects.values_list("currency", flat=True)) <= rates


def test_every_currency_in_use_has_an_inflation_rate_that_cites_its_central_bank(db):
    parameters = {p.slug: p for p in models.Parameter.objects.filter(slug__startswith="inflation-")}
    for currency in set(models.Location.objects.values_list("currency", flat=True)):
        row = parameters[f"inflation-{currency.lower()}"]
        assert 0 < row.value < Decimal("0.10"), currency
        assert row.provenance == models.Provenance.ASSUMPTION
        assert "targets" in row.rationale and "%" in row.rationale, currency


def test_every_role_is_reachable_on_some_track(db):
    for role in models.Role.objects.prefetch_related("tracks"):
        assert role.tracks.all(), role.slug
    assert set(models.Track.objects.values_list("slug", flat=True)) == {"ic", "management", "research"}


def test_every_assumption_says_why(db):
    for model in SOURCED_MODELS:
        for row in model.objects.filter(provenance=models.Provenance.ASSUMPTION):
            assert row.rationale.strip(), f"{model.__name__} {row}"


def test_every_article_row_quotes_the_article_exactly(db):
    rows = list(article_rows())
    assert len(rows) >= len(ARTICLE_FIGURES)
    for row in rows:
        assert row.source_quote.strip(), row
        assert row.source_quote in ARTICLE, row.source_quote


def test_every_quote_of_an_assumption_is_from_the_article_too(db):
    for model in SOURCED_MODELS:
        for row in model.objects.exclude(source_quote=""):
            assert row.source_quote in ARTICLE, f"{model.__name__} {row}: {row.source_quote}"


def test_every_role_at_every_company_type_has_a_bonus_and_equity_share_that_says_why(db):
    for role in models.Role.objects.all():
        for company in models.CompanyType.objects.all():
            share = models.BonusEquityShare.objects.get(role=role, company_type=company, industry=None)
            assert share.provenance == models.Provenance.ASSUMPTION
            assert "share" in share.rationale and share.rationale.strip(), (role.slug, company.slug)


def test_every_parameter_of_the_model_exists_as_an_explained_assumption(db):
    parameters = {p.slug: p for p in models.Parameter.objects.all()}
    assert set(PARAMETERS) <= set(parameters)
    for slug, value in PARAMETERS.items():
        assert parameters[slug].value == Decimal(value), slug
        assert parameters[slug].provenance == models.Provenance.ASSUMPTION
        assert parameters[slug].rationale.strip()


def test_every_row_passes_the_admin_validation(db):
    for model in [models.Location, models.Industry, models.Track, *SOURCED_MODELS]:
        for row in model.objects.all():
            row.full_clean()


def test_fixture_uses_natural_keys_only():
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert rows
    for row in rows:
        assert "pk" not in row, row
        assert row["model"] != "compensation.catalogversion"
