"""`posture demo`: build the demo database from the bundled corpus and serve it."""

from __future__ import annotations

import time

import typer

from app.cli import console, fail, settings_or_exit


def demo(
    database: str = typer.Option(
        "sqlite:///data/demo.db", "--database", help="Where to build the demo (a SQLAlchemy URL)."
    ),
    rebuild: bool = typer.Option(False, help="Rebuild even if the database already holds the demo corpus."),
    serve: bool = typer.Option(True, help="Serve the dashboard once the data is ready."),
    host: str = typer.Option("127.0.0.1", help="Address to bind."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Build a demo database from the bundled corpus (real ingestion and extraction) and serve it."""
    from app.pipeline import open_database
    from app.pipeline.demo import build_demo

    settings = settings_or_exit().model_copy(update={"database_url": database})
    started = time.perf_counter()
    db = open_database(settings)
    try:
        with console.status("Building the demo database…"):
            report = build_demo(db, settings=settings, rebuild=rebuild)
    except Exception as exc:
        raise fail(f"cannot build the demo database at {database}: {exc}") from None
    finally:
        db.dispose()
    took = time.perf_counter() - started
    console.print(
        f"[green]demo ready[/] in {took:.1f} s: {report.documents} documents, {report.claims} claims ({report.detail})"
    )
    if not serve:
        return
    import uvicorn

    from app.web import create_app

    console.print(f"Serving Posture at [bold]http://{host}:{port}/[/] (Ctrl-C to stop)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the demo verb."""
    app.command()(demo)
