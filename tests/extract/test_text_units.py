"""Sentence splitting with offsets, the phrase matcher, and the issue lexicon format."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.extract.matcher import PhraseMatcher, PhraseMatchers, drop_overlaps, lowercase
from app.extract.segment import split_sentences
from app.extract.stance import LexiconError, compile_issues
from app.taxonomy import Issue, Taxonomy, load_taxonomy


def test_sentences_keep_their_offsets():
    text = "  The U.S. President spoke. Mr. Smith said “No.” Then he left!\nA new line without a stop\n\nEnd."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. President spoke.",
        "Mr. Smith said “No.”",
        "Then he left!",
        "A new line without a stop",
        "End.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.index for s in sentences] == list(range(5))


def test_initials_and_dates_do_not_end_sentences():
    text = "Joe R. Biden met them on Jan. 13 in Kyiv. It was cold."
    assert [s.text for s in split_sentences(text)] == ["Joe R. Biden met them on Jan. 13 in Kyiv.", "It was cold."]


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n ") == []


def test_matcher_whole_words_wildcards_gaps_and_case():
    matcher = PhraseMatcher(
        [("tank", "t"), ("negotiat*", "n"), ("send .. troops", "s"), ("US", "us"), ("ground troops", "g")],
        case_sensitive={"US"},
    )
    text = "Tanks? No tank. Negotiations with us and the US; they send 200 Polish troops and ground troops."
    hits = [(text[h.start : h.end], h.payload) for h in matcher.find(text)]
    assert ("tank", "t") in hits and ("Tanks", "t") not in hits  # whole words only
    assert ("Negotiations", "n") in hits
    assert ("send 200 Polish troops", "s") in hits
    assert ("US", "us") in hits and ("us", "us") not in hits
    assert ("ground troops", "g") in hits


def test_longest_overlapping_hit_wins():
    matcher = PhraseMatcher([("troops", 1), ("ground troops", 2), ("troops to ukraine", 3)])
    hits = drop_overlaps(matcher.find("no ground troops to Ukraine"))
    assert [h.payload for h in hits] == [3]


def test_matchers_in_one_pass_find_what_each_finds_alone():
    first = PhraseMatcher([("tank", "t"), ("send .. troops", "s"), ("US", "us")], case_sensitive={"US"})
    second = PhraseMatcher([("tank*", "T"), ("send .. troops", "S"), ("us", "u"), ("troops", "x")])
    text = "They send tanks and 200 troops; the US and us. Tank, tanker, send no troops."
    assert PhraseMatchers([first, second]).find(text) == [first.find(text), second.find(text)]
    assert PhraseMatchers([first, PhraseMatcher([])]).find(text) == [first.find(text), []]


def test_the_extractors_single_pass_equals_its_dictionaries_on_the_dev_texts(rules, shared_dir):
    dictionaries = [
        rules.gazetteer.matcher,
        rules.lexicons.matcher,
        rules.lexicons.requirements,
        rules.attribution,
        rules.stance_cues,
        rules.negators,
    ]
    together = PhraseMatchers(dictionaries)
    docs = [json.loads(line) for path in sorted((shared_dir / "gold").glob("*.jsonl")) for line in path.open()]
    assert docs
    for doc in docs:
        text = doc["text"]
        lowered = text.lower()
        assert together.find(text, lowered) == [d.find(text, lowered) for d in dictionaries], doc["doc_id"]


def test_lower_case_keeps_every_offset():
    text = "İlham Aliyev met İbrahim Kalın in İstanbul."
    assert len(lowercase(text)) == len(text) and lowercase(text).startswith("ilham aliyev met ibrahim")
    assert lowercase("Plain Text") == "plain text"


def test_a_dotted_capital_i_does_not_shift_the_claims_after_it(rules):
    # "İ" lowers to two characters; before lowercase() every one of them moved the phrases found after it.
    text = (
        "Talks opened in İstanbul, İzmir, İzmit, İskenderun, İnegöl and İzmir again. "
        "German Chancellor Olaf Scholz said he opposed sending troops to Ukraine."
    )
    claims = {(c.actor, c.issue, c.stance) for c in rules(text, published_on=date(2024, 3, 1))}
    assert ("Olaf Scholz", "troops-in-ukraine", "oppose") in claims
    for claim in rules(text, published_on=date(2024, 3, 1)):
        assert text[claim.start : claim.end] == claim.evidence


def _taxonomy_with(lexicon: dict) -> Taxonomy:
    base = load_taxonomy()
    issue = Issue(id="test-issue", label="Test", description="", support="", oppose="", lexicon=lexicon)
    return Taxonomy(countries=base.countries, issues={"test-issue": issue}, actors=base.actors)


def test_every_shipped_issue_has_a_lexicon():
    taxonomy = load_taxonomy()
    for issue in taxonomy.issues.values():
        assert issue.lexicon.get("terms"), issue.id
        unknown = set(issue.lexicon) - {"terms", "support", "oppose", "not", "weak", "yields_to", "requires"}
        assert not unknown, issue.id
        assert set(issue.lexicon.get("yields_to", [])) <= set(taxonomy.issues), issue.id
    compile_issues(taxonomy)


@pytest.mark.parametrize(
    ("lexicon", "message"),
    [({"terms": "ceasefire"}, "must be a list"), ({"words": ["x"]}, "unknown lexicon keys"), ({"oppose": [1]}, "list")],
)
def test_malformed_lexicons_are_reported(lexicon, message):
    with pytest.raises(LexiconError, match=message):
        compile_issues(_taxonomy_with(lexicon))


def test_lexicon_polarity_and_look_alikes():
    matcher = compile_issues(
        _taxonomy_with({"terms": ["weapons"], "oppose": ["stop .. weapons"], "not": ["nuclear weapons"]})
    ).matcher
    text = "nuclear weapons; stop sending weapons; weapons"
    hits = [(text[h.start : h.end], h.payload.polarity) for h in drop_overlaps(matcher.find(text))]
    assert hits == [("nuclear weapons", 0), ("stop sending weapons", -1), ("weapons", 1)]


def test_run_on_text_is_cut_into_bounded_sentences():
    text = "Scholz said sanctions must stay, and Macron agreed, and " * 200
    sentences = split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= 600
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_random_text_never_breaks_the_extractor():
    import random
    import string

    from app.extract import make_extractor
    from app.taxonomy import load_taxonomy

    rules = make_extractor("rules", taxonomy=load_taxonomy())
    rng = random.Random(7)
    alphabet = string.ascii_letters + " .,;:!?'\"“”‘’–—()\n-éüłč\u200b"
    words = [
        "Scholz",
        "said",
        "sanctions",
        "not",
        "no",
        "Macron",
        "“",
        "”",
        "Putin",
        "ceasefire",
        "he",
        "they",
        "if",
        "who",
        ",",
        "–",
        "the",
        "German",
        "chancellor",
    ]
    words += ["Kremlin", "troops", "to", "Ukraine", "ruled", "out", "'s", "which", "without", "talks", "?", ";"]
    for i in range(300):
        if i % 2:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 80)))
        for claim in rules(text, published_on=None):
            assert text[claim.start : claim.end] == claim.evidence
            assert claim.stance in ("support", "oppose", "neutral") and 0 < claim.confidence <= 1
