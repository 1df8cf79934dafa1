"""Taxonomy editing in the browser: add an issue with its lexicon, an actor with aliases and an office, a file;
then re-extract."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from app.store import models as m
from app.store import taxonomy_edit
from app.store.taxonomy_edit import TaxonomyEditError
from app.taxonomy.model import ROLES
from app.web.api.ingest import safe_name
from app.web.api.taxonomy import MAX_TAXONOMY_FILE, reextract_all
from app.web.auth import EditorDep, current_user
from app.web.deps import SessionDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=5000)]


def _page(request: Request, session, *, error: str | None = None, done: str | None = None, status: int = 200):
    context = {
        **taxonomy_edit.user_additions(session),
        "countries": session.execute(select(m.Country.code, m.Country.name).order_by(m.Country.name)).all(),
        "roles": ROLES,
        "error": error,
        "done": done,
    }
    return render(request, "taxonomy/edit.html", context, status_code=status)


def _back(message: str) -> RedirectResponse:
    return RedirectResponse("/taxonomy/edit?" + urlencode({"done": message[:200]}), status_code=303)


@router.get("/taxonomy/edit", response_class=HTMLResponse)
def edit_page(request: Request, session: SessionDep):
    """Show the forms (editors)."""
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login?next=/taxonomy/edit", status_code=303)
    if not user.can("editor"):
        raise HTTPException(403, f"Editing the taxonomy needs the editor role; you are {user.role}.")
    message = request.query_params.get("done")
    return _page(request, session, done=message[:200] if message else None)


@router.post("/taxonomy/edit/issue", response_class=HTMLResponse)
def add_issue(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    id: Annotated[str, Form(max_length=64)],
    label: Annotated[str, Form(max_length=200)],
    description: Text = "",
    support: Text = "",
    oppose: Text = "",
    terms: Annotated[str, Form(max_length=20_000)] = "",
):
    """Add an issue; terms are one lexicon phrase per line."""
    lexicon = {"terms": [t.strip() for t in terms.splitlines() if t.strip()]} if terms.strip() else {}
    data = {"id": id.strip(), "label": label.strip(), "description": description, "support": support}
    try:
        taxonomy_edit.add_issue(session, data={**data, "oppose": oppose, "lexicon": lexicon})
    except TaxonomyEditError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status=exc.status)
    session.commit()
    return _back(f"Added the issue {id}. Re-extract to find claims on it.")


@router.post("/taxonomy/edit/actor", response_class=HTMLResponse)
def add_actor(
    request: Request,
    session: SessionDep,
    user: EditorDep,
    name: Annotated[str, Form(max_length=200)],
    country: Annotated[str, Form(max_length=8)],
    type: Annotated[str, Form(max_length=16)] = "person",
    aliases: Annotated[str, Form(max_length=5000)] = "",
    office_title: Annotated[str, Form(max_length=200)] = "",
    office_role: Annotated[str, Form(max_length=40)] = "",
    office_start: Annotated[str, Form(max_length=10)] = "",
    office_end: Annotated[str, Form(max_length=10)] = "",
):
    """Add an actor; aliases are comma-separated; one office may be given."""
    data: dict = {
        "name": name.strip(),
        "type": type,
        "country": country,
        "aliases": [a.strip() for a in aliases.split(",") if a.strip()],
    }
    if office_title.strip():
        office = {"title": office_title.strip(), "role": office_role, "start_on": office_start or None}
        data["offices"] = [office | ({"end_on": office_end} if office_end else {})]
    try:
        actor = taxonomy_edit.add_actor(session, data=data)
    except TaxonomyEditError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status=exc.status)
    session.commit()
    return _back(f"Added the actor {actor.name} ({actor.slug}). Re-extract to find their claims.")


@router.post("/taxonomy/edit/file", response_class=HTMLResponse, max_body_size=MAX_TAXONOMY_FILE + 64 * 1024)
async def add_file(request: Request, session: SessionDep, user: EditorDep, file: Annotated[UploadFile, File()]):
    """Add the entries of an issues*.yaml or actors*.yaml file."""
    data = await file.read(MAX_TAXONOMY_FILE + 1)
    name = safe_name(file.filename)
    try:
        if len(data) > MAX_TAXONOMY_FILE:
            raise TaxonomyEditError(f"{name} is larger than {MAX_TAXONOMY_FILE:,} bytes", status=413)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TaxonomyEditError(f"{name} is not UTF-8 text") from None
        added = await run_in_threadpool(taxonomy_edit.add_from_file, session, name=name, text=text)
    except TaxonomyEditError as exc:
        error, status = str(exc), exc.status
        await run_in_threadpool(session.rollback)
        return await run_in_threadpool(lambda: _page(request, session, error=error, status=status))
    await run_in_threadpool(session.commit)
    return _back("Added " + ", ".join(f"{n} {kind}" for kind, n in added.items()) + f" from {name}.")


@router.post("/taxonomy/edit/reextract")
def reextract(request: Request, session: SessionDep, user: EditorDep, background: BackgroundTasks):
    """Queue every document for extraction again (reviewed claims stay) and start it."""
    n = taxonomy_edit.mark_for_reextraction(session)
    session.commit()
    background.add_task(reextract_all, request.app.state.db, request.app.state.settings)
    return _back(f"Re-extracting {n} documents with the current taxonomy; reviewed claims stay as they are.")
