"""Readers per format: HTML main text and dates, Markdown, JSON Lines, language, hashes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.ingest.errors import IngestError
from app.ingest.readers import enrich, read_bytes, read_jsonl, read_text
from tests.ingest.factories import make_article

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head>
<title>Ministers weigh support package | Example Wire</title>
<meta property="og:title" content="Ministers weigh support package">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-05-07T09:30:00+00:00">
<script>var tracking = "{}";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav>
<article>
<h1>Ministers weigh support package</h1>
<p>Foreign ministers from six countries met on Tuesday to weigh a new package of support, officials said.</p>
<p>The talks ran late into the evening, and the final statement promised more money for air defence.</p>
<p>Several delegations asked for the details to be settled at the next meeting, which is planned for June.</p>
</article>
<aside>Share this article on Facebook and Twitter</aside>
<footer>Copyright Example Wire. All rights reserved.</footer>
</body></html>"""


def test_html_main_text_title_site_and_metadata_date():
    record = enrich(read_bytes(ARTICLE_HTML.encode(), name="story.html", origin="story.html"))
    assert "Foreign ministers from six countries met on Tuesday" in record.text
    assert "The talks ran late" in record.text
    assert "tracking" not in record.text and "All rights reserved" not in record.text
    assert record.title == "Ministers weigh support package"
    assert record.source_name == "Example Wire"
    assert record.published_on == date(2024, 5, 7)
    assert record.date_source == "explicit"
    assert record.language == "en"
    assert len(record.content_hash) == 64 and record.minhash


def test_html_made_of_scripts_is_not_an_article():
    page = "<html><head><script>" + "var x = 1;" * 5000 + "</script></head><body>"
    page += "<script>document.write('hello');</script>" * 200 + "<div>Menu</div></body></html>"
    with pytest.raises(IngestError) as err:
        read_bytes(page.encode(), name="scripts.html", origin="scripts.html")
    assert err.value.reason == "not an article"


def test_markdown_front_matter_and_heading():
    text = "---\ntitle: Allies meet again\ndate: 2023-11-02\n---\n# Allies meet again\n\n" + make_article(5)
    record = read_bytes(text.encode(), name="note.md", origin="note.md")
    assert record.title == "Allies meet again"
    assert (record.published_on, record.date_source) == (date(2023, 11, 2), "explicit")


def test_dateline_dates_a_text_as_inferred():
    text = "Allies meet again\n\nTuesday, 24 January 2023\n\n" + make_article(6)
    record = read_bytes(text.encode(), name="a.txt", origin="a.txt")
    assert (record.published_on, record.date_source) == (date(2023, 1, 24), "inferred")


def test_undated_text_stays_undated():
    record = read_bytes(make_article(7).encode(), name="b.txt", origin="b.txt")
    assert (record.published_on, record.date_source) == (None, "unknown")


def test_non_english_text_is_flagged_with_its_language():
    german = (
        "Die Außenminister mehrerer Staaten haben am Dienstag über ein neues Hilfspaket beraten. "
        "Die Gespräche dauerten bis in den Abend, und die Abschlusserklärung versprach mehr Geld für die "
        "Luftverteidigung im kommenden Jahr. Mehrere Delegationen wollen die Einzelheiten im Juni klären."
    )
    record = read_bytes(german.encode(), name="de.txt", origin="de.txt")
    assert (record.language, record.minhash) == (None, None)  # the costly steps wait for enrich
    enrich(record)
    assert record.language == "de"


def test_short_text_is_not_an_article_and_unknown_suffix_is_unsupported():
    with pytest.raises(IngestError) as err:
        read_bytes(b"Just a caption.", name="c.txt", origin="c.txt")
    assert err.value.reason == "not an article"
    with pytest.raises(IngestError) as err:
        read_bytes(b"whatever", name="c.docx", origin="c.docx")
    assert err.value.reason == "unsupported"


def test_jsonl_in_codebook_format_one_outcome_per_line():
    lines = [
        json.dumps(
            {
                "doc_id": "x1",
                "url": "https://www.example.net/a",
                "date": "2024-03-19",
                "title": "T1",
                "text": make_article(1),
            }
        ).encode(),
        json.dumps({"doc_id": "x2", "url": "", "date": None, "title": "", "text": make_article(2)}).encode(),
        b"",
        b"{not json",
        json.dumps({"doc_id": "x4", "text": ""}).encode(),
        json.dumps({"doc_id": "x5", "date": "19/03/2024", "text": make_article(5)}).encode(),
        json.dumps(["a", "list"]).encode(),
    ]
    results = list(read_jsonl(lines, origin="f.jsonl", max_line_bytes=1_000_000))
    labels = [label for label, _ in results]
    assert labels == ["f.jsonl:1", "f.jsonl:2", "f.jsonl:4", "f.jsonl:5", "f.jsonl:6", "f.jsonl:7"]
    first, second = results[0][1], results[1][1]
    assert (first.published_on, first.date_source, first.title) == (date(2024, 3, 19), "explicit", "T1")
    assert first.source_name == "example.net"
    assert (second.published_on, second.date_source) == (None, "unknown")
    reasons = [r.reason for _, r in results[2:]]
    assert reasons == ["bad record", "empty", "bad record", "bad record"]


def test_html_meta_charset_is_honoured():
    page = ARTICLE_HTML.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Foreign ministers", "Foreign ministers (Außenminister, “quoted”)"
    )
    record = read_bytes(page.encode("cp1252"), name="legacy.htm", origin="legacy.htm")
    assert "Foreign ministers (Außenminister, “quoted”)" in record.text


def test_markdown_headings_lose_their_markers_and_give_the_title():
    text = (
        "date 2024-05-02\n# Ministers meet in Riga\n\nThe foreign ministers of the three Baltic states met on Thursday "
        "and said they would keep supplying air defence to Kyiv for as long as it takes, whatever the cost.\n\n"
        "## Next steps\n\nThey agreed to meet again in the autumn to review progress on the joint purchase plan."
    )
    record = read_text(text, origin="note.md", markdown=True)
    assert record.title == "Ministers meet in Riga"
    assert "#" not in record.text
    assert record.text.startswith("Ministers meet in Riga")
    assert "Next steps" in record.text
