"""Error pages in the site's style for people, JSON errors for the API; never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.store.filters import FilterError
from app.web.templating import render

log = logging.getLogger("posture.web")


# A bad query-string value anywhere in the app answers 400 naming the parameter (app.store.filters).
BadFilter = FilterError


def wants_json(request: Request) -> bool:
    """Return whether the client should get JSON rather than an HTML page."""
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, title: str, detail: str | list, headers: dict | None = None):
    """Return a JSON or HTML error with the same content."""
    if wants_json(request):
        return JSONResponse({"detail": detail, "status": status}, status_code=status, headers=headers)
    return render(
        request,
        "errors/error.html",
        {"status": status, "title": title, "detail": detail},
        status_code=status,
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a clear, styled answer."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        titles = {
            404: "Page not found",
            401: "Please log in",
            403: "Not allowed",
            405: "Method not allowed",
            429: "Too many requests",
        }
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is nothing at {request.url.path}."
        return error_response(
            request, exc.status_code, titles.get(exc.status_code, "Error"), detail, getattr(exc, "headers", None)
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = [
            {
                "param": ".".join(str(p) for p in e["loc"] if p not in ("query", "body", "path")),
                "problem": e["msg"],
                "value": _safe(e.get("input")),
            }
            for e in exc.errors()
        ]
        status = 422 if request.method in ("POST", "PUT", "PATCH") else 400
        return error_response(request, status, "Invalid request", problems)

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter):
        problems = [{"param": exc.param, "problem": exc.reason, "value": _safe(exc.value)}]
        return error_response(request, 400, "Invalid filter", problems)

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def database_down(request: Request, exc: Exception):
        log.warning("database unavailable: %s", exc)
        return error_response(
            request,
            503,
            "Database unavailable",
            database_problem(exc),
            {"Retry-After": "5"},
        )

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "Something went wrong", "An unexpected error occurred; it has been logged.")


def database_problem(exc: Exception) -> str:
    """Say in words why the database failed: full disk, read-only file, unopenable file, or unreachable."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in text or "no space left" in text:
        return "The database's disk is full, so nothing was saved. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "The database is read-only, so nothing can be saved. Check the file's permissions and filesystem."
    if "unable to open database file" in text:
        return "The database file cannot be opened: check that it exists and that its folder is writable."
    return "The database cannot be reached right now. Try again in a moment."


def _safe(value: object) -> object:
    text = value if isinstance(value, (int, float, type(None))) else str(value)
    return text[:200] if isinstance(text, str) else text
