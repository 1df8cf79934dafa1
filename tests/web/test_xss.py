"""User-derived text (document title and text, actor name, issue label, evidence) is inert on every page.

Payloads: a <script>, an <img onerror>, and Plotly's pseudo-HTML (<a href="javascript:...">, <b>), which Plotly
renders inside hover text, labels and titles unless escaped. Each page is parsed: no element, attribute or
link may come from the payloads; every embedded figure is decoded and its strings searched for raw payload tags.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from app.store import models as m
from tests.web.records_data import make_claim, make_document

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">x</a>'
BOLD = "<b>bold</b>"
PAYLOAD = f"{SCRIPT} {IMG} {LINK} {BOLD}"
# What the payloads would produce if a page let them through as markup.
RAW_MARKERS = ("<script>alert", "<img src=x", '<a href="javascript', "<b>bold")


@pytest.fixture
def hostile(session) -> dict:
    """Store the payloads in a document, an actor's name, an issue's label and a claim's evidence."""
    actor = m.Actor(slug="hostile-actor", name=f"Evil {PAYLOAD}", type="person", country_code="DE", aliases=[PAYLOAD])
    session.add(actor)
    issue = session.get(m.Issue, "sanctions")
    issue.label = f"Sanctions {PAYLOAD}"
    issue.description = f"About {PAYLOAD}"
    text = f"Opening line. The minister said {PAYLOAD} was the plan. Closing line."
    doc = make_document(
        session,
        title=f"Title {PAYLOAD}",
        text=text,
        url=f"javascript:alert(1)//{PAYLOAD}",
        source_name=PAYLOAD,
        origin=PAYLOAD,
        language="en",
        published_on=date(2024, 2, 1),
    )
    session.flush()
    claims = [
        make_claim(
            session,
            doc,
            actor_slug="hostile-actor",
            issue="sanctions",
            stance=stance,
            evidence=f"The minister said {PAYLOAD} was the plan.",
            stated_on=date(2024, 2, day),
            explanation=[{"rule": PAYLOAD, "detail": PAYLOAD}],
        )
        for stance, day in (("support", 1), ("oppose", 10))
    ]
    # A second issue so the matrix has more than one column, and a plain claim for the country rows.
    make_claim(
        session,
        doc,
        actor_slug="olaf-scholz",
        issue="ceasefire",
        stance="neutral",
        evidence="Opening line.",
        stated_on=date(2024, 2, 2),
    )
    session.commit()
    return {"doc": doc.id, "claims": [c.id for c in claims]}


def pages(h: dict) -> list[str]:
    return [
        "/",
        "/matrix",
        "/matrix?rows=actor",
        "/timeline",
        "/timeline?issue=sanctions",
        "/timeline?actor=hostile-actor",
        "/issues",
        "/issues/sanctions",
        "/claims",
        "/claims?issue=sanctions&actor=hostile-actor",
        "/documents",
        f"/documents/{h['doc']}",
        "/actors",
        "/actors/hostile-actor",
        "/countries",
        "/countries/DE",
    ]


def figure_strings(soup: BeautifulSoup) -> list[str]:
    """Decode every embedded JSON blob (Plotly figures) and return all the strings in it."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                out.append(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for tag in soup.select('script[type="application/json"]'):
        walk(json.loads(tag.string or "null"))
    return out


def test_payloads_are_inert_on_every_page(client, hostile):
    problems = []
    escaped_in_figures = 0
    for url in pages(hostile):
        r = client.get(url)
        if r.status_code != 200:
            problems.append(f"{url}: status {r.status_code}")
            continue
        html = r.text
        for marker in RAW_MARKERS:
            if marker in html:
                problems.append(f"{url}: raw {marker!r} in the HTML")
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all("script"):
            if "alert(1)" in (tag.string or "") and tag.get("type") != "application/json":
                problems.append(f"{url}: executable script holding the payload")
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                if attr.lower().startswith("on"):
                    problems.append(f"{url}: event handler attribute {attr} on <{tag.name}>")
                if attr in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                    problems.append(f"{url}: javascript: URL in <{tag.name} {attr}>")
        if soup.find("img", src="x") is not None:
            problems.append(f"{url}: <img src=x> element")
        if any(b.get_text() == "bold" for b in soup.find_all("b")):
            problems.append(f"{url}: <b>bold</b> rendered as markup")
        strings = figure_strings(soup)
        escaped_in_figures += sum("&lt;script&gt;" in s for s in strings)
        for s in strings:
            for marker in ("<script", "<img", "<a href", "<b>bold"):
                if marker in s:
                    problems.append(f"{url}: figure string holds raw {marker!r}: {s[:80]!r}")
                    break
    assert not problems, "\n".join(problems)
    # The payloads did reach the charts (hover text, labels), escaped: the figure check above was not vacuous.
    assert escaped_in_figures > 0


def test_payload_text_is_shown_as_text(client, hostile):
    """Inert, but still visible: the words appear as text where they belong."""
    soup = BeautifulSoup(client.get(f"/documents/{hostile['doc']}").text, "html.parser")
    assert SCRIPT in soup.h1.get_text()
    container = soup.select_one("#document-text")
    assert PAYLOAD in container.get_text()
    assert any(PAYLOAD in mk.get_text() for mk in container.select("mark"))
    soup = BeautifulSoup(client.get("/actors/hostile-actor").text, "html.parser")
    assert soup.h1.get_text() == f"Evil {PAYLOAD}"
    soup = BeautifulSoup(client.get("/claims").text, "html.parser")
    assert IMG in soup.select_one("table.claims-table").get_text()


def test_hostile_values_in_the_query_string_are_inert(client, hostile):
    for url in (
        "/claims?actor=%3Cscript%3Ealert(1)%3C/script%3E",
        "/documents?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/actors?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "/claims?sort=%3Cscript%3E",
        "/claims?cursor=%3Cscript%3Ealert(1)%3C/script%3E",
    ):
        r = client.get(url)
        assert r.status_code in (200, 400), url
        for marker in RAW_MARKERS:
            assert marker not in r.text, (url, marker)


def test_api_twins_return_the_text_verbatim_as_json(client, hostile):
    body = client.get(f"/api/v1/documents/{hostile['doc']}").json()
    assert body["title"] == f"Title {PAYLOAD}" and body["url"] is None
    r = client.get("/api/v1/claims")
    assert r.headers["content-type"].startswith("application/json")
    assert any(PAYLOAD in item["actor_name"] for item in r.json()["items"])


def test_issue_label_payload_is_stored(session, hostile):
    # Guards the fixture itself: the hostile label is really in the database the pages read.
    assert PAYLOAD in session.scalar(select(m.Issue.label).where(m.Issue.id == "sanctions"))
