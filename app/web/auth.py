"""Who is asking: signed session cookies, Bearer tokens, roles, CSRF tokens and rate limits.

Reading is public unless settings.require_login. Writes need an editor (or admin): through the browser with a
session cookie and the session's CSRF token (a hidden form field or the X-CSRF-Token header), or from a script
with `Authorization: Bearer <token>` (no cookie, so no CSRF). Failed logins and writes are counted in the
login_attempt table, so the limits hold across worker processes.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings
from app.store import models as m
from app.store import users
from app.store.users import CurrentUser
from app.web.deps import SessionDep
from app.web.templating import get_templates

SESSION_COOKIE = "posture_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Paths anyone may reach even when settings.require_login is on.
OPEN_PATHS = ("/login", "/logout", "/static/", "/vendor/", "/healthz", "/favicon.ico")

LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_MAX_PER_USER = 5  # failed logins for one name within the window
LOGIN_MAX_PER_CLIENT = 20  # failed logins from one address within the window
WRITE_WINDOW = timedelta(minutes=1)
WRITE_MAX_PER_USER = 300


class AuthMiddleware:
    """Resolve the user (Bearer token or session cookie) into request.state.user; enforce require_login."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["user"], state["auth_via"] = None, None
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        authorization = headers.get("authorization", "")
        db = scope["app"].state.db
        if authorization:
            scheme, _, token = authorization.partition(" ")
            user = None
            if scheme.lower() == "bearer" and token.strip():
                user = await anyio.to_thread.run_sync(_user_for_token, db, token.strip())
            if user is None:
                await _refuse(scope, receive, send, 401, "Invalid or unknown API token.")
                return
            state["user"], state["auth_via"] = user, "bearer"
        else:
            uid = scope.get("session", {}).get("uid")
            if isinstance(uid, int):
                user = await anyio.to_thread.run_sync(_user_by_id, db, uid)
                if user is None:
                    scope["session"].pop("uid", None)  # account removed or disabled: sign out
                else:
                    state["user"], state["auth_via"] = user, "session"
        path = scope.get("path", "")
        if self.settings.require_login and state["user"] is None and not path.startswith(OPEN_PATHS):
            if not path.startswith("/api/") and scope.get("method") in SAFE_METHODS:
                response = RedirectResponse(f"/login?next={path}", status_code=303)
                await response(scope, receive, send)
                return
            await _refuse(scope, receive, send, 401, "Log in or send an API token to use this site.")
            return
        await self.app(scope, receive, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    # Middleware runs outside the exception handlers, so answer directly (JSON for the API, a short page otherwise).
    headers = {"WWW-Authenticate": "Bearer"}
    if scope.get("path", "").startswith("/api/"):
        response = JSONResponse({"detail": detail, "status": status}, status_code=status, headers=headers)
    else:
        from starlette.responses import HTMLResponse

        body = f'<!doctype html><title>Please log in</title><p>{detail} <a href="/login">Log in</a></p>'
        response = HTMLResponse(body, status_code=status, headers=headers)
    await response(scope, receive, send)


def _user_for_token(db, token: str) -> CurrentUser | None:
    with db.sessions() as session:
        user = users.user_for_token(session, token=token)
        found = users.as_current(user) if user else None
        session.commit()  # keeps last_used_at
        return found


def _user_by_id(db, uid: int) -> CurrentUser | None:
    with db.sessions() as session:
        user = users.user_by_id(session, user_id=uid)
        return users.as_current(user) if user else None


def install_auth(app: FastAPI, settings: Settings) -> None:
    """Add the session and auth middleware and make current_user and csrf_token available to templates."""
    app.add_middleware(AuthMiddleware, settings=settings)  # inner: runs after the session is decoded
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=14 * 24 * 3600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    processors = get_templates().context_processors
    if auth_context not in processors:
        processors.append(auth_context)


def auth_context(request: Request) -> dict[str, Any]:
    """Template context: the signed-in user and the session's CSRF token."""
    return {"current_user": current_user(request), "csrf_token": csrf_token(request)}


def current_user(request: Request) -> CurrentUser | None:
    """Return the signed-in user, or None."""
    return getattr(request.state, "user", None)


def csrf_token(request: Request) -> str:
    """Return the session's CSRF token, creating it on first use."""
    if "session" not in request.scope:  # error pages rendered outside the session middleware
        return ""
    token = request.session.get("csrf")
    if not isinstance(token, str) or len(token) < 20:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse (403) an unsafe request made with a session cookie unless it carries the session's CSRF token."""
    if request.method in SAFE_METHODS or getattr(request.state, "auth_via", None) == "bearer":
        return
    expected = request.session.get("csrf") if "session" in request.scope else None
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        try:
            form = await request.form()
        except Exception:  # malformed body: the route's own validation says what is wrong
            form = {}
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(str(expected), sent):
        raise HTTPException(403, "Missing or invalid CSRF token; reload the page and try again.")


CsrfDep = Annotated[None, Depends(check_csrf)]
# Declares the Bearer scheme in the OpenAPI document; the middleware does the real work.
_BEARER = HTTPBearer(auto_error=False, description="An API token from `posture users token NAME`")
MaybeUser = Annotated[CurrentUser | None, Depends(current_user)]


def require_user(request: Request) -> CurrentUser:
    """Return the signed-in user or refuse with 401."""
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "Log in or send an API token.", headers={"WWW-Authenticate": "Bearer"})
    return user


