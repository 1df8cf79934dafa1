"""Run Posture under uvicorn as in production (a subprocess, N workers) for the fault tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.scale.pgcluster import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]


class Server:
    """A uvicorn subprocess serving app.web:create_app on 127.0.0.1."""

    def __init__(self, database_url: str, *, workers: int = 2, log: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "POSTURE_DATABASE_URL": database_url, "POSTURE_SECRET_KEY": "scale-test"}
        out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.web:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def wait_ready(self, timeout: float = 30) -> None:
        """Wait until the server answers HTTP at all."""

        def up() -> bool:
            try:
                httpx.get(self.base + "/healthz", timeout=2)
                return True
            except httpx.HTTPError:
                return False

        if not wait_for(up, timeout, every=0.2):
            self.stop()
            raise RuntimeError(f"uvicorn did not start on port {self.port}")

    def kill9(self) -> None:
        """Kill the master and its workers at once with SIGKILL, as a crash or an OOM kill would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server and its workers (SIGTERM, then SIGKILL)."""
        if self.proc.poll() is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)  # workers left behind by a dead master
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill9()
