"""Ingest from the API: pasted text, a URL, a feed, or uploaded files, through the pipeline's ingest_sources."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.ingest.readers import SUPPORTED_SUFFIXES
from app.ingest.sources import Feed, Upload
from app.web.auth import EditorDep, error_responses

router = APIRouter(prefix="/api/v1", tags=["ingest"])

MAX_PASTE = 2_000_000  # characters of pasted text
MAX_FILES = 20
MAX_UPLOAD_BODY = 64 * 1024 * 1024  # all files of one request together; each file is also held to max_file_bytes
HTTP_URL = r"^https?://[^\s/]+[^\s]*$"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class IngestRequest(BaseModel):
    """Exactly one of: text (pasted), url (a web page), feed (an RSS or Atom feed)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=MAX_PASTE, description="Plain text or Markdown")
    url: str | None = Field(default=None, max_length=2000, pattern=HTTP_URL, description="An http(s) page")
    feed: str | None = Field(default=None, max_length=2000, pattern=HTTP_URL, description="An http(s) RSS/Atom feed")
    extract: bool = Field(default=True, description="Run the extractor on new documents")

    @model_validator(mode="after")
    def one_source(self) -> IngestRequest:
        """Require exactly one source."""
        given = [k for k in ("text", "url", "feed") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, url or feed")
        if self.text is not None and "\x00" in self.text:
            raise ValueError("text: NUL characters are not allowed")
        return self


class OutcomeOut(BaseModel):
    """What happened to one input."""

    source: str
    status: str = Field(description="new, near-duplicate, duplicate or failed")
    reason: str | None
    message: str
    document_id: int | None
    duplicate_of_id: int | None
    title: str
    published_on: str | None
    date_source: str
    language: str | None


class IngestOut(BaseModel):
    """Counts per status, one outcome per input, and what extraction did."""

    counts: dict[str, int]
    outcomes: list[OutcomeOut]
    extraction: str | None


def safe_name(name: str | None) -> str:
    """Return an upload's name reduced to a harmless base name (never a path); its suffix decides the reader."""
    base = (name or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).lstrip(".") or "upload"
    return base[-120:]


def check_upload(name: str, data: bytes, *, limit: int) -> None:
    """Refuse an upload that is too large (413) or not a supported text format (415)."""
    if len(data) > limit:
        raise HTTPException(413, f"{name} is larger than {limit:,} bytes")
    if not name.lower().endswith(SUPPORTED_SUFFIXES):
        raise HTTPException(415, f"{name}: only {', '.join(SUPPORTED_SUFFIXES)} files are accepted")
    if b"\x00" in data[:8192]:
        raise HTTPException(415, f"{name} looks binary, not text")


def run_ingest(request: Request, sources: list, *, extract: bool) -> IngestOut:
    """Hand the sources to the pipeline and return its report."""
    from app.pipeline.ingest import ingest_sources

    report = ingest_sources(request.app.state.db, sources, settings=request.app.state.settings, extract=extract)
    return IngestOut(
        counts=dict(report.counts),
        outcomes=[OutcomeOut(**o.as_json()) for o in report.outcomes],
        extraction=report.extraction,
    )


def _answer(out: IngestOut) -> JSONResponse:
    status = 201 if out.counts.get("new") or out.counts.get("near-duplicate") else 200
    return JSONResponse(out.model_dump(), status_code=status)


INGEST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": IngestOut, "description": "Nothing new (duplicates or failures, each with its reason)"},
    201: {"model": IngestOut, "description": "At least one new document stored"},
    **error_responses(400, 401, 403, 413, 415, 422, 429),
}


@router.post(
    "/ingest",
    summary="Ingest pasted text, a URL or a feed",
    responses=INGEST_RESPONSES,
    max_body_size=10 * MAX_PASTE,  # the JSON-escaped text may be longer than the text
)
async def ingest(request: Request, user: EditorDep, body: IngestRequest) -> JSONResponse:
    """Store a document from pasted text, a web page or each entry of a feed; extract claims from new ones."""
    if body.text is not None:
        sources: list = [Upload(name=f"pasted-by-{safe_name(user.username)}.txt", data=body.text.encode("utf-8"))]
    elif body.url is not None:
        sources = [body.url]  # matched against ^https?:// above, so never read as a local path
    else:
        sources = [Feed(body.feed or "")]
    return _answer(await run_in_threadpool(run_ingest, request, sources, extract=body.extract))


@router.post(
    "/ingest/files",
    summary="Ingest uploaded files",
    responses=INGEST_RESPONSES,
    max_body_size=MAX_UPLOAD_BODY,  # refused while streaming in, before anything is parsed or spooled
)
async def ingest_files(
    request: Request,
    user: EditorDep,
    files: Annotated[list[UploadFile], File(description=".txt, .md, .html or .jsonl files")],
    extract: bool = True,
) -> JSONResponse:
    """Store documents from uploaded files (size-capped, text formats only; names are never used as paths)."""
    if not files or len(files) > MAX_FILES:
        raise HTTPException(422, f"send 1 to {MAX_FILES} files")
    limit = request.app.state.settings.max_file_bytes
    sources = []
    for upload in files:
        name = safe_name(upload.filename)
        data = await upload.read(limit + 1)
        check_upload(name, data, limit=limit)
        sources.append(Upload(name=name, data=data))
    return _answer(await run_in_threadpool(run_ingest, request, sources, extract=extract))
