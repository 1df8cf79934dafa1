"""Accounts: login and logout with CSRF, cookies' flags, Bearer tokens, roles, require_login, rate limits."""

from __future__ import annotations

from typer.testing import CliRunner

from app.cli import _register_commands
from app.cli import app as cli_app
from app.store.users import authenticate, verify_password
from tests.web.review_helpers import PASSWORD, csrf_from, login, make_user


def test_password_is_hashed_with_argon2(db, session):
    make_user(db, "alice", "viewer")
    from app.store.users import get_user

    user = get_user(session, username="alice")
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert verify_password(user.password_hash, PASSWORD)
    assert authenticate(session, username="alice", password="wrong password") is None


def test_login_sets_httponly_lax_cookie_and_shows_user(client, db):
    make_user(db, "ed", "editor")
    r = login(client)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    page = client.get("/login")
    assert "ed" in page.text and "Log out" in page.text


def test_secure_cookie_behind_https(settings, db):
    from fastapi.testclient import TestClient

    from app.web import create_app

    make_user(db, "ed", "editor")
    web = create_app(settings.model_copy(update={"secure_cookies": True}))
    with TestClient(web, base_url="https://testserver") as c:
        r = login(c)
        assert "secure" in r.headers["set-cookie"].lower()
    web.state.db.dispose()


def test_wrong_password_is_refused(client, db):
    make_user(db, "ed", "editor")
    r = login(client, password="not the password")
    assert r.status_code == 401
    assert "Wrong user name or password" in r.text


def test_login_without_csrf_token_is_refused(client, db):
    make_user(db, "ed", "editor")
    client.get("/login")
    r = client.post("/login", data={"username": "ed", "password": PASSWORD})
    assert r.status_code == 403
    r = client.post("/login", data={"username": "ed", "password": PASSWORD, "csrf_token": "forged-token-value-123"})
    assert r.status_code == 403


def test_repeated_failed_logins_are_blocked(client, db):
    make_user(db, "ed", "editor")
    codes = [login(client, password=f"bad guess {i}").status_code for i in range(6)]
    assert codes[:5] == [401] * 5
    assert codes[5] == 429
    # Even the right password waits now: the limit is per name, kept in the database.
    r = login(client)
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0


def test_failed_login_limit_holds_across_app_instances(settings, db):
    from fastapi.testclient import TestClient

    from app.web import create_app

    make_user(db, "ed", "editor")
    for _ in range(2):  # two "workers": separate apps, separate engines, one database
        web = create_app(settings)
        with TestClient(web) as c:
            codes = [login(c, password="bad guess").status_code for _ in range(3)]
        web.state.db.dispose()
    assert codes == [401, 401, 429]


def test_logout_needs_post_with_csrf(client, db):
    make_user(db, "ed", "editor")
    login(client)
    page = client.get("/logout")
    assert client.post("/logout", data={}).status_code == 403
    r = client.post("/logout", data={"csrf_token": csrf_from(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    assert "Log in" in client.get("/login").text


def test_bearer_token_identifies_user(client, db):
    token = make_user(db, "ed", "editor")
    r = client.get("/logout", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and "Signed in as <strong>ed</strong>" in r.text
    r = client.get("/api/v1/openapi.json", headers={"Authorization": "Bearer pst_not-a-real-token"})
    assert r.status_code == 401
    r = client.get("/api/v1/openapi.json", headers={"Authorization": "Basic Zm9vOmJhcg=="})
    assert r.status_code == 401


def test_require_login_protects_pages_and_api(settings, db):
    from fastapi.testclient import TestClient

    from app.web import create_app

    token = make_user(db, "viewer1", "viewer")
    web = create_app(settings.model_copy(update={"require_login": True}))
    with TestClient(web) as c:
        r = c.get("/api/v1/openapi.json")
        assert r.status_code == 401
        r = c.get("/no-page", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
        assert c.get("/login").status_code == 200
        assert c.get("/healthz").status_code in (200, 503)  # open to probes (503 only while a migration is due)
        r = c.get("/api/v1/openapi.json", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200
        assert login(c, "viewer1").status_code == 303
        assert c.get("/api/v1/openapi.json").status_code == 200
    web.state.db.dispose()


def test_open_redirect_after_login_is_refused(client, db):
    make_user(db, "ed", "editor")
    token = csrf_from(client.get("/login").text)
    r = client.post(
        "/login",
        data={"username": "ed", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"


def test_cli_users_add_and_token(settings, monkeypatch, db):
    from app.config import get_settings

    monkeypatch.setenv("POSTURE_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    _register_commands()
    runner = CliRunner()
    r = runner.invoke(cli_app, ["users", "add", "carol", "--role", "editor", "--password-stdin"], input=PASSWORD + "\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli_app, ["users", "add", "carol", "--role", "editor", "--password-stdin"], input=PASSWORD + "\n")
    assert r.exit_code == 1 and "exists already" in r.output
    r = runner.invoke(cli_app, ["users", "add", "dave", "--role", "boss", "--password-stdin"], input=PASSWORD + "\n")
    assert r.exit_code == 1 and "role must be one of" in r.output
    r = runner.invoke(cli_app, ["users", "add", "erin", "--password-stdin"], input="short\n")
    assert r.exit_code == 1 and "password" in r.output
    r = runner.invoke(cli_app, ["users", "token", "carol"])
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("pst_")
    r = runner.invoke(cli_app, ["users", "token", "nobody"])
    assert r.exit_code == 1 and "no user" in r.output
    get_settings.cache_clear()
    with db.sessions() as s:
        assert authenticate(s, username="carol", password=PASSWORD).role == "editor"
