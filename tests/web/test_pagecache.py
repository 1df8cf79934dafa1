"""The page cache: repeated views are served from memory until the data changes, per user, CSRF tokens intact."""

from __future__ import annotations

import secrets
from datetime import date

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient
from starlette.middleware.sessions import SessionMiddleware

from app.web.pagecache import PageCacheMiddleware, cacheable_path
from tests.factories import make_claim, seed_dashboard


def _cache(app) -> PageCacheMiddleware:
    layer = app.middleware_stack
    while not isinstance(layer, PageCacheMiddleware):
        layer = layer.app
    return layer


def test_which_paths_are_cached():
    for path in ("/", "/matrix", "/timeline", "/issues", "/issues/sanctions", "/claims", "/api/v1/overview",
                 "/api/v1/matrix", "/api/v1/timeline", "/api/v1/issues/sanctions", "/api/v1/claims"):  # fmt: skip
        assert cacheable_path(path), path
    for path in ("/login", "/review", "/documents/1", "/api/v1/claims/5/history", "/api/v1/review/queue",
                 "/static/css/site.css", "/claims/1", "/api/v1/claims.csv"):  # fmt: skip
        assert not cacheable_path(path), path


def test_repeat_views_hit_the_cache_and_a_write_refreshes_them(client, session):
    seed_dashboard(session)
    first = client.get("/api/v1/matrix")
    assert first.status_code == 200
    cache = _cache(client.app).cache
    hits = cache.hits
    again = client.get("/api/v1/matrix")
    assert again.json() == first.json()
    assert cache.hits == hits + 1
    make_claim(session, actor="germany", issue_id="sanctions", stated_on=date(2024, 7, 1))
    session.commit()
    fresh = client.get("/api/v1/matrix")
    assert fresh.json()["total"] == first.json()["total"] + 1  # the write bumped the data version
    page = client.get("/matrix")
    assert page.status_code == 200 and client.get("/matrix").text == page.text


def test_errors_are_not_cached(client):
    cache = _cache(client.app).cache
    before = len(cache)
    for _ in range(2):
        assert client.get("/api/v1/matrix?country=XX1").status_code == 400
    assert len(cache) == before


def test_the_json_and_html_of_one_path_are_kept_apart(client, session):
    seed_dashboard(session)
    html = client.get("/matrix", headers={"accept": "text/html"})
    data = client.get("/matrix", headers={"accept": "application/json"})
    assert html.headers["content-type"].startswith("text/html")
    assert client.get("/matrix", headers={"accept": "text/html"}).headers["content-type"].startswith("text/html")
    assert (
        data.headers["content-type"]
        == client.get("/matrix", headers={"accept": "application/json"}).headers["content-type"]
    )


def test_each_session_gets_its_own_csrf_token_from_a_cached_page(db):
    web = FastAPI()
    web.state.db = db

    @web.get("/matrix")
    def page(request: Request):
        token = request.session.setdefault("csrf", secrets.token_urlsafe(32))
        return HTMLResponse(f'<form><input name="csrf_token" value="{token}"></form>')

    web.add_middleware(PageCacheMiddleware)
    web.add_middleware(SessionMiddleware, secret_key="test")
    a, b = TestClient(web), TestClient(web)
    token_a = a.get("/matrix").text
    token_b = b.get("/matrix").text  # served from the cache
    assert token_a != token_b
    assert a.get("/matrix").text == token_a  # a keeps its own token
    assert "posture-csrf" not in token_b and "\x00" not in token_b
    assert _cache(web).cache.hits == 2
