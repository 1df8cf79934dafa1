"""The review pages: the queue, accept / reject / edit forms, adding a claim from a selection, a claim's history."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import review
from app.store.review import ReviewError
from app.web.api.review import reviewer
from app.web.auth import EditorDep, current_user
from app.web.deps import SessionDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)

ClaimId = Annotated[int, Path(ge=1, le=2**31 - 1)]
DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PAGE = 25


def _choices(session: Session) -> dict:
    return {
        "issues": session.execute(select(m.Issue.id, m.Issue.label).order_by(m.Issue.position, m.Issue.id)).all(),
        "countries": session.execute(select(m.Country.code, m.Country.name).order_by(m.Country.name)).all(),
        "actors": session.execute(select(m.Actor.slug, m.Actor.name).order_by(m.Actor.name)).all(),
        "stances": m.STANCES,
    }


def _login_redirect(request: Request) -> RedirectResponse:
    return RedirectResponse("/login?" + urlencode({"next": str(request.url.path)}), status_code=303)


def _safe_next(value: str | None, default: str) -> str:
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value or len(value) > 2000:
        return default
    return value


def context_snippet(text: str, start: int | None, end: int | None, width: int = 160) -> tuple[str, str, str]:
    """Return (before, evidence, after) around an evidence span, for showing it in context."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return "", "", ""
    lo, hi = max(0, start - width), min(len(text), end + width)
    return ("…" if lo else "") + text[lo:start], text[start:end], text[end:hi] + ("…" if hi < len(text) else "")


@router.get("/review", response_class=HTMLResponse)
def queue_page(
    request: Request,
    session: SessionDep,
    issue: Annotated[str | None, Query(max_length=120, pattern=r"^([a-z0-9][a-z0-9-]*)?$")] = None,
    country: Annotated[str | None, Query(max_length=8, pattern=r"^([A-Z]{2}|NATO|EU)?$")] = None,
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
):
    """Show automatic claims, lowest confidence first, with accept / reject / edit controls."""
    user = current_user(request)
    if user is None:
        return _login_redirect(request)
    if not user.can("editor"):
        raise HTTPException(403, f"Reviewing needs the editor role; you are {user.role}.")
    claims, total = review.review_queue(
        session, issue=issue or None, country=country or None, document_id=document, limit=PAGE, offset=offset
    )
    filters = {k: v for k, v in (("issue", issue), ("country", country), ("document", document)) if v}
    here = "/review" + (
        "?" + urlencode({**filters, "offset": offset} if offset else filters) if filters or offset else ""
    )
    items = [
        {"claim": c, "snippet": context_snippet(c.document.text, c.evidence_start, c.evidence_end)} for c in claims
    ]
    return render(
        request,
        "review/queue.html",
        {
            **_choices(session),
            "items": items,
            "total": total,
            "offset": offset,
            "filters": filters,
            "here": here,
            "next_link": "/review?" + urlencode({**filters, "offset": offset + PAGE})
            if offset + PAGE < total
            else None,
            "prev_link": "/review?" + urlencode({**filters, "offset": max(0, offset - PAGE)}) if offset else None,
        },
    )


def _done(next_url: str | None, default: str, session: Session) -> RedirectResponse:
    # Commit before redirecting: the browser's next GET must see the change (the session dependency would
    # commit only after the response has gone).
    session.commit()
    return RedirectResponse(_safe_next(next_url, default), status_code=303)


def _form_error(request: Request, exc: ReviewError):
    raise HTTPException(exc.status, [{"param": exc.field, "problem": exc.reason}])


def _decide(request: Request, session, user, claim_id: int, next_url: str | None, decision):
    """Apply an accept or reject decision from a queue form, then go back where the reviewer was."""
    try:
        decision(session, claim_id, by=reviewer(user))
    except ReviewError as exc:
        _form_error(request, exc)
    return _done(next_url, "/review", session)


@router.post("/review/{claim_id}/accept")
def accept_form(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    claim_id: ClaimId,
    next: Annotated[str | None, Form(max_length=2000)] = None,
):
    """Accept a claim from the queue."""
    return _decide(request, session, user, claim_id, next, review.accept_claim)


@router.post("/review/{claim_id}/reject")
def reject_form(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    claim_id: ClaimId,
    next: Annotated[str | None, Form(max_length=2000)] = None,
):
    """Reject a claim from the queue."""
    return _decide(request, session, user, claim_id, next, review.reject_claim)


