"""The SVG chart layout: period order, one unit, series, lines (no browser)."""

from __future__ import annotations

import pytest

from service.web.chart import build_chart, nice_step, period_kind, value_range


def _fact(value, period, *, unit="USD", attribution=None, claim="reported", lang="fr", **more):
    return {
        "subject": more.pop("subject", "Amazon"),
        "subject_id": "AMZN",
        "metric": more.pop("metric", "revenue"),
        "value": value,
        "value_max": more.pop("value_max", None),
        "previous": None,
        "unit": unit,
        "period": period,
        "claim_type": claim,
        "attribution": attribution,
        "approximate": False,
        "qualifier": None,
        "document_id": more.pop("document_id", "d0c0000000000001"),
        "start": more.pop("start", 0),
        "lang": lang,
    }


@pytest.mark.parametrize(
    ("periods", "labels"),
    [
        pytest.param(
            ["2025-Q3", "2025-Q1", "2024-Q4", "2025-Q2"],
            ["Q4 2024", "Q1 2025", "Q2 2025", "Q3 2025"],
            id="quarters",
        ),
        pytest.param(
            ["2025-H2", "2025", "2025-H1"], ["H1 2025", "2025", "H2 2025"], id="year-mid-year"
        ),
        pytest.param(
            [None, "FY2026-Q3", "2025-10-26"],
            ["October 26, 2025", "fiscal Q3 2026", "No period"],
            id="undated-last",
        ),
    ],
)
def test_periods_run_in_calendar_order_with_undated_last(periods, labels):
    facts = [_fact(10e9 + i, p, start=i) for i, p in enumerate(periods)]
    chart = build_chart(facts, subject="AMZN", metric="revenue")
    assert [tick.label for tick in chart.x_ticks] == labels
    xs = [tick.position for tick in chart.x_ticks]
    assert xs == sorted(xs)


@pytest.mark.parametrize(
    ("facts", "series_by", "names"),
    [
        pytest.param(
            [
                _fact(265, None, attribution="JPMorgan", metric="price_target"),
                _fact(271, None, attribution="UBS", metric="price_target"),
                _fact(250, "2026", metric="price_target"),
            ],
            None,
            ["JPMorgan", "UBS", "The report itself"],
            id="fr-targets-by-firm",
        ),
        pytest.param(
            [_fact(30.9e9, "2025-Q2", lang="en"), _fact(33e9, "2025-Q3", claim="guidance")],
            None,
            ["Reported", "Guidance"],
            id="en-revenue-by-claim",
        ),
        pytest.param(
            [_fact(30.9e9, "2025-Q2", lang="en"), _fact(33e9, "2025-Q3", lang="fr")],
            "lang",
            ["English reports", "French reports"],
            id="by-language",
        ),
    ],
)
def test_series_follow_the_chosen_grouping(facts, series_by, names):
    metric = facts[0]["metric"]
    chart = build_chart(facts, subject="X", metric=metric, series_by=series_by)
    assert [s.name for s in chart.series] == names
    assert chart.points == len(facts)


def test_one_unit_per_chart_and_the_rest_is_counted():
    facts = [
        _fact(30.9e9, "2025-Q2"),
        _fact(33e9, "2025-Q3"),
        _fact(17.5, "2025-Q2", unit="%"),
    ]
    chart = build_chart(facts, subject="aws", metric="revenue")
    assert chart.unit == "USD"
    assert chart.points == 2
    assert chart.left_out == 1


@pytest.mark.parametrize(
    ("facts", "joined"),
    [
        pytest.param(
            [_fact(30.9e9, "2025-Q2"), _fact(33e9, "2025-Q3"), _fact(125e9, "2025")],
            1,
            id="quarters-joined-year-alone",
        ),
        pytest.param(
            [_fact(57e9, "FY2026-Q3"), _fact(4e9, "FY2026-Q3"), _fact(65e9, "FY2026-Q4")],
            0,
            id="two-readings-in-a-period-not-joined",
        ),
        pytest.param([_fact(265, None), _fact(271, None)], 0, id="undated-never-joined"),
    ],
)
def test_lines_join_single_figures_of_one_granularity(facts, joined):
    chart = build_chart(facts, subject="AMZN", metric="revenue")
    paths = " ".join(s.path for s in chart.series)
    assert paths.count("M") == joined


def test_values_map_into_the_plot_and_ranges_get_a_high_end():
    facts = [_fact(30, "2025", unit="%", value_max=40), _fact(-7, "2025-Q2", unit="%")]
    chart = build_chart(facts, subject="AMZN", metric="growth_rate")
    points = [p for s in chart.series for p in s.points]
    for point in points:
        assert chart.top <= point.y <= chart.bottom
        assert chart.left <= point.x <= chart.right
    ranged = next(p for p in points if p.y_high is not None)
    assert ranged.y_high < ranged.y  # higher value, higher on screen
    assert chart.y_ticks[0].label.startswith("-")
    assert build_chart([], subject="AMZN", metric="revenue") is None


@pytest.mark.parametrize(
    ("span", "step"),
    [(100, 20), (7, 2), (0.3, 0.1), (0.25, 0.05), (167.7e9, 50e9), (0, 1)],
)
def test_nice_steps(span, step):
    assert nice_step(span) == pytest.approx(step)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([265, 271], (0, 300, 100)),
        ([-7, 13], (-10, 15, 5)),
        ([5, 5], (0, 5, 1)),
        ([0], (0, 1, 0.2)),
    ],
)
def test_value_range_includes_zero_and_rounds_out(values, expected):
    assert value_range(values) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("period", "kind"),
    [
        ("2025", "year"),
        ("2025-Q2", "quarter"),
        ("2025-H1", "half"),
        ("2025-06", "month"),
        ("2025-10-26", "day"),
        ("FY2026", "fiscal-year"),
        ("FY2026-Q3", "fiscal-quarter"),
        (None, "none"),
    ],
)
def test_period_kinds(period, kind):
    assert period_kind(period) == kind


@pytest.mark.parametrize(
    ("periods", "slanted"),
    [
        pytest.param(["2025-Q1", "2025-Q2", "2025-Q3"], False, id="few-level"),
        pytest.param(
            [f"{year}-Q{q}" for year in (2024, 2025) for q in (1, 2, 3, 4)], True, id="many-slanted"
        ),
    ],
)
def test_many_periods_slant_their_labels_and_stay_in_the_plot(periods, slanted):
    facts = [_fact(1e9 * (i + 1), p, start=i) for i, p in enumerate(periods)]
    chart = build_chart(facts, subject="AMZN", metric="revenue")
    assert chart.rotate_labels is slanted
    assert all(chart.top <= p.y <= chart.bottom for s in chart.series for p in s.points)
    assert chart.bottom < chart.height
