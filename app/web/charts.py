"""Query results -> Plotly figure dicts (data, layout, config), rendered by static/js/charts.js.

Plotly draws pseudo-HTML (<b>, <a href>, <br>) in hover text, labels and titles, so every string that comes from
the database goes through esc() before it enters a figure; only the markup written here (<br>, <b>) is live.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.store.aggregates import Counts, Evidence, IssueStandings, Matrix, Timeline

# Blue = support, red = oppose (ColorBrewer RdBu, colour-blind safe as a diverging pair); stance also has a symbol.
COLORSCALE = [
    [0.0, "#b2182b"],
    [0.25, "#ef8a62"],
    [0.5, "#f7f7f7"],
    [0.75, "#67a9cf"],
    [1.0, "#2166ac"],
]
STANCE_STYLE = {
    "support": {"color": "#2166ac", "symbol": "triangle-up", "mark": "▲"},
    "oppose": {"color": "#b2182b", "symbol": "triangle-down", "mark": "▼"},
    "neutral": {"color": "#6b6b6b", "symbol": "circle", "mark": "●"},
}
BASE_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
MATRIX_CELL_WIDTH = 52  # px per issue column below which counts no longer fit in a cell
MATRIX_LABEL_WIDTH = 260  # row labels and the colour bar
REPEAT_LABELS_AFTER = 20  # rows; taller matrices name their columns at the bottom too
MAX_SERIES_LINES = 12  # more lines than this are unreadable; the busiest are drawn
GEO_URL = "/static/geo/"  # plotly fetches {scope}_{resolution}m.json from here instead of its CDN

ISO3 = {
    "AL": "ALB", "AT": "AUT", "BE": "BEL", "BG": "BGR", "BA": "BIH", "BY": "BLR", "CA": "CAN", "CH": "CHE",
    "CY": "CYP", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "EE": "EST", "ES": "ESP", "FI": "FIN", "FR": "FRA",
    "GB": "GBR", "GE": "GEO", "GR": "GRC", "HR": "HRV", "HU": "HUN", "IE": "IRL", "IS": "ISL", "IT": "ITA",
    "LT": "LTU", "LU": "LUX", "LV": "LVA", "MD": "MDA", "ME": "MNE", "MK": "MKD", "MT": "MLT", "NL": "NLD",
    "NO": "NOR", "PL": "POL", "PT": "PRT", "RO": "ROU", "RS": "SRB", "RU": "RUS", "SE": "SWE", "SI": "SVN",
    "SK": "SVK", "TR": "TUR", "UA": "UKR", "US": "USA", "VA": "VAT", "XK": "XKX", "AM": "ARM", "AZ": "AZE",
    "MX": "MEX", "CN": "CHN", "JP": "JPN", "KR": "KOR", "KP": "PRK", "AU": "AUS", "NZ": "NZL", "IN": "IND",
    "BR": "BRA", "ZA": "ZAF", "IL": "ISR", "IR": "IRN", "SA": "SAU", "KZ": "KAZ",
}  # fmt: skip


def esc(value: object) -> str:
    """Escape a user-derived string for Plotly's pseudo-HTML (&, <, >), so tags show as text."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def stance_mark(net: float | None) -> str:
    """Return the symbol for a net stance: ▲ support, ▼ oppose, ● balanced."""
    if net is None:
        return ""
    return "▲" if net > 0.05 else "▼" if net < -0.05 else "●"


def _counts_line(c: Counts) -> str:
    return f"▲ support {c.support} · ▼ oppose {c.oppose} · ● neutral {c.neutral}"


def _evidence_lines(ev: Evidence, *, with_actor: bool = True) -> list[str]:
    when = ev.stated_on.isoformat() if ev.stated_on else "undated"
    who = f"{esc(ev.actor_name)}, " if with_actor else ""
    source = esc(ev.source_name or ev.document_title or f"document {ev.document_id}")
    return [f"“{esc(_clip(ev.text))}”", f"— {who}{when} ({source})"]


def _title(text: str) -> dict:
    return {
        "text": esc(text),
        "x": 0,
        "xanchor": "left",
        "y": 0.995,
        "yref": "container",
        "yanchor": "top",
        "font": {"size": 15},
    }


