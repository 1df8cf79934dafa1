"""Accounts, API tokens and the failed-login / write counters behind rate limiting."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.store import models as m

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,119}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
TOKEN_PREFIX = "pst_"


class UserError(ValueError):
    """A user or token request that cannot be honoured; says why."""


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in user as the web layer sees it (detached from any session)."""

    id: int
    username: str
    role: str

    def can(self, role: str) -> bool:
        """Return whether this user holds `role` or a stronger one (admin > editor > viewer)."""
        rank = {"viewer": 0, "editor": 1, "admin": 2}
        return rank.get(self.role, -1) >= rank[role]


@lru_cache
def _hasher() -> PasswordHasher:
    # Built on first use; argon2id with the library's defaults (RFC 9106 low-memory profile).
    return PasswordHasher()


def hash_password(password: str) -> str:
    """Return an argon2id hash of a password."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Return whether the password matches the hash (never raises on a bad hash)."""
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def as_current(user: m.UserAccount) -> CurrentUser:
    """Return the detached view of a user row."""
    return CurrentUser(id=user.id, username=user.username, role=user.role)


def create_user(session: Session, *, username: str, password: str, role: str = "viewer") -> m.UserAccount:
    """Add an account; raise UserError on a bad name, role or password, or a name already taken."""
    if not USERNAME.match(username or ""):
        raise UserError("a user name is 1-120 letters, digits, '_', '.', '@' or '-', starting with a letter or digit")
    if role not in m.ROLES:
        raise UserError(f"role must be one of {', '.join(m.ROLES)}")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    if get_user(session, username=username) is not None:
        raise UserError(f"user {username!r} exists already")
    user = m.UserAccount(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, *, username: str) -> m.UserAccount | None:
    """Return the account with this name, or None."""
    return session.scalar(select(m.UserAccount).where(m.UserAccount.username == username))


def set_password(session: Session, *, username: str, password: str) -> None:
    """Replace a user's password."""
    user = get_user(session, username=username)
    if user is None:
        raise UserError(f"no user {username!r}")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    user.password_hash = hash_password(password)


def authenticate(session: Session, *, username: str, password: str) -> m.UserAccount | None:
    """Return the active user whose password matches, or None."""
    # Too long or holding NUL (which PostgreSQL text cannot store): no such user, without asking the database.
    user = get_user(session, username=username) if len(username) <= 120 and "\x00" not in username else None
    if user is None or not user.is_active:
        # Hash anyway so a wrong name takes as long as a wrong password.
        verify_password(_dummy_hash(), password[:MAX_PASSWORD])
        return None
    return user if verify_password(user.password_hash, password[:MAX_PASSWORD]) else None


@lru_cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def _token_digest(token: str) -> str:
    # Tokens are 256-bit random, so a fast hash suffices (no dictionary to attack), and lookups stay indexed.
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, *, username: str, name: str = "cli") -> str:
    """Create an API token for a user and return it; only its hash is stored."""
    user = get_user(session, username=username)
    if user is None:
        raise UserError(f"no user {username!r}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(m.ApiToken(user_id=user.id, name=name[:120], token_hash=_token_digest(token)))
    session.flush()
    return token


def user_for_token(session: Session, *, token: str) -> m.UserAccount | None:
    """Return the active user owning a Bearer token, or None; notes when it was last used."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(m.ApiToken).where(m.ApiToken.token_hash == _token_digest(token)))
    if row is None:
        return None
    user = session.get(m.UserAccount, row.user_id)
    if user is None or not user.is_active:
        return None
    row.last_used_at = m.utcnow()
    return user


def user_by_id(session: Session, *, user_id: int) -> m.UserAccount | None:
    """Return the active user with this id, or None."""
    user = session.get(m.UserAccount, user_id)
    return user if user is not None and user.is_active else None


# -- counters for rate limiting (a table, so limits hold across worker processes) ------------------------------


def _key(key: str) -> str:
    return key.replace("\x00", "\ufffd")[:200]


def record_attempt(session: Session, *, key: str) -> None:
    """Count one event (a failed login, a write) against a key."""
    session.add(m.LoginAttempt(key=_key(key)))


def count_attempts(session: Session, *, key: str, since: datetime) -> int:
    """Return how many events a key has had since a moment."""
    return session.scalar(
        select(func.count()).where(m.LoginAttempt.key == _key(key), m.LoginAttempt.attempted_at >= since)
    )


def clear_attempts(session: Session, *, key: str) -> None:
    """Forget a key's events (after a successful login)."""
    session.execute(delete(m.LoginAttempt).where(m.LoginAttempt.key == _key(key)))


def prune_attempts(session: Session, *, older_than: timedelta) -> int:
    """Delete events older than a window; return how many went."""
    result = session.execute(delete(m.LoginAttempt).where(m.LoginAttempt.attempted_at < m.utcnow() - older_than))
    return result.rowcount or 0


def list_users(session: Session) -> list[m.UserAccount]:
    """Return every account by name."""
    return list(session.scalars(select(m.UserAccount).order_by(m.UserAccount.username)))
