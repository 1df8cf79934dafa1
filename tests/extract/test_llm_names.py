"""Normalising a language model's names against the taxonomy: actors, governments, countries, issues, stances."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.llm_names import NameIndex, fold
from app.taxonomy import Actor, Country, Issue, Office, Taxonomy, load_taxonomy

ON = date(2024, 3, 1)


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex(load_taxonomy())


@pytest.fixture(scope="module")
def twins() -> NameIndex:
    """A taxonomy in which two people share a surname in different countries."""
    countries = {
        "DE": Country("DE", "Germany", adjectives=("German",), seats=("Berlin",)),
        "AT": Country("AT", "Austria", adjectives=("Austrian",), seats=("Vienna",)),
    }
    actors = {
        "germany": Actor("germany", "Germany", "government", "DE"),
        "austria": Actor("austria", "Austria", "government", "AT"),
        "anna-weber": Actor(
            "anna-weber",
            "Anna Weber",
            "person",
            "DE",
            offices=(Office("Minister", "minister", "DE", date(2020, 1, 1)),),
        ),
        "karl-weber": Actor(
            "karl-weber",
            "Karl Weber",
            "person",
            "AT",
            offices=(Office("Minister", "minister", "AT", date(2020, 1, 1)),),
        ),
    }
    issues = {"sanctions": Issue("sanctions", "Sanctions", "sanctions on Russia", "more", "fewer")}
    return NameIndex(Taxonomy(countries=countries, issues=issues, actors=actors))


def test_fold_ignores_accents_case_spacing_and_a_leading_the():
    assert fold("  The  Élysée ") == "elysee"
    assert fold("Viktor ORBÁN") == fold("viktor orban")


@pytest.mark.parametrize(
    ("given", "actor_type", "country", "expected"),
    [
        ("Olaf Scholz", "person", "DE", ("Olaf Scholz", "person", "DE", "olaf-scholz", "name")),
        ("scholz", "person", None, ("Olaf Scholz", "person", "DE", "olaf-scholz", "alias")),
        ("Viktor Orban", "person", "HU", ("Viktor Orbán", "person", "HU", "viktor-orban", "name")),
        ("President Macron", "person", "FR", ("Emmanuel Macron", "person", "FR", "emmanuel-macron", "alias")),
        ("Prime Minister Donald Tusk", "person", None, ("Donald Tusk", "person", "PL", "donald-tusk", "name")),
        ("the Kremlin", "government", "RU", ("Russia", "government", "RU", "russia", "country")),
        ("Downing Street", "government", None, ("United Kingdom", "government", "GB", "united-kingdom", "country")),
        ("the German government", "government", None, ("Germany", "government", "DE", "germany", "country")),
        ("Poland", "government", "PL", ("Poland", "government", "PL", "poland", "country")),
        ("Polish officials", "government", None, ("Poland", "government", "PL", "poland", "country")),
        ("a Polish spokesman", "government", "PL", ("Poland", "government", "PL", "poland", "country")),
        ("NATO", "organization", "NATO", ("NATO", "organization", "NATO", "nato", "name")),
        ("Jan Kowalski", "person", "PL", ("Jan Kowalski", "person", "PL", None, "unknown")),
        ("Jan  Kowalski", "person", "Poland", ("Jan Kowalski", "person", "PL", None, "unknown")),
        ("Deputy Minister Jan Kowalski", "person", "PL", ("Jan Kowalski", "person", "PL", None, "unknown")),
    ],
)
def test_resolve(names, given, actor_type, country, expected):
    got = names.resolve(given, actor_type=actor_type, country=country, on=ON)
    assert got is not None
    assert (got.name, got.actor_type, got.country, got.slug, got.rule) == expected


def test_a_person_speaks_for_the_office_held_that_day(names):
    as_pm = names.resolve("Mark Rutte", actor_type="person", country="NL", on=date(2023, 7, 11))
    as_sg = names.resolve("Mark Rutte", actor_type="person", country="NATO", on=date(2025, 6, 25))
    assert (as_pm.country, as_sg.country) == ("NL", "NATO")


def test_unplaceable_actors_are_none(names):
    assert names.resolve("Jan Kowalski", actor_type="person", country="Atlantis", on=ON) is None
    assert names.resolve("Jan Kowalski", actor_type="person", country=None, on=ON) is None
    assert names.resolve("   ", actor_type="person", country="PL", on=ON) is None


def test_a_surname_needs_the_country_when_two_people_share_it(twins):
    assert twins.resolve("Weber", actor_type="person", country=None, on=ON) is None
    assert twins.resolve("Weber", actor_type="person", country="AT", on=ON).name == "Karl Weber"
    assert twins.resolve("Minister Weber", actor_type="person", country="DE", on=ON).name == "Anna Weber"
    assert twins.resolve("Karin Weber", actor_type="person", country="AT", on=ON).slug is None  # another first name
    assert twins.resolve("A. Weber", actor_type="person", country="DE", on=ON).name == "Anna Weber"
    assert twins.resolve("Karel Weber", actor_type="person", country="AT", on=ON).name == "Karl Weber"
    # Another person of that surname in a third country is kept as stated, not merged into either.
    assert twins.resolve("Peter Weber", actor_type="person", country="DE", on=ON).slug is None


def test_issues_by_id_label_or_spelling(names):
    assert names.issue("military-aid") == "military-aid"
    assert names.issue("Military aid") == "military-aid"
    assert names.issue("MILITARY_AID") == "military-aid"
    assert names.issue("troops in ukraine") == "troops-in-ukraine"
    assert names.issue("nuclear-deterrence") is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [("support", "support"), ("Supports", "support"), ("against", "oppose"), ("undecided", "neutral"), ("?", None)],
)
def test_stances(given, expected):
    assert NameIndex.stance(given) == expected


def test_types_and_countries(names):
    assert NameIndex.actor_type(None) == "person"
    assert NameIndex.actor_type("Organisation") == "organization"
    assert NameIndex.actor_type("robot") is None
    assert names.country("de") == "DE"
    assert names.country("Britain") == "GB"
    assert names.country("Narnia") is None
