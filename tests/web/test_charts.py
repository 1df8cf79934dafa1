"""Figure builders: escaping of user strings for Plotly's pseudo-HTML, stance symbols, caps."""

from __future__ import annotations

from datetime import date

from app.store.aggregates import Counts, Evidence, Matrix, MatrixRow, Timeline
from app.web.charts import esc, matrix_figure, stance_mark, timeline_points_figure, timeline_series_figure

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
