"""Who holds a position, round 5 (link5): constructions that tie a position to its holder, each general English.
Every sentence is written for these tests."""

from __future__ import annotations

from tests.extract.conftest import actors, found

# --- a speaker reporting what a regional group of his own country does states his own position --------------


def test_a_regional_group_that_includes_the_speakers_country_is_his_own_side(rules):
    text = "Latvian President Edgars Rinkēvičs said that the Baltic states firmly advocate new sanctions on Russia."
    assert ("Edgars Rinkēvičs", "sanctions", "support") in found(rules, text)


def test_the_group_may_be_named_by_a_continent_and_the_speaker_by_a_pronoun(rules):
    text = (
        "Spanish Prime Minister Pedro Sánchez spoke to reporters in Madrid. "
        "He noted that European nations are united in seeking a diplomatic solution."
    )
    assert ("Pedro Sánchez", "negotiations", "support") in found(rules, text)


def test_a_group_named_after_the_alliance_includes_its_members(rules):
    text = "Dutch Prime Minister Dick Schoof said that NATO allies support new sanctions on Russia."
    assert "Dick Schoof" in actors(rules, text)


def test_a_group_without_the_speakers_country_is_still_someone_else(rules):
    text = "Polish President Andrzej Duda said that the Baltic states firmly advocate new sanctions on Russia."
    assert "Andrzej Duda" not in actors(rules, text)


def test_a_speaker_outside_the_continent_does_not_speak_for_european_nations(rules):
    text = "Russian Foreign Minister Sergei Lavrov said that European nations are united in seeking new sanctions."
    assert "Sergey Lavrov" not in actors(rules, text)
    assert not any(actor.startswith("Serge") for actor in actors(rules, text))


def test_a_quantified_part_of_the_group_is_not_the_speakers_side(rules):
    for group in ("some European countries", "other EU members", "several Baltic states"):
        text = f"Spanish Prime Minister Pedro Sánchez said that {group} support new sanctions on Russia."
        assert "Pedro Sánchez" not in actors(rules, text), group


def test_a_vague_collective_stays_uncoded(rules):
    text = "Spanish Prime Minister Pedro Sánchez said that many countries support new sanctions on Russia."
    assert "Pedro Sánchez" not in actors(rules, text)


# --- a stance described by a noun of its holder, as a predicate or an apposition ---------------------------------


def test_a_predicate_noun_of_a_stance_is_the_subjects_position(rules):
    text = "Finnish Foreign Minister Elina Valtonen has long been a vocal supporter of tougher sanctions on Russia."
    assert ("Elina Valtonen", "sanctions", "support") in found(rules, text)
    text = "Finnish Foreign Minister Elina Valtonen is a staunch opponent of a ceasefire on Russian terms."
    assert ("Elina Valtonen", "ceasefire", "oppose") in found(rules, text)


def test_a_noun_of_a_stance_in_apposition_describes_the_name_before_its_comma(rules):
    text = "Finnish Foreign Minister Elina Valtonen, a firm advocate of new sanctions on Russia, arrived in Kyiv."
    assert ("Elina Valtonen", "sanctions", "support") in found(rules, text)
    text = "Finnish Foreign Minister Elina Valtonen met Hungarian Prime Minister Viktor Orbán, a critic of sanctions."
    assert ("Viktor Orbán", "sanctions", "oppose") in found(rules, text)
    assert "Elina Valtonen" not in actors(rules, text)


def test_a_noun_of_a_stance_as_an_object_is_nobodys_position(rules):
    text = "Finnish Foreign Minister Elina Valtonen met a prominent critic of sanctions on Russia in Helsinki."
    assert "Elina Valtonen" not in actors(rules, text)


def test_a_hypothetical_noun_of_a_stance_is_no_position(rules):
    text = "If Finnish Foreign Minister Elina Valtonen were a supporter of sanctions relief, Moscow would be pleased."
    assert "Elina Valtonen" not in actors(rules, text)


def test_critics_in_the_plural_are_a_vague_collective(rules):
    assert not found(rules, "Critics of sanctions on Russia say they hurt European industry.")


# --- verbs of saying the vocabulary lacked: asserted, contended, maintained that ----------------------------------


def test_asserted_and_contended_report_their_subjects_position(rules):
    for verb in ("asserted", "contended", "maintained"):
        text = f"Estonian Prime Minister Kristen Michal {verb} that defence spending must rise further."
        assert ("Kristen Michal", "defense-spending", "support") in found(rules, text), verb


def test_a_closing_asserted_names_the_speaker_of_a_quotation(rules):
    text = "“Our allies must raise defence spending,” Estonian Prime Minister Kristen Michal asserted."
    assert "Kristen Michal" in actors(rules, text)


def test_maintained_with_an_object_is_no_verb_of_saying(rules):
    text = "Estonian Prime Minister Kristen Michal met the press. Estonia maintained its trade rules."
    assert not found(rules, text)


