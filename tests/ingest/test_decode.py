"""Bytes in any state become text or a clear error, never an exception of another kind."""

from __future__ import annotations

import os

import pytest

from app.ingest.decode import decode_bytes
from app.ingest.errors import IngestError

TEXT = "Die Außenministerin sagte in München, die Unterstützung für die Ukraine gehe weiter. Café crème. " * 3


def test_utf8_latin1_cp1252_and_utf16_are_decoded():
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT
    assert decode_bytes(TEXT.encode("latin-1")) == TEXT
    assert decode_bytes(("“Quoted” – dashes " + TEXT).encode("cp1252")).startswith("“Quoted” – dashes")
    assert decode_bytes(TEXT.encode("utf-16")) == TEXT
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_utf8_with_a_few_broken_bytes_keeps_the_good_characters():
    data = TEXT.encode("utf-8") + b"\xff\xfe broken tail"
    decoded = decode_bytes(data)
    assert decoded.startswith(TEXT)
    assert "\ufffd" in decoded


def test_declared_charset_is_used_when_the_bytes_are_not_utf8():
    assert decode_bytes(TEXT.encode("iso-8859-15"), declared="iso-8859-15") == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "binary"),
        (b"%PDF-1.7\n" + os.urandom(200), "binary"),
        (b"text\x00with\x00nuls" * 10, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_empty_and_binary_inputs_fail_with_a_reason(data, reason):
    with pytest.raises(IngestError) as err:
        decode_bytes(data)
    assert err.value.reason == reason
    assert err.value.detail