def _row_title(text: str) -> dict:
    """Return an annotation naming the rows, right-aligned above the row labels.

    A rotated y-axis title collides with long row labels (Plotly sizes the margin before the labels' font is
    measured), so the heatmap and the points chart name their rows in the corner instead.
    """
    return {
        "text": f"<b>{esc(text)}</b> ↓",
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1,
        "xanchor": "right",
        "yanchor": "bottom",
        "xshift": -8,
        "showarrow": False,
        "font": {"size": 12, "color": "#444"},
    }


def _colorbar() -> dict:
    return {
        "title": {"text": "Net stance"},
        "tickvals": [-1, 0, 1],
        "ticktext": ["▼ oppose", "● balanced", "▲ support"],
        "len": 0.8,
    }


def matrix_figure(mx: Matrix, *, cell_url: Callable[[str, str], str], title: str) -> dict:
    """Return a heatmap of net stances (rows x issues) with counts and symbols in the cells, hover and click URLs."""
    x = [esc(label) for _, label in mx.issues]
    y = [esc(r.label) for r in mx.rows]
    z, text, custom = [], [], []
    for r in mx.rows:
        zr, tr, cr = [], [], []
        for issue_id, issue_label in mx.issues:
            c = r.cells.get(issue_id)
            net = c.net if c else None
            zr.append(net)
            tr.append(f"{stance_mark(net)} {c.total}" if c and c.total else "")
            lines = [f"<b>{esc(r.label)}</b> · {esc(issue_label)}"]
            if c and c.total:
                lines += [_counts_line(c), f"net {net:+.2f} over {c.total} claim{'s' if c.total != 1 else ''}"]
                ev = mx.evidence.get((r.key, issue_id))
                if ev:
                    lines += ["Latest:", *_evidence_lines(ev, with_actor=mx.rows_kind == "country")]
                lines.append("Click for the claims")
            else:
                lines.append("no claims")
            tr_url = cell_url(r.key, issue_id) if c and c.total else ""
            cr.append(["<br>".join(lines), tr_url])
        z.append(zr)
        text.append(tr)
        custom.append(cr)
    height = max(300, 170 + 34 * len(mx.rows))
    fig = {
        "data": [
            {
                "type": "heatmap",
                "x": x,
                "y": y,
                "z": z,
                "text": text,
                "texttemplate": "%{text}",
                "textfont": {"size": 12},
                "customdata": custom,
                "hovertemplate": "%{customdata[0]}<extra></extra>",
                "colorscale": COLORSCALE,
                "zmin": -1,
                "zmax": 1,
                "zmid": 0,
                "xgap": 2,
                "ygap": 2,
                "colorbar": _colorbar(),
                "hoverongaps": False,
            }
        ],
        "layout": {
            "title": _title(title),
            "xaxis": {"title": {"text": "Issue"}, "side": "top", "tickangle": -30, "automargin": True},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "annotations": [_row_title("Country" if mx.rows_kind == "country" else "Actor")],
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 150, "b": 20},
            "hoverlabel": {"align": "left"},
            "plot_bgcolor": "#ffffff",
            # Below this width the cells become slivers; charts.js then scrolls the chart sideways instead.
            "meta": {"min_width": MATRIX_LABEL_WIDTH + MATRIX_CELL_WIDTH * len(x)},
        },
        "config": dict(BASE_CONFIG),
    }
    if len(mx.rows) > REPEAT_LABELS_AFTER:
        _repeat_column_labels(fig, x, y[0])
    return fig