def test_asserted_in_a_relative_clause_is_the_other_persons(rules):
    text = "Estonian Prime Minister Kristen Michal met an analyst who asserted that defence spending must rise."
    assert "Kristen Michal" not in actors(rules, text)


# --- the one addressed by a verb of saying is not the subject of its "that" clause -------------------------------


def test_the_addressee_before_that_is_not_the_subject_of_the_clause(rules):
    for addressed in ("warned journalists", "reminded lawmakers", "assured allies"):
        text = f"Estonian Prime Minister Kristen Michal {addressed} that sanctions on Russia must stay in place."
        assert ("Kristen Michal", "sanctions", "support") in found(rules, text), addressed


def test_a_collective_after_that_is_still_the_subject_of_the_clause(rules):
    text = "Estonian Prime Minister Kristen Michal warned that some leaders oppose new sanctions on Russia."
    assert "Kristen Michal" not in actors(rules, text)


# --- a bare yes or no to a question that opens the sentence ------------------------------------------------------


def test_a_bare_no_turns_the_question_around(rules):
    text = "Asked whether Ukraine should cede territory to Russia, Finnish Foreign Minister Elina Valtonen said: “No.”"
    assert ("Elina Valtonen", "territorial-integrity", "support") in found(rules, text)


def test_a_bare_yes_takes_the_question_as_it_is(rules):
    text = "Asked whether Finland would send troops to Ukraine, Finnish Foreign Minister Elina Valtonen said: “Yes.”"
    assert ("Elina Valtonen", "troops-in-ukraine", "support") in found(rules, text)


def test_a_question_without_a_bare_answer_stays_a_topic(rules):
    for answer in ("said no decision had been taken.", "declined to comment.", "said the matter was complex."):
        text = f"Asked whether Finland would send troops to Ukraine, Finnish Foreign Minister Elina Valtonen {answer}"
        assert "Elina Valtonen" not in actors(rules, text), answer


def test_a_topic_asked_about_is_no_question_to_answer(rules):
    text = "Asked about new sanctions on Russia, Finnish Foreign Minister Elina Valtonen said: “No.”"
    assert "Elina Valtonen" not in actors(rules, text)


# --- a journalist, analyst or outlet inside a closed phrase between a subject and its verb -----------------------


def test_an_outlet_or_journalists_inside_an_interrupting_phrase_do_not_block_the_subject(rules):
    for phrase in (
        ", in an interview with the newspaper Helsingin Sanomat, called for",
        ", asked by journalists about the talks, called for",
        ", citing analysts, called for",
        " took to social media to call for",
    ):
        text = f"Finnish Foreign Minister Elina Valtonen{phrase} tougher sanctions on Russia."
        assert ("Elina Valtonen", "sanctions", "support") in found(rules, text), phrase


def test_journalists_or_analysts_who_hold_the_verb_still_block_the_subject(rules):
    for phrase in (
        " spoke to analysts who called for",
        " met with journalists, who called for",
        " was in the room when analysts called for",
        " listened to experts calling for",
    ):
        text = f"Finnish Foreign Minister Elina Valtonen{phrase} tougher sanctions on Russia."
        assert "Elina Valtonen" not in actors(rules, text), phrase


# --- "X and his German counterpart Y": a coordinated subject; "met his counterpart Y": an object -----------------


def test_a_counterpart_named_after_and_shares_the_verb(rules):
    text = "French President Emmanuel Macron and his German counterpart Olaf Scholz called for a ceasefire."
    claims = found(rules, text)
    assert ("Emmanuel Macron", "ceasefire", "support") in claims
    assert ("Olaf Scholz", "ceasefire", "support") in claims


def test_a_counterpart_after_a_verb_or_preposition_is_its_object(rules):
    for verb in ("met", "held talks with"):
        text = f"French President Emmanuel Macron {verb} his German counterpart Olaf Scholz and called for a ceasefire."
        claims = found(rules, text)
        assert ("Emmanuel Macron", "ceasefire", "support") in claims, verb
        assert "Olaf Scholz" not in {actor for actor, _, _ in claims}, verb


def test_a_relative_clause_after_the_counterpart_is_the_counterparts(rules):
    text = "French President Emmanuel Macron welcomed his German counterpart Olaf Scholz, who called for a ceasefire."
    assert actors(rules, text) == {"Olaf Scholz"}


# --- a base-form position verb after "will"/"would" -------------------------------------------------------------


def test_a_position_verb_after_will_or_would_is_the_subjects(rules):
    assert ("Finland", "sanctions", "support") in found(rules, "Finland will push for tougher sanctions on Russia.")
    assert ("Finland", "sanctions", "support") in found(rules, "Finland would back tougher sanctions on Russia.")


def test_a_negated_modal_turns_the_verb_around(rules):
    assert ("Finland", "sanctions", "oppose") in found(rules, "Finland won't back new sanctions on Russia.")
    assert ("Finland", "sanctions", "support") in found(rules, "Finland will not support sanctions relief for Russia.")


def test_a_fear_about_what_another_will_support_is_no_position(rules):
    assert not found(rules, "Finland fears Hungary will support sanctions relief for Russia.")
