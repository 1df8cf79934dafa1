"""Read queries for the records views: the claims table, documents, one claim, one document.

Every list is keyset-paginated (app.store.keyset) on indexed columns; counts come from the claim_monthly rollup
when it answers the filter exactly, otherwise from a capped count, so no page view scans the whole claim table.
Actor and country pages live in app.store.profiles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.store import models as m
from app.store.datacache import cached_by_data_version
from app.store.filters import ClaimFilter, FilterError
from app.store.keyset import Cursor, Page, SortKey, decode_cursor, keyset_page

COUNT_CAP = 10_000
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
CLAIM_SORTS = (
    "-date",
    "date",
    "-confidence",
    "confidence",
    "actor",
    "-actor",
    "country",
    "-country",
    "issue",
    "-issue",
)
DOCUMENT_SORTS = ("-date", "date", "-id", "id")

# The claims table's columns: one indexed join each to actor, country, issue and the document's title.
_CLAIM_COLUMNS = (
    m.Claim.id,
    m.Claim.stated_on,
    m.Claim.stance,
    m.Claim.confidence,
    m.Claim.review_status,
    m.Claim.evidence,
    m.Claim.evidence_start,
    m.Claim.evidence_end,
    m.Claim.extractor,
    m.Claim.extractor_version,
    m.Claim.is_duplicate,
    m.Claim.country_code,
    m.Claim.issue_id,
    m.Claim.document_id,
    m.Actor.slug.label("actor_slug"),
    m.Actor.name.label("actor_name"),
    m.Country.name.label("country_name"),
    m.Issue.label.label("issue_label"),
    m.Document.title.label("document_title"),
)


@dataclass
class Count:
    """How many rows a filter selects: exact, or at least `value` when capped."""

    value: int
    exact: bool

    def __str__(self) -> str:
        return f"{self.value:,}" if self.exact else f"more than {COUNT_CAP:,}"


@dataclass
class ClaimsPage:
    """One page of the claims table."""

    rows: list[Any]
    next: Cursor | None
    previous: Cursor | None
    sort: str
    limit: int
    count: Count | None = None


@dataclass
class DocumentsPage:
    """One page of the documents list."""

    rows: list[Any]
    next: Cursor | None
    previous: Cursor | None
    sort: str
    limit: int


@dataclass
class DocumentFilter:
    """The documents list's own filters, besides the ClaimFilter (which selects documents with such claims)."""

    undated: bool = False
    language: str | None = None
    q: str | None = None  # title substring

    def to_query(self) -> list[tuple[str, str]]:
        """Return the filter as query-string pairs."""
        pairs = [("undated", "1")] if self.undated else []
        if self.language:
            pairs.append(("language", self.language))
        if self.q:
            pairs.append(("q", self.q))
        return pairs


@dataclass
class DocumentDetail:
    """A document with its claims (in text order), the segments of its highlighted text and its near-duplicates."""

    document: m.Document
    claims: list[m.Claim]
    segments: list[Segment]
    unplaced: list[m.Claim]  # claims whose evidence is not found in the text
    duplicate_of: m.Document | None
    duplicates: list[m.Document] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # claim id -> (start, end) in the text


@dataclass
class Segment:
    """A run of document text covered by the same claims (none: plain text)."""

    text: str
    start: int
    claim_ids: tuple[int, ...] = ()
    opens: tuple[int, ...] = ()  # claims whose evidence starts here (the anchor goes on it)
    closes: tuple[int, ...] = ()  # claims whose evidence ends here (the label goes after it)


# -- parameters -------------------------------------------------------------------------------------------


def parse_sort(value: str | None, choices: tuple[str, ...], *, param: str = "sort") -> str:
    """Return a valid sort name (default the first choice); raise FilterError naming a bad one."""
    if value is None or value == "":
        return choices[0]
    if value not in choices:
        raise FilterError(param, value[:60], f"expected one of {', '.join(choices)}")
    return value


def parse_limit(value: str | None, *, param: str = "limit") -> int:
    """Return a valid page size (1 to MAX_PAGE_SIZE); raise FilterError naming a bad one."""
    if value is None or value == "":
        return DEFAULT_PAGE_SIZE
    if not (value.isdigit() and len(value) <= 4 and 1 <= int(value) <= MAX_PAGE_SIZE):
        raise FilterError(param, value[:60], f"expected a whole number from 1 to {MAX_PAGE_SIZE}")
    return int(value)


