"""Round 3 issue vocabulary: acts of aid named by what is given, escalatory systems named by their use, personnel
and units, concessions, talks named by their purpose, European defence, EU ambitions; and look-alikes that name no
issue. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def issues(rules, text: str) -> set[str]:
    return {issue for _, issue, _ in found(rules, text)}


@pytest.mark.parametrize(
    "text, claim",
    [
        # military aid as an act: the thing given, or a transfer to Ukraine
        (
            "Denmark announced it will donate its next defence materiel package to Ukraine.",
            ("Denmark", "military-aid", "support"),
        ),
        (
            "Portugal said it was ready to provide anti-aircraft systems to the Ukrainian army.",
            ("Portugal", "military-aid", "support"),
        ),
        ("Latvia pledged to give Kyiv more rocket launchers this spring.", ("Latvia", "military-aid", "support")),
        (
            "Austria said it would never transfer anything to Ukraine that could be used in combat.",
            ("Austria", "military-aid", "oppose"),
        ),
        ("Norway decided to send military aid to Ukraine.", ("Norway", "military-aid", "support")),
        # capabilities given to Ukraine are aid, not a country's own defence spending
        (
            "Sweden pledged to provide long-term defence capabilities for Ukraine.",
            ("Sweden", "military-aid", "support"),
        ),
        # frozen Russian money of any name, and its windfall revenues
        (
            "Belgium backed a fund for Ukraine financed by frozen Russian reserves.",
            ("Belgium", "frozen-assets", "support"),
        ),
        (
            "Italy endorsed using the windfall revenues for Kyiv's reconstruction.",
            ("Italy", "frozen-assets", "support"),
        ),
        # escalatory systems: the pilots who fly them, deep strikes
        ("Belgium offered to train Ukrainian pilots next year.", ("Belgium", "advanced-weapons", "support")),
        ("Estonia called for giving Ukraine deep strike capabilities.", ("Estonia", "advanced-weapons", "support")),
        # troops: personnel and units, deployments in the passive
        (
            '"No NATO personnel should be sent to Ukraine," an Austrian government spokesman said.',
            ("Austria", "troops-in-ukraine", "oppose"),
        ),
        (
            "Russia warned that any Western units in Ukraine would become legitimate targets.",
            ("Russia", "troops-in-ukraine", "oppose"),
        ),
        (
            "Ireland ruled out contributing any troops to a mission in Ukraine.",
            ("Ireland", "troops-in-ukraine", "oppose"),
        ),
        # territory: concessions, compromises, realities, retaking land, withdrawing
        (
            "Lithuania said Kyiv should not make any concessions to Moscow.",
            ("Lithuania", "territorial-integrity", "support"),
        ),
        (
            "Hungary said Ukraine will have to make painful concessions for peace.",
            ("Hungary", "territorial-integrity", "oppose"),
        ),
        (
            "Russia said any settlement must take into account the new territorial realities.",
            ("Russia", "territorial-integrity", "oppose"),
        ),
        ("Poland said there can be no compromises with Putin.", ("Poland", "territorial-integrity", "support")),
        (
            "Finland demanded that Russia end the invasion by withdrawing its troops.",
            ("Finland", "territorial-integrity", "support"),
        ),
        (
            "Ukraine vowed to take back all of its occupied territories.",
            ("Ukraine", "territorial-integrity", "support"),
        ),
        # talks named by their purpose or their form
        (
            "Latvia said it is pointless to talk about peace with Russia now.",
            ("Latvia", "negotiations", "oppose"),
        ),
        ("Ukraine said it is ready to talk in any format.", ("Ukraine", "negotiations", "support")),
        (
            "Olaf Scholz said he wants a phone call with Russian President Vladimir Putin soon.",
            ("Olaf Scholz", "negotiations", "support"),
        ),
        # European defence
        ("Belgium called for the creation of a European army.", ("Belgium", "defense-spending", "support")),
        ("Estonia said the drone wall must be built quickly.", ("Estonia", "defense-spending", "support")),
        ("Poland wants to extend its eastern defence line.", ("Poland", "defense-spending", "support")),
        # EU membership as ambitions or becoming a member state
        (
            "Slovakia said it backs Ukraine's EU ambitions.",
            ("Slovakia", "ukraine-eu-membership", "support"),
        ),
        (
            "Croatia wants Ukraine to become an EU member state after the war.",
            ("Croatia", "ukraine-eu-membership", "support"),
        ),
        # NATO's door, and accession to NATO rather than to the EU
        ("Norway said NATO's door remains open to Ukraine.", ("Norway", "ukraine-nato-membership", "support")),
        (
            "Estonia wants Ukraine to become a full NATO member.",
            ("Estonia", "ukraine-nato-membership", "support"),
        ),
        (
            "Spain signed a declaration backing Ukraine's accession to NATO.",
            ("Spain", "ukraine-nato-membership", "support"),
        ),
        # guarantees as commitments of defence
        (
            "Canada said Ukraine should secure defence commitments from its partners.",
            ("Canada", "security-guarantees", "support"),
        ),
        (
            "Latvia said the security of Ukraine must be ensured after the war.",
            ("Latvia", "security-guarantees", "support"),
        ),
        # Western instructors training soldiers inside Ukraine
        (
            "Lithuania said part of the training in Ukraine should be done by its instructors.",
            ("Lithuania", "troops-in-ukraine", "support"),
        ),
        # buying Russian energy is the opposite of an embargo
        (
            "Serbia wants to keep buying Russian oil for years.",
            ("Serbia", "sanctions", "oppose"),
        ),
        (
            "Latvia said that importing Russian gas again would be a grave mistake.",
            ("Latvia", "sanctions", "support"),
        ),
        # Europe's place in the talks; "no X about Ukraine without Ukraine" insists on it
        (
            '"There can be no deal about Ukraine without Ukraine," Finland said.',
            ("Finland", "europe-in-negotiations", "support"),
        ),
        (
            "Belgium said that without Europe, no decision on European security can be taken.",
            ("Belgium", "europe-in-negotiations", "support"),
        ),
        (
            "Ireland stressed that Ukraine must be at the centre of any negotiations.",
            ("Ireland", "europe-in-negotiations", "support"),
        ),
    ],
)
def test_round3_issue_vocabulary(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a hypothetical peace deal is the setting of another position, not talks
        ("Sweden said it would join a force after an eventual peace deal.", "negotiations"),
        ("Romania wants guarantees as part of a potential peace agreement.", "negotiations"),
        # a condition on any deal is a position on its content, not on talks
        ("Romania said any peace deal must respect international law.", "negotiations"),
        # guarantees about gas, or to Russia, are no security guarantees for Ukraine
        ("Slovakia insisted on gas guarantees from Brussels.", "security-guarantees"),
        ("France said Europe should consider guarantees to Russia one day.", "security-guarantees"),
        # "NATO member X" describes X, it is no position on Ukraine's membership
        ("NATO member Greece said it would supply Ukraine with artillery.", "ukraine-nato-membership"),
        # a hyphenated compound's tail is no word of a gap phrase ("send .. aircraft")
        ("Greece said it would send anti-aircraft guns to Ukraine.", "advanced-weapons"),
        # a country's own defence capabilities are no aid
        ("Sweden pledged to strengthen its defence capabilities.", "military-aid"),
        # sending military aid is not sending troops
        ("Finland approved a proposal to send military aid to Ukraine.", "troops-in-ukraine"),
        # soldiers at risk elsewhere are no troops in Ukraine
        ("Norway said the remarks put European soldiers at risk.", "troops-in-ukraine"),
    ],
)
def test_round3_look_alikes(rules, text, absent):
    assert absent not in issues(rules, text)


def test_a_gap_phrase_holds_no_negation(rules):
    # "troops .. be sent" must not swallow the "not": the refusal would be read as support.
    assert ("Austria", "troops-in-ukraine", "support") not in found(
        rules, "Austria said troops should not be sent to Ukraine."
    )
    assert ("Austria", "troops-in-ukraine", "support") in found(rules, "Austria said troops could be sent to Ukraine.")


def test_matcher_gaps_skip_compound_tails_and_negations():
    from app.extract.matcher import PhraseMatcher

    matcher = PhraseMatcher([("provide .. aircraft", "jets"), ("troops .. be sent", "troops")])
    assert [h.payload for h in matcher.find("They will provide fighter aircraft.")] == ["jets"]
    assert matcher.find("They will provide anti-aircraft guns.") == []
    assert [h.payload for h in matcher.find("Troops could be sent.")] == ["troops"]
    assert matcher.find("Troops should not be sent.") == []
    assert matcher.find("Troops won't be sent.") == []


@pytest.mark.parametrize(
    "text, claim, absent",
    [
        # "reassurance" inside "reassurance force" is no guarantee the reference could carry
        (
            "The United Kingdom proposed a reassurance force for Ukraine. Sweden said it backs the force.",
            ("Sweden", "troops-in-ukraine", "support"),
            ("Sweden", "security-guarantees", "support"),
        ),
        # a ceasefire as a point in time (a look-alike) is no issue the reference could carry
        (
            "Britain wants to deploy troops after a ceasefire. Poland rejected the plan.",
            ("Poland", "troops-in-ukraine", "oppose"),
            ("Poland", "ceasefire", "oppose"),
        ),
    ],
)
def test_a_back_reference_carries_only_the_phrases_that_stand(rules, text, claim, absent):
    claims = found(rules, text)
    assert claim in claims
    assert absent not in claims