def _repeat_column_labels(fig: dict, x: list[str], first_row: str) -> None:
    """Repeat the issue labels under a tall matrix, so the columns stay named after scrolling down."""
    fig["data"].append(
        {
            "type": "scatter",
            "x": x,
            "y": [first_row] * len(x),
            "xaxis": "x2",
            "mode": "markers",
            "marker": {"opacity": 0},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    fig["layout"]["xaxis"]["range"] = [-0.5, len(x) - 0.5]
    fig["layout"]["xaxis2"] = {
        "overlaying": "x",
        "side": "bottom",
        "type": "category",
        "range": [-0.5, len(x) - 0.5],
        "tickangle": -30,
        "automargin": True,
        "showgrid": False,
    }


def timeline_points_figure(tl: Timeline, *, title: str, document_url: Callable[[Evidence], str]) -> dict:
    """Return claims as points on a time axis, one trace per stance (colour and symbol), hover with evidence."""
    traces = []
    for stance, style in STANCE_STYLE.items():
        pts = [p for p in tl.points if p.stance == stance]
        if not pts:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"{style['mark']} {stance}",
                "x": [p.stated_on.isoformat() if p.stated_on else None for p in pts],
                "y": [esc(_point_row(p, tl)) for p in pts],
                "marker": {"color": style["color"], "symbol": style["symbol"], "size": 10, "line": {"width": 0}},
                "customdata": [
                    [
                        "<br>".join(
                            [
                                f"<b>{esc(p.actor_name)}</b> · {style['mark']} {stance} · {esc(p.issue_id)}",
                                *_evidence_lines(p, with_actor=False),
                            ]
                        ),
                        document_url(p),
                    ]
                    for p in pts
                ],
                "hovertemplate": "%{customdata[0]}<extra></extra>",
            }
        )
    actors = len({_point_row(p, tl) for p in tl.points})
    return {
        "data": traces,
        "layout": {
            "title": _title(title),
            "xaxis": {"title": {"text": "Date stated"}, "type": "date", "automargin": True},
            "yaxis": {"automargin": True, "type": "category"},
            "annotations": [_row_title("Issue" if tl.series_by == "issue" else "Actor")],
            "height": max(300, 120 + 22 * actors),
            "legend": {"orientation": "h", "y": -0.15},
            "margin": {"l": 10, "r": 10, "t": 60, "b": 40},
            "hoverlabel": {"align": "left"},
        },
        "config": dict(BASE_CONFIG),
    }


def _point_row(p: Evidence, tl: Timeline) -> str:
    """Return a point's row: its issue on an actor's timeline, its actor otherwise."""
    return tl.series_labels.get(p.issue_id, p.issue_id) if tl.series_by == "issue" else p.actor_name


