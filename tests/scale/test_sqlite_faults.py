"""A read-only or full SQLite file: a clear error on every path, and the file is left intact."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.pipeline import open_database
from app.store import models as m
from app.store.engine import session_scope
from tests.scale.conftest import can_mount, remount, tmpfs

pytestmark = pytest.mark.sqlite_only

# Pages that read the database; the first that exists in this build is used (the dashboard may be absent).
READ_PATHS = ("/api/v1/claims", "/api/v1/matrix", "/healthz")


def _add_claims(sessions, n: int, *, tag: str) -> list[int]:
    with session_scope(sessions) as s:
        actor = s.scalars(select(m.Actor).where(m.Actor.country_code == "DE").order_by(m.Actor.id)).first()
        doc = s.scalars(select(m.Document).where(m.Document.content_hash == "fault-test")).first()
        if doc is None:
            doc = m.Document(text="A document for the fault tests, written for them.", content_hash="fault-test")
            s.add(doc)
            s.flush()
        claims = [
            m.Claim(
                document_id=doc.id,
                actor_id=actor.id,
                country_code="DE",
                issue_id="military-aid",
                stance="support",
                stated_on=date(2024, 5, 1 + k % 28),
                evidence=f"{tag} claim {k}: " + "padding to fill pages. " * 20,
                extractor="manual",
                extractor_version="1",
            )
            for k in range(n)
        ]
        s.add_all(claims)
        s.flush()
        return [c.id for c in claims]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checkpoint(url: str) -> None:
    db = open_database(Settings(database_url=url, _env_file=None))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


def _integrity(url: str) -> tuple[str, int, int]:
    db = open_database(Settings(database_url=url, _env_file=None))
    with db.engine.connect() as conn:
        ok = conn.execute(text("PRAGMA integrity_check")).scalar_one()
        claims = conn.execute(text("SELECT count(*) FROM claim")).scalar_one()
        rolled = conn.execute(text("SELECT coalesce(sum(n), 0) FROM claim_monthly")).scalar_one()
    db.dispose()
    return ok, claims, rolled


def _read_path(client: TestClient) -> str:
    paths = set(client.app.openapi().get("paths", {}))
    return next(p for p in READ_PATHS if p in paths)


@pytest.mark.skipif(not can_mount(), reason="needs root to mount a read-only tmpfs (root ignores file modes)")
def test_read_only_file_gives_a_clear_error_and_no_damage(settings, db, tmp_path):
    _add_claims(db.sessions, 20, tag="before")
    db.dispose()
    _checkpoint(settings.database_url)
    source = Path(make_url(settings.database_url).database)
    with tmpfs(tmp_path / "ro", "64m") as mnt:
        target = mnt / "posture.db"
        shutil.copyfile(source, target)
        before = _digest(target)
        url = f"sqlite:///{target}"
        remount(mnt, "ro")

        # The store layer: the write fails with SQLite's own words, nothing half-done.
        ro = open_database(Settings(database_url=url, _env_file=None))
        with pytest.raises(OperationalError) as err:
            _add_claims(ro.sessions, 1, tag="during")
        ro.dispose()
        assert "unable to open database file" in str(err.value) or "readonly" in str(err.value)

        # The web app: a 503 with a message, as JSON for the API, never a 500 or a traceback.
        from app.web import create_app

        web = create_app(Settings(database_url=url, _env_file=None, secret_key="t"))
        with TestClient(web, raise_server_exceptions=False) as client:
            path = _read_path(client)
            r = client.get(path)
            assert r.status_code == 503, (path, r.status_code, r.text[:300])
            assert "Traceback" not in r.text
            body = r.json()
            if path != "/healthz":  # the views' 503 says what is wrong with the file
                assert "cannot be opened" in body["detail"] or "read-only" in body["detail"], body
            page = client.get(path, headers={"accept": "text/html"})
            assert page.status_code == 503 and "Traceback" not in page.text
        web.state.db.dispose()

        remount(mnt, "rw")
        assert _digest(target) == before, "the read-only file changed"
        ok, claims, rolled = _integrity(url)
        assert (ok, claims, rolled) == ("ok", 20, 20)


@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_full_disk_fails_the_write_cleanly_and_keeps_what_was_committed(settings, db, tmp_path, how):
    committed = _add_claims(db.sessions, 10, tag="before")
    db.dispose()
    _checkpoint(settings.database_url)
    source = Path(make_url(settings.database_url).database)

    def fill(url: str, limit_pages: int | None) -> OperationalError:
        full = open_database(Settings(database_url=url, _env_file=None))
        if limit_pages:
            event.listen(
                full.engine,
                "connect",
                lambda c, _r: c.execute(f"PRAGMA max_page_count={limit_pages}"),
            )
        try:
            for _ in range(2000):  # each batch ~ 100 KB: the filesystem or page limit runs out well before
                committed.extend(_add_claims(full.sessions, 200, tag="filling"))
        except OperationalError as exc:
            return exc
        finally:
            full.dispose()
        pytest.fail("the database never filled up")

    if how == "tmpfs":
        if not can_mount():
            pytest.skip("needs root to mount a size-limited tmpfs; the max_page_count case covers this")
        size_kb = source.stat().st_size // 1024 + 1024
        ctx = tmpfs(tmp_path / "full", f"{size_kb}k")
    else:
        ctx = _nullcontext(tmp_path / "limited")
        (tmp_path / "limited").mkdir()
    with ctx as where:
        target = where / "posture.db"
        shutil.copyfile(source, target)
        url = f"sqlite:///{target}"
        pages = source.stat().st_size // 4096 + 200 if how == "max_page_count" else None
        exc = fill(url, pages)
        assert "database or disk is full" in str(exc)
        # Everything committed before the failure is there, the failed batch is not, the file is sound.
        ok, claims, rolled = _integrity(url)
        assert ok == "ok"
        assert claims == len(committed) == rolled
        print(f"\n{how}: full after {len(committed)} claims: {str(exc.orig)!r}; integrity_check={ok}")


class _nullcontext:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


def test_full_database_answers_api_writes_with_a_clear_503(settings, db):
    from app.web import create_app
    from tests.web.review_helpers import make_user

    token = make_user(db, name="full-editor", role="editor")
    with db.sessions() as s:
        doc = m.Document(title="Full disk", text="Text written for the full-disk test. " * 20, content_hash="full-api")
        s.add(doc)
        s.commit()
        doc_id = doc.id
    _checkpoint(settings.database_url)
    pages = Path(make_url(settings.database_url).database).stat().st_size // 4096 + 30
    web = create_app(settings)
    event.listen(web.state.db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
    accepted, answer = [], None
    with TestClient(web, raise_server_exceptions=False, headers={"authorization": f"Bearer {token}"}) as client:
        for n in range(3000):
            body = {
                "start": n % 300,
                "end": n % 300 + 30,
                "actor": "germany",
                "issue": "sanctions",
                "stance": "support",
            }
            r = client.post(f"/api/v1/documents/{doc_id}/claims", json=body)
            if r.status_code != 201:
                answer = r
                break
            accepted.append(r.json()["id"])
    web.state.db.dispose()
    assert answer is not None, "the database never filled up"
    assert answer.status_code == 503, (answer.status_code, answer.text[:300])
    assert "disk is full" in answer.json()["detail"] and "Traceback" not in answer.text
    ok, claims, rolled = _integrity(settings.database_url)
    assert ok == "ok" and claims == rolled == len(accepted)
    print(f"\nfull after {len(accepted)} API writes: HTTP {answer.status_code} {answer.json()['detail']!r}")
