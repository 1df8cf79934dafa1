"""plotly.js served from the installed plotly package: no CDN, no copy in the repository."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _plotly_js() -> bytes:
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """Serve plotly.min.js with a long cache lifetime (its URL changes with the app version)."""
    return Response(
        _plotly_js(), media_type="application/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )
