"""Skills and degrees each with their own effect, ranked, over the whole path (issue 12: 8)."""

from engine.options import what_ifs
from tests.builders import YEAR, profile


def test_skills_differ_and_are_ranked_by_effect_over_the_path(catalog):
    skills, _ = what_ifs(profile(), catalog, YEAR)
    gains = [w.path_gain for w in skills]
    assert gains == sorted(gains, reverse=True)
    by_key = {w.key: w for w in skills}
    assert skills[0].key == "nlp"  # language models: the largest premium
    assert by_key["nlp"].delta_min >= 3 * by_key["big-data"].delta_min > 0
    assert len({w.delta_min for w in skills}) >= 4


def test_each_what_if_gives_its_effect_at_every_step_and_at_the_top(catalog):
    skills, _ = what_ifs(profile(target_track="ic"), catalog, YEAR)
    nlp = next(w for w in skills if w.key == "nlp")
    assert nlp.track == "ic" and nlp.top_role == "ml-architect"
    assert [c.role for c in nlp.steps] == ["mid", "senior", "lead-principal", "principal", "ml-architect"]
    assert all(c.delta_min > 0 for c in nlp.steps)
    assert nlp.top_delta_min == nlp.steps[-1].delta_min
    # The fields the page uses today are still there.
    assert (nlp.role, nlp.title) == ("senior", "Senior ML Engineer")
    assert nlp.delta_min == nlp.steps[1].delta_min


def test_a_phd_opens_the_research_track_and_a_masters_does_not(catalog):
    """Research needs a PhD or research experience (issue 30): a PhD opens the path, a Master's leaves it blocked."""
    _, degrees = what_ifs(profile(target_track="research"), catalog, YEAR)
    phd = next(w for w in degrees if w.key == "phd")
    masters = next(w for w in degrees if w.key == "masters")
    assert phd.top_delta_min > 0 and masters.top_role == "mid"  # a Master's: still blocked, the current step
    assert phd.top_role == "staff-research-scientist" and degrees[0].key == "phd"
