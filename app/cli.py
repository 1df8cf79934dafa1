"""The `posture` command line: database, ingestion, extraction, evaluation, serving."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from app.config import Settings, get_settings

app = typer.Typer(
    help="Posture: where NATO and EU governments stand on Russia's war against Ukraine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Create and migrate the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")

console = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error in red and return the Exit to raise."""
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def settings_or_exit() -> Settings:
    """Return the settings, or exit with a clear message when the environment is malformed."""
    try:
        return get_settings()
    except Exception as exc:  # pydantic's ValidationError, shown without a traceback
        raise fail(f"bad POSTURE_* setting: {exc}") from None


@db_app.command("upgrade")
def db_upgrade(
    taxonomy_dir: Path | None = typer.Option(
        None,
        "--taxonomy-dir",
        help="Folder of your own countries/issues/actors YAML or JSON files (see docs/taxonomy.md).",
    ),
    replace_taxonomy: bool = typer.Option(
        False,
        "--replace-taxonomy",
        help="Your files replace the shipped data of the same kind instead of extending it.",
    ),
) -> None:
    """Apply migrations and load the reference data (idempotent)."""
    from app.pipeline import open_database, upgrade_database
    from app.taxonomy import TaxonomyError, load_taxonomy

    settings = settings_or_exit()
    if taxonomy_dir is not None or replace_taxonomy:
        settings = settings.model_copy(
            update={"taxonomy_dir": taxonomy_dir or settings.taxonomy_dir, "taxonomy_replace": replace_taxonomy}
        )
    if settings.taxonomy_replace and settings.taxonomy_dir is None:
        raise fail("--replace-taxonomy needs --taxonomy-dir (or POSTURE_TAXONOMY_DIR)")
    try:  # check the files before touching the database
        load_taxonomy(settings.taxonomy_dir, replace=settings.taxonomy_replace)
    except TaxonomyError as exc:
        raise fail(str(exc)) from None
    db = open_database(settings)
    try:
        changes = upgrade_database(db, settings)
    except TaxonomyError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # connection refused, permission denied...
        raise fail(f"cannot upgrade {db.engine.url.render_as_string(hide_password=True)}: {exc}") from None
    finally:
        db.dispose()
    summary = ", ".join(f"{n} {kind}" for kind, n in changes.items() if n) or "nothing to change"
    console.print(f"[green]database at head[/]; reference data: {summary}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    reload: bool = typer.Option(False, help="Reload on code changes (development)."),
) -> None:
    """Serve the dashboard and the JSON API with Uvicorn."""
    import uvicorn

    settings_or_exit()
    uvicorn.run(
        "app.web:create_app", factory=True, host=host, port=port, workers=workers, reload=reload, proxy_headers=True
    )


def _register_commands() -> None:
    """Attach the verbs that live in app/commands/ (one module per area)."""
    import importlib
    import pkgutil

    import app.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


def main() -> None:
    """Run the CLI."""
    _register_commands()
    try:
        app()
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        sys.exit(130)


if __name__ == "__main__":
    main()
