"""Fixtures: the shipped taxonomy, loaded once per run (it is immutable)."""

from __future__ import annotations

import pytest

from app.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """Return the shipped reference data."""
    return load_taxonomy()
