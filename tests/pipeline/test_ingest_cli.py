"""`posture ingest` on a corpus of bad inputs: one clear line each, good inputs stored, non-zero exit, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.store.models import Document
from tests.ingest.factories import make_article
from tests.ingest.server import LocalServer


def run_cli(args: list[str], *, database_url: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `posture` in a subprocess against the test database."""
    env = {
        **os.environ,
        "POSTURE_DATABASE_URL": database_url,
        "POSTURE_ALLOW_PRIVATE_URLS": "true",
        "POSTURE_FETCH_TIMEOUT": "3",
        "COLUMNS": "200",
    }
    command = [sys.executable, "-c", "from app.cli import main; main()", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test_bad_input_corpus(database_url, session, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good_one.txt").write_text(make_article(1))
    (corpus / "good_two.md").write_text("# A heading\n\n" + make_article(2))
    (corpus / "latin1.txt").write_bytes(("Café and Müller: " + make_article(3)).encode("latin-1"))
    (corpus / "broken_utf8.txt").write_bytes(("Zürich – " + make_article(4)).encode("utf-8") + b"\xff\xfe\xfa")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 4000)
    with (corpus / "huge.txt").open("wb") as handle:  # 50 MB, above the 20 MB default cap
        handle.write(make_article(5).encode() * (50 * 1024 * 1024 // len(make_article(5).encode()) + 1))
    (corpus / "scripts.html").write_text(
        "<html><head>" + "<script>var a=1;</script>" * 500 + "</head><body><script>x()</script></body></html>"
    )
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "back").symlink_to(corpus)
    os.mkfifo(corpus / "pipe.txt")  # reading it would block forever
    with LocalServer() as server:
        server.add("/fine", f"<html><body><article><p>{make_article(6)}</p></article></body></html>")
        server.add("/boom", "oops", status=500, content_type="text/plain")
        server.add("/loop", status=302, headers={"Location": "/loop"})
        evil = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel>'
        evil += "<item><title>&x;</title><link>http://example.org/</link></item></channel></rss>"
        server.add("/evil.xml", evil, content_type="application/rss+xml")
        with LocalServer() as gone:
            unreachable = gone.url("/nothing")
        result = run_cli(
            [
                "ingest",
                "--no-extract",
                str(corpus),
                server.url("/fine"),
                server.url("/boom"),
                server.url("/loop"),
                unreachable,
                "--feed",
                server.url("/evil.xml"),
            ],
            database_url=database_url,
            cwd=tmp_path,
        )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    failures = [line for line in output.splitlines() if line.startswith("failed ")]
    expected = {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "huge.txt": "too large",
        "scripts.html": "not an article",
        "loop.txt": "symlink loop",
        "sub/back": "symlink loop",
        "pipe.txt": "unsupported",
        server.url("/boom"): "HTTP status",
        server.url("/loop"): "too many redirects",
        unreachable: "unreachable",
        server.url("/evil.xml"): "bad feed",
    }
    assert len(failures) == len(expected), failures
    for needle, reason in expected.items():
        (line,) = [f for f in failures if f.split(": ", 1)[0].endswith(needle)]
        assert f": {reason}: " in line, line
    assert session.scalar(select(func.count(Document.id))) == 5  # four files and one URL
    texts = " ".join(session.scalars(select(Document.text)))
    assert "Café and Müller" in texts and "Zürich" in texts and "root:" not in texts


def test_json_output_set_date_and_list_undated(database_url, session, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dated.txt").write_text(" date 2024-03-19 " + make_article(8))
    (tmp_path / "in" / "undated.txt").write_text(make_article(9))
    result = run_cli(
        ["ingest", "--no-extract", "--json", str(tmp_path / "in")], database_url=database_url, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["counts"] == {"new": 2, "near-duplicate": 0, "duplicate": 0, "failed": 0}
    undated_id = next(o["document_id"] for o in payload["outcomes"] if o["source"].endswith("undated.txt"))

    listed = run_cli(["documents", "list", "--undated", "--json"], database_url=database_url, cwd=tmp_path)
    assert [d["id"] for d in json.loads(listed.stdout)["documents"]] == [undated_id]

    bad = run_cli(["documents", "set-date", str(undated_id), "19/03/2024"], database_url=database_url, cwd=tmp_path)
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
    missing = run_cli(["documents", "set-date", "99999", "2024-01-01"], database_url=database_url, cwd=tmp_path)
    assert missing.returncode == 1 and "no document with id 99999" in missing.stderr
    ok = run_cli(["documents", "set-date", str(undated_id), "2022-03-29"], database_url=database_url, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    doc = session.get(Document, undated_id)
    assert (doc.published_on.isoformat(), doc.date_source) == ("2022-03-29", "user")

    again = run_cli(["ingest", "--no-extract", str(tmp_path / "in")], database_url=database_url, cwd=tmp_path)
    assert again.returncode == 0
    assert again.stderr.count("skipped ") == 2


def test_no_inputs_and_unmigrated_database(tmp_path):
    nothing = run_cli(["ingest"], database_url=f"sqlite:///{tmp_path / 'x.db'}", cwd=tmp_path)
    assert nothing.returncode == 1 and "give at least one" in nothing.stderr
    (tmp_path / "a.txt").write_text(make_article(1))
    empty_db = run_cli(["ingest", str(tmp_path / "a.txt")], database_url=f"sqlite:///{tmp_path / 'y.db'}", cwd=tmp_path)
    assert empty_db.returncode == 1 and "posture db upgrade" in empty_db.stderr
    assert "Traceback" not in empty_db.stderr
