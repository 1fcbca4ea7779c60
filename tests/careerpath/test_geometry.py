"""careerpath/presentation/geometry.py: the frame, scales and ticks both charts are drawn on."""

import pytest

from careerpath.presentation import chart, earnings_chart
from careerpath.presentation.geometry import Frame, frame, money_ticks, nice_step, year_ticks


@pytest.mark.parametrize(
    ("span", "step"), [(0, 1.0), (100, 20), (1_000, 200), (120_000, 25_000), (300_000, 100_000), (7, 2)]
)
def test_a_tick_step_is_round(span, step):
    assert nice_step(span) == step


def test_a_frame_keeps_its_margins_and_scales_values_to_its_plot_area():
    area = frame(640, 300, left=72, right=16, top=12, bottom=36)
    assert (area.plot_left, area.plot_right, area.plot_top, area.plot_bottom) == (72, 624, 12, 264)
    x_of, y_of = area.x_scale(2026, 2036), area.y_scale(100, 200)
    assert (x_of(2026), x_of(2036)) == (72, 624)
    assert (y_of(100), y_of(200), y_of(150)) == (264, 12, 138)


def test_year_labels_thin_out_to_about_eight():
    years = range(2026, 2046)
    ticks = year_ticks(years, frame(640, 300, left=0, right=0, top=0, bottom=0).x_scale(2026, 2046))
    assert [t.label for t in ticks] == [str(y) for y in range(2026, 2046, 3)]
    assert len(year_ticks(range(2026, 2031), lambda year: year)) == 5


def test_money_ticks_run_from_low_to_high_in_compact_money():
    ticks = money_ticks(100_000, 200_000, 50_000, lambda value: value / 1000, "USD")
    assert [t.position for t in ticks] == [100, 150, 200]
    assert [t.label for t in ticks] == ["$100K", "$150K", "$200K"]


def test_both_charts_are_drawn_on_a_frame():
    assert issubclass(chart.Chart, Frame) and issubclass(earnings_chart.EarningsChart, Frame)
    assert chart.Tick is earnings_chart.Tick  # one tick, one meaning
