"""What every extractor returns, and the registry that finds extractors by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from app.taxonomy import Taxonomy


@dataclass
class ExtractedClaim:
    """One actor's position on one issue, found in one document, with the evidence and why it was found."""

    actor: str  # canonical name ("Olaf Scholz", "Poland", "NATO")
    actor_type: str  # person | government | organization
    country: str  # ISO alpha-2, or NATO / EU
    issue: str
    stance: str  # support | oppose | neutral
    evidence: str  # exact substring text[start:end]
    start: int
    end: int
    confidence: float
    stated_on: date | None = None
    actor_slug: str | None = None  # the registry's slug when the actor is known
    explanation: list[dict] = field(default_factory=list)  # the rules that fired: [{"rule": ..., "detail": ...}]

    def as_json(self) -> dict:
        """Return the codebook's prediction format for this claim."""
        return {
            "actor": self.actor,
            "actor_type": self.actor_type,
            "country": self.country,
            "issue": self.issue,
            "stance": self.stance,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "date": self.stated_on.isoformat() if self.stated_on else None,
        }


class Extractor(Protocol):
    """Text in, claims out. Built once (compiling its dictionaries), then called per document."""

    name: str
    version: str

    def __call__(self, text: str, *, published_on: date | None) -> list[ExtractedClaim]: ...


ExtractorFactory = Callable[..., Extractor]  # factory(taxonomy=..., **config) -> Extractor

_REGISTRY: dict[str, ExtractorFactory] = {}


def register(name: str) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Register an extractor factory under a name (the spaCy factory idea)."""

    def decorate(factory: ExtractorFactory) -> ExtractorFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def available() -> list[str]:
    """Return the names of the registered extractors."""
    _load_builtins()
    return sorted(_REGISTRY)


def make_extractor(name: str, *, taxonomy: Taxonomy, **config) -> Extractor:
    """Build the extractor registered under name for a taxonomy."""
    _load_builtins()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown extractor {name!r}; available: {', '.join(sorted(_REGISTRY))}") from None
    return factory(taxonomy=taxonomy, **config)


def _load_builtins() -> None:
    # Imported lazily so that nothing is compiled at import time; modules register themselves.
    import importlib

    for module in ("app.extract.rules", "app.extract.llm"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
