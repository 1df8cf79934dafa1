"""Documents: the list (with undated ones to fix) and one document with its evidence highlighted."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.store import records
from app.web.api.claims import CursorParam, FormatParam, LimitParam
from app.web.api.documents import (
    DATE_SOURCES,
    DocSortParam,
    DocumentId,
    LanguageParam,
    SearchParam,
    UndatedParam,
    claims_of_document_csv,
    documents_csv,
    documents_result,
    load_document,
    safe_url,
)
from app.web.deps import SessionDep
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    view: ViewDep,
    sort: DocSortParam = "-date",
    cursor: CursorParam = None,
    limit: LimitParam = records.DEFAULT_PAGE_SIZE,
    undated: UndatedParam = None,
    language: LanguageParam = None,
    q: SearchParam = None,
    format: FormatParam = "json",
):
    """List documents, newest first; undated=1 shows the ones that need a date."""
    if format == "csv":
        return documents_csv(request, view, sort, undated, language, q)
    result = documents_result(view, sort, cursor, limit, undated, language, q)
    page = result.page

    def page_link(token: str | None) -> str:
        return view.link(extra={"cursor": token})

    return render(
        request,
        "documents/list.html",
        {
            "view": view,
            "page": page,
            "dflt": result.dflt,
            "undated_count": records.count_undated_documents(view.session),
            "languages": records.document_languages(view.session),
            "next_link": page_link(page.next.encode()) if page.next else None,
            "previous_link": page_link(page.previous.encode()) if page.previous else None,
            "first_link": page_link(None) if cursor else None,
            "description": _describe(view, result.dflt),
            "safe_url": safe_url,
        },
    )


def _describe(view, dflt: records.DocumentFilter) -> str:
    noun = "Undated documents" if dflt.undated else "Documents"
    if view.filter.to_query():
        noun += " with claims"
    text = view.describe(noun=noun)
    if dflt.language:
        text += f", in language {dflt.language}"
    if dflt.q:
        text += f", title containing “{dflt.q}”"
    return text


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request, session: SessionDep, view: ViewDep, document_id: DocumentId, format: FormatParam = "json"
):
    """Show a document's text with each claim's evidence highlighted and labelled, its claims and duplicates."""
    detail = load_document(session, document_id, view)
    if format == "csv":
        return claims_of_document_csv(detail)
    labels = {
        c.id: f"{c.actor.name} · {c.issue.label} · {records.stance_symbol(c.stance)} {c.stance}" for c in detail.claims
    }
    return render(
        request,
        "documents/detail.html",
        {
            "view": view,
            "detail": detail,
            "doc": detail.document,
            "labels": labels,
            "original_url": safe_url(detail.document.url),
            "date_explained": DATE_SOURCES.get(detail.document.date_source, detail.document.date_source),
            "safe_url": safe_url,
        },
    )
