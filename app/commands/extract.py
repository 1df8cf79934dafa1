"""`posture extract` (files or the stored documents) and `posture eval` (the codebook's scores on a gold set)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from app.cli import console, fail, settings_or_exit


def _taxonomy(settings):
    from app.taxonomy import TaxonomyError, load_taxonomy

    try:
        return load_taxonomy(settings.taxonomy_dir, replace=settings.taxonomy_replace)
    except TaxonomyError as exc:
        raise fail(str(exc)) from None


def _extractor(name: str, taxonomy):
    from app.extract import make_extractor

    try:
        return make_extractor(name, taxonomy=taxonomy)
    except ValueError as exc:  # unknown name, bad lexicon, missing configuration
        raise fail(str(exc)) from None


def _parse_date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise fail(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _read_documents(path: Path) -> list[dict]:
    """Read codebook-format documents (doc_id, text, date, url), with located errors."""
    from app.evaluation import GoldFileError, read_jsonl

    try:
        docs = read_jsonl(path)
    except GoldFileError as exc:
        raise fail(str(exc)) from None
    for n, doc in enumerate(docs, 1):
        if not isinstance(doc.get("text"), str):
            raise fail(f"{path}: document {n} ({doc['doc_id']!r}) has no text")
        doc["_date"] = _parse_date(doc.get("date"), f"{path}: document {doc['doc_id']!r}")
    return docs


def predict(docs: list[dict], extractor) -> dict[str, list[dict]]:
    """Return doc_id -> predicted claims in the codebook's format."""
    out: dict[str, list[dict]] = {}
    for doc in docs:
        try:
            claims = extractor(doc["text"], published_on=doc["_date"])
        except RuntimeError as exc:  # an extractor's service that keeps failing (the LLM's LLMError)
            raise fail(f"document {doc['doc_id']!r}: {exc}") from None
        out[str(doc["doc_id"])] = [c.as_json() for c in claims]
    return out


def extract(
    input: Path | None = typer.Option(None, "--input", "-i", help="Codebook JSONL documents (doc_id, text, date)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Where to write predictions ('-': stdout)."),
    extractor: str | None = typer.Option(None, help="Extractor name (default: POSTURE_EXTRACTOR, else rules)."),
    limit: int | None = typer.Option(None, min=1, help="Stored documents to extract at most (database mode)."),
) -> None:
    """Extract claims from a JSONL file, or from the stored documents that need it (no --input)."""
    settings = settings_or_exit()
    name = extractor or settings.extractor
    if input is None:
        if output is not None:
            raise fail("--output needs --input; without it, claims go to the database")
        _extract_stored(settings, name, limit)
        return
    if output is None:
        raise fail("give --output PRED.jsonl (or '-' for standard output)")
    docs = _read_documents(input)
    model = _extractor(name, _taxonomy(settings))
    predictions = predict(docs, model)
    lines = [
        json.dumps({"doc_id": d["doc_id"], "claims": predictions[str(d["doc_id"])]}, ensure_ascii=False) for d in docs
    ]
    text = "\n".join(lines) + ("\n" if lines else "")
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
    n_claims = sum(len(v) for v in predictions.values())
    console.print(f"[green]extracted[/] {n_claims} claims from {len(docs)} documents with {model.name}@{model.version}")


def _extract_stored(settings, name: str, limit: int | None) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from app.pipeline import open_database
    from app.pipeline.extract import extract_pending
    from app.store.engine import session_scope

    db = open_database(settings)
    try:
        with session_scope(db.sessions) as session:
            result = extract_pending(session, extractor_name=name, limit=limit)
    except ValueError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        url = db.engine.url.render_as_string(hide_password=True)
        first = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise fail(f"cannot extract in {url} ({first}); is it migrated? run `posture db upgrade`") from None
    finally:
        db.dispose()
    for error in result.errors[:10]:
        console.print(f"[red]failed[/] {escape(error)}", highlight=False)
    console.print(f"[green]extracted with {name}[/]: {result}")
    if result.failed:
        raise typer.Exit(1)


def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (codebook format, with claims)."),
    extractor: str | None = typer.Option(None, help="Extractor to score (default: POSTURE_EXTRACTOR, else rules)."),
    predictions: Path | None = typer.Option(None, "--predictions", help="Score this prediction file instead."),
    worst: int = typer.Option(5, min=0, help="How many of the documents with the most errors to list."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score an extractor on a gold set: country, actor and pair F1, stance accuracy, per issue, worst documents."""
    from app.evaluation import GoldFileError, claims_by_doc, read_jsonl, score

    settings = settings_or_exit()
    docs = _read_documents(gold)
    if predictions is not None:
        try:
            predicted = claims_by_doc(read_jsonl(predictions))
        except GoldFileError as exc:
            raise fail(str(exc)) from None
        label = str(predictions)
    else:
        model = _extractor(extractor or settings.extractor, _taxonomy(settings))
        predicted = predict(docs, model)
        label = f"{model.name}@{model.version}"
    report = score(claims_by_doc(docs), predicted)
    if as_json:
        typer.echo(json.dumps(report.as_json(), indent=2))
        return
    _print_report(report, label, worst)


def _print_report(report, label: str, worst: int) -> None:
    # Standard output: the report is the command's result; wide enough for the tables when piped to a file.
    out = console.__class__(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 140)
    out.print(f"[bold]{escape(label)}[/] on {len(report.documents)} documents")
    table = Table(show_edge=False)
    for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "level" else "right")
    for level, counts in report.levels.items():
        table.add_row(level, *_figures(counts))
    out.print(table)
    out.print(f"stance accuracy on matched pairs: {report.stance_accuracy:.3f}")
    issues = Table(title="actor-level by issue", show_edge=False)
    for column in ("issue", "precision", "recall", "F1", "tp", "fp", "fn"):
        issues.add_column(column, justify="left" if column == "issue" else "right")
    for issue, counts in sorted(report.by_issue.items()):
        issues.add_row(issue, *_figures(counts))
    out.print(issues)
    bands = report.calibration()
    if bands:
        calibration = Table(title="confidence calibration (actor level)", show_edge=False)
        for column in ("confidence", "claims", "right", "precision"):
            calibration.add_column(column, justify="right")
        for b in bands:
            calibration.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.claims), str(b.right), f"{b.precision:.3f}")
        out.print(calibration)
    for doc in report.worst(worst):
        out.print(f"[bold]{escape(doc.doc_id)}[/]: {len(doc.missed)} missed, {len(doc.spurious)} spurious")
        for kind, claims in (("missed", doc.missed), ("spurious", doc.spurious)):
            for c in claims:
                evidence = " ".join(str(c.get("evidence", "")).split())[:110]
                out.print(
                    f"  {kind:8s} {escape(c['actor'])} ({escape(str(c.get('country', '')))}) {c['issue']} "
                    f"{c['stance']}: [dim]{escape(evidence)}[/]"
                )


def _figures(counts) -> list[str]:
    return [
        f"{counts.precision:.3f}",
        f"{counts.recall:.3f}",
        f"{counts.f1:.3f}",
        *map(str, (counts.tp, counts.fp, counts.fn)),
    ]


def register(app: typer.Typer) -> None:
    """Add the extract and eval verbs."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)
