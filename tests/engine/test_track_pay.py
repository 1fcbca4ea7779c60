"""A track's pay against an engineer's, per country, from the public survey where it has both cells (issue 30):
the survey, not the article, then sets the track's premium there, so the place can change the answer."""

from engine.profile import Profile
from engine.projection import project
from tests.builders import YEAR


def test_the_track_premium_is_the_surveys_ratio_where_both_cells_have_enough_answers(catalog):
    pay = catalog.track_pay[("senior-research-scientist", "US")]
    research, engineer = catalog.survey[("senior-research-scientist", "US")], catalog.survey[("senior", "US")]
    assert pay.versus == "senior" and min(research.n, engineer.n) >= catalog.param("survey-min-count").value
    assert pay.survey_ratio == research.p50 / engineer.p50 < 1 < pay.band_ratio  # the survey: research pays less
    assert abs(pay.factor - pay.survey_ratio / pay.band_ratio) < 1e-12
    assert {country for _, country in catalog.track_pay} <= {"US", "CA"}  # thin elsewhere: no premium from it
    assert not any(country in {"GB", "DE", "IN"} for _, country in catalog.track_pay)


def test_the_ten_year_winner_depends_on_the_place(catalog):
    """A Research Scientist with a PhD at a large big-tech company: in the US the survey's research pay (below an
    engineer's at senior level) makes engineering earn most; in London, with no survey ratio, research does."""

    def winner(location):
        result = project(Profile("research-scientist", 6, location, "technology-faang", "large", "phd"), catalog, YEAR)
        return max(result.tracks, key=lambda t: t.cumulative_real).track

    assert winner("sf-bay-area") == "ic"
    assert winner("london") == "research"


def test_a_step_priced_by_the_survey_says_so(catalog):
    us = project(Profile("senior", 7, "seattle", "technology-faang", "large", "phd"), catalog, YEAR)
    uk = project(Profile("senior", 7, "london", "technology-faang", "large", "phd"), catalog, YEAR)
    line = next(a for a in us.track("research").steps[1].explanation if a.label == "Track pay from the survey")
    assert "aijobs.net" in line.source.text and "answers" in line.detail
    assert all(a.label != "Track pay from the survey" for s in uk.track("research").steps for a in s.explanation)
