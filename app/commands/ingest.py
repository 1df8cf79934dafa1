"""`posture ingest` (files, folders, URLs, feeds) and `posture documents` (list undated, set a date by hand)."""

from __future__ import annotations

import json
from datetime import date

import typer
from rich.markup import escape
from rich.table import Table

from app.cli import console, fail, settings_or_exit

documents_app = typer.Typer(help="Ingested documents: list them, fix their dates.", no_args_is_help=True)

_STYLE = {"new": "green", "near-duplicate": "cyan", "duplicate": "yellow", "failed": "red"}


def ingest(
    sources: list[str] = typer.Argument(None, help="Files, folders (read recursively) or http(s) URLs."),
    feed: list[str] = typer.Option([], "--feed", help="An RSS or Atom feed URL; each entry's link is ingested."),
    extract: bool = typer.Option(True, "--extract/--no-extract", help="Hand new documents to the extractor."),
    extractor: str | None = typer.Option(None, help="Extractor name (default: POSTURE_EXTRACTOR)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only failures."),
    as_json: bool = typer.Option(False, "--json", help="Print every outcome as JSON on standard output."),
    batch_size: int = typer.Option(100, min=1, max=10000, help="Documents per database transaction."),
) -> None:
    """Ingest articles: .txt, .md, .html and .jsonl files and folders, web pages, and RSS/Atom feeds."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from sqlalchemy.exc import SQLAlchemyError

    from app.ingest import Feed
    from app.ingest.sources import count_documents
    from app.pipeline import open_database
    from app.pipeline.ingest import IngestReport, ingest_sources

    inputs = [*(sources or []), *(Feed(url) for url in feed)]
    if not inputs:
        raise fail("give at least one file, folder, URL or --feed URL")
    settings = settings_or_exit()
    db = open_database(settings)
    _check_schema(db)
    report = IngestReport()
    show_progress = not (quiet or as_json)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show_progress,
    )
    task = progress.add_task("", total=count_documents(sources or []) if show_progress and not feed else None)

    def on_outcome(outcome) -> None:
        if outcome.status == "failed" and not as_json:
            progress.console.print(
                f"[red]failed[/] {escape(outcome.source)}: [bold]{outcome.reason}[/]: {escape(outcome.message)}",
                highlight=False,
                soft_wrap=True,
            )
        elif outcome.status == "duplicate" and show_progress:
            progress.console.print(
                f"[yellow]skipped[/] {escape(outcome.source)}: {escape(outcome.message)}",
                highlight=False,
                soft_wrap=True,
            )
        counts = report.counts
        progress.update(
            task,
            advance=1,
            description=f"{counts['new']} new, {counts['near-duplicate']} near, {counts['duplicate']} dup, "
            f"{counts['failed']} failed",
        )

    try:
        with progress:
            ingest_sources(
                db,
                inputs,
                settings=settings,
                extract=extract,
                progress=on_outcome,
                keep_outcomes=as_json,
                extractor_name=extractor,
                report=report,
            )
    except KeyboardInterrupt:
        console.print(f"[yellow]interrupted[/]: {_summary_line(report)} committed; run the command again to finish")
        raise typer.Exit(130) from None
    except SQLAlchemyError as exc:
        url = db.engine.url.render_as_string(hide_password=True)
        first = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise fail(f"cannot store documents in {url} ({first}); is it migrated? run `posture db upgrade`") from None
    finally:
        db.dispose()
    if as_json:
        payload = {
            "counts": {s: report.counts[s] for s in ("new", "near-duplicate", "duplicate", "failed")},
            "extraction": report.extraction,
            "outcomes": [o.as_json() for o in report.outcomes],
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif not quiet:
        _print_summary(report)
    if not report.ok:
        raise typer.Exit(1)


def _check_schema(db) -> None:
    """Exit with a clear message when the database is unreachable or not migrated to a schema with documents."""
    from sqlalchemy import inspect

    url = db.engine.url.render_as_string(hide_password=True)
    try:
        ready = inspect(db.engine).has_table("document_band")
    except Exception as exc:  # connection refused, bad credentials, unreadable file
        db.dispose()
        raise fail(f"cannot open the database {url}: {str(exc).splitlines()[0]}") from None
    if not ready:
        db.dispose()
        raise fail(f"the database {url} is not migrated; run `posture db upgrade` first")


def _summary_line(report) -> str:
    return ", ".join(f"{report.counts[s]} {s}" for s in ("new", "near-duplicate", "duplicate", "failed"))


def _print_summary(report) -> None:
    table = Table(title="Ingestion summary", show_edge=False)
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for status in ("new", "near-duplicate", "duplicate", "failed"):
        table.add_row(f"[{_STYLE[status]}]{status}[/]", str(report.counts[status]))
    if report.failures:
        reasons: dict[str, int] = {}
        for failure in report.failures:
            reasons[failure.reason or "?"] = reasons.get(failure.reason or "?", 0) + 1
        for reason, n in sorted(reasons.items()):
            table.add_row(f"  [red]{reason}[/]", str(n))
    console.print(table)
    if report.extraction:
        console.print(report.extraction, highlight=False)


@documents_app.command("set-date")
def set_date(
    document_id: int = typer.Argument(..., help="The document's id (see `posture documents list --undated`)."),
    when: str = typer.Argument(..., metavar="DATE", help="The publication date, YYYY-MM-DD."),
) -> None:
    """Set a document's publication date by hand (recorded as date_source "user")."""
    from app.pipeline import open_database
    from app.store.documents import set_date as store_set_date
    from app.store.engine import session_scope

    try:
        published_on = date.fromisoformat(when)
    except ValueError:
        raise fail(f"{when!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-19") from None
    db = open_database(settings_or_exit())
    try:
        with session_scope(db.sessions) as session:
            document = store_set_date(session, document_id=document_id, published_on=published_on)
            title = document.title or document.origin or ""
    except LookupError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # database unreachable or not migrated
        raise fail(f"cannot set the date: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    finally:
        db.dispose()
    console.print(f"[green]document {document_id}[/] dated {published_on.isoformat()}: {title}", highlight=False)


@documents_app.command("list")
def list_documents(
    undated: bool = typer.Option(False, "--undated", help="Only documents without a date."),
    limit: int = typer.Option(50, min=1, max=10000, help="How many to show."),
    offset: int = typer.Option(0, min=0, help="How many to skip."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON on standard output."),
) -> None:
    """List ingested documents, newest first, or the undated ones oldest first."""
    from sqlalchemy import func, select

    from app.pipeline import open_database
    from app.store.documents import count_undated, list_undated
    from app.store.models import Document

    db = open_database(settings_or_exit())
    try:
        with db.sessions() as session:
            if undated:
                rows = list_undated(session, limit=limit, offset=offset)
                total = count_undated(session)
            else:
                statement = select(Document).order_by(Document.id.desc()).limit(limit).offset(offset)
                rows = list(session.scalars(statement))
                total = session.scalar(select(func.count(Document.id))) or 0
            data = [
                {
                    "id": d.id,
                    "published_on": d.published_on.isoformat() if d.published_on else None,
                    "date_source": d.date_source,
                    "title": d.title,
                    "source_name": d.source_name,
                    "origin": d.origin,
                    "language": d.language,
                    "duplicate_of_id": d.duplicate_of_id,
                }
                for d in rows
            ]
    except Exception as exc:  # database unreachable or not migrated
        raise fail(f"cannot list documents: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    finally:
        db.dispose()
    if as_json:
        typer.echo(json.dumps({"total": total, "documents": data}, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{'Undated documents' if undated else 'Documents'} ({total})", show_edge=False)
    for column in ("id", "date", "source", "title", "origin"):
        table.add_column(column, overflow="fold")
    for d in data:
        when = f"{d['published_on']} ({d['date_source']})" if d["published_on"] else "undated"
        table.add_row(str(d["id"]), when, d["source_name"] or "", (d["title"] or "")[:80], d["origin"] or "")
    console.print(table)
    if undated and total:
        console.print("set a date with: posture documents set-date ID YYYY-MM-DD", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `ingest` and `documents` to the CLI."""
    app.command("ingest")(ingest)
    app.add_typer(documents_app, name="documents")
