"""`posture export FILE` and `posture import FILE`: the whole database as one gzip JSON Lines file, and back."""

from __future__ import annotations

from pathlib import Path

import typer

from app.cli import console, fail, settings_or_exit


def export_command(
    file: Path = typer.Argument(..., help="Where to write the dump (gzip JSON Lines, e.g. posture.jsonl.gz)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
) -> None:
    """Write the whole database (documents, claims, reviews, audit trail, users, taxonomy) to one file."""
    from app.pipeline import open_database
    from app.store.dump import export_database

    settings = settings_or_exit()
    if file.exists() and not force:
        raise fail(f"{file} exists; pass --force to overwrite it")
    if not file.parent.is_dir():
        raise fail(f"no such folder: {file.parent}")
    db = open_database(settings)
    tmp = file.with_name(file.name + ".part")
    try:
        # One REPEATABLE READ transaction on PostgreSQL: a consistent snapshot even while others write.
        with db.engine.connect() as conn:
            if db.engine.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            from sqlalchemy.orm import Session

            with Session(bind=conn) as session:
                counts = export_database(session, tmp)
        tmp.replace(file)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise fail(f"cannot export: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    finally:
        db.dispose()
    summary = ", ".join(f"{n:,} {t}" for t, n in counts.items() if n)
    console.print(f"[green]exported[/] {file}: {summary}")


def import_command(
    file: Path = typer.Argument(..., help="A dump written by `posture export`."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite a database that already holds data."),
) -> None:
    """Load a dump into the configured database (migrated first), replacing its reference data."""
    from app.pipeline import open_database
    from app.store import migrate
    from app.store.dump import DumpError, import_database
    from app.store.engine import session_scope

    settings = settings_or_exit()
    if not file.is_file():
        raise fail(f"no such file: {file}")
    db = open_database(settings)
    try:
        migrate.upgrade(db.engine)
        with session_scope(db.sessions) as session:
            counts = import_database(session, file, replace=replace)
    except DumpError as exc:
        raise fail(f"{file}: {exc}") from None
    except Exception as exc:
        raise fail(f"cannot import: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    finally:
        db.dispose()
    summary = ", ".join(f"{n:,} {t}" for t, n in counts.items() if n)
    console.print(f"[green]imported[/] {file}: {summary}")


def register(app: typer.Typer) -> None:
    """Add the export and import verbs."""
    app.command("export")(export_command)
    app.command("import")(import_command)
