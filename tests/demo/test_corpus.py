"""The demo corpus: enough articles, 2022-2025, every issue, 20+ countries, readable by the real ingester."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from app.ingest.hashing import NEAR_DUPLICATE_JACCARD, jaccard, shingles
from app.ingest.readers import read_bytes

CORPUS = Path(__file__).resolve().parents[2] / "app" / "demo" / "corpus"
ARTICLE = re.compile(r"^\d{3}-[a-z0-9-]+\.md$")
HEADER_DATE = re.compile(r"\Adate (\d{4}-\d{2}-\d{2})\n")

# A phrase that, in these articles, only appears when the issue is discussed.
ISSUE_KEYWORDS = {
    "negotiations": ("negotiat", "talks with", "peace talks", "phone call", "phoned"),
    "ceasefire": ("ceasefire", "truce"),
    "troops-in-ukraine": ("ground troops", "send troops", "soldiers", "reassurance force"),
    "ukraine-nato-membership": ("join nato", "membership of the alliance", "path to membership", "nato membership"),
    "ukraine-eu-membership": ("accession", "candidate status", "eu membership"),
    "security-guarantees": ("security guarantees", "security agreement", "security commitments"),
    "military-aid": ("military aid", "ammunition", "weapons to"),
    "advanced-weapons": ("tanks", "taurus", "atacms", "f-16", "storm shadow", "fighter jets"),
    "sanctions": ("sanctions",),
    "frozen-assets": ("frozen russian", "immobilised", "windfall profits", "reparations loan"),
    "russia-relations": (
        "relations with russia",
        "relations with the kremlin",
        "relations between russia",
        "a partner",
    ),
    "territorial-integrity": ("withdraw", "territory", "borders"),
    "ukraine-neutrality": ("neutral",),
    "defense-spending": ("defence spending", "percent of gdp", "spending on defence", "on defence"),
    "europe-in-negotiations": (
        "part of any negotiations",
        "behind europe's back",
        "at the table",
        "involved in any talks",
    ),
}

COUNTRIES = (
    "Germany", "France", "United Kingdom", "Britain", "United States", "Poland", "Hungary", "Slovakia",
    "Czech Republic", "Finland", "Sweden", "Estonia", "Latvia", "Lithuania", "Netherlands", "Denmark", "Italy",
    "Spain", "Belgium", "Turkey", "Romania", "Bulgaria", "Slovenia", "Montenegro", "North Macedonia", "Canada",
    "Japan", "Ukraine", "Russia", "Moldova", "Austria", "Norway", "Switzerland",
)  # fmt: skip


def _articles() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if ARTICLE.match(p.name))


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_corpus_has_at_least_forty_articles_of_news_length():
    articles = _articles()
    assert len(articles) >= 40
    for path in articles:
        words = len(_body(path).split())
        assert 150 <= words <= 350, f"{path.name}: {words} words"


def test_every_file_in_the_folder_is_an_article_or_the_readme():
    others = [p.name for p in CORPUS.iterdir() if not ARTICLE.match(p.name)]
    assert others == ["README.md"]


def test_headers_give_a_date_and_a_title_line():
    undated = []
    for path in _articles():
        text = _body(path)
        found = HEADER_DATE.match(text)
        if not found:
            undated.append(path.name)
            assert text.startswith("# "), f"{path.name}: neither a date line nor a title first"
            continue
        date.fromisoformat(found[1])
        assert text.split("\n")[1].startswith("# "), f"{path.name}: the second line is not a '# Title'"
    assert len(undated) == 1, undated


def test_dates_span_2022_to_2025_with_articles_in_every_year():
    years = {int(m[1][:4]) for p in _articles() if (m := HEADER_DATE.match(_body(p)))}
    assert years == {2022, 2023, 2024, 2025}


@pytest.mark.parametrize("issue", sorted(ISSUE_KEYWORDS))
def test_every_issue_is_discussed_in_several_articles(issue):
    keywords = ISSUE_KEYWORDS[issue]
    hits = [p.name for p in _articles() if any(k in _body(p).casefold() for k in keywords)]
    assert len(hits) >= 3, f"{issue}: only {hits}"


def test_issue_ids_are_the_taxonomy_ids():
    from app.taxonomy import load_taxonomy

    assert set(ISSUE_KEYWORDS) == set(load_taxonomy().issues)


def test_at_least_twenty_countries_are_named_and_nato_and_eu_speak():
    text = "\n".join(_body(p) for p in _articles())
    named = {c for c in COUNTRIES if re.search(rf"\b{re.escape(c)}\b", text)}
    assert len(named) >= 20, sorted(named)
    assert "NATO Secretary General" in text
    assert "Commission President" in text


def test_the_real_ingester_reads_every_article_with_its_date_title_and_link():
    for path in _articles():
        record = read_bytes(path.read_bytes(), name=path.name, origin=str(path))
        header = HEADER_DATE.match(_body(path))
        assert record.published_on == (date.fromisoformat(header[1]) if header else None), path.name
        assert record.title and not record.title.startswith("#"), path.name
        assert "Source link" not in record.text
        if "Source link:" in _body(path):
            assert record.url and record.url.startswith("https://"), path.name


def test_only_the_rewritten_copies_are_near_duplicates():
    sets = {p.name: shingles(read_bytes(p.read_bytes(), name=p.name, origin=str(p)).text) for p in _articles()}
    near = {
        (a, b)
        for a, b in itertools.combinations(sorted(sets), 2)
        if jaccard(sets[a], sets[b]) >= NEAR_DUPLICATE_JACCARD
    }
    copies = ("024-accession-talks-opened.md", "025-accession-talks-copy-a.md", "026-accession-talks-copy-b.md")
    assert near == set(itertools.combinations(copies, 2))
