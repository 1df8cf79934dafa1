"""Take the data elsewhere: claims as CSV or JSON, networks as GraphML or GEXF (as Discourse Network Analyzer does).

Two networks, both for the claims a ClaimFilter selects (so a time window is `from`/`to` or a period):

- actor-issue: a two-mode network, actors and issues as nodes, one edge per (actor, issue) with the stance on it
  (support / oppose / neutral, or "mixed" when the actor took several) and the count of claims of each stance.
- agreement: a one-mode network of actors; an "agreement" edge counts the issues on which two actors took the same
  stance, a "conflict" edge the issues on which one supported what the other opposed (DNA's congruence and
  conflict networks). Both edge types can join the same pair, so the graph is a multigraph.

Written with the standard library's xml.etree; both formats open in Gephi, networkx, igraph and visone.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.filters import ClaimFilter, combine

CLAIM_COLUMNS = (
    "id",
    "document_id",
    "document_title",
    "document_url",
    "published_on",
    "actor",
    "actor_name",
    "actor_type",
    "country",
    "issue",
    "stance",
    "stated_on",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
    "review_status",
    "extractor",
    "extractor_version",
)
NETWORK_KINDS = ("actor-issue", "agreement")
BATCH = 2000


def iter_claim_rows(session: Session, flt: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Yield the claims a filter selects as flat rows (CLAIM_COLUMNS), oldest first, in batches."""
    conds = flt.claim_conditions(session)
    query = (
        select(
            m.Claim.id,
            m.Claim.document_id,
            m.Document.title,
            m.Document.url,
            m.Document.published_on,
            m.Actor.slug,
            m.Actor.name,
            m.Actor.type,
            m.Claim.country_code,
            m.Claim.issue_id,
            m.Claim.stance,
            m.Claim.stated_on,
            m.Claim.evidence,
            m.Claim.evidence_start,
            m.Claim.evidence_end,
            m.Claim.confidence,
            m.Claim.review_status,
            m.Claim.extractor,
            m.Claim.extractor_version,
        )
        .join(m.Document, m.Document.id == m.Claim.document_id)
        .join(m.Actor, m.Actor.id == m.Claim.actor_id)
        .where(combine(conds))
    )
    last = 0
    while True:
        # Keyset paging on id keeps memory flat for any size of export.
        rows = session.execute(query.where(m.Claim.id > last).order_by(m.Claim.id).limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield {k: (v.isoformat() if isinstance(v, date) else v) for k, v in zip(CLAIM_COLUMNS, row, strict=True)}
        last = rows[-1][0]


def iter_claims_csv(session: Session, flt: ClaimFilter) -> Iterator[str]:
    """Yield the claims as CSV text (a header, then one line per claim)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, row in enumerate(iter_claim_rows(session, flt), 1):
        writer.writerow({k: _csv_safe(v) for k, v in row.items()})
        if i % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_safe(value: Any) -> Any:
    # Spreadsheets run cells starting with = + - @ as formulas; a leading apostrophe keeps them text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def iter_claims_json(session: Session, flt: ClaimFilter) -> Iterator[str]:
    """Yield {"filter": ..., "claims": [...]} as JSON text, streamed claim by claim."""
    yield '{"filter": ' + json.dumps(flt.as_dict()) + ', "columns": ' + json.dumps(list(CLAIM_COLUMNS))
    yield ', "claims": ['
    for i, row in enumerate(iter_claim_rows(session, flt)):
        yield ("," if i else "") + json.dumps(row, ensure_ascii=False)
    yield "]}"


# -- networks ------------------------------------------------------------------------------------------------


@dataclass
class Network:
    """A graph ready to write: nodes and edges with typed attributes."""

    name: str
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # node id -> attributes (incl. label)
    edges: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (id, source, target, attrs)

    @property
    def multigraph(self) -> bool:
        """Return whether two edges join the same pair of nodes."""
        pairs = [frozenset((s, t)) for _, s, t, _ in self.edges]
        return len(pairs) != len(set(pairs))


def _positions(session: Session, flt: ClaimFilter) -> tuple[dict, dict, dict]:
    """Return claim counts by (actor id, issue, stance), and actor and issue node attributes."""
    conds = flt.claim_conditions(session)
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: {s: 0 for s in m.STANCES})
    rows = session.execute(
        select(m.Claim.actor_id, m.Claim.issue_id, m.Claim.stance, m.Claim.id)
        .where(combine(conds))
        .order_by(m.Claim.id)
        .execution_options(yield_per=BATCH)
    )
    for actor_id, issue_id, stance, _ in rows:
        counts[(actor_id, issue_id)][stance] += 1
    actor_ids = {a for a, _ in counts}
    issue_ids = {i for _, i in counts}
    actors = {
        a.id: {"label": a.name, "slug": a.slug, "actor_type": a.type, "country": a.country_code}
        for a in (session.scalars(select(m.Actor).where(m.Actor.id.in_(actor_ids))) if actor_ids else [])
    }
    issues = {
        i.id: {"label": i.label}
        for i in (session.scalars(select(m.Issue).where(m.Issue.id.in_(issue_ids))) if issue_ids else [])
    }
    return counts, actors, issues


def _stance_of(c: dict[str, int]) -> str:
    taken = [s for s in m.STANCES if c[s]]
    return taken[0] if len(taken) == 1 else "mixed"


def actor_issue_network(session: Session, flt: ClaimFilter) -> Network:
    """Build the two-mode actor-issue network with the stance on each edge."""
    counts, actors, issues = _positions(session, flt)
    net = Network(name="actor-issue")
    for attrs in sorted(actors.values(), key=lambda a: a["slug"]):
        net.nodes[f"actor:{attrs['slug']}"] = {"kind": "actor", **attrs}
    for iid, attrs in sorted(issues.items()):
        net.nodes[f"issue:{iid}"] = {"kind": "issue", "slug": iid, "actor_type": "", "country": "", **attrs}
    for n, ((aid, iid), c) in enumerate(sorted(counts.items(), key=lambda kv: (actors[kv[0][0]]["slug"], kv[0][1]))):
        total = sum(c.values())
        net.edges.append(
            (
                f"e{n}",
                f"actor:{actors[aid]['slug']}",
                f"issue:{iid}",
                {
                    "stance": _stance_of(c),
                    "weight": float(total),
                    "support": c["support"],
                    "oppose": c["oppose"],
                    "neutral": c["neutral"],
                    # -1 (all oppose) .. +1 (all support), DNA's "subtract" aggregation scaled by the count.
                    "score": round((c["support"] - c["oppose"]) / total, 4),
                },
            )
        )
    return net


def agreement_network(session: Session, flt: ClaimFilter) -> Network:
    """Build the actor-actor network: agreement edges (shared stances) and conflict edges (opposite stances)."""
    counts, actors, _ = _positions(session, flt)
    stances: dict[int, dict[str, set[str]]] = defaultdict(dict)
    for (aid, iid), c in counts.items():
        stances[aid][iid] = {s for s in m.STANCES if c[s]}
    net = Network(name="agreement")
    for attrs in sorted(actors.values(), key=lambda a: a["slug"]):
        net.nodes[f"actor:{attrs['slug']}"] = {"kind": "actor", **attrs}
    ordered = sorted(stances, key=lambda a: actors[a]["slug"])
    n = 0
    for a, b in combinations(ordered, 2):
        shared_issues = set(stances[a]) & set(stances[b])
        agree = sorted(i for i in shared_issues if stances[a][i] & stances[b][i])
        conflict = sorted(
            i
            for i in shared_issues
            if ("support" in stances[a][i] and "oppose" in stances[b][i])
            or ("oppose" in stances[a][i] and "support" in stances[b][i])
        )
        for kind, found in (("agreement", agree), ("conflict", conflict)):
            if found:
                source, target = f"actor:{actors[a]['slug']}", f"actor:{actors[b]['slug']}"
                attrs = {"type": kind, "weight": float(len(found)), "issues": " ".join(found)}
                net.edges.append((f"e{n}", source, target, attrs))
                n += 1
    return net


def build_network(session: Session, flt: ClaimFilter, *, kind: str) -> Network:
    """Build the named network (actor-issue or agreement)."""
    if kind == "actor-issue":
        return actor_issue_network(session, flt)
    if kind == "agreement":
        return agreement_network(session, flt)
    raise ValueError(f"unknown network {kind!r}; expected one of {', '.join(NETWORK_KINDS)}")


def _attr_types(items: list[dict[str, Any]]) -> dict[str, str]:
    types: dict[str, str] = {}
    for attrs in items:
        for k, v in attrs.items():
            t = (
                "double"
                if isinstance(v, float)
                else "int"
                if isinstance(v, int) and not isinstance(v, bool)
                else "string"
            )
            types.setdefault(k, t)
    return types


def to_graphml(net: Network, *, description: str = "") -> bytes:
    """Write a network as GraphML."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    if description:
        ET.SubElement(root, f"{{{ns}}}desc").text = description
    node_types = _attr_types(list(net.nodes.values()))
    edge_types = _attr_types([a for *_, a in net.edges])
    keys: dict[tuple[str, str], str] = {}
    for scope, types in (("node", node_types), ("edge", edge_types)):
        for name, t in types.items():
            key_id = f"{scope[0]}_{name}"
            keys[(scope, name)] = key_id
            ET.SubElement(root, f"{{{ns}}}key", {"id": key_id, "for": scope, "attr.name": name, "attr.type": t})
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"id": net.name, "edgedefault": "undirected"})
    for node_id, attrs in net.nodes.items():
        node = ET.SubElement(graph, f"{{{ns}}}node", {"id": node_id})
        for k, v in attrs.items():
            ET.SubElement(node, f"{{{ns}}}data", {"key": keys[("node", k)]}).text = str(v)
    for edge_id, source, target, attrs in net.edges:
        edge = ET.SubElement(graph, f"{{{ns}}}edge", {"id": edge_id, "source": source, "target": target})
        for k, v in attrs.items():
            ET.SubElement(edge, f"{{{ns}}}data", {"key": keys[("edge", k)]}).text = str(v)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_gexf(net: Network, *, description: str = "") -> bytes:
    """Write a network as GEXF 1.2."""
    ns = "http://www.gexf.net/1.2draft"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{ns}}}meta")
    ET.SubElement(meta, f"{{{ns}}}creator").text = "Posture"
    ET.SubElement(meta, f"{{{ns}}}description").text = description or net.name
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_types = _attr_types([{k: v for k, v in a.items() if k != "label"} for a in net.nodes.values()])
    edge_types = _attr_types([{k: v for k, v in a.items() if k != "weight"} for *_, a in net.edges])
    gexf_type = {"double": "double", "int": "integer", "string": "string"}
    ids: dict[tuple[str, str], str] = {}
    for scope, types in (("node", node_types), ("edge", edge_types)):
        block = ET.SubElement(graph, f"{{{ns}}}attributes", {"class": scope})
        for n, (name, t) in enumerate(types.items()):
            ids[(scope, name)] = str(n)
            ET.SubElement(block, f"{{{ns}}}attribute", {"id": str(n), "title": name, "type": gexf_type[t]})
    nodes = ET.SubElement(graph, f"{{{ns}}}nodes")
    for node_id, attrs in net.nodes.items():
        node = ET.SubElement(nodes, f"{{{ns}}}node", {"id": node_id, "label": str(attrs.get("label", node_id))})
        values = ET.SubElement(node, f"{{{ns}}}attvalues")
        for k, v in attrs.items():
            if k != "label":
                ET.SubElement(values, f"{{{ns}}}attvalue", {"for": ids[("node", k)], "value": str(v)})
    edges = ET.SubElement(graph, f"{{{ns}}}edges")
    for edge_id, source, target, attrs in net.edges:
        edge = ET.SubElement(
            edges,
            f"{{{ns}}}edge",
            {"id": edge_id, "source": source, "target": target, "weight": str(attrs.get("weight", 1.0))},
        )
        values = ET.SubElement(edge, f"{{{ns}}}attvalues")
        for k, v in attrs.items():
            if k != "weight":
                ET.SubElement(values, f"{{{ns}}}attvalue", {"for": ids[("edge", k)], "value": str(v)})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
