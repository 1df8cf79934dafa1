"""The rule-based extractor, one rule family at a time, on short sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import make_extractor
from app.taxonomy import load_taxonomy
from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2024-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


# --- attribution -------------------------------------------------------------------------------------------


def test_speech_verb_attributes_to_its_subject(rules):
    text = "Olaf Scholz said on Tuesday that a ceasefire was needed now."
    assert found(rules, text) == {("Olaf Scholz", "ceasefire", "support")}


def test_inverted_speech_verb_and_according_to(rules):
    text = "Talks with Moscow remain the only way out, said Emmanuel Macron."
    assert ("Emmanuel Macron", "negotiations", "support") in found(rules, text)
    text = "According to the German government, sanctions must be extended for another year."
    assert found(rules, text) == {("Germany", "sanctions", "support")}


def test_quotation_belongs_to_the_speaker_after_it(rules):
    text = "“We will never accept territorial concessions,” Volodymyr Zelensky told reporters in Kyiv."
    assert found(rules, text) == {("Volodymyr Zelensky", "territorial-integrity", "support")}


def test_quotation_spanning_sentences_and_its_continuation(rules):
    text = (
        "Donald Tusk spoke after the summit. “Poland will keep sending weapons. There is no alternative,” "
        "Tusk said.\n“Our own defence spending will rise again next year.”"
    )
    claims = found(rules, text)
    assert ("Donald Tusk", "military-aid", "support") in claims
    assert ("Donald Tusk", "defense-spending", "support") in claims


def test_position_described_as_the_actors(rules):
    text = "Scholz firmly opposes the delivery of Taurus missiles."
    assert found(rules, text) == {("Olaf Scholz", "advanced-weapons", "oppose")}


def test_lists_of_named_governments_are_each_coded(rules):
    text = "Italy, Bulgaria and Malta opposed the plan to use frozen Russian assets."
    assert found(rules, text) == {
        ("Italy", "frozen-assets", "oppose"),
        ("Bulgaria", "frozen-assets", "oppose"),
        ("Malta", "frozen-assets", "oppose"),
    }


def test_what_a_speaker_reports_of_his_own_government_is_his(rules):
    text = "Sergey Lavrov said Moscow was willing to continue negotiations."
    assert found(rules, text) == {("Sergey Lavrov", "negotiations", "support")}


def test_reported_event_about_other_actors_is_not_the_speakers_position(rules):
    text = "Dmitry Peskov confirmed that Viktor Orbán and Emmanuel Macron would hold talks."
    assert ("Russia", "negotiations", "support") not in found(rules, text)


# --- negation scope and stance -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Emmanuel Macron has not dismissed the idea of sending ground troops to Ukraine.", "support"),
        ("Emmanuel Macron said nothing should be ruled out, including ground troops.", "support"),
        ("Emmanuel Macron ruled out sending ground troops to Ukraine.", "oppose"),
        ("Emmanuel Macron said there could be no French troops in Ukraine.", "oppose"),
        ("Emmanuel Macron said ground troops in Ukraine were not unthinkable.", "support"),
        ("Emmanuel Macron said no decision had been taken on ground troops.", "neutral"),
        ("Emmanuel Macron opposed the proposal to send ground troops.", "oppose"),
    ],
)
def test_negation_scope(rules, text, stance):
    assert found(rules, text) == {("Emmanuel Macron", "troops-in-ukraine", stance)}


def test_issue_specific_polarity(rules):
    text = "Emmanuel Macron demanded the full withdrawal of Russian troops."
    assert found(rules, text) == {("Emmanuel Macron", "territorial-integrity", "support")}
    text = "Emmanuel Macron rejected any territorial concessions."
    assert found(rules, text) == {("Emmanuel Macron", "territorial-integrity", "support")}
    text = "Emmanuel Macron said Ukraine should accept territorial concessions."
    assert found(rules, text) == {("Emmanuel Macron", "territorial-integrity", "oppose")}


def test_warning_about_a_consequence_opposes(rules):
    text = "The Kremlin warned that if NATO sends troops, a war with the alliance would be inevitable."
    assert found(rules, text) == {("Russia", "troops-in-ukraine", "oppose")}


# --- actors: roles by date, metonyms, adjectives, spokespeople -----------------------------------------------


def test_role_resolved_by_the_documents_date(rules):
    text = "The German chancellor said Ukraine must get long-range missiles."
    assert found(rules, text, on="2024-03-01") == {("Olaf Scholz", "advanced-weapons", "support")}
    assert found(rules, text, on="2025-09-01") == {("Friedrich Merz", "advanced-weapons", "support")}


def test_possessive_title_and_institution_title(rules):
    text = "Germany's foreign minister said sanctions must stay."
    assert found(rules, text, on="2024-03-01") == {("Annalena Baerbock", "sanctions", "support")}
    text = "NATO chief said allies must raise defence spending."
    assert found(rules, text, on="2025-03-01") == {("Mark Rutte", "defense-spending", "support")}


def test_a_persons_country_is_the_office_held_then(rules):
    text = "Mark Rutte said there were no plans to send troops to Ukraine."
    (claim,) = rules(text, published_on=date(2024, 2, 27))
    assert (claim.actor, claim.country) == ("Mark Rutte", "NL")
    (claim,) = rules(text, published_on=date(2025, 2, 27))
    assert claim.country == "NATO"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Kremlin rejected the new sanctions package.", "Russia"),
        ("Downing Street welcomed the new sanctions package.", "United Kingdom"),
        ("Berlin backed the new sanctions package.", "Germany"),
        ("Warsaw called for a tougher sanctions package.", "Poland"),
        ("The Elysée said the sanctions package was necessary.", "France"),
    ],
)
def test_capitals_and_seats_are_governments(rules, text, actor):
    (claim,) = rules(text, published_on=date(2024, 3, 1))
    assert (claim.actor, claim.actor_type, claim.issue) == (actor, "government", "sanctions")


def test_officials_and_spokespeople_speak_for_their_government(rules):
    assert found(rules, "A French official said sending tanks would be a mistake.") == {
        ("France", "advanced-weapons", "oppose")
    }
    assert found(rules, "Dmitry Peskov said the sanctions were illegal.") == {("Russia", "sanctions", "oppose")}
    assert found(rules, "A spokesperson for the Polish government said more weapons would be sent.") == {
        ("Poland", "military-aid", "support")
    }


def test_person_found_by_title_only_is_created_with_the_title_country(rules):
    text = (
        "Lithuanian Defence Minister Jonas Petraitis said more ammunition must go to Kyiv. "
        "Petraitis added it was urgent."
    )
    (claim,) = rules(text, published_on=date(2024, 3, 1))
    assert (claim.actor, claim.country, claim.actor_slug) == ("Jonas Petraitis", "LT", None)


# --- coreference ---------------------------------------------------------------------------------------------


def test_pronoun_refers_to_the_last_person(rules):
    text = "Keir Starmer met Ukrainian soldiers on Monday. He said British peacekeeping troops could deploy."
    assert ("Keir Starmer", "troops-in-ukraine", "support") in found(rules, text)


def test_they_refers_to_people_named_together(rules):
    text = "Emmanuel Macron and Olaf Scholz spoke by phone. They called for an immediate ceasefire."
    assert found(rules, text) == {
        ("Emmanuel Macron", "ceasefire", "support"),
        ("Olaf Scholz", "ceasefire", "support"),
    }


def test_the_title_refers_back_to_the_person_named(rules):
    text = "Viktor Orbán arrived in Beijing. The Hungarian prime minister said sanctions were hurting Europe."
    assert ("Viktor Orbán", "sanctions", "oppose") in found(rules, text, on=None)


# --- what is not coded ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Western leaders called for an immediate ceasefire.",
        "Some allies want more sanctions.",
        "Eastern European countries rejected any talks with Moscow.",
    ],
)
def test_vague_collectives_are_not_coded(rules, text):
    assert found(rules, text) == set()


def test_named_member_of_a_collective_is_coded(rules):
    text = "Donald Tusk was among the leaders who ruled out sending troops to Ukraine."
    assert found(rules, text) == {("Donald Tusk", "troops-in-ukraine", "oppose")}


@pytest.mark.parametrize(
    "text",
    [
        "An analyst at a Berlin think tank said a ceasefire would only help Russia.",
        "Experts warned that sanctions on Russian oil were failing.",
        "A journalist asked whether Germany would send tanks.",
    ],
)
def test_analysts_journalists_and_experts_are_not_coded(rules, text):
    assert found(rules, text) == set()


def test_questions_hypotheticals_and_fears_are_not_coded(rules):
    assert found(rules, "Will Olaf Scholz finally send Taurus missiles?") == set()
    assert found(rules, "Diplomats fear Emmanuel Macron will push for Ukrainian neutrality.") == set()
    assert found(rules, "Europe must be ready, especially if Donald Trump seeks peacekeeping troops.") == set()
    assert found(rules, "Olaf Scholz has been criticised for delaying arms supplies.") == set()


# --- assembly ------------------------------------------------------------------------------------------------


def test_one_claim_per_actor_issue_and_stance_with_the_clearest_evidence(rules):
    text = (
        "Olaf Scholz has talked about a ceasefire before. "
        "Olaf Scholz said on Friday that an immediate ceasefire was essential. "
        "Scholz said a ceasefire was needed."
    )
    claims = rules(text, published_on=date(2024, 3, 1))
    assert [(c.actor, c.issue, c.stance) for c in claims] == [("Olaf Scholz", "ceasefire", "support")]


def test_both_sides_of_an_issue_are_kept(rules):
    text = (
        "Bart De Wever rejected the use of frozen assets. Later Bart De Wever said he could back the reparations loan."
    )
    assert found(rules, text) == {
        ("Bart De Wever", "frozen-assets", "oppose"),
        ("Bart De Wever", "frozen-assets", "support"),
    }


def test_evidence_offsets_explanation_and_confidence(rules):
    text = "Intro line.\nPolish President Andrzej Duda said sanctions must be tightened."
    (claim,) = rules(text, published_on=None)
    assert (
        text[claim.start : claim.end]
        == claim.evidence
        == "Polish President Andrzej Duda said sanctions must be tightened."
    )
    rules_fired = {e["rule"] for e in claim.explanation}
    assert {"actor", "attribution", "issue", "stance"} <= rules_fired
    assert 0 < claim.confidence <= 1
    assert claim.as_json()["country"] == "PL"


def test_empty_and_actorless_texts(rules):
    assert rules("", published_on=None) == []
    assert rules("A ceasefire was discussed.", published_on=None) == []


def test_unknown_options_are_refused():
    with pytest.raises(ValueError, match="takes no options"):
        make_extractor("rules", taxonomy=load_taxonomy(), temperature=1)


def test_relative_clause_names_its_own_holder(rules):
    text = "A Dutch diplomat said fighter jets, which Olaf Scholz has ruled out, were discussed."
    assert ("Olaf Scholz", "advanced-weapons", "oppose") in found(rules, text)


def test_states_of_mind_and_closing_reporting_clauses(rules):
    text = "Poland and Estonia doubt that talks with Moscow can succeed."
    assert found(rules, text) == {("Poland", "negotiations", "oppose"), ("Estonia", "negotiations", "oppose")}
    text = "Ukraine is ready to accept neutrality, President Volodymyr Zelensky said on Sunday."
    assert found(rules, text, on="2022-03-27") == {("Volodymyr Zelensky", "ukraine-neutrality", "support")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron refuses to rule out sending ground troops.", ("troops-in-ukraine", "support")),
        ("Donald Tusk said Poland did not plan to send soldiers to Ukraine.", ("troops-in-ukraine", "oppose")),
        (
            "Donald Tusk said a war would be inevitable if Western troops were deployed.",
            ("troops-in-ukraine", "oppose"),
        ),
        ("Donald Tusk urged allies to lift restrictions on long-range strikes.", ("advanced-weapons", "support")),
        (
            "Donald Tusk said Poland would not allow its weapons to be used inside Russia.",
            ("advanced-weapons", "oppose"),
        ),
        ("Donald Tusk said a ceasefire now would be a mistake.", ("ceasefire", "oppose")),
        ("Donald Tusk said Poland rejects any freezing of the conflict.", ("ceasefire", "oppose")),
    ],
)
def test_chains_of_cues(rules, text, expected):
    assert found(rules, text) == {("Donald Tusk" if "Tusk" in text else "Emmanuel Macron", *expected)}


def test_participle_with_by_is_passive(rules):
    text = "Leaders discussed a loan to Ukraine backed by frozen Russian assets."
    assert found(rules, text) == set()


def test_capitalised_lexicon_phrases_keep_their_case(rules):
    assert found(rules, "Joe Biden said the United States would send a Patriot battery.") == {
        ("Joe Biden", "military-aid", "support")
    }
    assert found(rules, "Viktor Orbán said Robert Fico was a true patriot.") == set()


def test_participle_takes_the_main_subject(rules):
    text = "Viktor Orbán praised Robert Fico, saying sanctions had failed."
    assert found(rules, text) == {("Viktor Orbán", "sanctions", "oppose")}


def test_insertion_between_commas_does_not_colour_the_stance(rules):
    text = "Mario Draghi, whose government had hesitated for weeks, said Italy would back new sanctions."
    assert found(rules, text, on="2022-03-01") == {("Mario Draghi", "sanctions", "support")}


def test_people_introduced_by_an_apposition(rules):
    text = "Anna Kowalczyk, a Polish presidential adviser, said sanctions must stay. Kowalczyk also backed a ceasefire."
    claims = {(c.actor, c.country, c.issue) for c in rules(text, published_on=date(2024, 3, 1))}
    assert claims == {("Anna Kowalczyk", "PL", "sanctions"), ("Anna Kowalczyk", "PL", "ceasefire")}
    text = "Jonas Berg, a spokesman for the Norwegian government, said more weapons would be sent."
    assert found(rules, text) == {("Norway", "military-aid", "support")}
    text = "On Tuesday, the talks resumed. New York, a city of millions, said nothing about sanctions."
    assert found(rules, text) == set()


def test_names_inside_a_quotation_are_not_subjects_outside_it(rules):
    text = "Talks with Moscow now would be “a gift to Vladimir Putin”, a Lithuanian diplomat said."
    assert {actor for actor, _, _ in found(rules, text)} == {"Lithuania"}


def test_short_quotations_are_terms_not_speech(rules):
    text = "Volodymyr Zelensky said that Ukraine’s priority was its “territorial integrity” above all."
    assert found(rules, text, on="2022-03-29") == {("Volodymyr Zelensky", "territorial-integrity", "support")}


def test_relative_who_clause_belongs_to_its_antecedent(rules):
    text = "Diplomats are trying to convince Viktor Orbán and Robert Fico, who oppose the aid package for Ukraine."
    assert found(rules, text) == {
        ("Viktor Orbán", "military-aid", "oppose"),
        ("Robert Fico", "military-aid", "oppose"),
    }


def test_apposition_without_article(rules):
    text = "“We back every new sanctions package,” Tom Baker, spokesman for the British government, said."
    assert found(rules, text) == {("United Kingdom", "sanctions", "support")}


def test_evaluation_past_a_parenthesis(rules):
    text = "A Dutch official said sending tanks – which some allies favour – and jets would be a grave mistake."
    assert found(rules, text) == {("Netherlands", "advanced-weapons", "oppose")}


def test_membership_issues_need_ukraine_nearby(rules):
    assert (
        found(rules, "Sanna Marin said Finland must apply for NATO membership without delay.", on="2022-05-12") == set()
    )
    text = "Ukraine wants to join the alliance. Sanna Marin said NATO membership must follow the war."
    assert ("Sanna Marin", "ukraine-nato-membership", "support") in found(rules, text, on="2023-01-12")


def test_taking_no_part_and_anti_tank_weapons(rules):
    assert found(rules, "Péter Szijjártó said Hungary would take no part in buying weapons for Ukraine.") == {
        ("Péter Szijjártó", "military-aid", "oppose")
    }
    assert found(rules, "Olaf Scholz defended sending anti-tank weapons to Kyiv.") == {
        ("Olaf Scholz", "military-aid", "support")
    }


def test_a_persons_stated_position_named_by_a_possessive(rules):
    text = "Friedrich Merz doubted that Donald Trump’s peace push would work."
    assert ("Donald Trump", "negotiations", "support") in found(rules, text, on="2025-06-01")
    text = "Emmanuel Macron said Vladimir Putin's refusal to accept a ceasefire was unacceptable."
    assert ("Vladimir Putin", "ceasefire", "oppose") in found(rules, text)
    assert found(rules, "Ukraine's territorial integrity was discussed by officials.") == set()


def test_insertions_and_next_clauses(rules):
    text = (
        "Olaf Scholz, who travelled to Kyiv with Emmanuel Macron and Mario Draghi, said Germany backed candidate "
        "status for Ukraine."
    )
    assert found(rules, text, on="2022-06-20") == {("Olaf Scholz", "ukraine-eu-membership", "support")}
    text = "Leaders agree to start talks; Pete Hegseth calls the plan unrealistic."
    assert ("Pete Hegseth", "negotiations", "support") not in found(rules, text, on="2025-02-13")
    assert found(rules, "Zelensky rejects ceding land as Donald Trump talks of territory swaps.", on="2025-08-09") == {
        ("Volodymyr Zelensky", "territorial-integrity", "support")
    }


def test_a_governments_stated_position_and_double_negation(rules):
    text = "Observers noted the Danish position, that no decision on Ukraine can be taken without European involvement."
    assert found(rules, text) == {("Denmark", "europe-in-negotiations", "support")}
