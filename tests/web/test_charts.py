"""Figure builders: escaping of user strings for Plotly's pseudo-HTML, stance symbols, caps."""

from __future__ import annotations

from datetime import date

from app.store.aggregates import Counts, Evidence, IssueStandings, Matrix, MatrixRow, Timeline
from app.web.charts import (
    esc,
    map_figure,
    matrix_figure,
    stance_mark,
    timeline_points_figure,
    timeline_series_figure,
)

EVIL = '<a href="javascript:alert(1)">x</a> <b>bold</b> & <img src=x onerror=alert(1)>'


def _evidence(**over) -> Evidence:
    values = dict(
        claim_id=1,
        actor_slug="a",
        actor_name=EVIL,
        country_code="DE",
        issue_id="sanctions",
        stance="support",
        stated_on=date(2024, 1, 2),
        text=EVIL,
        document_id=1,
        document_title=EVIL,
        source_name=EVIL,
        url=None,
    )
    values.update(over)
    return Evidence(**values)


def test_esc_neutralises_pseudo_html():
    assert esc(EVIL).count("<") == 0 and esc("a & b") == "a &amp; b"


def test_stance_mark():
    assert (stance_mark(0.5), stance_mark(-1), stance_mark(0), stance_mark(None)) == ("▲", "▼", "●", "")


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_no_user_markup_reaches_a_figure():
    row = MatrixRow(key="DE", label=EVIL, country_code="DE", bloc="NATO", cells={"sanctions": Counts(support=2)})
    mx = Matrix(
        rows_kind="country",
        issues=[("sanctions", EVIL)],
        rows=[row],
        total=2,
        hidden_rows=0,
        evidence={("DE", "sanctions"): _evidence()},
        source="rollup",
    )
    tl = Timeline(
        points=[_evidence()],
        total=1,
        capped=False,
        step="month",
        series_by="country",
        series={"DE": [(date(2024, 1, 1), Counts(support=1))]},
        series_labels={"DE": EVIL},
        changes=[],
    )
    figures = [
        matrix_figure(mx, cell_url=lambda k, i: f"/claims?country={k}", title=EVIL),
        timeline_points_figure(tl, title=EVIL, document_url=lambda e: "/documents/1"),
        timeline_series_figure(tl, title=EVIL),
    ]
    for fig in figures:
        for s in _strings(fig):
            assert "<a" not in s and "<img" not in s and "<b>bold" not in s, s


def test_series_lines_are_capped_to_the_busiest():
    series = {f"C{i:02}": [(date(2024, 1, 1), Counts(support=i + 1))] for i in range(20)}
    tl = Timeline(
        points=[], total=0, capped=False, step="month", series_by="country", series=series, series_labels={}, changes=[]
    )
    fig = timeline_series_figure(tl, title="Net", max_lines=5)
    assert sorted(t["name"] for t in fig["data"]) == ["C15", "C16", "C17", "C18", "C19"]
    assert "5 of 20" in fig["layout"]["title"]["text"]


def test_map_splits_north_america_into_the_inset_and_escapes_names():
    st = IssueStandings(
        issue=None,  # type: ignore[arg-type]  # the map reads countries and names only
        actors=[],
        countries={"US": Counts(support=2), "DE": Counts(oppose=1), "NATO": Counts(support=1)},
        country_names={"US": "United States", "DE": "Germany <b>x</b>", "NATO": "NATO"},
        total=4,
    )
    fig = map_figure(st, title="t")
    europe, america = fig["data"]
    assert europe["geo"] == "geo" and europe["locations"] == ["DEU"] and europe["z"] == [-1.0]
    assert america["geo"] == "geo2" and america["locations"] == ["USA"] and america["z"] == [1.0]
    assert "Germany &lt;b&gt;x&lt;/b&gt;" in europe["text"][0]
    assert fig["layout"]["coloraxis"]["cmin"] == -1 and fig["layout"]["coloraxis"]["cmax"] == 1


def _matrix(n_rows: int, n_issues: int = 15) -> Matrix:
    issues = [(f"i{j}", f"Issue {j}") for j in range(n_issues)]
    rows = [
        MatrixRow(key=f"a{k}", label=f"Actor {k}", country_code="DE", bloc="NATO", cells={"i0": Counts(support=1)})
        for k in range(n_rows)
    ]
    return Matrix(
        rows_kind="actor", issues=issues, rows=rows, total=n_rows, hidden_rows=0, evidence={}, source="rollup"
    )


def test_matrix_names_rows_in_the_corner_and_declares_a_minimum_width():
    fig = matrix_figure(_matrix(3), cell_url=lambda k, i: "/claims", title="t")
    layout = fig["layout"]
    assert "title" not in layout["yaxis"]  # a rotated title collided with long row labels
    assert layout["annotations"][0]["text"].startswith("<b>Actor</b>")
    # 15 issue columns need room for "▲ 12" in each cell: a phone scrolls instead of squeezing (charts.js).
    assert layout["meta"]["min_width"] >= 15 * 40
    assert len(fig["data"]) == 1 and "xaxis2" not in layout


def test_tall_matrix_repeats_the_issue_labels_at_the_bottom():
    fig = matrix_figure(_matrix(25), cell_url=lambda k, i: "/claims", title="t")
    assert fig["layout"]["xaxis2"]["side"] == "bottom" and fig["layout"]["xaxis2"]["overlaying"] == "x"
    labels = fig["data"][1]
    assert labels["xaxis"] == "x2" and labels["x"] == fig["data"][0]["x"] and labels["hoverinfo"] == "skip"
