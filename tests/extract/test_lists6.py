"""Round 6 (lists6): positions held by several actors at once. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


# A list that goes on under a second plural head is one group of holders.
@pytest.mark.parametrize(
    "text, holders",
    [
        (
            "The meeting was attended by the foreign ministers of Portugal, Greece and Croatia, as well as envoys"
            " from Malta and Cyprus, who voiced support for new sanctions on Russia.",
            ["Portugal", "Greece", "Croatia"],
        ),
        (
            "The presidents of Portugal and Greece, and the prime ministers of Croatia and Slovenia called for new"
            " sanctions against Russia.",
            ["Portugal", "Greece", "Croatia", "Slovenia"],
        ),
        (
            "The defence ministers of Portugal and Greece, as well as representatives from Croatia, backed sending"
            " more air defence systems to Ukraine.",
            ["Portugal", "Greece", "Croatia"],
        ),
    ],
)
def test_a_list_under_a_second_plural_head_is_one_group(rules, text, holders):
    claims = found(rules, text)
    countries = {actor for actor, _, _ in claims}
    assert set(holders) <= countries


def test_a_second_plural_head_after_a_verb_is_no_list(rules):
    # "and the ministers of Croatia" after a verb's object is another clause's object, not one more subject.
    claims = found(
        rules, "Greece called for new sanctions against Russia and criticised the ministers of Croatia for delays."
    )
    assert ("Greece", "sanctions", "support") in claims
    assert not any(actor == "Croatia" for actor, _, _ in claims)


def test_presidents_of_a_country_are_its_voice(rules):
    # "the presidents of X and Y": plural heads speak for each country, as "the leaders of" does.
    claims = found(rules, "The presidents of Portugal and Greece urged the EU to open accession talks with Ukraine.")
    assert ("Portugal", "ukraine-eu-membership", "support") in claims
    assert ("Greece", "ukraine-eu-membership", "support") in claims


# Actors attached to the subject share its position.
@pytest.mark.parametrize(
    "text, claim",
    [
        # Fronted "Along with X, Y ..."
        (
            "Along with Slovakia, Hungary opposed the new package of sanctions on Russia.",
            ("Slovakia", "sanctions", "oppose"),
        ),
        # An insertion between the subject and its verb.
        (
            "Portugal and Greece, backed by the Netherlands, called for an immediate ceasefire.",
            ("Netherlands", "ceasefire", "support"),
        ),
        (
            "The Greek government — supported by Croatia — rejected any talks with Moscow for now.",
            ("Croatia", "negotiations", "oppose"),
        ),
        # Co-signers listed after the verb's object.
        (
            "Prime Minister Luís Montenegro signed the declaration on air defence for Ukraine, together with his"
            " counterparts Kyriakos Mitsotakis and the Croatian, Andrej Plenković.",
            ("Kyriakos Mitsotakis", "military-aid", "support"),
        ),
    ],
)
def test_companions_of_the_subject_share_its_position(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, not_actor",
    [
        # "accompanied by" is presence, not a position.
        ("Mitsotakis, accompanied by Plenković, called for an immediate ceasefire.", "Andrej Plenković"),
        # A fronted "along with" that names no actor adds nobody.
        ("Along with the sanctions, Greece opposed new talks with Moscow.", "Portugal"),
        # "together with" a thing, not an actor, adds nobody; an actor of another kind is not a co-signer.
        (
            "Mitsotakis signed the declaration on air defence for Ukraine, together with a statement from Portugal.",
            "Portugal",
        ),
        # "backed by" an actor after the verb is no insertion between the subject and its verb.
        ("Greece called for a ceasefire, a plan backed by Portugal in the past.", "Portugal"),
    ],
)
def test_no_companion(rules, text, not_actor):
    assert not any(actor == not_actor for actor, _, _ in found(rules, text))


# Joint statements: whose voice a sentence citing one is.
def test_inverted_says_the_statement(rules):
    claims = found(
        rules,
        "Portugal and Greece issued a joint statement on Monday. “We call on Russia to agree to an immediate"
        " ceasefire,” says the statement.",
    )
    assert ("Portugal", "ceasefire", "support") in claims
    assert ("Greece", "ceasefire", "support") in claims


def test_a_statement_without_a_joint_one_names_no_authors(rules):
    claims = found(
        rules,
        "Portugal and Greece held talks on Monday. “We call on Russia to agree to an immediate ceasefire,” says the"
        " statement.",
    )
    assert not any(actor in ("Portugal", "Greece") for actor, _, _ in claims)


_FILLER = " ".join(f"The weather in the capital was mild on day {n} of the visit." for n in range(30))


def test_later_mentions_of_the_statement_lead_back_to_its_authors(rules):
    text = (
        "Portugal and Greece issued a joint statement on Monday. “We stand together,” says the statement. "
        + _FILLER[:1000]
        + " “We call on Russia to agree to an immediate ceasefire,” says the statement. "
        + _FILLER[:1000]
        + " “We call for new sanctions on Russia,” reads the statement."
    )
    claims = found(rules, text)
    assert ("Portugal", "sanctions", "support") in claims
    assert ("Greece", "sanctions", "support") in claims


def test_a_mention_too_far_from_any_other_names_no_authors(rules):
    text = (
        "Portugal and Greece issued a joint statement on Monday. "
        + _FILLER
        + " “We call for new sanctions on Russia,” reads the statement."
    )
    assert not any(actor in ("Portugal", "Greece") for actor, _, _ in found(rules, text))


def test_according_to_a_joint_statement_issued_by(rules):
    claims = found(
        rules,
        "Southern Europe will keep backing Ukraine's bid to join the EU, according to a joint statement issued by the"
        " presidents of Portugal and Greece, and the prime ministers of Croatia and Malta on Monday.",
    )
    for country in ("Portugal", "Greece", "Croatia", "Malta"):
        assert (country, "ukraine-eu-membership", "support") in claims


_JOINT_OPENING = (
    "Gathered in Lisbon, the Prime Minister of Portugal Luís Montenegro and the Prime Minister of Greece Kyriakos"
    " Mitsotakis mark the anniversary of the invasion.\nWe stand with Ukraine.\nWe honour the fallen.\n"
    "We remain united.\n"
)


def test_a_joint_statement_reporting_another_actor_is_not_its_authors_view(rules):
    claims = found(
        rules,
        _JOINT_OPENING + "Ukraine continues to show its willingness to hold peace talks.\n"
        "Russia is making no effort towards a ceasefire.\n",
    )
    assert not any(actor in ("Luís Montenegro", "Kyriakos Mitsotakis") for actor, _, _ in claims)


def test_a_joint_statement_demanding_of_another_actor_is_its_authors_view(rules):
    claims = found(rules, _JOINT_OPENING + "Ukraine must receive strong security guarantees.\n")
    assert ("Luís Montenegro", "security-guarantees", "support") in claims
    assert ("Kyriakos Mitsotakis", "security-guarantees", "support") in claims
