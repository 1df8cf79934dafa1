"""Log in and out (HTML forms with CSRF tokens; failed logins are rate-limited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from app.store import users
from app.web import auth
from app.web.auth import CsrfDep
from app.web.deps import SessionDep
from app.web.templating import render

router = APIRouter(tags=["account"], include_in_schema=False)


def _safe_next(value: str | None) -> str:
    # Only local paths, so the login form cannot bounce people to another site.
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value or len(value) > 2000:
        return "/"
    return value


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    """Show the login form."""
    return render(request, "auth/login.html", {"next": _safe_next(next), "error": None, "username": ""})


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    session: SessionDep,
    _csrf: CsrfDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
):
    """Check the name and password; start a session or say why not."""
    address = auth.client_address(request)
    await run_in_threadpool(auth.check_login_allowed, session, username=username, address=address)
    user = await run_in_threadpool(users.authenticate, session, username=username, password=password)
    if user is None:
        await run_in_threadpool(auth.record_login_failure, session, username=username, address=address)
        await run_in_threadpool(session.commit)  # now, not after the response: the next attempt must count it
        context = {"next": _safe_next(next), "error": "Wrong user name or password.", "username": username}
        return render(request, "auth/login.html", context, status_code=401)
    await run_in_threadpool(auth.clear_login_failures, session, username=username)
    await run_in_threadpool(session.commit)
    auth.sign_in(request, users.as_current(user))
    return RedirectResponse(_safe_next(next), status_code=303)


@router.get("/logout", response_class=HTMLResponse)
def logout_form(request: Request) -> HTMLResponse:
    """Ask to confirm logging out (a POST, so another site cannot log you out)."""
    return render(request, "auth/logout.html", {})


@router.post("/logout")
async def logout(request: Request, _csrf: CsrfDep) -> RedirectResponse:
    """End the session."""
    auth.sign_out(request)
    return RedirectResponse("/", status_code=303)
