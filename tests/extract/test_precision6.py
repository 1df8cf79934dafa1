"""Round 6 (precision6): false positives of the wrong holder. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import actors, found


@pytest.mark.parametrize(
    "text, absent",
    [
        # One side's account of another country's wish or readiness: not a position the other side states.
        ("Volodymyr Zelensky said on Monday that Vladimir Putin wants a ceasefire on his own terms.", "Vladimir Putin"),
        ("Emmanuel Macron warns Putin is ready to accept a truce only to rearm.", "Vladimir Putin"),
        ("Keir Starmer said that Viktor Orban is prepared to veto the new sanctions package.", "Viktor Orbán"),
        ("Antony Blinken said that the alliance is open to talks with Moscow.", "NATO"),
        ("The Estonian prime minister stated that Viktor Orban favours lifting the sanctions.", "Viktor Orbán"),
    ],
)
def test_reported_wish_of_another_country_is_not_coded(rules, text, absent):
    assert absent not in actors(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # The holder states it himself, or reports his own country's wish, or the speaker demands it of another.
        ("Vladimir Putin said he is ready to hold peace talks.", ("Vladimir Putin", "negotiations", "support")),
        ("Sergey Lavrov said Moscow wants peace talks.", ("Sergey Lavrov", "negotiations", "support")),
        ("Donald Tusk said Germany must send more weapons to Ukraine.", ("Donald Tusk", "military-aid", "support")),
        ("Hungary is prepared to veto the new sanctions package.", ("Hungary", "sanctions", "oppose")),
        # A person reporting a government's readiness keeps it (the rule before this round).
        (
            "Marta Kos said that Ukraine is ready to open accession talks.",
            ("Marta Kos", "ukraine-eu-membership", "support"),
        ),
    ],
)
def test_own_positions_stay(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # A verb of saying after a comma opens a new clause: the first clause's cue is about its own object.
        (
            "Dmitry Peskov criticised the announcement, stating that such steps would harm the chances of "
            "negotiations with Ukraine.",
            ("Russia", "negotiations", "support"),
            ("Russia", "negotiations", "oppose"),
        ),
        (
            "Robert Fico vowed to block Ukraine's NATO membership, claiming that such a move would start a world war.",
            ("Robert Fico", "ukraine-nato-membership", "oppose"),
            ("Robert Fico", "ukraine-nato-membership", "support"),
        ),
        # Negative cases: a position verb before the issue in the same clause still decides.
        (
            "Olaf Scholz rejected the idea of sending troops to Ukraine, saying it would escalate the war.",
            ("Olaf Scholz", "troops-in-ukraine", "oppose"),
            ("Olaf Scholz", "troops-in-ukraine", "support"),
        ),
        (
            "The Kremlin condemned the new sanctions, saying they would undermine the peace talks on Ukraine.",
            ("Russia", "sanctions", "oppose"),
            ("Russia", "sanctions", "support"),
        ),
    ],
)
def test_a_speech_participle_opens_a_new_clause(rules, text, present, absent):
    claims = found(rules, text)
    assert present in claims
    assert absent not in claims


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # An object named by a possessive title after another object is an object too: not "he" later.
        (
            "Mevlut Cavusoglu met Sergey Lavrov and his Ukrainian counterpart Dmytro Kuleba in Antalya. "
            "“Talks between Russia and Ukraine must continue,” he said.",
            ("Mevlüt Çavuşoğlu", "negotiations", "support"),
            ("Dmytro Kuleba", "negotiations", "support"),
        ),
        (
            "Kyriakos Mitsotakis spoke about Russia and its ruler, Vladimir Putin. "
            "“Ukraine must negotiate with Russia from a position of strength,” he said.",
            ("Kyriakos Mitsotakis", "negotiations", "support"),
            ("Vladimir Putin", "negotiations", "support"),
        ),
        # "alongside X" after a verb is an object; between commas after a subject it is one more subject.
        (
            "Mark Carney spoke alongside Volodymyr Zelensky in Ottawa, announcing what he said was new military aid "
            "for Ukraine.",
            ("Mark Carney", "military-aid", "support"),
            ("Volodymyr Zelensky", "military-aid", "support"),
        ),
        (
            "Emmanuel Macron, alongside Olaf Scholz, called for a ceasefire in Ukraine.",
            ("Olaf Scholz", "ceasefire", "support"),
            ("Olaf Scholz", "ceasefire", "oppose"),
        ),
        (
            "Emmanuel Macron, alongside Olaf Scholz, called for a ceasefire in Ukraine.",
            ("Emmanuel Macron", "ceasefire", "support"),
            ("Emmanuel Macron", "ceasefire", "oppose"),
        ),
        # Negative case: a new clause after the possessive title keeps its own subject.
        (
            "Talks with Sergey Lavrov and his deputy went well, and Olaf Scholz said that peace talks on Ukraine "
            "must start.",
            ("Olaf Scholz", "negotiations", "support"),
            ("Sergey Lavrov", "negotiations", "support"),
        ),
    ],
)
def test_objects_are_not_antecedents(rules, text, present, absent):
    claims = found(rules, text)
    assert present in claims
    assert absent not in claims


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # Another country's act in a later clause is not what the speaker reports as her own.
        (
            "Giorgia Meloni reiterated her opposition to Italian troops in Ukraine, while the United States promised "
            "to back the force.",
            ("Giorgia Meloni", "troops-in-ukraine", "oppose"),
            ("Giorgia Meloni", "troops-in-ukraine", "support"),
        ),
        # A government that speaks itself in that clause keeps its words.
        (
            "Kaja Kallas said the figure was large, though Germany has warned that seizing the frozen Russian assets "
            "would be illegal.",
            ("Germany", "frozen-assets", "oppose"),
            ("Kaja Kallas", "frozen-assets", "oppose"),
        ),
        # Negative cases: the government heads the reported clause; the speaker's own government.
        (
            "Pedro Sanchez said Spain will send more tanks to Ukraine.",
            ("Pedro Sánchez", "advanced-weapons", "support"),
            ("Spain", "advanced-weapons", "oppose"),
        ),
        (
            "Marta Kos said that Ukraine is ready to open accession talks.",
            ("Marta Kos", "ukraine-eu-membership", "support"),
            ("Ukraine", "ukraine-eu-membership", "support"),
        ),
    ],
)
def test_a_later_clause_of_another_country_is_not_reported(rules, text, present, absent):
    claims = found(rules, text)
    assert present in claims
    assert absent not in claims
