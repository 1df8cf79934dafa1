"""schemathesis against a real uvicorn server on 127.0.0.1 (slow; the in-process run is tests/web/test_schema.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
import schemathesis

from tests.web.review_helpers import make_claims, make_user
from tests.web.test_schema import KNOWN_ELSEWHERE, run_schema

EXAMPLES = int(os.environ.get("POSTURE_SCHEMA_EXAMPLES", "50"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(db, database_url, tmp_path):
    """Run `uvicorn app.web:create_app` on the test database in a child process; yield its base URL."""
    port = _free_port()
    env = {**os.environ, "POSTURE_DATABASE_URL": database_url, "POSTURE_SECRET_KEY": "live-test-secret"}
    log = (tmp_path / "uvicorn.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.web:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("uvicorn did not start: " + (tmp_path / "uvicorn.log").read_text()[-2000:])
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.mark.slow
def test_live_server_conforms_to_its_schema(db, live_server, capsys):
    make_claims(db)
    token = make_user(db, "live-editor", "editor")
    schema = schemathesis.openapi.from_url(live_server + "/api/v1/openapi.json")
    sent, failures = run_schema(schema, {"Authorization": f"Bearer {token}"}, EXAMPLES)
    known = {k for k in failures if k.rsplit(" [", 1)[0] in KNOWN_ELSEWHERE}
    with capsys.disabled():
        print(f"\nschemathesis against uvicorn: {sent} requests, {len(failures)} failing operation runs")
        for label in known:
            print(f"  known, reported: {label}")
    real = {k: v for k, v in failures.items() if k not in known}
    assert not real, "\n\n".join(f"{k}:\n{v}" for k, v in real.items())
    assert sent >= 1000 or EXAMPLES < 50
