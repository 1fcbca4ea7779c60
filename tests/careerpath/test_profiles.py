"""The one mapping of a plan's inputs (`careerpath/profiles.py`): saved plan <-> form values <-> `Profile` <->
query string, each way the reverse of the other."""

from urllib.parse import parse_qsl

import pytest

from careerpath import profiles
from careerpath.selectors import skill_ids

pytestmark = pytest.mark.django_db

VALUES = {
    "current_level": "mid",
    "years_experience": 4,
    "location": "seattle",
    "industry": "finance-fintech",
    "company_type": "large",
    "education": "masters",
    "skills": ["deep-learning", "nlp"],
    "work_mode": "onsite",
    "client_market": "local",
    "target_track": "management",
    "target_year": None,
    "current_base": None,
    "current_bonus": None,
    "current_equity": None,
    "horizon_years": 10,
}


def test_a_saved_plan_gives_back_the_values_it_was_saved_from(catalog, make_plan, user):
    plan = make_plan(user, current_base="180000", current_bonus="20000")
    values = profiles.values_from_plan(plan, skill_ids(plan), catalog)
    assert values["current_level"] == "mid"
    assert values["location"] == "seattle"
    assert sorted(values["skills"]) == ["deep-learning", "nlp"]
    assert values["target_track"] == "management"
    assert (values["current_base"], values["current_bonus"]) == (180000, 20000)
    assert values["title"] == plan.title
    assert values["version"] == plan.version


def test_plan_columns_are_the_reverse_of_values_from_columns(catalog):
    columns = profiles.plan_columns(VALUES, catalog)
    skills = profiles.skill_ids_of(VALUES, catalog)
    assert profiles.values_from_columns(columns, skills, catalog) == VALUES


def test_bonus_and_equity_count_only_beside_a_base():
    alone = profiles.profile_from_values({**VALUES, "current_bonus": 20000, "current_equity": 5000})
    assert (alone.current_base, alone.current_bonus, alone.current_equity) == (None, None, None)
    beside = profiles.profile_from_values({**VALUES, "current_base": 150000, "current_bonus": 20000})
    assert (beside.current_base, beside.current_bonus) == (150000, 20000)


def test_no_target_track_is_none_in_the_profile_and_empty_in_the_values(catalog):
    profile = profiles.profile_from_values({**VALUES, "target_track": ""})
    assert profile.target_track is None
    columns = profiles.plan_columns({**VALUES, "target_track": ""}, catalog)
    assert columns["target_track_id"] is None


def test_a_query_without_pay_carries_every_input_but_the_pay():
    profile = profiles.profile_from_values({**VALUES, "current_base": 150000, "current_bonus": 20000})
    without = dict(parse_qsl(profiles.query_of(profile, pay=False)))
    assert "current_base" not in without
    assert "current_bonus" not in without
    assert without["current_level"] == "mid"
    assert without["target_track"] == "management"
    with_pay = dict(parse_qsl(profiles.query_of(profile)))
    assert (with_pay["current_base"], with_pay["current_bonus"]) == ("150000", "20000")


def test_a_query_leaves_out_what_the_form_reads_as_its_default():
    pairs = dict(profiles.query_pairs(profiles.profile_from_values(VALUES)))
    assert "client_market" not in pairs  # local
    assert "horizon_years" not in pairs  # the default horizon
    assert "target_year" not in pairs


def test_without_pay_drops_the_pay_and_with_pay_of_puts_the_saved_pay_back():
    saved = {**VALUES, "current_base": 150000, "current_bonus": 20000, "current_equity": 1000}
    shown = profiles.without_pay(saved)
    assert all(shown[name] is None for name in profiles.PAY_FIELDS)
    assert profiles.with_pay_of(shown, saved) == saved


def test_describe_names_each_input_for_a_reader_not_by_its_slug(catalog):
    names = profiles.describe(VALUES, catalog)
    assert names["location"] == catalog.locations["seattle"].name
    assert names["level"] == catalog.roles["mid"].name
    assert names["target_track"] == catalog.tracks["management"].name
    assert "nlp" not in names["skills"]
    assert len(names["skills"]) == 2
