"""Language and source name."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit


@lru_cache(maxsize=1)
def _identifier():
    # Loading the model takes a moment: done on first use, not at import.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when the guess is not confident."""
    sample = text[:1500]  # enough to tell languages apart; classification time grows with length
    if len(sample.split()) < 5:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= 0.5 else None


def source_name(url: str | None) -> str | None:
    """Return the site a URL belongs to ("europ.info" for https://www.europ.info/...), or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower().removeprefix("www.")
    return host[:200] or None
