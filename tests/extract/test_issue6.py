"""Round 6 (issue6): issue phrase families found missing or too broad on the round-6 pool. Every sentence is
written for these tests; each family has look-alikes where the same words name no position on the issue."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found, issues


# A peace deal as the frame of another position is no position on talks (or a truce).
@pytest.mark.parametrize(
    "issue, text",
    [
        ("negotiations", "Spain said Ukraine's borders must be respected in any peace deal."),
        ("negotiations", "Denmark said its soldiers could go to Ukraine in the event of a peace agreement."),
        ("negotiations", "Norway said allies must be ready for the moment a peace agreement is reached."),
        ("negotiations", "Finland said a firm pledge of protection belongs in the peace plan."),
        ("negotiations", "Belgium would send engineers if Kyiv and Moscow reach a truce or peace deal."),
        ("ceasefire", "Belgium would send engineers if Kyiv and Moscow reach a truce or peace deal."),
        ("ceasefire", "Portugal would send medics if the two sides reach a ceasefire."),
        ("ceasefire", "Austria said it could help with monitoring a ceasefire from across the border."),
        ("ceasefire", "Ireland offered officers to enforce any future ceasefire."),
    ],
)
def test_peace_deal_as_a_frame_is_no_position_on_it(rules, issue, text):
    assert issue not in issues(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("Spain", "negotiations", "support"), "Spain said it backed a peace deal between Kyiv and Moscow."),
        (("Portugal", "ceasefire", "support"), "Portugal called on both sides to reach a ceasefire."),
        (("Norway", "negotiations", "support"), "Norway said it was ready to help broker a peace agreement."),
    ],
)
def test_peace_deal_itself_is_still_a_position(rules, claim, text):
    assert claim in found(rules, text)


# Generic help spelled with "to", or with Kyiv/Kiev for Ukraine, is military aid when the clause names no other issue.
@pytest.mark.parametrize(
    "claim, text",
    [
        (("Norway", "military-aid", "support"), "Norway said it would keep up its strong support to Ukraine."),
        (("Latvia", "military-aid", "support"), "Latvia stressed the importance of continued support for Kyiv."),
        (("Croatia", "military-aid", "support"), "Croatia said it would go on supporting Kiev."),
    ],
)
def test_generic_help_to_kyiv_is_military_aid(rules, claim, text):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Latvia said its support for Kyiv's bid to join the EU was unwavering.",
        "Norway said its support to Ukraine includes guarantees of its future security.",
    ],
)
def test_generic_help_yields_to_a_named_issue(rules, text):
    assert "military-aid" not in issues(rules, text)


# Commitments to Ukraine's future defence in other nouns are security guarantees.
@pytest.mark.parametrize(
    "claim, text",
    [
        (("Sweden", "security-guarantees", "support"), "Sweden said it would sign bilateral security pacts with Kyiv."),
        (
            ("Canada", "security-guarantees", "support"),
            "Canada said it would offer Ukraine long-term commitments to build up its army.",
        ),
        (("Poland", "security-guarantees", "support"), "Poland urged Washington to provide a backstop for Ukraine."),
        (
            ("Czechia", "security-guarantees", "support"),
            "Czechia signed an agreement on security and defence with Ukraine.",
        ),
    ],
)
def test_security_commitments_in_other_nouns(rules, claim, text):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Italy said the EU budget would serve as a financial backstop for the loan to Ukraine.",
        "Belgium said the liquidity backstop would protect the euro.",
    ],
)
def test_a_financial_backstop_is_no_security_guarantee(rules, text):
    assert "security-guarantees" not in issues(rules, text)


# Europe defending itself, taking responsibility for its own security, or finding the resources for its defence.
@pytest.mark.parametrize(
    "claim, text",
    [
        (("Greece", "defense-spending", "support"), "Greece said we must find more resources for our common defence."),
        (("Belgium", "defense-spending", "support"), "Belgium said Europe must learn how to defend itself."),
        (("Sweden", "defense-spending", "support"), "Sweden called for greater European independence in security."),
        (
            ("Norway", "defense-spending", "support"),
            "Norway said Europeans must take more responsibility for their own security.",
        ),
    ],
)
def test_europe_defending_itself_is_defence_spending(rules, claim, text):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Belgium said Ukraine must be able to defend itself against the invasion.",
        "Sweden said the refugees were a shared European responsibility.",
    ],
)
def test_ukraine_defending_itself_is_no_defence_spending(rules, text):
    assert "defense-spending" not in issues(rules, text)


# Occupied land named alone is the war's geography; recognising it cedes it.
@pytest.mark.parametrize(
    "claim, text",
    [
        (
            ("Hungary", "territorial-integrity", "oppose"),
            "Hungary called for the recognition of the occupied territories as part of a deal.",
        ),
        (
            ("Slovakia", "territorial-integrity", "oppose"),
            "Slovakia said the West should recognise the occupied regions as a fact.",
        ),
        (
            ("Poland", "territorial-integrity", "support"),
            "Poland said it would help Ukraine liberate its occupied territories.",
        ),
        (
            ("Latvia", "territorial-integrity", "support"),
            "Latvia said Ukraine must take back all of its occupied territories.",
        ),
    ],
)
def test_recognising_occupied_land_cedes_it(rules, claim, text):
    assert claim in found(rules, text)


def test_occupied_land_named_alone_is_no_position(rules):
    text = "Estonia said it would train medics who work near the occupied territories."
    assert "territorial-integrity" not in issues(rules, text)
