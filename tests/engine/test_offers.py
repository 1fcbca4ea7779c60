"""The offer engine: vesting, refreshers, growth, sign-on, leaving early, the counter-offer, comparing."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.currency import convert
from engine.offers import (
    CUSTOM,
    VESTING_PRESETS,
    Column,
    OfferTerms,
    OptionTerms,
    breakdown,
    compare,
    counter_offer,
    current_job_totals,
    default_refresher_percent,
    exercise_costs,
    monthly_fractions,
    option_scenarios,
    options_vesting,
    parse_custom,
    schedule_percents,
    with_options,
)
from engine.rounding import round_half_up

AMAZON = VESTING_PRESETS["amazon-5-15-40-40"].percents
EVEN = VESTING_PRESETS["even-4y-cliff-1y"].percents


def test_the_sf_senior_big_tech_case_of_the_issue_reproduces_year_by_year():
    """Issue 22: a $636k grant over four years under Amazon's 5/15/40/40 pays $306k → $369k → $528k → $528k → $274k.

    Assumptions that give those figures (the issue's own flat figure is ~$433k a year = base + bonus + $636k ÷ 4):
    base $238,000 (inside the SF Bay Area senior Technology (FAANG) base band, $209,200–$261,500, and
    $238,000 ÷ (1 − 0.45) ≈ $433k is the app's flat total for that case), a 15 % target bonus ($35,700),
    no merit raise, no sign-on, no refreshers, no stock growth. A sign-on in years 1–2 cannot be part of the
    issue's figures: year 2 − year 5 is exactly 15 % of the grant ($95,400), with nothing left for a sign-on.
    """
    offer = breakdown(
        OfferTerms("USD", base=238_000, bonus_target_percent=15, equity_grant=636_000, vesting_percents=AMAZON)
    )

    assert [y.equity_initial for y in offer.years] == [31_800, 95_400, 254_400, 254_400, 0]
    assert [y.total for y in offer.years] == [305_500, 369_100, 528_100, 528_100, 273_700]
    assert [round_half_up(y.total, 1000) // 1000 for y in offer.years] == [306, 369, 528, 528, 274]
    assert offer.average_4y == 432_700  # the flat ~$433k a year the app showed before offers
    assert offer.year5_drop == 254_400
    # Leaving at month 11 under the one-year cliff forfeits the whole grant, of which a flat yearly
    # equity figure would already count ~$146k as paid (11 months of $159k a year).
    assert offer.leave[10].forfeited_initial == 636_000
    assert round_half_up(636_000 / 4 * 11 / 12, 1000) == 146_000


def test_amazon_style_sign_on_fills_years_1_and_2_only():
    terms = OfferTerms(
        "USD", 238_000, 15, sign_on_year1=100_000, sign_on_year2=80_000, equity_grant=636_000, vesting_percents=AMAZON
    )
    offer = breakdown(terms)
    assert [y.sign_on for y in offer.years] == [100_000, 80_000, 0, 0, 0]
    assert [y.total for y in offer.years] == [405_500, 449_100, 528_100, 528_100, 273_700]


def test_merit_raise_grows_base_and_bonus_each_year():
    offer = breakdown(OfferTerms("USD", 200_000, 10, raise_percent=3.5))
    assert [y.base for y in offer.years] == [200_000, 207_000, 214_245, 221_744, 229_505]
    assert offer.years[1].bonus == 20_700


def test_refreshers_start_in_year_2_on_the_same_schedule():
    offer = breakdown(OfferTerms("USD", 100_000, equity_grant=400_000, vesting_percents=EVEN, refresher_percent=25))
    # A $100k refresher a year, 25 % of it vesting each year: 25k, 50k, 75k, then 100k once four overlap.
    assert [y.equity_refresh for y in offer.years] == [0, 25_000, 50_000, 75_000, 100_000]


def test_stock_growth_compounds_on_what_vests():
    offer = breakdown(OfferTerms("USD", 100_000, equity_grant=400_000, vesting_percents=EVEN, stock_growth_percent=10))
    assert [y.equity_initial for y in offer.years[:4]] == [100_000, 110_000, 121_000, 133_100]
    falling = breakdown(
        OfferTerms("USD", 100_000, equity_grant=400_000, vesting_percents=EVEN, stock_growth_percent=-20)
    )
    assert [y.equity_initial for y in falling.years[:4]] == [100_000, 80_000, 64_000, 51_200]


def test_a_longer_custom_schedule_is_shown_to_its_end():
    offer = breakdown(OfferTerms("USD", 100_000, equity_grant=600_000, vesting_percents=(20, 20, 20, 20, 10, 10)))
    assert len(offer.years) == 6
    assert len(offer.leave) == 72
    assert offer.years[5].equity_initial == 60_000


def test_the_cliff_vests_what_was_owed_at_once_then_monthly():
    months = monthly_fractions(EVEN, 12)
    assert months[:11] == (0.0,) * 11
    assert months[11] == pytest.approx(0.25)
    assert months[12] == pytest.approx(0.25 / 12)


def test_sign_on_clawback_is_pro_rata_over_its_months():
    offer = breakdown(
        OfferTerms("USD", 100_000, sign_on_year1=24_000, sign_on_year2=12_000, sign_on_clawback_months=12)
    )
    by_month = {row.month: row.sign_on_clawback for row in offer.leave}
    assert by_month[1] == 22_000
    assert by_month[6] == 12_000
    assert by_month[12] == 0  # year 1 served; the year-2 sign-on is not paid yet
    assert by_month[13] == 11_000
    assert by_month[24] == 0


def test_unvested_refreshers_are_forfeited_too():
    offer = breakdown(
        OfferTerms("USD", 100_000, equity_grant=480_000, vesting_percents=EVEN, refresher_percent=25, cliff_months=12)
    )
    row = offer.leave[17]  # month 18: the year-2 refresher ($120k) has vested 6 months of 25 % a year
    assert row.forfeited_refresh == 120_000 - 15_000
    assert row.forfeited_initial == 480_000 - 180_000


def test_counter_offer_to_the_75th_percentile_in_base_or_equity():
    offer = breakdown(OfferTerms("USD", 200_000, 10, equity_grant=400_000, vesting_percents=EVEN))
    counter = counter_offer(offer, total_min=300_000, total_max=500_000, percentile=75)
    assert counter.total == 450_000
    assert offer.year1.total == 320_000
    assert counter.base_needed == 118_182  # 130,000 ÷ 1.10: more base brings more bonus
    assert counter.equity_needed == 520_000  # 130,000 more a year over four years


def test_an_offer_above_the_target_needs_nothing():
    offer = breakdown(OfferTerms("USD", 400_000, 10, equity_grant=400_000))
    counter = counter_offer(offer, total_min=300_000, total_max=500_000, percentile=75)
    assert counter.reached


def test_default_refresher_keeps_equity_at_the_levels_share():
    # SF senior big tech: total 238,000 ÷ 0.55 = 432,727; less base and a 15 % bonus, 159,027 of equity a year.
    assert default_refresher_percent(238_000, 15, 636_000, 0.45) == 25
    assert default_refresher_percent(238_000, 15, 0, 0.45) == 0
    assert default_refresher_percent(100_000, 50, 100_000, 0.1) == 0  # the bonus already exceeds the share


def test_custom_schedules_parse_and_presets_sum_to_100():
    assert parse_custom("10, 20,30 ,40") == (10, 20, 30, 40)
    assert parse_custom("50%;50%") == (50, 50)
    with pytest.raises(ValueError):
        parse_custom("ten, twenty")
    assert schedule_percents(CUSTOM, (50.0, 50.0)) == (50.0, 50.0)
    for preset in VESTING_PRESETS.values():
        assert sum(preset.percents) == 100, preset.slug
        assert preset.source


def test_compare_names_the_leader_each_year_and_when_one_overtakes():
    steady = Column("Steady", (300, 300, 300, 300, 300))
    amazon = Column("Amazon", (250, 280, 400, 400, 200))
    result = compare([steady, amazon])
    assert result.leaders == (("Steady",), ("Steady",), ("Amazon",), ("Amazon",), ("Steady",))
    assert [(o.later, o.earlier, o.year) for o in result.overtakes] == [("Amazon", "Steady", 3)]
    assert steady.average_4y == 300


def test_currency_conversion_and_the_current_job():
    assert convert(100_000, 1.27, 1.0) == 127_000
    assert current_job_totals(100_000, 10_000, 20_000, 10, 3) == (130_000, 143_000, 157_300)


# Invariants -------------------------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=5_000_000)
GROWTH = st.floats(min_value=-50, max_value=50)
REFRESHER = st.floats(min_value=0, max_value=50)
percent_lists = st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8).filter(lambda p: sum(p) > 0)


@st.composite
def schedules(draw):
    """Yearly percents summing to 100: a preset or a random custom one."""
    preset = draw(st.sampled_from([*VESTING_PRESETS, CUSTOM]))
    if preset != CUSTOM:
        return VESTING_PRESETS[preset].percents
    weights = draw(percent_lists)
    raw = [w * 100 / sum(weights) for w in weights]
    return (*raw[:-1], 100 - sum(raw[:-1]))


@st.composite
def offers(draw, growth=GROWTH, refresher=REFRESHER):
    percents = draw(schedules())
    return OfferTerms(
        currency="USD",
        base=draw(amounts),
        bonus_target_percent=draw(st.floats(min_value=0, max_value=100)),
        sign_on_year1=draw(amounts),
        sign_on_year2=draw(amounts),
        sign_on_clawback_months=draw(st.integers(min_value=0, max_value=24)),
        equity_grant=draw(amounts),
        vesting_percents=percents,
        cliff_months=draw(st.integers(min_value=0, max_value=len(percents) * 12)),
        refresher_percent=draw(refresher),
        stock_growth_percent=draw(growth),
        raise_percent=draw(st.floats(min_value=0, max_value=10)),
    )


@given(offers(growth=st.just(0.0)))
def test_with_no_growth_the_initial_grant_vests_to_exactly_its_value(terms):
    offer = breakdown(terms)
    assert sum(y.equity_initial for y in offer.years) == round_half_up(terms.equity_grant)


@given(offers())
def test_each_years_total_is_the_sum_of_its_parts(terms):
    for y in breakdown(terms).years:
        assert y.total == y.base + y.bonus + y.sign_on + y.equity_initial + y.equity_refresh


@given(offers().filter(lambda t: t.schedule_months >= 12))
def test_a_12_month_cliff_forfeits_the_whole_grant_at_month_11(terms):
    offer = breakdown(replace(terms, cliff_months=12))
    assert offer.leave[10].forfeited_initial == round_half_up(terms.equity_grant)
    assert offer.leave[10].before_cliff


@given(
    base=st.integers(min_value=10_000, max_value=1_000_000),
    bonus=st.floats(min_value=0, max_value=50),
    grant_multiple=st.floats(min_value=2, max_value=10),
    preset=st.sampled_from(list(VESTING_PRESETS)),
    raise_percent=st.floats(min_value=0, max_value=5),
    growth=st.floats(min_value=0, max_value=30),
)
def test_without_refreshers_a_4_year_grant_pays_less_in_year_5(
    base, bonus, grant_multiple, preset, raise_percent, growth
):
    terms = OfferTerms(
        "USD",
        base,
        bonus,
        equity_grant=base * grant_multiple,
        vesting_percents=VESTING_PRESETS[preset].percents,
        raise_percent=raise_percent,
        stock_growth_percent=growth,
    )
    offer = breakdown(terms)
    assert offer.year5_total < offer.years[3].total
    assert offer.year5_drop > 0


def test_the_offer_engine_imports_no_django():
    import subprocess
    import sys

    code = "import sys, engine.offers; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# Issue 31 ---------------------------------------------------------------------------------------

AMAZON_OFFER = OfferTerms(
    "USD", 200_000, sign_on_year1=60_000, sign_on_year2=40_000, equity_grant=400_000, vesting_percents=AMAZON
)


def test_the_amazon_case_has_no_refresher_and_year_5_below_year_4():
    offer = breakdown(AMAZON_OFFER)  # refresher blank: none
    assert [y.equity_refresh for y in offer.years] == [0, 0, 0, 0, 0]
    assert [y.total for y in offer.years] == [280_000, 300_000, 360_000, 360_000, 200_000]
    assert offer.years[4].total < offer.years[3].total
    assert all(row.forfeited_refresh == 0 for row in offer.leave)  # leaving early gives up no invented refresher


def test_each_year_splits_guaranteed_cash_from_pay_at_risk():
    offer = breakdown(replace(AMAZON_OFFER, bonus_target_percent=10))
    year1 = offer.year1
    assert year1.guaranteed == 200_000 + 60_000
    assert year1.at_risk == 20_000 + 20_000  # the target bonus and the equity vesting
    assert all(y.guaranteed + y.at_risk == y.total for y in offer.years)


def test_the_counter_offer_never_asks_above_its_bounds_and_says_when_the_offer_is_below_market():
    offer = breakdown(AMAZON_OFFER)
    counter = counter_offer(offer, total_min=396_700, total_max=496_000, percentile=75, max_raise=0.25)
    assert counter.total == 471_175  # the band's 75th percentile as total pay, never more
    assert counter.base_needed == 50_000  # 25 % of the $200k base, not the $191,175 the gap would take
    assert counter.equity_needed == 200_000  # $50k a year over four years
    assert counter.capped
    within = counter_offer(offer, total_min=250_000, total_max=330_000, percentile=75, max_raise=0.25)
    assert not within.capped and within.base_needed == 30_000


OPTIONS = OptionTerms(count=10_000, strike=2, fmv=5, preferred=12)


def test_options_vesting_in_year_2_are_worth_7500_at_the_409a_and_25000_at_the_preferred_price():
    terms = with_options(OfferTerms("USD", 150_000, vesting_percents=EVEN, cliff_months=12), OPTIONS)
    assert options_vesting(terms)[:4] == (2_500, 2_500, 2_500, 2_500)
    worth = {s.slug: s.values for s in option_scenarios(terms)}
    assert worth["fmv"][1] == 7_500
    assert worth["preferred"][1] == 25_000
    assert worth["zero"][1] == 0
    assert breakdown(terms).years[1].equity_initial == 7_500  # the headline is the 409A
    assert exercise_costs(terms)[1] == 5_000
    assert OPTIONS.exercise_cost == 20_000


def test_an_option_under_water_is_worth_nothing_and_dilution_shrinks_an_exit_price():
    assert OPTIONS.spread(1.5) == 0
    diluted = OptionTerms(count=100, strike=2, fmv=5, exit_price=40, dilution_percent_per_round=20, rounds=2)
    assert diluted.diluted_exit_price == pytest.approx(25.6)  # 40 × 0.8 × 0.8
    terms = with_options(OfferTerms("USD", 100_000, vesting_percents=EVEN, cliff_months=0), diluted)
    exit_worth = next(s for s in option_scenarios(terms) if s.slug == "exit")
    assert exit_worth.total == round(100 * (25.6 - 2))
