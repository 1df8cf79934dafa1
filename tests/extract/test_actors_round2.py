"""Who holds a position in unseen news, round 2: every sentence is written for these tests."""

from __future__ import annotations

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2024-06-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def actors(rules, text: str, on: str | None = "2024-06-01") -> set[str]:
    return {actor for actor, _, _ in found(rules, text, on)}


# --- a joint text speaks for the governments that signed it ----------------------------------------------------


def test_a_joint_statement_quoted_after_its_signatories_speaks_for_each(rules):
    text = (
        "The foreign ministry in Oslo released a joint statement on Friday.\n"
        "Diplomats from Norway, Sweden and Finland wrote to Washington after the meeting.\n"
        "“We insist that Ukraine must take part in any peace negotiations,” the joint statement reads."
    )
    assert {"Norway", "Sweden", "Finland"} <= actors(rules, text)


def test_the_statement_later_in_the_article_keeps_its_signatories(rules):
    text = (
        "Norway, Sweden and Finland issued a joint statement after the summit.\n"
        "The statement also stresses the need for security guarantees for Ukraine."
    )
    assert {"Norway", "Sweden", "Finland"} <= actors(rules, text)


def test_leaders_who_said_it_in_a_joint_statement_are_its_authors(rules):
    text = (
        "The governments of Belgium and Portugal are sending aid, Pedro Sánchez and Mette Frederiksen said in a "
        "joint statement on Monday.\n"
        "“We will provide more F-16 fighter jets to Ukraine,” the statement says."
    )
    assert {"Pedro Sánchez", "Mette Frederiksen"} <= actors(rules, text)
    assert not {"Belgium", "Portugal"} & actors(rules, text)


def test_a_statement_without_a_joint_text_is_not_given_to_a_list(rules):
    text = (
        "Norway, Sweden and Finland held talks on Friday.\n"
        "The statement also stresses the need for security guarantees for Ukraine."
    )
    assert not {"Norway", "Sweden", "Finland"} & actors(rules, text)


def test_those_thanked_inside_a_quotation_for_their_commitment_hold_it(rules):
    text = "“We thank Belgium and Norway for committing to provide more fighter jets to Ukraine,” Biden said."
    assert {"Belgium", "Norway"} <= actors(rules, text)


def test_officials_from_a_country_are_its_voice(rules):
    text = "Senior diplomats from Portugal and Spain said they backed sending troops to Ukraine."
    assert {"Portugal", "Spain"} <= actors(rules, text)


def test_talks_with_a_country_still_make_it_an_object(rules):
    text = "Portugal wants peace talks with Russia to begin soon."
    assert "Russia" not in actors(rules, text)


# --- "his/her government" is the government of the person last named -------------------------------------------


def test_her_government_is_the_government_of_the_person_named_before(rules):
    text = "Kaja Kallas won a confidence vote on Tuesday. Her government agreed to send troops to Ukraine."
    assert ("Estonia", "troops-in-ukraine", "support") in found(rules, text, "2023-05-01")


def test_his_government_without_a_person_named_before_is_nobody(rules):
    text = "His government agreed to send troops to Ukraine."
    assert found(rules, text) == set()


# --- "the French leader": whoever leads that country ------------------------------------------------------------


def test_a_national_leader_is_the_president_where_the_president_leads(rules):
    text = "The French leader said Paris was ready to send troops to Ukraine."
    assert actors(rules, text) == {"Emmanuel Macron"}


def test_a_national_leader_is_the_head_of_government_elsewhere(rules):
    text = "The German leader said Berlin would not send troops to Ukraine."
    assert actors(rules, text) == {"Olaf Scholz"}


def test_an_opposition_leader_is_not_the_countrys_leader(rules):
    text = "The Hungarian opposition leader said troops should be sent to Ukraine."
    assert "Viktor Orbán" not in actors(rules, text)


# --- "his demands": a noun after a possessive, owned by the pronoun's person ------------------------------------


def test_his_demands_belong_to_the_person_named_with_a_possessive_before(rules):
    text = (
        "The envoy described Donald Trump's red lines and his demands that NATO members spend more on "
        "their armies and raise their defense spending."
    )
    assert ("Donald Trump", "defense-spending", "support") in found(rules, text, "2025-03-01")


def test_demands_after_his_is_a_noun_not_a_verb_of_its_subject(rules):
    text = "Pete Hegseth repeated his demands that allies increase defence spending."
    assert actors(rules, text, "2025-03-01") == {"Pete Hegseth"}


def test_the_agent_of_a_proposal_named_with_its_article_holds_it_too(rules):
    text = "Kyiv said it had accepted a two-week ceasefire proposed by the United States."
    assert {("Ukraine", "ceasefire", "support"), ("United States", "ceasefire", "support")} <= found(rules, text)


def test_the_eu_executive_is_the_european_commission(rules):
    text = "The EU's executive arm proposed to use frozen Russian assets to help Ukraine."
    assert actors(rules, text) == {"European Commission"}


def test_a_cue_word_after_an_article_is_a_noun_not_the_subjects_verb(rules):
    text = "Scholz met Tusk on Friday, but the doubt about a ceasefire in Ukraine stayed."
    assert "Olaf Scholz" not in actors(rules, text, "2023-06-01")


def test_a_verb_of_the_subject_still_counts(rules):
    text = "Scholz doubted that a ceasefire in Ukraine would hold."
    assert "Olaf Scholz" in actors(rules, text, "2023-06-01")
