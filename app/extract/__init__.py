"""Claim extraction: pure NLP, text in and claims out; imports nothing from app but the taxonomy."""

from app.extract.base import ExtractedClaim, Extractor, available, make_extractor, register

__all__ = ["ExtractedClaim", "Extractor", "available", "make_extractor", "register"]
