"""Bytes into text: refuse binary data, read UTF-8 when it is UTF-8, detect legacy encodings otherwise."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from app.ingest.errors import IngestError

# Signatures of common binary formats that sometimes carry a text-like extension.
_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# A well-formed UTF-8 multi-byte sequence; its presence tells UTF-8 with a few bad bytes from a legacy encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def binary_kind(data: bytes) -> str | None:
    """Return what binary data looks like ("a PNG image", "binary data"), or None when it looks like text."""
    head = data[:8192]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if head.startswith(_BOMS):
        return None  # UTF-16/32 text legitimately holds NUL bytes
    if b"\x00" in head:
        return "binary data (it holds NUL bytes)"
    if head and len(_CONTROL.findall(head)) / len(head) > 0.05:
        return "binary data (it holds control bytes)"
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode input bytes to text, or raise IngestError (empty, binary, undecodable)."""
    if not data.strip():
        raise IngestError("empty", "there is no content")
    kind = binary_kind(data)
    if kind:
        raise IngestError("binary", f"this is {kind}, not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect instead
    sample = data[:65536]
    valid = len(_UTF8_MULTIBYTE.findall(sample))
    broken = len(sample.decode("utf-8", errors="replace").split("\ufffd")) - 1
    if valid and broken <= max(3, valid // 10):
        # Mostly UTF-8 with a few broken bytes: keep the good characters, mark the bad ones.
        return data.decode("utf-8", errors="replace")
    encoding = _detect(data[:1_000_000])
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return data.decode(encoding, errors="replace")


def _detect(data: bytes) -> str:
    """Return the likeliest legacy encoding of data, preferring the common Western ones among equally good guesses."""
    matches = list(from_bytes(data))
    if matches:
        best = min(match.chaos for match in matches)
        # Mostly-ASCII text with a few accents fits many code pages equally well; charset-normalizer may then pick
        # a rare one (cp775), while Windows-1252 / Latin-1 are what such files nearly always are.
        for preferred in _PREFERRED:
            for match in matches:
                if match.encoding == preferred and match.chaos <= best + 0.01:
                    return preferred
        return matches[0].encoding
    try:
        decoded = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError(
            "undecodable", "the bytes are neither UTF-8 nor any text encoding that could be detected"
        ) from None
    if len(_CONTROL.findall(decoded.encode("utf-8"))) > len(decoded) * 0.01:
        raise IngestError("undecodable", "the bytes do not read as text in any detected encoding")
    return "cp1252"