def require_role(role: str) -> Callable[..., Any]:
    """Build a dependency: the user must hold `role` (or stronger); unsafe methods also need CSRF and a quota."""
    if role not in m.ROLES:
        raise ValueError(f"unknown role {role!r}")

    async def dependency(
        request: Request,
        session: SessionDep,
        _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> CurrentUser:
        user = require_user(request)
        if not user.can(role):
            raise HTTPException(403, f"This needs the {role} role; you are {user.role}.")
        if request.method not in SAFE_METHODS:
            await check_csrf(request)
            await run_in_threadpool(_count_write, session, user)
        return user

    dependency.__name__ = f"require_{role}"
    return dependency


def _count_write(session, user: CurrentUser) -> None:
    key = f"write:{user.id}"
    if users.count_attempts(session, key=key, since=m.utcnow() - WRITE_WINDOW) >= WRITE_MAX_PER_USER:
        raise HTTPException(429, "Too many changes in a minute; slow down.", headers={"Retry-After": "60"})
    users.record_attempt(session, key=key)


def client_address(request: Request) -> str:
    """Return the client's address (uvicorn applies proxy headers when told to)."""
    return request.client.host if request.client else "unknown"


def check_login_allowed(session, *, username: str, address: str) -> None:
    """Refuse (429) a login when the name or the address has failed too often lately."""
    since = m.utcnow() - LOGIN_WINDOW
    if (
        users.count_attempts(session, key=f"login-user:{username.lower()}", since=since) >= LOGIN_MAX_PER_USER
        or users.count_attempts(session, key=f"login-addr:{address}", since=since) >= LOGIN_MAX_PER_CLIENT
    ):
        raise HTTPException(
            429,
            "Too many failed logins; wait 15 minutes and try again.",
            headers={"Retry-After": str(int(LOGIN_WINDOW.total_seconds()))},
        )


def record_login_failure(session, *, username: str, address: str) -> None:
    """Count a failed login against the name and the address."""
    users.record_attempt(session, key=f"login-user:{username.lower()}")
    users.record_attempt(session, key=f"login-addr:{address}")


def sign_in(request: Request, user: CurrentUser) -> None:
    """Start a fresh session for the user (a new CSRF token too, against session fixation)."""
    request.session.clear()
    request.session["uid"] = user.id
    request.session["csrf"] = secrets.token_urlsafe(32)
    request.state.user, request.state.auth_via = user, "session"


def sign_out(request: Request) -> None:
    """End the session."""
    request.session.clear()
    request.state.user, request.state.auth_via = None, None


EditorDep = Annotated[CurrentUser, Depends(require_role("editor"))]
AdminDep = Annotated[CurrentUser, Depends(require_role("admin"))]
UserDep = Annotated[CurrentUser, Depends(require_user)]


def clear_login_failures(session, *, username: str) -> None:
    """Forget a name's failed logins after it signs in (the address keeps its count)."""
    users.clear_attempts(session, key=f"login-user:{username.lower()}")


class ErrorOut(BaseModel):
    """An error answer: what went wrong, and the status again."""

    detail: str | list[dict[str, Any]]
    status: int


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Return OpenAPI descriptions of the error answers a route can give."""
    words = {
        400: "Invalid parameter",
        401: "Not logged in, or an unknown API token",
        403: "Role too weak, or a missing/invalid CSRF token",
        404: "No such object",
        409: "Conflicts with the current state",
        413: "Payload too large",
        415: "Unsupported file type",
        422: "Invalid body or parameter",
        429: "Too many requests",
    }
    return {code: {"model": ErrorOut, "description": words.get(code, "Error")} for code in codes}


WRITE_ERRORS = error_responses(400, 401, 403, 404, 422, 429)