def timeline_series_figure(tl: Timeline, *, title: str, max_lines: int = MAX_SERIES_LINES) -> dict:
    """Return the net stance per country (or issue) per month or quarter as lines (the busiest max_lines)."""
    traces = []
    unit = "quarter" if tl.step == "quarter" else "month"
    busiest = sorted(tl.series, key=lambda k: -sum(c.total for _, c in tl.series[k]))[:max_lines]
    if len(tl.series) > max_lines:
        title = f"{title} ({max_lines} of {len(tl.series)} with most claims; the JSON twin has all)"
    shown = {k: tl.series[k] for k in busiest}
    for key, points in sorted(shown.items(), key=lambda kv: tl.series_labels.get(kv[0], kv[0]).casefold()):
        label = esc(tl.series_labels.get(key, key))
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": label,
                "x": [p.isoformat() for p, _ in points],
                "y": [c.net for _, c in points],
                "text": [
                    f"<b>{label}</b> · {_period_label(p, tl.step)}<br>{_counts_line(c)}<br>net {c.net:+.2f}"
                    for p, c in points
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    return {
        "data": traces,
        "layout": {
            "title": _title(title),
            "xaxis": {"title": {"text": f"{unit.capitalize()}"}, "type": "date", "automargin": True},
            "yaxis": {
                "title": {"text": "Net stance"},
                "range": [-1.1, 1.1],
                "zeroline": True,
                "tickvals": [-1, -0.5, 0, 0.5, 1],
                "ticktext": ["▼ −1 all oppose", "−0.5", "0 balanced", "+0.5", "▲ +1 all support"],
                "automargin": True,
            },
            "height": 400,
            # Below the axis title, not on it (y is in plot fractions; the ticks and title take ~0.2).
            "legend": {"orientation": "h", "y": -0.3, "yanchor": "top"},
            "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
        },
        "config": dict(BASE_CONFIG),
    }


def _period_label(d: date, step: str) -> str:
    return f"Q{(d.month - 1) // 3 + 1} {d.year}" if step == "quarter" else d.strftime("%b %Y")


NORTH_AMERICA = frozenset({"USA", "CAN", "MEX"})


def map_figure(st: IssueStandings, *, title: str) -> dict:
    """Return a choropleth of Europe with a North America inset, by each country's current net stance.

    One world map spanning Vancouver to Moscow leaves Europe a sliver, so Europe gets most of the width and North
    America an inset; both draw from the app's own topojson (no network needed).
    """
    europe: dict[str, list] = {"locations": [], "z": [], "text": []}
    america: dict[str, list] = {"locations": [], "z": [], "text": []}
    for code, c in sorted(st.countries.items()):
        iso3 = ISO3.get(code)
        if not iso3 or c.net is None:
            continue  # institutions (NATO, EU) and unknown codes have no shape
        part = america if iso3 in NORTH_AMERICA else europe
        part["locations"].append(iso3)
        part["z"].append(c.net)
        name = esc(st.country_names.get(code, code))
        part["text"].append(f"<b>{name}</b><br>{_counts_line(c)} (actors' latest stances)<br>net {c.net:+.2f}")
    geo_style = {
        "scope": "world",
        "resolution": 50,
        "showcountries": True,
        "countrycolor": "#999",
        "showland": True,
        "landcolor": "#eeeeee",
        "showocean": True,
        "oceancolor": "#eef4fa",
        "showlakes": False,
        "showframe": True,
        "framecolor": "#ccc",
        "showcoastlines": False,
    }
    traces = []
    for part, geo in ((europe, "geo"), (america, "geo2")):
        traces.append(
            {
                "type": "choropleth",
                "geo": geo,
                "locationmode": "ISO-3",
                **part,
                "hovertemplate": "%{text}<extra></extra>",
                "coloraxis": "coloraxis",
                "marker": {"line": {"color": "#555", "width": 0.5}},
            }
        )
    europe_geo = {
        **geo_style,
        "domain": {"x": [0.27, 1], "y": [0, 1]},
        "projection": {"type": "conic equal area", "parallels": [43, 62], "rotation": {"lon": 15}},
        "lonaxis": {"range": [-25, 50]},
        "lataxis": {"range": [34, 70]},
    }
    america_geo = {
        **geo_style,
        "domain": {"x": [0, 0.25], "y": [0.4, 0.95]},
        "projection": {"type": "conic equal area", "parallels": [30, 60], "rotation": {"lon": -100}},
        "lonaxis": {"range": [-165, -52]},
        "lataxis": {"range": [14, 74]},
    }
    inset_label = {
        "text": "North America",
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0.96,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 11, "color": "#555"},
    }
    colorbar = _colorbar()
    # On a phone (charts.js applies meta.narrow) a side colour bar and inset would leave Europe a stamp:
    # Europe takes the full width, the inset and a horizontal colour bar share a band above it.
    narrow = {
        "geo": {**europe_geo, "domain": {"x": [0, 1], "y": [0, 0.74]}},
        "geo2": {**america_geo, "domain": {"x": [0, 0.42], "y": [0.74, 0.98]}},
        "coloraxis": {
            "colorscale": COLORSCALE,
            "cmin": -1,
            "cmax": 1,
            "cmid": 0,
            "colorbar": {
                **colorbar,
                "orientation": "h",
                "x": 0.72,
                "xanchor": "center",
                "y": 0.86,
                "yanchor": "middle",
                "len": 0.4,
                "thickness": 12,
                "ticktext": ["▼ oppose", "●", "▲ support"],
                "title": {"text": "Net stance", "side": "top"},
            },
        },
        "annotations": [{**inset_label, "y": 0.99}],
        "height": 480,
    }
    return {
        "data": traces,
        "layout": {
            "meta": {"narrow": narrow},
            "title": _title(title),
            "geo": europe_geo,
            "geo2": america_geo,
            "coloraxis": {"colorscale": COLORSCALE, "cmin": -1, "cmax": 1, "cmid": 0, "colorbar": colorbar},
            "annotations": [inset_label],
            "height": 520,
            "margin": {"l": 0, "r": 0, "t": 40, "b": 0},
        },
        "config": {**BASE_CONFIG, "topojsonURL": GEO_URL},
    }
