"""URL fetching against a real HTTP server on 127.0.0.1: limits, errors, and the SSRF guard."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.ingest.errors import IngestError
from app.ingest.fetch import check_url, fetch, make_client
from tests.ingest.server import LocalServer

PAGE = (
    f"<html><body><article><p>{'Ministers met and talked at length about support. ' * 10}</p></article></body></html>"
)


def _settings(**overrides) -> Settings:
    values = {"allow_private_urls": True, "fetch_timeout": 2.0, "_env_file": None, **overrides}
    return Settings(**values)


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def _fetch_error(url: str, settings: Settings) -> IngestError:
    with make_client(settings) as client, pytest.raises(IngestError) as err:
        fetch(url, settings=settings, client=client)
    return err.value


def test_fetch_follows_redirects_and_reads_the_charset(server):
    server.add("/page", PAGE.encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    start = server.add("/old", status=301, headers={"Location": "/page"})
    settings = _settings()
    with make_client(settings) as client:
        page = fetch(start, settings=settings, client=client)
    assert page.url == server.url("/page")
    assert (page.media_type, page.charset) == ("text/html", "ISO-8859-1")
    assert page.content.startswith(b"<html>")


def test_http_errors_loops_sizes_types_and_timeouts(server):
    settings = _settings(fetch_max_bytes=10_000, fetch_timeout=0.5, fetch_max_redirects=3)
    server.add("/boom", "server broke", status=500, content_type="text/plain")
    server.add("/loop", status=302, headers={"Location": "/loop"})
    server.add("/big", b"x" * 50_000, content_type="text/plain")
    server.add("/image", b"\x89PNG....", content_type="image/png")
    server.add("/slow", PAGE, delay=2.0)
    assert _fetch_error(server.url("/boom"), settings).reason == "HTTP status"
    assert "500" in _fetch_error(server.url("/boom"), settings).detail
    assert _fetch_error(server.url("/missing"), settings).reason == "HTTP status"
    assert _fetch_error(server.url("/loop"), settings).reason == "too many redirects"
    assert server.hits["/loop"] == 4  # the first request plus three redirects, then it stops
    assert _fetch_error(server.url("/big"), settings).reason == "too large"
    assert _fetch_error(server.url("/image"), settings).reason == "not an article"
    assert _fetch_error(server.url("/slow"), settings).reason == "timed out"


def test_unreachable_host_and_port():
    settings = _settings(fetch_timeout=1.0)
    with LocalServer() as closed:
        url = closed.url("/gone")
    assert _fetch_error(url, settings).reason == "unreachable"  # nothing listens there any more
    assert _fetch_error("http://no-such-host.invalid/x", _settings(allow_private_urls=False)).reason == "unreachable"


def test_only_http_and_https():
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"):
        assert _fetch_error(url, _settings()).reason == "unsafe URL"


def test_ssrf_guard_refuses_private_loopback_and_link_local_targets(server):
    server.add("/page", PAGE)
    guarded = _settings(allow_private_urls=False)
    error = _fetch_error(server.url("/page"), guarded)
    assert error.reason == "unsafe URL" and "127.0.0.1" in error.detail
    assert server.hits.get("/page") is None  # refused before any request was made
    for url in (
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://localhost/",
        "http://[::ffff:127.0.0.1]/",
    ):
        with pytest.raises(IngestError) as err:
            check_url(url, allow_private=False)
        assert err.value.reason == "unsafe URL", url
    check_url("http://127.0.0.1/", allow_private=True)  # trusted setups and tests may switch the guard off


def test_every_redirect_hop_is_checked(server):
    # The guard runs before each hop, not just the first: a redirect to a non-http target is refused.
    start = server.add("/hop", status=302, headers={"Location": "file:///etc/passwd"})
    error = _fetch_error(start, _settings())
    assert error.reason == "unsafe URL"
    assert server.hits["/hop"] == 1
