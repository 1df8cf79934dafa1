"""Issue vocabulary and stance cues added in round 2 on unseen news. Every sentence is written for these tests."""

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
        # Europe (and Ukraine) taking part in the negotiations
        (
            "Austria said the Europeans should participate in whatever settlement is drafted.",
            ("Austria", "europe-in-negotiations", "support"),
        ),
        (
            "Portugal insisted that the Europeans must take part in shaping any deal.",
            ("Portugal", "europe-in-negotiations", "support"),
        ),
        (
            "Ireland said it is only logical that the EU is involved in the discussions.",
            ("Ireland", "europe-in-negotiations", "support"),
        ),
        # Ukraine in NATO as ambitions, Euro-Atlantic integration, becoming a member
        (
            "Russia demanded that Ukraine renounce its NATO ambitions for good.",
            ("Russia", "ukraine-nato-membership", "oppose"),
        ),
        (
            "Estonia said it backs Ukraine's Euro-Atlantic integration without reservation.",
            ("Estonia", "ukraine-nato-membership", "support"),
        ),
        (
            "Lithuania wants Ukraine to become a NATO member one day.",
            ("Lithuania", "ukraine-nato-membership", "support"),
        ),
        # territorial integrity: refusing the loss of territory
        (
            "Ukraine said it rejects any plan involving the loss of its territory.",
            ("Ukraine", "territorial-integrity", "support"),
        ),
        # defence spending as arming and modernising one's army
        (
            "Romania pledged the rapid modernization of the armed forces this decade.",
            ("Romania", "defense-spending", "support"),
        ),
        # security guarantees as lasting security
        (
            "France said the coalition will commit to the lasting security of Ukraine.",
            ("France", "security-guarantees", "support"),
        ),
    ],
)
def test_issue_vocabulary(rules, text, claim):
    assert claim in found(rules, text)


def test_nato_member_states_are_not_ukraine_membership(rules):
    text = "Ukraine thanked Poland, a NATO member state, for the new shipment of shells."
    assert "ukraine-nato-membership" not in issues(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # holding back: stalling, pausing, renouncing, reservations
        ("Slovakia stalled the new sanctions package for weeks.", ("Slovakia", "sanctions", "oppose")),
        (
            "Italy voiced reservations about sending European troops to Ukraine.",
            ("Italy", "troops-in-ukraine", "oppose"),
        ),
        ("Canada paused military aid to Ukraine last month.", ("Canada", "military-aid", "oppose")),
        # taking up again what was paused
        (
            "Norway announced it will resume military aid to Ukraine next week.",
            ("Norway", "military-aid", "support"),
        ),
        (
            "Canada said it would lift the pause on military aid to Ukraine.",
            ("Canada", "military-aid", "support"),
        ),
    ],
)
def test_stance_cues(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        # talks as the time or setting of another position are no position on talks
        "Finland said Ukraine must be armed before any peace talks start.",
        "Spain said, following lengthy talks in Rome, that more air defence is needed.",
        "Sweden said a NATO seat for Ukraine is not a realistic outcome of any negotiated settlement.",
        "Norway said the frozen assets were a key question in the talks on Ukraine's future.",
    ],
)
def test_talks_as_setting_are_no_position_on_talks(rules, text):
    assert "negotiations" not in issues(rules, text)


def test_curly_apostrophe_matches_the_lexicons(rules):
    # "Finland’s accession to NATO" is another applicant's membership, written with a typographic apostrophe
    text = "Ukraine’s envoy met Norway’s foreign minister, who recalled Sweden’s recent accession to NATO."
    assert "ukraine-nato-membership" not in issues(rules, text)
    assert ("Austria", "europe-in-negotiations", "support") in found(
        rules, "Austria said Kyiv’s participation in the talks is essential."
    )


@pytest.mark.parametrize(
    "text, absent",
    [
        # generic help as the purpose of another issue is no position on aid
        ("Belgium said it could send soldiers to Ukraine to help Ukraine hold the line.", "military-aid"),
        ("Norway wants the frozen Russian assets used to support Ukraine.", "military-aid"),
    ],
)
def test_generic_help_beside_another_issue(rules, text, absent):
    assert absent not in issues(rules, text)


def test_generic_help_alone_or_in_its_own_quotation_still_counts(rules):
    assert ("Norway", "military-aid", "support") in found(rules, "Norway pledged to keep supporting Ukraine.")
    text = "Asked about a ceasefire, Prime Minister Jonas Gahr Store said: “We will keep helping Ukraine.”"
    assert "military-aid" in issues(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # a precondition is what the holder insists on, whatever the refusal it conditions
        (
            "Lithuania said there can be no settlement until Russian troops leave Ukraine, and rejected the plan.",
            ("Lithuania", "territorial-integrity", "support"),
        ),
        (
            "Finland said it will not resume trade unless Russia withdraws its troops from Ukraine.",
            ("Finland", "territorial-integrity", "support"),
        ),
    ],
)
def test_precondition_is_support(rules, text, claim):
    assert claim in found(rules, text)


def test_avoiding_a_decision_opposes(rules):
    text = "Slovakia demanded that the council avoid a decision on opening accession talks with Ukraine."
    assert ("Slovakia", "ukraine-eu-membership", "oppose") in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        # a ceasefire as a point in time is no position on it
        "Norway said that upon a ceasefire it would station instructors in western Ukraine.",
        "Denmark said that in case of a ceasefire its engineers would help clear mines.",
    ],
)
def test_ceasefire_as_a_point_in_time(rules, text):
    assert "ceasefire" not in issues(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        # what someone is confronted with or pressed into is not their position
        "Ukrainian President Volodymyr Zelensky was confronted with repeated offers of a ceasefire from abroad.",
        "Norway is under pressure to send more troops to Ukraine, its government said.",
    ],
)
def test_what_is_received_is_no_position(rules, text):
    claims = found(rules, text)
    assert not any(issue in {"ceasefire", "troops-in-ukraine"} for _, issue, _ in claims)


def test_pressing_for_something_is_still_a_position(rules):
    text = "Norway pressed for a ceasefire in Ukraine before the winter."
    assert ("Norway", "ceasefire", "support") in found(rules, text)


def test_stance_on_a_quoted_topic_is_a_topic(rules):
    text = "Austria's stance on 'frozen assets' surprises its partners."
    assert "frozen-assets" not in issues(rules, text)


def test_a_phrase_inside_another_issues_gap_counts_too(rules):
    text = "Latvia demands that Russia immediately cease hostilities, withdraw its army and pay reparations."
    claims = found(rules, text)
    assert ("Latvia", "ceasefire", "support") in claims
    assert ("Latvia", "territorial-integrity", "support") in claims
