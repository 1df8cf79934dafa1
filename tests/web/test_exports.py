"""Exports: CSV and JSON of a claims query, actor-issue and agreement networks in GraphML and GEXF."""

from __future__ import annotations

import csv
import io
from datetime import date

import networkx as nx

from app.store import models as m
from tests.web.review_helpers import actor_id, make_claims


def _more_claims(db, ids):
    """France also backs sanctions (agrees with Germany, conflicts with Hungary); one claim outside the window."""
    with db.sessions() as s:
        for slug, country, issue, stance, on in (
            ("france", "FR", "sanctions", "support", date(2024, 3, 3)),
            ("germany", "DE", "troops-in-ukraine", "oppose", date(2023, 1, 1)),
        ):
            s.add(
                m.Claim(
                    document_id=ids["document"],
                    actor_id=actor_id(s, slug),
                    country_code=country,
                    issue_id=issue,
                    stance=stance,
                    stated_on=on,
                    evidence="=cmd|' /C calc'!A0",
                    extractor="rules",
                    extractor_version="test",
                    confidence=0.5,
                )
            )
        s.commit()


def test_claims_csv_follows_the_filter(client, db):
    ids = make_claims(db)
    _more_claims(db, ids)
    r = client.get("/api/v1/exports/claims.csv?issue=sanctions&from=2024-01-01")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(row["actor"] for row in rows) == ["france", "germany", "hungary"]
    assert {row["issue"] for row in rows} == {"sanctions"}
    assert rows[0]["document_title"] == "Test report"
    formula = next(row["evidence"] for row in rows if row["actor"] == "france")
    assert formula.startswith("'=")  # a spreadsheet will not run it


def test_claims_json(client, db):
    ids = make_claims(db)
    r = client.get("/api/v1/exports/claims.json?country=DE")
    assert r.status_code == 200
    body = r.json()
    assert body["filter"]["country"] == ["DE"]
    assert [c["id"] for c in body["claims"]] == [ids["de"]]
    assert body["claims"][0]["evidence"] == "Germany would keep its sanctions in place"


def test_export_bad_filter_is_400(client, db):
    for url in (
        "/api/v1/exports/claims.csv?country=Germany",
        "/api/v1/exports/claims.json?from=yesterday",
        "/api/v1/exports/network.graphml?kind=bipartite",
        "/api/v1/exports/network.gexf?issue=no-such-issue",
    ):
        r = client.get(url)
        assert r.status_code == 400, url


def test_actor_issue_graphml_opens_in_networkx(client, db):
    ids = make_claims(db)
    _more_claims(db, ids)
    r = client.get("/api/v1/exports/network.graphml?kind=actor-issue&from=2024-01-01&to=2024-12-31")
    assert r.status_code == 200
    g = nx.read_graphml(io.BytesIO(r.content))
    assert set(g.nodes) == {
        "actor:germany",
        "actor:france",
        "actor:hungary",
        "issue:sanctions",
        "issue:troops-in-ukraine",
    }
    assert g.nodes["actor:germany"]["kind"] == "actor" and g.nodes["actor:germany"]["country"] == "DE"
    assert g.nodes["issue:sanctions"]["kind"] == "issue" and g.nodes["issue:sanctions"]["label"]
    assert g.number_of_edges() == 4  # the 2023 Germany claim is outside the window
    edge = g.edges["actor:hungary", "issue:sanctions"]
    assert edge["stance"] == "oppose" and edge["oppose"] == 1 and edge["weight"] == 1.0 and edge["score"] == -1.0
    assert g.edges["actor:france", "issue:troops-in-ukraine"]["stance"] == "support"
    assert nx.is_bipartite(g)


def test_agreement_network_has_agreement_and_conflict_edges(client, db):
    ids = make_claims(db)
    _more_claims(db, ids)
    r = client.get("/api/v1/exports/network.graphml?kind=agreement&period=all")
    g = nx.read_graphml(io.BytesIO(r.content))
    assert set(g.nodes) == {"actor:germany", "actor:france", "actor:hungary"}
    edges = {(tuple(sorted((u, v))), d["type"]): d for u, v, d in g.edges(data=True)}
    assert edges[(("actor:france", "actor:germany"), "agreement")]["weight"] == 1.0
    assert edges[(("actor:france", "actor:germany"), "agreement")]["issues"] == "sanctions"
    # Germany opposed troops in 2023, France supports them: a conflict as well, in the all-time window.
    assert edges[(("actor:france", "actor:germany"), "conflict")]["issues"] == "troops-in-ukraine"
    assert edges[(("actor:germany", "actor:hungary"), "conflict")]["weight"] == 1.0
    assert (("actor:germany", "actor:hungary"), "agreement") not in edges
    # A window excluding 2023 leaves only the sanctions conflict between France/Germany and Hungary.
    r = client.get("/api/v1/exports/network.graphml?kind=agreement&from=2024-01-01")
    g = nx.read_graphml(io.BytesIO(r.content))
    kinds = sorted(d["type"] for _, _, d in g.edges(data=True))
    assert kinds == ["agreement", "conflict", "conflict"]


def test_gexf_opens_in_networkx(client, db):
    ids = make_claims(db)
    _more_claims(db, ids)
    r = client.get("/api/v1/exports/network.gexf?kind=actor-issue")
    assert r.status_code == 200
    g = nx.read_gexf(io.BytesIO(r.content))
    assert g.nodes["actor:hungary"]["label"] == "Hungary"
    assert g.edges["actor:hungary", "issue:sanctions"]["stance"] == "oppose"
    r = client.get("/api/v1/exports/network.gexf?kind=agreement")
    g = nx.read_gexf(io.BytesIO(r.content))
    assert g.is_multigraph()
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"agreement", "conflict"}


def test_empty_network_is_valid(client, db):
    r = client.get("/api/v1/exports/network.graphml?kind=agreement")
    g = nx.read_graphml(io.BytesIO(r.content))
    assert g.number_of_nodes() == 0
