"""The pay chart's geometry (`careerpath/presentation/chart.py`): every step drawn once inside the plot, names
that do not overlap, an axis that spans every band, and a table with every step of every track."""

import pytest

from careerpath.presentation import chart
from engine.projection import project
from tests.builders import YEAR, profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(catalog):
    projection = project(profile(target_track="management"), catalog, YEAR)
    return projection, chart.build(projection)


def test_every_band_lies_inside_the_plot(drawn):
    _, shown = drawn
    for bar in shown.bars:
        assert shown.plot_left <= bar.x <= bar.x + bar.width <= shown.plot_right + 0.1
        assert shown.plot_top - 0.1 <= bar.y <= bar.y + bar.height <= shown.plot_bottom + 0.1


def test_the_pay_axis_runs_from_below_the_lowest_band_to_above_the_highest(drawn):
    _, shown = drawn
    positions = [tick.position for tick in shown.y_ticks]  # chart y: the lowest figure at the bottom
    assert positions == sorted(positions, reverse=True)
    assert positions[0] >= max(bar.y + bar.height for bar in shown.bars)
    assert positions[-1] <= min(bar.y for bar in shown.bars)
    assert shown.y_ticks[0].label == shown.baseline


def test_the_year_axis_starts_at_this_year(drawn):
    _, shown = drawn
    assert shown.x_ticks[0].label == str(YEAR)
    assert [tick.position for tick in shown.x_ticks] == sorted(tick.position for tick in shown.x_ticks)


def test_a_step_two_tracks_share_is_drawn_once_and_listed_once_per_track(drawn):
    projection, shown = drawn
    assert len(shown.rows) == sum(len(track.steps) for track in projection.tracks)
    drawn_steps = {(bar.title, bar.year) for bar in shown.bars}
    assert len(drawn_steps) == len(shown.bars)
    if any(bar.series == "shared" for bar in shown.bars):
        assert shown.series[-1].slug == "shared"


def test_no_two_role_names_overlap(drawn):
    _, shown = drawn
    boxes = [
        (bar.name_x, bar.name_y - chart.LABEL_SIZE, bar.name_x + len(bar.short) * chart.CHAR_WIDTH, bar.name_y)
        for bar in shown.bars
        if bar.name_shown  # a name with no free place is left to the tip and the table (issue 32)
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_a_long_title_is_shortened_on_the_chart_only(drawn):
    assert chart.short_title("Senior ML Engineer") == "Senior"
    assert chart.short_title("Director or VP of Machine Learning") == "Director/VP"
    _, shown = drawn
    assert {row.title for row in shown.rows} >= {bar.title for bar in shown.bars}