def _opt_int(value: str | None, field: str) -> int | None:
    if value is None or value.strip() == "":
        return None
    if not value.strip().isdigit() or len(value) > 10:
        raise ReviewError(field, "expected a whole number")
    return int(value)


@router.post("/review/{claim_id}/edit")
def edit_form(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    claim_id: ClaimId,
    actor: Annotated[str | None, Form(max_length=120)] = None,
    issue: Annotated[str | None, Form(max_length=120)] = None,
    stance: Annotated[str | None, Form(max_length=16)] = None,
    stated_on: Annotated[str | None, Form(max_length=10)] = None,
    evidence_start: Annotated[str | None, Form(max_length=10)] = None,
    evidence_end: Annotated[str | None, Form(max_length=10)] = None,
    next: Annotated[str | None, Form(max_length=2000)] = None,
):
    """Save an edit of a claim; only fields that differ from the claim change."""
    from datetime import date

    try:
        claim = review.get_claim(session, claim_id)
        changes: dict = {}
        if actor and actor != claim.actor.slug:
            changes["actor"] = actor
        if issue and issue != claim.issue_id:
            changes["issue"] = issue
        if stance and stance != claim.stance:
            changes["stance"] = stance
        if stated_on is not None:
            try:
                day = date.fromisoformat(stated_on) if stated_on else None
            except ValueError:
                raise ReviewError("stated_on", "expected a date as YYYY-MM-DD") from None
            if day != claim.stated_on:
                changes["stated_on"] = day
        start, end = _opt_int(evidence_start, "evidence_start"), _opt_int(evidence_end, "evidence_end")
        if start is not None and start != claim.evidence_start:
            changes["evidence_start"] = start
        if end is not None and end != claim.evidence_end:
            changes["evidence_end"] = end
        if changes:
            review.edit_claim(session, claim_id, by=reviewer(user), **changes)
        else:
            review.accept_claim(session, claim_id, by=reviewer(user))  # saved unchanged: the reviewer agrees
    except ReviewError as exc:
        _form_error(request, exc)
    return _done(next, "/review", session)


@router.post("/documents/{document_id}/claims/new")
def add_form(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    document_id: DocumentId,
    start: Annotated[str, Form(max_length=10)],
    end: Annotated[str, Form(max_length=10)],
    actor: Annotated[str, Form(min_length=1, max_length=120)],
    issue: Annotated[str, Form(min_length=1, max_length=120)],
    stance: Annotated[str, Form(min_length=1, max_length=16)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
):
    """Add a claim from a text selection in a document."""
    try:
        s, e = _opt_int(start, "start"), _opt_int(end, "end")
        if s is None or e is None:
            raise ReviewError("start", "select the evidence in the text first")
        claim = review.add_claim(
            session, by=reviewer(user), document_id=document_id, start=s, end=e, actor=actor, issue=issue, stance=stance
        )
    except ReviewError as exc:
        _form_error(request, exc)
    return _done(next, f"/claims/{claim.id}/history", session)


@router.get("/review/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, session: SessionDep, document_id: DocumentId):
    """Show a document's text with its claims marked, where a selection becomes a new claim."""
    user = current_user(request)
    if user is None:
        return _login_redirect(request)
    document = session.get(m.Document, document_id)
    if document is None:
        raise HTTPException(404, f"There is no document {document_id}.")
    claims = sorted(document.claims, key=lambda c: (c.evidence_start or 0, c.id))
    return render(
        request,
        "review/document.html",
        {**_choices(session), "document": document, "claims": claims, "can_edit": user.can("editor")},
    )


@router.get("/claims/{claim_id}/history", response_class=HTMLResponse)
def history_page(request: Request, session: SessionDep, claim_id: ClaimId):
    """Show a claim and its audit trail: who changed what, when, before and after."""
    try:
        revisions = review.claim_history(session, claim_id)
    except ReviewError:
        raise HTTPException(404, f"There is no claim {claim_id}.") from None
    claim = review.get_claim(session, claim_id)
    rows = []
    for r in reversed(revisions):
        before, after = r.before or {}, r.after or {}
        changed = [k for k in after if k not in ("actor_id",) and before.get(k) != after.get(k)]
        rows.append({"revision": r, "changed": changed, "before": before, "after": after})
    return render(
        request,
        "review/history.html",
        {
            "claim": claim,
            "rows": rows,
            "snippet": context_snippet(claim.document.text, claim.evidence_start, claim.evidence_end),
        },
    )
