"""A freelancer's earnings over the years are freelance income (issue 21, item 2): the hourly rate × billable
hours, the rate growing with expertise up the ladder and by the raise within a step; never salaried equity."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.projection import project
from engine.rounding import round_half_up
from engine.slugs import ClientMarket, WorkMode
from tests.builders import YEAR, people, profile

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SF_SENIOR = profile(
    current_level="senior",
    years_experience=7,
    location="sf-bay-area",
    industry="technology-faang",
    education="masters",
    work_mode=WorkMode.FREELANCE,
)


def test_freelance_earnings_are_rate_times_hours_with_no_bonus_or_equity(catalog):
    @SETTINGS
    @given(person=people(catalog), market=st.sampled_from(list(ClientMarket)))
    def check(person, market):
        result = project(replace(person, work_mode=WorkMode.FREELANCE, client_market=market), catalog, YEAR)
        f = result.freelance
        to_plan = 1 / catalog.rates[result.currency].usd_per_unit if f.currency != result.currency else 1.0
        for track in result.tracks:
            for e in track.earnings:
                assert e.bonus_equity == 0 and e.bonus_equity_real == 0
                assert e.base == e.total and e.base_real == e.total_real
                assert abs(e.total_real - e.hourly_real * f.hours * to_plan) <= 50
                assert abs(e.total - e.hourly * f.hours * to_plan) <= 50
                assert e.hourly >= e.hourly_real > 0

    check()


def test_the_first_year_is_the_freelance_rate_shown(catalog):
    result = project(SF_SENIOR, catalog, YEAR)
    f, first = result.freelance, result.tracks[0].earnings[0]
    assert first.hourly_real == round_half_up((f.hourly_min + f.hourly_max) / 2)
    assert f.yearly_min <= first.total_real <= f.yearly_max


def test_big_tech_equity_never_reaches_a_freelancer(catalog):
    salaried = project(replace(SF_SENIOR, work_mode=WorkMode.ONSITE), catalog, YEAR)
    freelance = project(SF_SENIOR, catalog, YEAR)
    for was, now in zip(salaried.tracks, freelance.tracks, strict=True):
        assert was.earnings[0].bonus_equity > 0  # a big-tech senior's equity, salaried
        assert now.cumulative < was.cumulative  # freelance income, not the salaried total
        assert all(e.bonus_equity == 0 for e in now.earnings)


def test_the_rate_grows_with_expertise_up_the_ladder_and_with_the_raise_within_a_step(catalog):
    earnings = project(replace(SF_SENIOR, current_level="mid", years_experience=3), catalog, YEAR).tracks[0].earnings
    rates = [e.hourly_real for e in earnings]
    assert rates == sorted(rates) and rates[-1] > rates[0]
    promoted = next(i for i, e in enumerate(earnings) if e.promoted)
    jump = rates[promoted] / rates[promoted - 1] - 1
    within = rates[1] / rates[0] - 1
    assert jump > within > 0  # Staff/Lead bills more than a Senior's rate grown by a year's raise


def test_us_clients_earn_the_dollar_rate_shown_converted(catalog):
    person = replace(SF_SENIOR, location="bangalore", client_market=ClientMarket.US)
    result = project(person, catalog, YEAR)
    f, first = result.freelance, result.tracks[0].earnings[0]
    assert f.currency == "USD" and result.currency == "INR"
    assert first.hourly_real == round_half_up((f.hourly_min + f.hourly_max) / 2)  # US dollars, as the rate is shown
    assert f.local_yearly_min <= first.total_real <= f.local_yearly_max  # in rupees, as the year is shown
    local = project(replace(person, client_market=ClientMarket.LOCAL), catalog, YEAR)
    assert result.tracks[0].cumulative > 2 * local.tracks[0].cumulative  # US rates, not local pay
