"""Issue 32, item 8: the pay chart says true things: it draws total pay with base inside it, its role names
never overlap, and its note says where the pay axis starts (zero is said as zero)."""

import re
from dataclasses import replace

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.presentation import chart
from engine.projection import project
from tests.builders import YEAR, people, profile

pytestmark = pytest.mark.django_db


def name_boxes(shape: chart.Chart) -> list[tuple[float, float, float, float]]:
    return [
        (b.name_x, b.name_y - chart.LABEL_SIZE, b.name_x + len(b.short) * chart.CHAR_WIDTH, b.name_y)
        for b in shape.bars
        if b.name_shown
    ]


def overlapping(boxes) -> list:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if chart._overlaps(a, b)]


def test_the_chart_draws_each_steps_total_around_its_base(catalog):
    shape = chart.build(project(profile(current_level="senior", location="sf-bay-area"), catalog, YEAR))

    for bar in shape.bars:
        assert bar.total, bar.title
        assert bar.total_y <= bar.y  # the total's top is above (or at) the base's top
        assert "total" in bar.tip_text and "base" in bar.tip_text
    assert chart.total_marks(shape).count('class="band-total') == len(shape.bars)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_role_names_never_overlap_and_stay_in_the_plot(catalog, data):
    person = data.draw(people(catalog, with_pay=True))
    shape = chart.build(project(replace(person, horizon_years=10), catalog, YEAR))

    boxes = name_boxes(shape)
    assert not overlapping(boxes), [b.short for b in shape.bars]
    assert all(box[1] >= 0 and box[3] <= shape.plot_bottom + 2 for box in boxes)


@pytest.mark.parametrize("location", ["seattle", "sf-bay-area", "london", "bangalore", "berlin-munich"])
def test_the_axis_note_says_zero_as_zero(client, location):
    person = {
        "current_level": "entry",
        "years_experience": "0",
        "location": location,
        "industry": "technology-faang",
        "company_type": "large",
        "education": "bachelors",
        "work_mode": "onsite",
    }
    html = client.get(reverse("estimate"), person).content.decode()

    note = re.search(r"The pay axis starts at ([^<]*?)\.", html).group(1)
    assert not re.fullmatch(r"\D*0, not at zero", note), note
    assert note == "zero" or note.endswith(", not at zero")
