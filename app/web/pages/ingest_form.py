"""Ingest from the browser: paste text, give a URL or a feed, or upload files; see what happened to each input."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from app.ingest.readers import SUPPORTED_SUFFIXES
from app.ingest.sources import Feed, Upload
from app.web.api.ingest import HTTP_URL, MAX_FILES, MAX_PASTE, MAX_UPLOAD_BODY, check_upload, run_ingest, safe_name
from app.web.auth import EditorDep, current_user
from app.web.templating import render

router = APIRouter(include_in_schema=False)


def _form(request: Request, *, error: str | None = None, result=None, status: int = 200) -> HTMLResponse:
    context = {"error": error, "result": result, "suffixes": ", ".join(SUPPORTED_SUFFIXES), "max_files": MAX_FILES}
    return render(request, "ingest/form.html", context, status_code=status)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request):
    """Show the ingest form (editors)."""
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login?" + urlencode({"next": "/ingest"}), status_code=303)
    if not user.can("editor"):
        raise HTTPException(403, f"Adding documents needs the editor role; you are {user.role}.")
    return _form(request)


@router.post("/ingest", response_class=HTMLResponse, max_body_size=MAX_UPLOAD_BODY)
async def ingest_submit(
    request: Request,
    user: EditorDep,
    text: Annotated[str, Form(max_length=MAX_PASTE)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    feed: Annotated[str, Form(max_length=2000)] = "",
    extract: Annotated[str, Form(max_length=5)] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
):
    """Ingest what the form holds and show one outcome per input."""
    import re

    sources: list = []
    if "\x00" in text:
        return _form(request, error="The text holds NUL characters; paste plain text.", status=422)
    if text.strip():
        sources.append(Upload(name=f"pasted-by-{safe_name(user.username)}.txt", data=text.encode("utf-8")))
    for value, kind in ((url.strip(), "url"), (feed.strip(), "feed")):
        if value:
            if not re.match(HTTP_URL, value):
                return _form(request, error=f"The {kind} must start with http:// or https://.", status=422)
            sources.append(value if kind == "url" else Feed(value))
    uploads = [f for f in (files or []) if f.filename]
    if len(uploads) > MAX_FILES:
        return _form(request, error=f"Send at most {MAX_FILES} files at once.", status=422)
    limit = request.app.state.settings.max_file_bytes
    for upload in uploads:
        name = safe_name(upload.filename)
        data = await upload.read(limit + 1)
        try:
            check_upload(name, data, limit=limit)
        except HTTPException as exc:
            return _form(request, error=str(exc.detail), status=exc.status_code)
        sources.append(Upload(name=name, data=data))
    if not sources:
        return _form(request, error="Paste a text, give a URL or a feed, or choose files.", status=422)
    result = await run_in_threadpool(run_ingest, request, sources, extract=extract in ("on", "1", "true"))
    return _form(request, result=result, status=201 if result.counts.get("new") else 200)
