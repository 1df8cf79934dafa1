"""Browser fixtures: real headless Debian Chromium through Playwright, and a live uvicorn server on 127.0.0.1.

Never downloads a browser: without /usr/bin/chromium the tests skip (fail when CI=true).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("POSTURE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A uvicorn server for the test's app, in a thread."""

    def __init__(self, app):
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the live server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(settings) -> Iterator[LiveServer]:
    """Serve the test database with uvicorn on a free 127.0.0.1 port; yields the server (its .url)."""
    from app.web import create_app

    app = create_app(settings)
    server = LiveServer(app).start()
    yield server
    server.stop()
    app.state.db.dispose()


@pytest.fixture(scope="session")
def browser():
    """Launch Debian's Chromium headless (no download); skip when it is absent outside CI."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing and CI=true")
        pytest.skip(f"Chromium not found at {CHROMIUM}; browser tests need Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class RequestLog:
    """Every request a page made, to check none left 127.0.0.1."""

    def __init__(self):
        self.urls: list[str] = []

    def __call__(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        """Return the requests to any host other than 127.0.0.1 (data: and blob: URLs are local)."""
        return [
            u
            for u in self.urls
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != "127.0.0.1"
        ]


@pytest.fixture
def context(browser):
    """A fresh browser context (its own cookies and storage) at desktop size."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page in a fresh context that records its requests (page.request_log)."""
    p = context.new_page()
    log = RequestLog()
    p.on("request", log)
    p.request_log = log  # type: ignore[attr-defined]
    p.set_default_timeout(20_000)
    yield p


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_for_chart(page, selector: str) -> None:
    """Wait until charts.js has drawn the figure in selector (fails if drawing failed)."""
    page.wait_for_selector(f"{selector}[data-drawn]", state="attached")
    assert page.get_attribute(selector, "data-drawn") == "true", page.inner_text(selector)
