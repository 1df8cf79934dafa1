"""Ingest from the browser and the API: pasted text, a URL (a real local HTTP server), uploads kept safe."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest
from sqlalchemy import select

from app.store import models as m
from tests.web.review_helpers import csrf_from, login, make_user

ARTICLE = (
    "Ministers weigh a new support package\n\n"
    "Brussels, 12 May 2025. The German chancellor said on Monday that Germany would keep supplying air defence "
    "systems to Ukraine. Poland's prime minister backed a further sanctions package against Russia."
)


@pytest.fixture
def site(tmp_path):
    """Serve a folder over real HTTP on 127.0.0.1; yields its base URL."""
    (tmp_path / "article.html").write_text(
        f"<html><head><title>Support package</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _h(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_paste_text_then_duplicate(client, db):
    h = _h(make_user(db))
    r = client.post("/api/v1/ingest", json={"text": ARTICLE, "extract": False}, headers=h)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["counts"] == {"new": 1} and body["outcomes"][0]["document_id"]
    r = client.post("/api/v1/ingest", json={"text": ARTICLE, "extract": False}, headers=h)
    assert r.status_code == 200 and r.json()["outcomes"][0]["status"] == "duplicate"


def test_url_from_a_real_server_and_extraction(client, db, site):
    h = _h(make_user(db))
    r = client.post("/api/v1/ingest", json={"url": f"{site}/article.html"}, headers=h)
    assert r.status_code == 201, r.text
    doc_id = r.json()["outcomes"][0]["document_id"]
    with db.sessions() as s:
        doc = s.get(m.Document, doc_id)
        assert "air defence" in doc.text and doc.url == f"{site}/article.html"
    r = client.post("/api/v1/ingest", json={"url": f"{site}/missing.html"}, headers=h)
    assert r.status_code == 200 and r.json()["outcomes"][0]["status"] == "failed"


@pytest.mark.parametrize(
    "body",
    [
        {"url": "/etc/passwd"},
        {"url": "file:///etc/passwd"},
        {"feed": "../../etc/hosts"},
        {"text": ARTICLE, "url": "https://example.org/"},
        {},
        {"text": ""},
    ],
)
def test_bad_sources_are_refused(client, db, body):
    r = client.post("/api/v1/ingest", json=body, headers=_h(make_user(db)))
    assert r.status_code == 422


def test_uploads_are_checked_and_never_used_as_paths(client, db, tmp_path):
    h = _h(make_user(db))
    files = [("files", ("../../../tmp/evil.txt", ARTICLE.encode(), "text/plain"))]
    r = client.post("/api/v1/ingest/files?extract=false", files=files, headers=h)
    assert r.status_code == 201, r.text
    outcome = r.json()["outcomes"][0]
    assert ".." not in outcome["source"] and "/" not in outcome["source"]
    assert not (tmp_path.parent / "evil.txt").exists()
    with db.sessions() as s:
        origin = s.scalar(select(m.Document.origin).where(m.Document.id == outcome["document_id"]))
        assert origin == "evil.txt"
    r = client.post(
        "/api/v1/ingest/files", files=[("files", ("x.exe", b"MZ\x90\x00", "application/octet-stream"))], headers=h
    )
    assert r.status_code == 415
    r = client.post(
        "/api/v1/ingest/files", files=[("files", ("x.txt", b"text\x00\x01binary", "text/plain"))], headers=h
    )
    assert r.status_code == 415


def test_upload_size_cap(settings, db):
    from fastapi.testclient import TestClient

    from app.web import create_app

    h = _h(make_user(db))
    web = create_app(settings.model_copy(update={"max_file_bytes": 1000}))
    with TestClient(web) as c:
        r = c.post("/api/v1/ingest/files", files=[("files", ("big.txt", b"a" * 5000, "text/plain"))], headers=h)
        assert r.status_code == 413
    web.state.db.dispose()


def test_upload_body_cap_refuses_huge_requests(client, db):
    from app.web.api import ingest

    h = _h(make_user(db))
    big = b"a" * (ingest.MAX_UPLOAD_BODY + 1024)
    r = client.post("/api/v1/ingest/files", files=[("files", ("huge.txt", big, "text/plain"))], headers=h)
    assert r.status_code == 413


def test_ingest_form_in_the_browser_flow(client, db):
    assert client.get("/ingest", follow_redirects=False).status_code == 303
    make_user(db)
    login(client)
    page = client.get("/ingest")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    token = csrf_from(page.text)
    r = client.post("/ingest", data={"text": ARTICLE})
    assert r.status_code == 403  # no CSRF token
    r = client.post(
        "/ingest",
        data={"csrf_token": token, "url": ""},
        files=[("files", ("note.md", b"# A note\n\n" + ARTICLE.encode(), "text/markdown"))],
    )
    assert r.status_code == 201 and 'data-status="new"' in r.text
    r = client.post("/ingest", data={"csrf_token": token, "url": "/etc/passwd"})
    assert r.status_code == 422 and "http" in r.text
    r = client.post("/ingest", data={"csrf_token": token})
    assert r.status_code == 422
