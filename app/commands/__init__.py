"""CLI verbs, one module per area; each module has `register(app)` that adds its commands to the typer app.

Shared helpers (console, fail, settings_or_exit) come from app.cli.
"""
