"""Security: writes refuse anonymous and viewer requests, forms need the CSRF token, hostile input gives 4xx."""

from __future__ import annotations

import re

import pytest

from tests.web.review_helpers import csrf_from, login, make_claims, make_user

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Anyone may try to log in or out; those two have their own CSRF and throttling tests (test_auth.py).
OPEN_WRITES = {("POST", "/login"), ("POST", "/logout")}
HOSTILE = [
    "' OR '1'='1' --",
    "1; DROP TABLE claim; --",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "<script>alert(1)</script>",
    "A" * 20_000,
    "-1",
    "99999999999999999999999",
    "\u202e\ufeff",
]


def all_routes(routes) -> list:
    """Return every route, looking inside included routers (FastAPI keeps them nested)."""
    out = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        out += all_routes(inner.routes) if inner is not None else [route]
    return out


def write_routes(app) -> list[tuple[str, str]]:
    """Return every (method, path) that changes data, path parameters filled with 1."""
    out = []
    for route in all_routes(app.routes):
        methods = getattr(route, "methods", None) or set()
        for method in sorted(methods & WRITE_METHODS):
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            if (method, route.path) not in OPEN_WRITES:
                out.append((method, path))
    return out


def test_there_are_write_routes(app):
    routes = write_routes(app)
    assert ("POST", "/api/v1/claims/1/accept") in routes and ("PATCH", "/api/v1/claims/1") in routes
    assert ("POST", "/review/1/accept") in routes


def test_every_write_refuses_anonymous(app, client, db):
    make_claims(db)
    for method, path in write_routes(app):
        r = client.request(method, path, json={})
        assert r.status_code in (401, 403), (method, path, r.status_code)
        r = client.request(method, path, data={"csrf_token": "guess"})
        assert r.status_code in (401, 403), (method, path, r.status_code)


def test_every_write_refuses_a_viewer(app, client, db):
    make_claims(db)
    token = make_user(db, "vic", "viewer")
    for method, path in write_routes(app):
        r = client.request(method, path, json={}, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 403, (method, path, r.status_code)
    login(client, "vic")
    csrf = csrf_from(client.get("/login").text)
    for method, path in write_routes(app):
        r = client.request(method, path, data={"csrf_token": csrf})
        assert r.status_code == 403, (method, path, r.status_code)


def test_every_write_by_session_needs_the_csrf_token(app, client, db):
    make_claims(db)
    make_user(db, "ed", "editor")
    login(client)
    for method, path in write_routes(app):
        for attempt in ({"data": {}}, {"data": {"csrf_token": "wrong" * 9}}, {"json": {}}):
            r = client.request(method, path, **attempt)
            assert r.status_code == 403, (method, path, attempt, r.status_code)
            assert "CSRF" in r.text


def test_csrf_token_from_another_session_is_refused(app, db):
    from fastapi.testclient import TestClient

    ids = make_claims(db)
    make_user(db, "ed", "editor")
    with TestClient(app) as mallory:
        foreign = csrf_from(mallory.get("/login").text)
    with TestClient(app) as victim:
        login(victim)
        r = victim.post(f"/review/{ids['de']}/accept", data={"csrf_token": foreign})
        assert r.status_code == 403


def test_editor_session_with_csrf_header_can_use_the_api(client, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    login(client)
    token = csrf_from(client.get("/login").text)
    r = client.post(f"/api/v1/claims/{ids['de']}/accept", headers={"X-CSRF-Token": token})
    assert r.status_code == 200


def _get_routes(app) -> list[tuple[str, list[str], list[str]]]:
    """Return (path template, path params, query params) of every GET operation in the OpenAPI schema."""
    out = []
    for path, ops in app.openapi()["paths"].items():
        op = ops.get("get")
        if not op:
            continue
        params = op.get("parameters", [])
        out.append(
            (path, [p["name"] for p in params if p["in"] == "path"], [p["name"] for p in params if p["in"] == "query"])
        )
    return out


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value.replace("/", "%2F"), path)


@pytest.mark.parametrize("payload", HOSTILE, ids=[f"p{i}" for i in range(len(HOSTILE))])
def test_hostile_values_in_every_get_parameter_are_4xx(app, client, db, payload):
    make_claims(db)
    token = make_user(db, "ed", "editor")
    headers = {"Authorization": f"Bearer {token}"}
    for path, path_params, query_params in _get_routes(app):
        if path_params:
            r = client.get(_fill(path, payload), headers=headers)
            assert r.status_code < 500, (path, payload[:30], r.status_code)
        for name in query_params:
            r = client.get(_fill(path, "1"), params={name: payload}, headers=headers)
            assert r.status_code < 500, (path, name, payload[:30], r.status_code)


@pytest.mark.parametrize("payload", HOSTILE, ids=[f"p{i}" for i in range(len(HOSTILE))])
def test_hostile_values_in_every_write_body_field_are_4xx(app, client, db, payload):
    ids = make_claims(db)
    token = make_user(db, "ed", "editor")
    headers = {"Authorization": f"Bearer {token}"}
    schema = app.openapi()
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            if method.upper() not in WRITE_METHODS:
                continue
            url = _fill(path, str(ids["fr"]) if "claim" in path else str(ids["document"]))
            body = op.get("requestBody", {}).get("content", {})
            ref = body.get("application/json", {}).get("schema", {}).get("$ref")
            fields = list(schema["components"]["schemas"][ref.split("/")[-1]]["properties"]) if ref else ["x"]
            for field in fields:
                r = client.request(method.upper(), url, json={field: payload}, headers=headers)
                assert r.status_code < 500, (method, path, field, payload[:30], r.status_code)
                assert r.status_code != 200 or field not in ("start", "end"), (method, path, field)


def test_oversized_and_malformed_bodies_are_4xx(client, db):
    ids = make_claims(db)
    token = make_user(db, "ed", "editor")
    headers = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/claims/{ids['fr']}"
    assert (
        client.patch(url, content=b"{" * 10_000, headers={**headers, "content-type": "application/json"}).status_code
        == 422
    )
    assert (
        client.patch(url, content=b"\xff\xfe", headers={**headers, "content-type": "application/json"}).status_code
        == 422
    )
    r = client.patch(url, json={"actor": "a" * 2_000_000}, headers=headers)
    assert r.status_code in (413, 422)
    r = client.post(f"/api/v1/documents/{ids['document']}/claims", json=[1, 2, 3], headers=headers)
    assert r.status_code == 422


def test_sql_injection_in_login_is_just_a_failed_login(client, db):
    make_user(db, "ed", "editor")
    r = login(client, "ed' OR '1'='1", "x' OR '1'='1")
    assert r.status_code == 401
    r = login(client, "ed' --", "anything")
    assert r.status_code == 401


def test_nul_characters_are_refused_not_crashing(client, db):
    token = make_user(db, "ed", "editor")
    h = {"Authorization": f"Bearer {token}"}
    assert login(client, "ed\x00x", "password\x00").status_code == 401
    r = client.post("/api/v1/ingest", json={"text": "Some words\x00 here"}, headers=h)
    assert r.status_code == 422
    issue = {"id": "nul-test", "label": "a\x00b", "description": "d", "support": "s", "oppose": "o"}
    assert client.post("/api/v1/taxonomy/issues", json=issue, headers=h).status_code == 422
    issue = {**issue, "label": "ok", "lexicon": {"terms": ["x\x00"]}}
    assert client.post("/api/v1/taxonomy/issues", json=issue, headers=h).status_code == 422
    actor = {"name": "Some\x00one", "country": "FR"}
    assert client.post("/api/v1/taxonomy/actors", json=actor, headers=h).status_code == 422
