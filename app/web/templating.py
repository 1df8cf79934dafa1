"""Jinja2 templates with autoescape, shared helpers and the request-aware context."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

import app as posture
from app.web.paths import TEMPLATES_DIR


@lru_cache
def get_templates() -> Jinja2Templates:
    """Return the Jinja2 templates (built on first use, not at import)."""
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.globals["posture_version"] = posture.__version__
    return templates


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a template with the request in its context."""
    return get_templates().TemplateResponse(request, name, context or {}, status_code=status_code, headers=headers)
