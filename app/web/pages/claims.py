"""The claims table: every filter, sorting, keyset pages; each row links to its evidence and its actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from app.store import records
from app.web.api.claims import MAX_ROW_ID, CursorParam, FormatParam, LimitParam, SortParam, claims_csv, claims_result
from app.web.deps import SessionDep
from app.web.templating import render
from app.web.viewstate import ViewDep

router = APIRouter(include_in_schema=False)

SORT_LABELS = {
    "-date": "Newest first",
    "date": "Oldest first",
    "-confidence": "Most confident first",
    "confidence": "Least confident first",
    "actor": "Actor A-Z",
    "-actor": "Actor Z-A",
    "country": "Country code A-Z",
    "-country": "Country code Z-A",
    "issue": "Issue A-Z",
    "-issue": "Issue Z-A",
}


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    view: ViewDep,
    sort: SortParam = "-date",
    cursor: CursorParam = None,
    limit: LimitParam = records.DEFAULT_PAGE_SIZE,
    format: FormatParam = "json",
):
    """Show one page of the claims table (format=csv downloads every matching claim)."""
    if format == "csv":
        return claims_csv(request, view.filter, sort)
    result = claims_result(view, sort, cursor, limit)
    page = result.page

    def page_link(token: str | None) -> str:
        return view.link(extra={"cursor": token})

    return render(
        request,
        "claims/list.html",
        {
            "view": view,
            "page": page,
            "links": result.links,
            "sort_labels": SORT_LABELS,
            "next_link": page_link(page.next.encode()) if page.next else None,
            "previous_link": page_link(page.previous.encode()) if page.previous else None,
            "first_link": page_link(None) if cursor else None,
            "description": view.describe(count=page.count.value if page.count and page.count.exact else None),
        },
    )


@router.get("/claims/{claim_id}")
def claim_page(session: SessionDep, claim_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)]):
    """Send a claim's link to its evidence in its document."""
    claim = records.get_claim(session, claim_id)
    if claim is None:
        raise HTTPException(404, f"There is no claim {claim_id}.")
    return RedirectResponse(f"/documents/{claim.document_id}#claim-{claim.id}", status_code=303)
