"""Office holders by role or title, country and date, across changes of office."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from app.taxonomy import Taxonomy
from app.taxonomy.model import ROLES

D = date.fromisoformat


@pytest.mark.parametrize(
    ("country", "role", "title", "on", "expected"),
    [
        ("DE", "head_of_government", None, "2024-03-19", "Olaf Scholz"),
        ("DE", None, "Chancellor", "2025-05-05", "Olaf Scholz"),
        ("DE", None, "Chancellor", "2025-05-06", "Friedrich Merz"),
        ("DE", "head_of_government", None, "2025-12-01", "Friedrich Merz"),
        ("FR", "head_of_state", None, "2022-04-01", "Emmanuel Macron"),
        ("FR", None, "president", "2026-11-22", "Emmanuel Macron"),
        ("FR", "head_of_government", None, "2024-02-01", "Gabriel Attal"),
        ("FR", "head_of_government", None, "2024-10-01", "Michel Barnier"),
        ("US", "head_of_state", None, "2024-06-01", "Joe Biden"),
        ("US", None, "President", "2025-01-19", "Joe Biden"),
        ("US", None, "President", "2025-01-20", "Donald Trump"),
        ("US", "head_of_state", None, "2025-02-01", "Donald Trump"),
        ("GB", None, "Prime Minister", "2022-09-05", "Boris Johnson"),
        ("GB", None, "Prime Minister", "2022-09-06", "Liz Truss"),
        ("GB", None, "Prime Minister", "2022-10-24", "Liz Truss"),
        ("GB", None, "Prime Minister", "2022-10-25", "Rishi Sunak"),
        ("GB", None, "Prime Minister", "2024-07-04", "Rishi Sunak"),
        ("GB", None, "Prime Minister", "2024-07-05", "Keir Starmer"),
        ("NATO", "secretary_general", None, "2024-09-30", "Jens Stoltenberg"),
        ("NATO", None, "Secretary General", "2024-10-01", "Mark Rutte"),
        ("EU", "high_representative", None, "2024-11-30", "Josep Borrell"),
        ("EU", "high_representative", None, "2024-12-01", "Kaja Kallas"),
        ("EU", "council_president", None, "2024-11-30", "Charles Michel"),
        ("EU", "council_president", None, "2024-12-01", "António Costa"),
        ("EU", "commission_president", None, "2023-06-01", "Ursula von der Leyen"),
        ("EU", "parliament_president", None, "2025-06-01", "Roberta Metsola"),
        ("IT", "head_of_government", None, "2022-10-21", "Mario Draghi"),
        ("IT", "head_of_government", None, "2022-10-22", "Giorgia Meloni"),
        ("NL", "head_of_government", None, "2024-07-01", "Mark Rutte"),
        ("NL", "head_of_government", None, "2024-07-02", "Dick Schoof"),
        ("PL", "head_of_government", None, "2023-12-12", "Mateusz Morawiecki"),
        ("PL", "head_of_government", None, "2023-12-13", "Donald Tusk"),
        ("UA", "foreign_minister", None, "2024-09-04", "Dmytro Kuleba"),
        ("UA", "foreign_minister", None, "2024-09-05", "Andrii Sybiha"),
        ("UA", "defence_minister", None, "2023-01-01", "Oleksii Reznikov"),
        ("UA", "defence_minister", None, "2024-01-01", "Rustem Umerov"),
        ("RU", "defence_minister", None, "2023-01-01", "Sergei Shoigu"),
        ("RU", "defence_minister", None, "2024-06-01", "Andrei Belousov"),
        ("US", "foreign_minister", None, "2024-01-01", "Antony Blinken"),
        ("US", "foreign_minister", None, "2025-03-01", "Marco Rubio"),
        ("US", "defence_minister", None, "2025-03-01", "Pete Hegseth"),
        ("TR", "head_of_state", None, "2023-01-01", "Recep Tayyip Erdoğan"),
        ("TR", "foreign_minister", None, "2024-01-01", "Hakan Fidan"),
        ("CN", "head_of_state", None, "2024-01-01", "Xi Jinping"),
        ("BY", "head_of_state", None, "2024-01-01", "Alexander Lukashenko"),
        ("GB", "head_of_state", None, "2022-09-07", "Elizabeth II"),
        ("CA", "head_of_state", None, "2022-09-08", "Charles III"),
        ("SE", "foreign_minister", None, "2025-01-01", "Maria Malmer Stenergard"),
    ],
)
def test_holder_by_role_or_title_on_a_day(taxonomy, country, role, title, on, expected):
    holder = taxonomy.holder(country=country, on=D(on), role=role, title=title)
    assert holder is not None and holder.name == expected


def test_nobody_holds_an_office_before_it_exists(taxonomy):
    assert taxonomy.holder(country="EU", role="high_representative", on=D("1990-01-01")) is None
    assert taxonomy.holders(country="NATO", role="secretary_general", on=D("2024-10-01"), title="Chancellor") == []


def test_rutte_speaks_for_the_netherlands_then_nato(taxonomy):
    rutte = taxonomy.actor_by_name("Mark Rutte")
    assert rutte.country_on(D("2024-01-15")) == "NL"
    assert rutte.country_on(D("2024-07-01")) == "NL"
    assert rutte.country_on(D("2024-08-15")) == "NL"  # between The Hague and NATO: still the last post
    assert rutte.country_on(D("2024-10-01")) == "NATO"
    assert rutte.country_on(D("2026-01-01")) == "NATO"
    assert rutte.country_on(None) == "NATO"


def test_kallas_and_costa_move_from_national_to_eu_office(taxonomy):
    kallas = taxonomy.actor_by_name("Kaja Kallas")
    costa = taxonomy.actor_by_name("António Costa")
    assert kallas.country_on(D("2023-05-01")) == "EE"
    assert kallas.country_on(D("2025-01-01")) == "EU"
    assert costa.country_on(D("2023-05-01")) == "PT"
    assert costa.country_on(D("2025-01-01")) == "EU"


def test_every_nato_and_eu_member_has_one_head_of_state_and_government_every_day(taxonomy):
    day, last, gaps = D("2022-01-01"), D("2026-11-22"), []
    while day <= last:
        for country in taxonomy.countries.values():
            if not (country.in_nato(day) or country.in_eu(day)):
                continue
            for role in ("head_of_state", "head_of_government"):
                found = taxonomy.holders(country=country.code, on=day, role=role)
                if len(found) != 1:
                    gaps.append((day, country.code, role, [a.name for a in found]))
        day += timedelta(days=7)
    assert gaps == []


@pytest.mark.parametrize("country", ["US", "DE", "FR", "GB", "IT", "ES", "PL", "CA", "TR", "NL"])
def test_largest_members_have_foreign_and_defence_ministers(taxonomy, country):
    for role in ("foreign_minister", "defence_minister"):
        for on in ("2022-03-01", "2023-06-01", "2024-06-01", "2025-06-01", "2026-06-01"):
            assert len(taxonomy.holders(country=country, on=D(on), role=role)) == 1, (role, on)


def test_offices_are_well_formed(taxonomy):
    for actor in taxonomy.actors.values():
        for office in actor.offices:
            assert office.role in ROLES
            assert office.country in taxonomy.countries
            assert office.end_on is None or office.end_on > office.start_on, actor.name


def test_successive_holders_of_one_office_do_not_overlap(taxonomy):
    overlaps = []
    for (country, role), spans in _spans(taxonomy).items():
        spans.sort(key=lambda span: span[0])
        for (_, end_a, who_a), (start_b, _, who_b) in itertools.pairwise(spans):
            if who_a != who_b and (end_a is None or end_a > start_b):
                overlaps.append((country, role, who_a, who_b))
    assert overlaps == []


def _spans(taxonomy: Taxonomy) -> dict[tuple[str, str], list]:
    spans: dict[tuple[str, str], list] = {}
    for actor in taxonomy.actors.values():
        for office in actor.offices:
            # Roles with many holders at once are excluded; single-seat posts must not overlap.
            if office.role in ("head_of_state", "head_of_government", "foreign_minister", "defence_minister"):
                spans.setdefault((office.country, office.role), []).append((office.start_on, office.end_on, actor.name))
    return spans


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Orban", "Viktor Orbán"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Scholz", "Olaf Scholz"),
        ("von der Leyen", "Ursula von der Leyen"),
    ],
)
def test_aliases_name_the_right_person(taxonomy, alias, name):
    actor = taxonomy.actor_by_name(name)
    assert actor is not None and alias in actor.aliases
    assert actor.type == "person"


def test_no_alias_names_two_actors(taxonomy):
    seen: dict[str, str] = {}
    for actor in taxonomy.actors.values():
        for word in {actor.name, *actor.aliases}:
            key = word.casefold()
            assert seen.setdefault(key, actor.slug) == actor.slug, f"{word!r}: {seen[key]} and {actor.slug}"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("NATO", "NATO"),
        ("European Commission", "EU"),
        ("European Council", "EU"),
        ("Council of the European Union", "EU"),
        ("European Parliament", "EU"),
        ("European Union", "EU"),
        ("G7", "G7"),
        ("United Nations", "UN"),
    ],
)
def test_organisations_are_actors(taxonomy, name, country):
    actor = taxonomy.actor_by_name(name)
    assert actor is not None
    assert (actor.type, actor.country) == ("organization", country)


def test_uncertain_dates_are_marked(taxonomy):
    notes = [o.note for a in taxonomy.actors.values() for o in a.offices if o.note]
    assert any(n.startswith("date uncertain") for n in notes)
    kristersson = taxonomy.actor_by_name("Ulf Kristersson")  # the 2026 Swedish election is not recorded
    assert "date uncertain" in kristersson.offices[-1].note


def test_a_checked_change_of_government_has_no_uncertainty_note(taxonomy):
    orban = taxonomy.actor_by_name("Viktor Orbán")
    assert orban.offices[-1].end_on == D("2026-05-09") and orban.offices[-1].note is None
    assert taxonomy.holder(country="HU", role="head_of_government", on=D("2026-05-09")).name == "Péter Magyar"