def parse_flag(value: str | None, *, param: str) -> bool:
    """Return a boolean query flag (1/0, true/false, yes/no, on/off); raise FilterError otherwise."""
    if value in (None, "", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise FilterError(param, str(value)[:60], "expected 1 or 0")


def parse_document_filter(undated: str | None, language: str | None, q: str | None) -> DocumentFilter:
    """Check the documents list's own parameters; raise FilterError naming a bad one."""
    lang = (language or "").strip().lower() or None
    if lang is not None and not (2 <= len(lang) <= 8 and lang.replace("-", "").isalpha()):
        raise FilterError("language", lang[:60], "expected a language code such as en or de")
    text = (q or "").strip() or None
    if text is not None and len(text) > 200:
        raise FilterError("q", text[:40] + "…", "search text too long (at most 200 characters)")
    return DocumentFilter(undated=parse_flag(undated, param="undated"), language=lang, q=text)


def claim_sort_key(sort: str) -> SortKey:
    """Return the keyset ordering of a claims-table sort option."""
    name, desc = sort.lstrip("-"), sort.startswith("-")
    column, nullable, kind = {
        "date": (m.Claim.stated_on, True, "date"),
        "confidence": (m.Claim.confidence, False, "float"),
        "actor": (m.Actor.name, False, "str"),
        "country": (m.Claim.country_code, False, "str"),
        "issue": (m.Claim.issue_id, False, "str"),
    }[name]
    return SortKey(name=sort, column=column, id_column=m.Claim.id, descending=desc, nullable=nullable, kind=kind)


# -- claims -------------------------------------------------------------------------------------------------


def claims_select(session: Session, flt: ClaimFilter) -> Select:
    """Return the filtered, unordered select of full claims-table rows (actor, country, issue, document title)."""
    return _with_names(select(*_CLAIM_COLUMNS)).where(*flt.claim_conditions(session))


def _with_names(q: Select) -> Select:
    return (
        q.join(m.Actor, m.Actor.id == m.Claim.actor_id)
        .join(m.Country, m.Country.code == m.Claim.country_code)
        .join(m.Issue, m.Issue.id == m.Claim.issue_id)
        .join(m.Document, m.Document.id == m.Claim.document_id)
    )


def _claim_keys_select(session: Session, flt: ClaimFilter, key: SortKey) -> Select:
    # Page over (sort key, id) on the claim table alone, so the database never joins rows it will not show;
    # only the actor sort needs the actor's name.
    q = select(m.Claim.id.label("id"), key.column.label("k")).where(*flt.claim_conditions(session))
    if key.column is m.Actor.name:
        q = q.join(m.Actor, m.Actor.id == m.Claim.actor_id)
    return q


def _claim_rows(session: Session, ids: list[int]) -> list[Any]:
    """Return the full rows of these claims, in the given order."""
    if not ids:
        return []
    rows = {r.id: r for r in session.execute(_with_names(select(*_CLAIM_COLUMNS)).where(m.Claim.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


def _key_page(session: Session, flt: ClaimFilter, sort: str, at: Cursor | None, limit: int) -> Page:
    key = claim_sort_key(sort)
    page = keyset_page(
        session, _claim_keys_select(session, flt, key), key=key, cursor=at, limit=limit, key_of=lambda r: (r.k, r.id)
    )
    page.rows = _claim_rows(session, [r.id for r in page.rows])
    return page


def list_claims(
    session: Session,
    flt: ClaimFilter,
    *,
    sort: str = "-date",
    cursor: str | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    with_count: bool = True,
) -> ClaimsPage:
    """Return one page of claims matching the filter, in the sort's order, continuing from a cursor token."""
    sort = parse_sort(sort, CLAIM_SORTS)
    at = decode_cursor(cursor, claim_sort_key(sort)) if cursor else None
    page = _key_page(session, flt, sort, at, limit)
    count = None
    if with_count:
        # A first page that is not full holds every match: its length is the exact count, for free.
        whole = at is None and page.next is None
        count = Count(len(page.rows), True) if whole else count_claims(session, flt)
    return ClaimsPage(rows=page.rows, next=page.next, previous=page.previous, sort=sort, limit=limit, count=count)


@cached_by_data_version("records.count_claims")
def count_claims(session: Session, flt: ClaimFilter, *, cap: int = COUNT_CAP) -> Count:
    """Count the filter's claims: exact from the rollup when it can, else exact up to `cap`.

    Cached until the data changes (app.store.datacache), so a summed rollup is paid once per filter and version.
    """
    if flt.rollup_exact():
        total = session.scalar(
            select(func.coalesce(func.sum(m.ClaimMonthly.n), 0)).where(*flt.rollup_conditions(session))
        )
        return Count(int(total or 0), True)
    capped = select(m.Claim.id).where(*flt.claim_conditions(session)).limit(cap + 1).subquery()
    n = int(session.scalar(select(func.count()).select_from(capped)) or 0)
    return Count(min(n, cap), n <= cap)


def iter_claims(session: Session, flt: ClaimFilter, *, sort: str = "-date", batch: int = 2000):
    """Yield every claim row of the filter in the sort's order, a keyset batch at a time (for streaming CSV)."""
    sort = parse_sort(sort, CLAIM_SORTS)
    at: Cursor | None = None
    while True:
        page = _key_page(session, flt, sort, at, batch)
        yield from page.rows
        if page.next is None:
            return
        at = page.next


def get_claim(session: Session, claim_id: int) -> m.Claim | None:
    """Return one claim with its actor, issue, document and revisions, or None."""
    return session.scalar(
        select(m.Claim)
        .where(m.Claim.id == claim_id)
        .options(selectinload(m.Claim.actor), selectinload(m.Claim.issue), selectinload(m.Claim.revisions))
    )


# -- documents ----------------------------------------------------------------------------------------------

_DOCUMENT_COLUMNS = (
    m.Document.id,
    m.Document.title,
    m.Document.url,
    m.Document.published_on,
    m.Document.date_source,
    m.Document.source_name,
    m.Document.language,
    m.Document.duplicate_of_id,
    m.Document.extraction_status,
)


def document_sort_key(sort: str) -> SortKey:
    """Return the keyset ordering of a documents-list sort option."""
    desc = sort.startswith("-")
    if sort.lstrip("-") == "date":
        return SortKey(sort, m.Document.published_on, m.Document.id, desc, nullable=True, kind="date")
    return SortKey(sort, m.Document.id, m.Document.id, desc, nullable=False, kind="int")


def documents_select(session: Session, flt: ClaimFilter, dflt: DocumentFilter, *, sort: str = "-date") -> Select:
    """Return the filtered, unordered select of (id, sort key) behind the documents list.

    The ClaimFilter's who/what conditions keep documents holding at least one such claim; its date window
    applies to the publication date; near-duplicates are hidden unless asked for.
    """
    key = document_sort_key(sort)
    q = select(m.Document.id.label("id"), key.column.label("k")).select_from(m.Document)
    claim_conds = flt.claim_conditions(session, skip=("date", "review", "dups"))
    if claim_conds:
        q = q.where(exists().where(m.Claim.document_id == m.Document.id, *claim_conds))
    start, end = flt.window()
    if dflt.undated:
        q = q.where(m.Document.published_on.is_(None))
    else:
        if start:
            q = q.where(m.Document.published_on >= start)
        if end:
            q = q.where(m.Document.published_on <= end)
    if not flt.include_duplicates:
        if session.get_bind().dialect.name == "sqlite":
            # Wrapped so SQLite walks the date index, not the (mostly NULL) duplicate_of_id index; PostgreSQL
            # needs the plain form to estimate it well.
            q = q.where(func.coalesce(m.Document.duplicate_of_id, 0) == 0)
        else:
            q = q.where(m.Document.duplicate_of_id.is_(None))
    if dflt.language:
        q = q.where(func.lower(m.Document.language) == dflt.language)
    if dflt.q:
        q = q.where(func.lower(m.Document.title).contains(dflt.q.lower(), autoescape=True))
    return q


def _claim_count():
    return (
        select(func.count(m.Claim.id))
        .where(m.Claim.document_id == m.Document.id)
        .correlate(m.Document)
        .scalar_subquery()
        .label("claim_count")
    )


def list_documents(
    session: Session,
    flt: ClaimFilter,
    dflt: DocumentFilter,
    *,
    sort: str = "-date",
    cursor: str | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> DocumentsPage:
    """Return one page of documents (newest first by default), continuing from a cursor token."""
    sort = parse_sort(sort, DOCUMENT_SORTS)
    key = document_sort_key(sort)
    at = decode_cursor(cursor, key) if cursor else None
    base = documents_select(session, flt, dflt, sort=sort)
    page = keyset_page(session, base, key=key, cursor=at, limit=limit, key_of=lambda r: (r.k, r.id))
    rows = _document_rows(session, [r.id for r in page.rows])
    return DocumentsPage(rows=rows, next=page.next, previous=page.previous, sort=sort, limit=limit)


def _document_rows(session: Session, ids: list[int]) -> list[Any]:
    """Return the list rows (with claim counts) of these documents, in the given order."""
    if not ids:
        return []
    found = {r.id: r for r in session.execute(select(*_DOCUMENT_COLUMNS, _claim_count()).where(m.Document.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


@cached_by_data_version("records.count_undated_documents")
def count_undated_documents(session: Session) -> int:
    """Count documents with no publication date (shown with how to set one); cached until the data changes."""
    return int(session.scalar(select(func.count()).where(m.Document.published_on.is_(None))) or 0)


@cached_by_data_version("records.document_languages")
def document_languages(session: Session) -> list[str]:
    """Return the languages documents are in, for the filter's choices; cached until the data changes."""
    rows = session.scalars(select(m.Document.language).where(m.Document.language.is_not(None)).distinct())
    return sorted({r.lower() for r in rows if r})


def get_document(session: Session, document_id: int, *, flt: ClaimFilter | None = None) -> DocumentDetail | None:
    """Return a document with its claims placed on its text, and the documents it near-duplicates or is."""
    doc = session.get(m.Document, document_id)
    if doc is None:
        return None
    q = (
        select(m.Claim)
        .where(m.Claim.document_id == document_id)
        .options(selectinload(m.Claim.actor), selectinload(m.Claim.issue))
    )
    if flt is not None and tuple(flt.review) != m.REVIEW_STATUSES:
        q = q.where(m.Claim.review_status.in_(flt.review))
    claims = list(session.scalars(q))
    spans, unplaced = place_evidence(doc.text, claims)
    claims.sort(key=lambda c: (spans.get(c.id, (len(doc.text) + 1, 0)), c.id))
    duplicate_of = session.get(m.Document, doc.duplicate_of_id) if doc.duplicate_of_id else None
    duplicates = list(
        session.scalars(select(m.Document).where(m.Document.duplicate_of_id == doc.id).order_by(m.Document.id))
    )
    return DocumentDetail(
        document=doc,
        claims=claims,
        segments=segment_text(doc.text, spans),
        unplaced=unplaced,
        duplicate_of=duplicate_of,
        duplicates=duplicates,
        spans=spans,
    )


def near_duplicates(session: Session, document_id: int) -> list[m.Document]:
    """Return the documents that duplicate this one, and the one it duplicates."""
    doc = session.get(m.Document, document_id)
    if doc is None:
        return []
    conds = [m.Document.duplicate_of_id == document_id]
    if doc.duplicate_of_id:
        conds.append(m.Document.id == doc.duplicate_of_id)
    return list(session.scalars(select(m.Document).where(or_(*conds)).order_by(m.Document.id)))


# -- evidence highlighting -----------------------------------------------------------------------------------


def place_evidence(text: str, claims: list[m.Claim]) -> tuple[dict[int, tuple[int, int]], list[m.Claim]]:
    """Find each claim's evidence span in the text: its stored offsets when they match, else the string."""
    spans: dict[int, tuple[int, int]] = {}
    unplaced: list[m.Claim] = []
    for c in claims:
        s, e = c.evidence_start, c.evidence_end
        if s is not None and e is not None and 0 <= s < e <= len(text) and _same(text[s:e], c.evidence):
            spans[c.id] = (s, e)
            continue
        found = text.find(c.evidence) if c.evidence else -1
        if found < 0 and c.evidence:
            found = text.lower().find(c.evidence.lower())  # case-only differences (lower() keeps lengths for most text)
        if found >= 0 and len(text.lower()) == len(text):
            spans[c.id] = (found, found + len(c.evidence))
        else:
            unplaced.append(c)
    return spans, unplaced


def _same(a: str, b: str) -> bool:
    return a == b or " ".join(a.split()) == " ".join(b.split())


def segment_text(text: str, spans: dict[int, tuple[int, int]]) -> list[Segment]:
    """Cut the text at every span boundary; each piece knows which claims cover it (overlaps allowed)."""
    bounds = sorted({0, len(text), *(p for span in spans.values() for p in span)})
    segments: list[Segment] = []
    for a, b in pairwise(bounds):
        if a == b:
            continue
        covering = tuple(sorted((cid for cid, (s, e) in spans.items() if s <= a and b <= e), key=lambda c: spans[c]))
        opens = tuple(cid for cid in covering if spans[cid][0] == a)
        closes = tuple(cid for cid in covering if spans[cid][1] == b)
        segments.append(Segment(text=text[a:b], start=a, claim_ids=covering, opens=opens, closes=closes))
    return segments


def stance_symbol(stance: str) -> str:
    """Return the symbol shown next to a stance (never colour alone)."""
    return {"support": "▲", "oppose": "▼", "neutral": "●"}.get(stance, "?")


def iso(d: date | None) -> str | None:
    """Return a date as YYYY-MM-DD, or None."""
    return d.isoformat() if d else None
