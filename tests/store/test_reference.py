"""`posture db upgrade` loads the reference data into an empty database, idempotently, with the user's files."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import Settings, get_settings
from app.pipeline import open_database, upgrade_database
from app.store import models as m
from app.store.engine import session_scope
from app.store.reference import CHECKSUM_KEY, sync_reference
from app.store.taxonomy_rows import load_taxonomy_from_db
from app.taxonomy import load_taxonomy
from tests.conftest import BACKEND, PG_URL, _Postgres

D = date.fromisoformat
USER_ACTORS = """\
- name: Dick Schoof
  country: NL
  aliases: [Schoof]
  offices:
    - {title: Prime Minister, role: head_of_government, start_on: 2024-07-02, end_on: 2026-02-23}
- name: Rob Jetten
  country: NL
  aliases: [%s]
  offices:
    - {title: Prime Minister, role: head_of_government, start_on: 2026-02-23}
"""


@pytest.fixture
def empty_url(tmp_path) -> Iterator[str]:
    """Return the URL of a database with nothing in it, not even the schema."""
    if BACKEND == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    pg = _Postgres(PG_URL)
    name = f"posture_e_{uuid.uuid4().hex[:12]}"
    try:
        url = pg.create(name)
    except Exception as exc:  # server down
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc}")
    yield url
    pg.drop(name)
    pg.admin.dispose()


@pytest.fixture
def run_cli(empty_url, monkeypatch):
    """Return a function running `posture ...` against the empty database, output on one line."""
    monkeypatch.setenv("POSTURE_DATABASE_URL", empty_url)
    monkeypatch.delenv("POSTURE_TAXONOMY_DIR", raising=False)
    monkeypatch.setenv("COLUMNS", "400")  # keep rich from wrapping long paths
    get_settings.cache_clear()

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, list(args))
        return result.exit_code, " ".join(result.output.split())

    yield run
    get_settings.cache_clear()


def _counts(url: str) -> dict[str, int]:
    db = open_database(Settings(database_url=url, _env_file=None))
    try:
        with db.sessions() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (m.Country, m.Issue, m.Actor, m.Office)
            }
    finally:
        db.dispose()


def test_upgrade_on_an_empty_database_loads_everything(run_cli, empty_url):
    shipped = load_taxonomy()
    code, output = run_cli("db", "upgrade")
    assert code == 0, output
    expected = f"{len(shipped.countries)} countries, {len(shipped.issues)} issues, {len(shipped.actors)} actors"
    assert expected in output
    offices = sum(len(a.offices) for a in shipped.actors.values())
    assert _counts(empty_url) == {
        "country": len(shipped.countries),
        "issue": len(shipped.issues),
        "actor": len(shipped.actors),
        "office": offices,
    }
    assert len(shipped.countries) >= 60 and len(shipped.actors) >= 300 and offices >= 300


def test_the_database_holds_what_the_files_say(db):
    shipped = load_taxonomy()
    with db.sessions() as session:
        stored = load_taxonomy_from_db(session)
    assert stored.countries == shipped.countries
    assert stored.countries["GB"].in_eu(D("2020-01-31"))
    assert not stored.countries["GB"].in_eu(D("2020-02-01"))
    for slug, actor in shipped.actors.items():
        twin = stored.actors[slug]
        assert (twin.name, twin.type, twin.country, twin.aliases) == (
            actor.name,
            actor.type,
            actor.country,
            actor.aliases,
        )
        assert sorted(twin.offices, key=repr) == sorted(actor.offices, key=repr)
    rutte = stored.actor_by_name("Mark Rutte")
    assert [rutte.country_on(D(d)) for d in ("2024-06-30", "2024-10-01")] == ["NL", "NATO"]


def test_upgrade_database_returns_what_it_loaded_then_nothing(empty_url):
    shipped = load_taxonomy()
    settings = Settings(database_url=empty_url, _env_file=None)
    db = open_database(settings)
    try:
        first = upgrade_database(db, settings)
        after_first = _counts(empty_url)
        second = upgrade_database(db, settings)
    finally:
        db.dispose()
    assert first == {"countries": len(shipped.countries), "issues": len(shipped.issues), "actors": len(shipped.actors)}
    assert second == {"countries": 0, "issues": 0, "actors": 0}
    assert _counts(empty_url) == after_first


def test_upgrade_twice_changes_nothing(run_cli, empty_url):
    assert run_cli("db", "upgrade")[0] == 0
    before = _counts(empty_url)
    code, output = run_cli("db", "upgrade")
    assert code == 0
    assert "nothing to change" in output
    assert _counts(empty_url) == before


def test_sync_finds_nothing_to_change_even_without_its_checksum_shortcut(session):
    # The reference data is already loaded (fixture); forget the checksum so every row is compared.
    session.delete(session.get(m.Setting, CHECKSUM_KEY))
    session.flush()
    assert sync_reference(session, taxonomy=load_taxonomy()) == {"countries": 0, "issues": 0, "actors": 0}


def test_a_changed_user_file_updates_rows(settings, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "actors.yaml").write_text(USER_ACTORS % "Rob Jetten", encoding="utf-8")
    mine = settings.model_copy(update={"taxonomy_dir": folder})
    db = open_database(mine)
    try:
        # Both user entries differ from the shipped ones (Schoof without its note, Jetten with other aliases).
        assert upgrade_database(db, mine) == {"countries": 0, "issues": 0, "actors": 2}
        with session_scope(db.sessions) as session:
            stored = load_taxonomy_from_db(session)
        pm = stored.holder(country="NL", role="head_of_government", on=D("2026-06-01"))
        assert pm is not None and pm.name == "Rob Jetten"
        assert stored.actor_by_name("Dick Schoof").offices[0].end_on == D("2026-02-23")

        (folder / "actors.yaml").write_text(USER_ACTORS % "Jetten, Robert Jetten", encoding="utf-8")
        assert upgrade_database(db, mine) == {"countries": 0, "issues": 0, "actors": 1}
        with session_scope(db.sessions) as session:
            row = session.scalar(select(m.Actor).where(m.Actor.slug == "rob-jetten"))
            assert row.aliases == ["Jetten", "Robert Jetten"]
        assert upgrade_database(db, mine) == {"countries": 0, "issues": 0, "actors": 0}
    finally:
        db.dispose()


def test_cli_takes_a_taxonomy_dir(run_cli, empty_url, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "actors.yaml").write_text(USER_ACTORS % "Jetten", encoding="utf-8")
    code, output = run_cli("db", "upgrade", "--taxonomy-dir", str(folder))
    assert code == 0, output
    db = open_database(Settings(database_url=empty_url, _env_file=None))
    try:
        with db.sessions() as session:
            assert session.scalar(select(m.Actor.name).where(m.Actor.slug == "rob-jetten")) == "Rob Jetten"
    finally:
        db.dispose()


def test_cli_replaces_the_shipped_data(run_cli, empty_url, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "countries.yaml").write_text("- {code: AA, name: Arcadia}\n", encoding="utf-8")
    (folder / "actors.yaml").write_text("- {name: Ada Example, country: AA}\n", encoding="utf-8")
    code, output = run_cli("db", "upgrade", "--taxonomy-dir", str(folder), "--replace-taxonomy")
    assert code == 0, output
    counts = _counts(empty_url)
    assert (counts["country"], counts["actor"]) == (1, 2)  # Arcadia's government and Ada
    assert counts["issue"] == len(load_taxonomy().issues)  # issues were not replaced


def test_cli_replace_needs_a_folder(run_cli):
    code, output = run_cli("db", "upgrade", "--replace-taxonomy")
    assert code == 1
    assert "--replace-taxonomy needs --taxonomy-dir" in output


MALFORMED = [
    pytest.param("actors.yaml", "- name: A\n  country: DE\n  aliases: [x\n", "invalid YAML", id="bad-yaml"),
    pytest.param(
        "countries.yaml", "- code: AA\n  name: Arcadia\n  capital: X\n", "3: unknown field 'capital'", id="field"
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n    - {title: T, role: minister, start_on: 2024-13-01}\n",
        "4: offices.0.start_on: Input should be a valid date",
        id="bad-date",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n    - {title: T, role: king, start_on: 2024-01-01}\n",
        "4: offices.0.role: unknown role 'king'",
        id="unknown-role",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n- name: B\n  country: ZZ\n",
        "4: actor 'B' has unknown country 'ZZ'",
        id="unknown-country",
    ),
]


@pytest.mark.parametrize(("name", "text", "problem"), MALFORMED)
def test_cli_rejects_malformed_user_files_before_touching_the_database(
    run_cli, empty_url, tmp_path, name, text, problem
):
    folder = tmp_path / "mine"
    folder.mkdir()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    code, output = run_cli("db", "upgrade", "--taxonomy-dir", str(folder))
    assert code == 1
    assert output.startswith(f"error: {path}:")
    assert problem in output
    assert "Traceback" not in output
    if BACKEND == "sqlite":
        assert not Path(empty_url.removeprefix("sqlite:///")).exists()


def test_cli_rejects_a_missing_folder(run_cli, tmp_path):
    code, output = run_cli("db", "upgrade", "--taxonomy-dir", str(tmp_path / "nope"))
    assert code == 1
    assert "taxonomy directory does not exist" in output
