"""The rules extractor built once for the extraction tests, and what it finds in a text."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import make_extractor
from app.extract.rules import RulesExtractor
from app.taxonomy import load_taxonomy


@pytest.fixture(scope="session")
def rules() -> RulesExtractor:
    return make_extractor("rules", taxonomy=load_taxonomy())


def claims_found(rules: RulesExtractor, text: str, on: str | None) -> set[tuple[str, str, str]]:
    """Return the (actor, issue, stance) of the claims found in text published on a date (ISO, or None)."""
    day = date.fromisoformat(on) if on else None
    return {(c.actor, c.issue, c.stance) for c in rules(text, published_on=day)}


def found(rules: RulesExtractor, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    """Return claims_found for a text published on a date (by default one inside the 2025 registry)."""
    return claims_found(rules, text, on)


def actors(rules: RulesExtractor, text: str, on: str | None = "2025-03-01") -> set[str]:
    """Return the actors of the claims found in a text."""
    return {actor for actor, _, _ in found(rules, text, on)}


def issues(rules: RulesExtractor, text: str, on: str | None = "2025-03-01") -> set[str]:
    """Return the issues of the claims found in a text."""
    return {issue for _, issue, _ in found(rules, text, on)}
