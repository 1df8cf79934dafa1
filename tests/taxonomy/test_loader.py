"""User files extend or replace the shipped data; malformed files name the file, the line and the problem."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.taxonomy import TaxonomyError, load_taxonomy, slugify


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_files_extend_the_shipped_data(tmp_path):
    _write(tmp_path, "countries.yaml", "- {code: XK, name: Kosovo, adjectives: [Kosovar], seats: [Pristina]}\n")
    _write(
        tmp_path,
        "actors_local.yaml",
        "- name: Vjosa Osmani\n"
        "  country: XK\n"
        "  aliases: [Osmani]\n"
        "  offices:\n"
        "    - {title: President, role: head_of_state, start_on: 2021-04-04}\n",
    )
    taxonomy = load_taxonomy(tmp_path)
    assert taxonomy.countries["XK"].seats == ("Pristina",)
    assert taxonomy.holder(country="XK", role="head_of_state", on=date(2024, 1, 1)).name == "Vjosa Osmani"
    assert taxonomy.government("XK").name == "Kosovo"
    assert "DE" in taxonomy.countries and taxonomy.actor_by_name("Olaf Scholz") is not None


def test_a_user_entry_overrides_the_shipped_one_with_the_same_key(tmp_path):
    _write(
        tmp_path,
        "actors.yaml",
        "- name: Dick Schoof\n"
        "  country: NL\n"
        "  offices:\n"
        "    - {title: Prime Minister, role: head_of_government, start_on: 2024-07-02, end_on: 2026-02-23}\n"
        "- name: Rob Jetten\n"
        "  country: NL\n"
        "  offices:\n"
        "    - {title: Prime Minister, role: head_of_government, start_on: 2026-02-23}\n",
    )
    taxonomy = load_taxonomy(tmp_path)
    assert taxonomy.holder(country="NL", role="head_of_government", on=date(2026, 6, 1)).name == "Rob Jetten"
    assert taxonomy.holder(country="NL", role="head_of_government", on=date(2025, 6, 1)).name == "Dick Schoof"
    assert taxonomy.actor_by_name("Dick Schoof").aliases == ()


def test_replace_swaps_out_each_kind_the_user_supplies(tmp_path):
    _write(tmp_path, "countries.yaml", "- {code: AA, name: Arcadia}\n- {code: BB, name: Borduria}\n")
    _write(tmp_path, "actors.yaml", "- {name: Ada Example, country: AA}\n")
    _write(
        tmp_path,
        "issues.yaml",
        "- {id: widgets, label: Widgets, description: d, support: more widgets, oppose: fewer widgets}\n",
    )
    taxonomy = load_taxonomy(tmp_path, replace=True)
    assert set(taxonomy.countries) == {"AA", "BB"}
    assert set(taxonomy.issues) == {"widgets"}
    assert {a.name for a in taxonomy.actors.values()} == {"Arcadia", "Borduria", "Ada Example"}


def test_replacing_only_countries_reports_shipped_actors_left_without_a_country(tmp_path):
    _write(tmp_path, "countries.yaml", "- {code: AA, name: Arcadia}\n")
    with pytest.raises(TaxonomyError, match="unknown country") as caught:
        load_taxonomy(tmp_path, replace=True)
    assert caught.value.path.endswith(".yaml") and caught.value.line is not None


def test_json_files_are_accepted(tmp_path):
    entry = {
        "name": "Jane Example",
        "country": "DE",
        "offices": [{"title": "Envoy", "role": "envoy", "start_on": "2025-01-01"}],
    }
    _write(tmp_path, "actors.json", json.dumps([entry]))
    actor = load_taxonomy(tmp_path).actor_by_name("Jane Example")
    assert actor.offices[0].start_on == date(2025, 1, 1)


def test_an_empty_user_file_adds_nothing(tmp_path):
    _write(tmp_path, "actors.yaml", "# nothing yet\n")
    assert len(load_taxonomy(tmp_path).actors) == len(load_taxonomy().actors)


BAD_FILES = [
    pytest.param("actors.yaml", "- name: A\n  country: DE\n  aliases: [x\n", None, "invalid YAML", id="bad-yaml"),
    pytest.param(
        "countries.yaml",
        "- code: AA\n  name: Arcadia\n- code: BB\n  name: B\n  capital: X\n",
        5,
        "unknown field 'capital'",
        id="unknown-field",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n    - {title: T, role: minister, start_on: 2024-02-30}\n",
        4,
        "start_on",
        id="bad-date",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n    - {title: T, role: minister, start_on: 2024-01-01}\n"
        "    - {title: T, role: king, start_on: 2024-01-01}\n",
        5,
        "unknown role 'king'",
        id="unknown-role",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n- name: B\n  country: ZZ\n",
        4,
        "actor 'B' has unknown country 'ZZ'",
        id="unknown-country",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n    - {title: T, role: minister, country: QQ, start_on: 2024-01-01}\n",
        4,
        "unknown country 'QQ'",
        id="unknown-office-country",
    ),
    pytest.param(
        "actors.yaml",
        "- name: A\n  country: DE\n  offices:\n"
        "    - {title: T, role: minister, start_on: 2024-01-01, end_on: 2023-01-01}\n",
        4,
        "must be after start_on",
        id="end-before-start",
    ),
    pytest.param("countries.yaml", "- code: NO\n  name: Norway\n", 1, "quote country codes", id="unquoted-NO"),
    pytest.param("countries.yaml", "- code: ABC\n  name: Abc\n", 1, "ISO 3166-1 alpha-2", id="long-country-code"),
    pytest.param("countries.yaml", "code: AA\nname: A\n", 1, "expected a list", id="not-a-list"),
    pytest.param("actors.yaml", "- just a string\n", None, "must be a mapping", id="entry-not-mapping"),
    pytest.param("actors.yaml", "- country: DE\n", 1, "missing field 'name'", id="missing-field"),
    pytest.param(
        "countries.yaml",
        "- {code: AA, name: A}\n- {code: BB, name: B}\n- {code: AA, name: C}\n",
        3,
        "duplicate code 'AA' (first at line 1)",
        id="duplicate-key",
    ),
    pytest.param("actors.json", '[{"name": "A", "country": "DE",}]', 1, "invalid JSON", id="bad-json"),
]


@pytest.mark.parametrize(("name", "text", "line", "problem"), BAD_FILES)
def test_malformed_user_files_name_file_line_and_problem(tmp_path, name, text, line, problem):
    path = _write(tmp_path, name, text)
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(tmp_path)
    error = caught.value
    assert error.path == str(path)
    if line is not None:
        assert error.line == line
    assert problem in error.problem
    assert str(error).startswith(f"{path}:" if error.line else str(path))


def test_a_data_file_with_an_unknown_name_is_an_error_not_silently_skipped(tmp_path):
    _write(tmp_path, "README.md", "notes")
    path = _write(tmp_path, "actor.yaml", "- {name: A, country: DE}\n")
    with pytest.raises(TaxonomyError, match="file name must start with") as caught:
        load_taxonomy(tmp_path)
    assert caught.value.path == str(path)


def test_a_missing_or_empty_folder_is_an_error(tmp_path):
    with pytest.raises(TaxonomyError, match="does not exist"):
        load_taxonomy(tmp_path / "nope")
    with pytest.raises(TaxonomyError, match="no taxonomy files"):
        load_taxonomy(tmp_path)


def test_the_curated_actors_file_wins_over_shipped_supplements(taxonomy):
    # actors_news.yaml may describe an actor that actors.yaml also has; the curated offices are kept.
    umerov = taxonomy.actor_by_name("Rustem Umerov")
    assert any(o.role == "defence_minister" for o in umerov.offices)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Viktor Orbán", "viktor-orban"),
        ("Radosław Sikorski", "radoslaw-sikorski"),
        ("Jonas Gahr Støre", "jonas-gahr-store"),
        ("Milo Đukanović", "milo-dukanovic"),
        ("Ursula von der Leyen", "ursula-von-der-leyen"),
    ],
)
def test_slugify_makes_ascii_slugs(text, slug):
    assert slugify(text) == slug
