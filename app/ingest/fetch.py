"""Fetching URLs with httpx: http/https only, timeouts, a size cap, a redirect cap, a content-type check, and a
guard against private, loopback and link-local targets (SSRF) unless settings allow them."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from app.config import Settings
from app.ingest.errors import IngestError

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class Fetched:
    """A fetched body: the final URL after redirects, the bytes, the media type and the declared charset."""

    url: str
    content: bytes
    media_type: str
    charset: str | None


def make_client(settings: Settings) -> httpx.Client:
    """Return an HTTP client with Posture's timeouts and user agent; redirects are followed by hand."""
    return httpx.Client(
        timeout=httpx.Timeout(settings.fetch_timeout),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*"},
        trust_env=False,
    )


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise IngestError unless the URL is http(s) and, unless allowed, resolves only to public addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError("unsafe URL", f"{url} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise IngestError("unsafe URL", f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}")
    host = parts.hostname
    if not host:
        raise IngestError("unsafe URL", f"{url} has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError("unreachable", f"cannot resolve host {host} ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise IngestError(
                "unsafe URL",
                f"{host} resolves to {address}, a private, loopback or link-local address; "
                "set POSTURE_ALLOW_PRIVATE_URLS=true to allow it in a trusted setup",
            )


def fetch(url: str, *, settings: Settings, client: httpx.Client, accept: tuple[str, ...] = PAGE_TYPES) -> Fetched:
    """Fetch a URL within the settings' limits, or raise IngestError saying what went wrong."""
    deadline = time.monotonic() + settings.fetch_timeout * 2
    current = url
    for _hop in range(settings.fetch_max_redirects + 1):
        check_url(current, allow_private=settings.allow_private_urls)
        try:
            with client.stream("GET", current) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    status = f"HTTP {response.status_code} {response.reason_phrase or ''}".strip()
                    raise IngestError("HTTP status", f"the server answered {status}")
                media_type, charset = _content_type(response.headers.get("content-type", ""))
                if media_type and media_type not in accept:
                    raise IngestError("not an article", f"the server sent {media_type}, not {' or '.join(accept[:3])}")
                declared = response.headers.get("content-length", "")
                cap = settings.fetch_max_bytes
                if declared.isdigit() and int(declared) > cap:
                    raise IngestError("too large", f"{int(declared):,} bytes, above the {cap:,} byte cap")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > settings.fetch_max_bytes:
                        raise IngestError("too large", f"more than the {settings.fetch_max_bytes:,} byte cap")
                    if time.monotonic() > deadline:
                        raise IngestError("timed out", f"the download took longer than {settings.fetch_timeout * 2:g}s")
                return Fetched(url=str(response.url), content=bytes(body), media_type=media_type, charset=charset)
        except httpx.TimeoutException:
            raise IngestError("timed out", f"no answer within {settings.fetch_timeout:g}s") from None
        except httpx.TransportError as exc:
            raise IngestError("unreachable", f"cannot connect ({type(exc).__name__}: {exc})") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise IngestError("unreachable", f"the request failed ({type(exc).__name__}: {exc})") from None
    raise IngestError("too many redirects", f"more than {settings.fetch_max_redirects} redirects (a redirect loop?)")


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media_type = parts[0].lower()
    charset = None
    for param in parts[1:]:
        if param.lower().startswith("charset="):
            charset = param.split("=", 1)[1].strip("\"' ") or None
    return media_type, charset
