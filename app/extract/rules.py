"""The rule-based extractor: sentences, actors, attribution, issues and stance, assembled into claims.

For every issue phrase in a sentence, the speaker is the subject of the nearest speech or position verb (or the
speaker of the quotation it sits in), the stance comes from the nearest stance cue with its negation, and the
claim keeps the sentence as evidence and the list of rules that fired as its explanation.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from operator import attrgetter

from app.extract.actors import ActorResolver, Discourse, Ref, guess_date
from app.extract.anaphora import carry_issues
from app.extract.attribution import (
    Speaker,
    adjective_owner,
    companions,
    coordinated,
    is_hearsay_context,
    named_members,
    numbered_group,
    partners,
    pronoun_owner,
    quote_spans,
    statement_authors,
    subject_of,
)
from app.extract.base import ExtractedClaim, register
from app.extract.cues import DOUBTS, PASSIVE, PRESCRIPTIVE, QUESTION_TOPIC, ROLE_NOUNS, SPEECH, STATES_OF_MIND
from app.extract.frames import (
    answered,
    as_demand,
    by_agent,
    doer,
    elliptical_refusal,
    in_other_clause,
    is_history,
    is_modifier,
    is_non_answer,
    is_setting,
)
from app.extract.gazetteer import Gazetteer
from app.extract.matcher import Hit, PhraseMatchers, drop_overlaps, lowercase
from app.extract.segment import Sentence, split_sentences
from app.extract.signatories import cosignatories
from app.extract.stance import (
    Stance,
    combine_cues,
    compile_cues,
    compile_issues,
    decide_stance,
    denied_speech,
    drop_consequences,
    drop_elsewhere,
    drop_named,
    drop_predicates,
    drop_targets,
    drop_weak,
    find_issues,
    is_background,
    issue_hits,
)
from app.extract.transcript import labelled, list_holders, speaker_labels
from app.extract.voice import (
    cites_document,
    document_source,
    document_voice,
    meeting_pairs,
    owned_documents,
    proposal_at,
    proposers,
)
from app.taxonomy import Taxonomy

VERSION = "1.0"


def _bucket(hits: list[Hit], sentences: list[Sentence]) -> list[list[Hit]]:
    """Distribute hits (sorted by start) over the sentences that contain them."""
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]  # read from a list in the loop, not from a sentence's attribute
    buckets: list[list[Hit]] = [[] for _ in sentences]
    find = bisect.bisect_right
    for hit in hits:
        i = find(starts, hit.start) - 1
        if i >= 0 and hit.end <= ends[i]:
            buckets[i].append(hit)
    return buckets


class RulesExtractor:
    """Explainable claim extraction from dictionaries compiled once per taxonomy."""

    name = "rules"
    version = VERSION

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.gazetteer = Gazetteer(taxonomy)
        self.resolver = ActorResolver(self.gazetteer)
        self.lexicons = compile_issues(taxonomy)
        self.attribution, self.stance_cues, self.negators = compile_cues()
        self._matchers = PhraseMatchers(
            [
                self.gazetteer.matcher,
                self.lexicons.matcher,
                self.lexicons.requirements,
                self.attribution,
                self.stance_cues,
                self.negators,
            ]
        )
        self._regions = regions(taxonomy)
        # A user's lexicon edit is a new version: stored documents are then extracted again (pipeline/extract.py).
        self.version = f"{VERSION}+{lexicon_digest(taxonomy)}"

    def __call__(self, text: str, *, published_on: date | None) -> list[ExtractedClaim]:
        """Return the claims of one document."""
        lowered = lowercase(text).replace("’", "'")  # a curly apostrophe matches the lexicons' straight one
        sentences = split_sentences(text)
        if not sentences:
            return []
        actors, issues, contexts, says, stances, negators = self._matchers.find(text, lowered)
        actor_hits = _bucket(self.gazetteer.proper(text, actors), sentences)
        issue_buckets = [
            drop_weak(lowered, drop_predicates(lowered, drop_consequences(lowered, drop_elsewhere(lowered, b))))
            for b in _bucket(find_issues(self.lexicons.matcher, text, lowered, issues), sentences)
        ]
        context_buckets = _bucket(contexts, sentences)
        say_buckets = _bucket(says, sentences)
        stance_buckets = _bucket(drop_overlaps(stances), sentences)
        negator_buckets = _bucket(negators, sentences)
        quotes = quote_spans(text)
        discourse = Discourse(
            published_on=published_on, guessed_on=None if published_on else guess_date(text), quotes=quotes
        )
        # First pass: who is named where, so that quotations can look ahead for their speaker.
        resolved = []
        for sentence in sentences:
            hits = actor_hits[sentence.index]
            refs, others = self.resolver.resolve(text, hits, discourse)
            refs += self.resolver.appositions(text, sentence.start, sentence.end, hits, refs, discourse)
            if len(refs) > 1:
                refs.sort(key=_START)  # resolve's list, which no one else holds
            refs = self._add_extracted_surnames(text, sentence, refs, discourse)
            if len(refs) > 1:  # a group or a pair needs two references
                discourse.groups.extend(coordinated(text, refs))
                discourse.groups.extend(meeting_pairs(text, refs))
            resolved.append((refs, others))
        stance_buckets = [drop_targets(lowered, bucket) for bucket in stance_buckets]
        issue_buckets = carry_issues(text, sentences, issue_buckets)
        # Short quotations mark a term ("its “territorial integrity”"); only longer ones are someone's speech.
        speech = [q for q in quotes if len(text[q[0] : q[1]].split()) >= _SPEECH_WORDS]
        doc = _Doc(text, lowered, sentences, resolved, say_buckets, speech, discourse)
        labels = speaker_labels(text, sentences, resolved)
        voiced, voice = document_voice(text, sentences, resolved, quotes)
        best: dict[tuple[str, str, str], ExtractedClaim] = {}
        for sentence in sentences:
            i = sentence.index
            if not issue_buckets[i]:
                continue  # most sentences name no issue (issue_hits would find none)
            # Context an issue may require: named in this sentence or the one before.
            context = {h.payload for h in context_buckets[i]} | {h.payload for h in context_buckets[max(0, i - 1)]}
            found = issue_hits(issue_buckets[i], self.lexicons, context)
            if not found:
                continue
            noun_at = -2  # where the sentence first names a proposal (proposal_at), found when first needed
            stance_buckets[i] = drop_named(lowered, stance_buckets[i], found)
            if sentence.text.rstrip("”\"’' ").endswith("?") and not _inside(quotes, sentence.start, sentence.end):
                continue  # questions are not positions
            if is_history(sentence.text, published_on or discourse.guessed_on):
                continue  # "in May 1997 ... concluded the Founding Act": background, not a position now
            for issue in found:
                if _question_topic(lowered, max(sentence.start, issue.start - 40), issue.start):
                    reply = self._reply(doc, sentence, issue, stance_buckets[i], negator_buckets[i], found)
                    if reply is not None:
                        speaker, stance = reply
                        claim = self._claim(sentence, issue, speaker.refs[0], speaker, stance, published_on)
                        key = (claim.actor, claim.issue, claim.stance)
                        if key not in best or claim.confidence > best[key].confidence:
                            best[key] = claim
                    continue
                if is_background(lowered, sentence.start, issue, found, stance_buckets[i]):
                    continue
                found_here = []
                speaker = self._speaker(doc, sentence, issue)
                if speaker is None and labels and not doc.says(i)[1]:
                    speaker = self._labelled(doc, labels, issue)
                if speaker is None:
                    listed = list_holders(text, issue.end, sentence.end, doc.sentence_at, resolved)
                    if listed:
                        speaker = Speaker(listed, Hit(sentence.end - 1, sentence.end, "list", "say"), "listed")
                speaker = self._groups(doc, sentence, issue, speaker)
                if speaker is None and not _inside(quotes, issue.start, issue.end):
                    speaker = self._unattributed(doc, sentence, issue, voice if i > voiced else [])
                if speaker is not None:
                    cues_here = [h for h in stance_buckets[i] if h.end <= issue.start or h.start >= issue.end]
                    lower = _stance_window_start(text, speaker, issue, sentence)
                    # A document's content is read up to the issue: what follows is the reporter's judgement.
                    document = speaker.rule == "document" and speaker.cue.end <= issue.start
                    upper = issue.end if document else sentence.end
                    stance = decide_stance(
                        text, issue, cues_here, negator_buckets[i], lower=lower, upper=upper, issues=found
                    )
                    found_here.append((speaker, stance))
                relative = self._relative_clause(doc, sentence, issue, stance_buckets[i], negator_buckets[i])
                if relative is not None:
                    found_here.append(relative)
                refs_here = resolved[i][0]
                found_here.extend(
                    by_agent(text, lowered, sentence.end, refs_here, issue, stance_buckets[i], negator_buckets[i])
                )
                found_here.extend(elliptical_refusal(text, sentence.end, refs_here, issue, lowered=lowered))
                if noun_at == -2:
                    noun_at = proposal_at(lowered, sentence.start, sentence.end)
                proposed = 0 <= noun_at < issue.start or lowered.find(", as ", issue.end, sentence.end) >= 0
                for authors, at, upto in (
                    proposers(text, lowered, noun_at, sentence.end, refs_here, issue) if proposed else ()
                ):
                    # "the proposal by X and Y to deploy troops": the authors favour what they propose.
                    if all(r.name not in {x.name for sp, _ in found_here for x in sp.refs} for r in authors):
                        own = [h for h in stance_buckets[i] if at <= h.start and h.end <= issue.start]
                        stance = decide_stance(text, issue, own, negator_buckets[i], lower=at, upper=issue.end)
                        found_here.append((Speaker(authors, Hit(at, upto, "proposal", "say"), "relative"), stance))
                if speaker is not None and found_here and found_here[0][0] is speaker:
                    # "signed a security agreement with France": the other party signed it too.
                    partners = cosignatories(lowered, speaker.cue, issue, refs_here, sentence.end)
                    if partners:
                        found_here.append((Speaker(partners, speaker.cue, "cosigned"), found_here[0][1]))
                owner = self._possessor(doc, sentence, issue, stance_buckets[i], negator_buckets[i])
                if owner is not None and _hypothetical(doc.lowered, sentence.start, owner[0].refs[0].start):
                    owner = None  # "If Moscow accepts it, it will signal its readiness to negotiate": a condition
                holders = [r for sp, _ in found_here for r in sp.refs] if owner is not None else []  # (owner's test)
                if owner is not None and all(owner[0].refs[0].name != r.name for r in holders):
                    # "the prime minister assured that ... the Polish proposal to transfer tanks": his own
                    # government's proposal, in his words, is his position.
                    first = owner[0].refs[0]
                    if first.type != "government" or not any(
                        r.type == "person" and r.country == first.country for r in holders
                    ):
                        found_here.append(owner)
                for speaker, stance in found_here:
                    for ref in speaker.refs:
                        self._offer(best, sentence, issue, ref, speaker, stance, published_on)
        return sorted(best.values(), key=lambda c: (c.start, c.actor, c.issue))

    def _speaker(self, doc: _Doc, sentence: Sentence, issue: Hit) -> Speaker | None:
        """Return who holds the position named by an issue phrase, or None."""
        refs, others = doc.resolved[sentence.index]
        says, hearsay = doc.says(sentence.index)
        quote = _inside(doc.quotes, issue.start, issue.end)
        if quote:
            # Reported speech inside a statement ("the Chancellor called for a ceasefire," the government said).
            inner = [h for h in says if quote[0] <= h.start and h.end <= issue.start]
            if inner:
                speaker = doc.subject_of(inner[-1], refs, others, lower=quote[0], upper=quote[1])
                if speaker is not None and _hypothetical(doc.lowered, quote[0], speaker.refs[0].start):
                    return self._quote_speaker(doc, quote)  # "“If Russia makes a move, ...,” she said": hers
                if speaker is not None and speaker.rule in ("subject", "pronoun", "doer"):
                    # "“The Estonian government has approved ...,” said the Prime Minister": the one who says it.
                    return _own_government(speaker, self._quote_speaker(doc, quote)) or speaker
                # "Witkoff affirmed that Trump “strongly supports these protocols”": the quotation continues the
                # sentence of the actor right before it; the one reporting it holds it too.
                lead = [r for r in refs if r.end <= quote[0] and not doc.text[r.end : quote[0]].strip()]
                # Not the subject of an if-clause ("If Moscow “accepts it, it will signal ...”").
                conditional = lead and _hypothetical(doc.lowered, sentence.start, lead[-1].start)
                if (
                    lead
                    and not (lead[-1].possessive or conditional)
                    and _words(doc.text[quote[0] : inner[0].start]) <= 2
                ):
                    outer = self._quote_speaker(doc, quote)
                    more = [r for r in outer.refs if r.name != lead[-1].name] if outer is not None else []
                    return Speaker([lead[-1], *more], inner[0], "subject")
            speaker = self._quote_speaker(doc, quote)
            if speaker is not None:
                return speaker
        before = [h for h in says if h.end <= issue.start]
        # A verb after the issue inside a relative clause ("..., who oppose X") reports nothing about the issue.
        after = [
            h
            for h in says
            if h.start >= issue.end
            and not _relative_subject(doc.lowered, issue.end, h.start)
            and doc.text.find(";", issue.end, h.start) < 0  # a verb in the next clause reports that clause only
            and not _BUT_CLAUSE.search(doc.text, issue.end, h.start)
            and (quote or not _inside(doc.quotes, h.start, h.end))  # a quotation's verb is its own speaker's
        ]
        if hearsay:  # most sentences have no hearsay cue
            hearsay_before = [h for h in hearsay if h.end <= issue.start]
            if hearsay_before and (not before or hearsay_before[-1].start > before[-1].start):
                return None  # "they fear X will ...": someone else's guess
        # The verb before the issue phrase decides; a verb after it only when there is none before, or when it
        # is a closing reporting clause (", Zelensky said.") that frames the whole sentence.
        closing = [h for h in after if h.phrase in SPEECH and _REPORTING_CLAUSE.search(doc.text, issue.end, h.start)]
        if (
            not before
            and closing
            and after[0] not in closing
            and _SUBORDINATE_VERB.search(doc.text, issue.end, after[0].start)
        ):
            # "tanks ready for use as Ukraine defends itself, Anand said": the closing reporting clause frames the
            # sentence, not the verb of a subordinate clause ("since Ukraine submitted a request" alone still is).
            after = closing
        cue = before[-1] if before else (after[0] if after else None)
        if before and before[-1].phrase in STATES_OF_MIND and closing:
            cue = closing[-1]
        elif not before and cue is not None and cue.phrase != "according to":
            # "..., according to X" closing the sentence wins over a phrase before it ("in favor of Ukraine").
            cue = next((h for h in after if h.phrase == "according to" and _CLOSING.search(doc.text, 0, h.start)), cue)
        if cue is None or denied_speech(doc.lowered, cue):
            return None
        if cue.phrase in _ROLE_NOUNS:
            # "X met Y, a critic of Z,": the noun in apposition describes the name right before its comma.
            named = [r for r in refs if r.end <= cue.start and _APPOSED.fullmatch(doc.lowered, r.end, cue.start)]
            if named:
                return Speaker([named[-1]], cue, "subject")
        if _appears(doc.lowered, max(sentence.start, cue.start - 20), cue.start):
            return None  # "Poland appears open to ...": the writer's inference, not a position stated
        # "According to the press service, Scholz condemned ... and urged ...": a source is no verb to share.
        earlier = [h for h in says if h.end <= cue.start and h.phrase != "according to"]
        if earlier and _AND_VERB.search(doc.text, max(sentence.start, cue.start - 20), cue.start):
            # "X vetoed the package and warned ...": a second verb shares the first one's subject; its stance is
            # read from the second verb on.
            # The nearest verb before ("Scholz condemned ... and urged", not an opening "according to X").
            first = doc.subject_of(earlier[-1], refs, others, lower=sentence.start, upper=sentence.end)
            speaker = Speaker(first.refs, cue, "coordinated") if first is not None else None
        else:
            speaker = doc.subject_of(cue, refs, others, lower=sentence.start, upper=sentence.end)
            if speaker is None and cue.end <= issue.start:
                # "X's defence council decided to donate ..., the presidency announced": the closing speaker;
                # "X said the country was not ready to ...": the speaker of the reported clause.
                speech = [h for h in earlier if h.phrase in SPEECH]
                fallback = closing[-1] if closing else speech[-1] if speech else None
                speaker = fallback and doc.subject_of(fallback, refs, others, lower=sentence.start, upper=sentence.end)
                cue = fallback if speaker else cue
        lo = max(sentence.start, cue.start - 60)
        # The substring test first: most verbs have no "they" before them.
        they = _SAID_THEY.search(doc.lowered, lo, cue.start) if doc.lowered.find("they", lo, cue.start) >= 0 else None
        if they is not None and (speaker is None or speaker.rule == "pronoun"):
            # "Officials in Berlin said they opposed ...": "they" is the subject of the verb of saying.
            speech = [h for h in says if h.start == they.start(1)]
            outer = speech and doc.subject_of(speech[0], refs, others, lower=sentence.start, upper=speech[0].start)
            if outer:
                speaker = Speaker(outer.refs, cue, "subject")
        if speaker is None or (hearsay and any(is_hearsay_context(doc.text, r, hearsay, says) for r in speaker.refs)):
            return None  # (without hearsay cues nobody is in a hearsay context)
        comma = doc.text.rfind(",", issue.end, cue.start) if cue.start >= issue.end else -1
        if comma >= 0 and speaker.rule == "subject" and all(r.end <= comma for r in speaker.refs):
            return None  # "..., the military said": the unnamed reporter, not the actor the sentence began with
        if any(_hypothetical(doc.lowered, sentence.start, r.start) for r in speaker.refs):
            return None  # "especially if Trump seeks ...": a condition, not a position
        if cue.end <= issue.start and self._someone_else(doc, sentence, speaker, cue, issue):
            return None
        if cue.end <= issue.start and in_other_clause(doc.text, cue, issue, refs, others):
            return None  # "..., after many leaders were blindsided by ...": another clause, another subject
        if cue.start >= issue.end and is_setting(doc.text, sentence.start, issue, cue):
            return None  # "Amid efforts to start peace talks, Zelensky said ...": the scene, not his position
        if cue.start >= issue.end:
            holder = doer(refs, speaker, issue)
            if holder is not None:
                return holder
        elif closing and speaker.rule == "subject":
            # "The US has committed to sending tanks, Biden said": the leader states his government's act.
            # Only a subject inside the closing clause itself (", Biden said"), not one of an earlier clause.
            clause = _REPORTING_CLAUSE.search(doc.text, issue.end, closing[-1].start)
            low = clause.start() if clause else closing[-1].start
            outer = doc.subject_of(closing[-1], refs, others, lower=low, upper=sentence.end)
            reporter = _own_government(speaker, outer)
            if reporter is not None:
                return reporter
        if cue.end <= issue.start and self._reported_other(doc, sentence, speaker, says, issue):
            return None  # "Zelensky said Putin wants ...": one side's account of another's wish, not coded
        return self._reporter(doc, sentence, speaker, says) or speaker

    def _groups(self, doc: _Doc, sentence: Sentence, issue: Hit, speaker: Speaker | None) -> Speaker | None:
        """Return the holders when they are named as a group: the members listed after a collective or as
        signatories, a numbered subject ("all four"), the partners of a signed agreement; else the speaker."""
        refs, others = doc.resolved[sentence.index]
        if speaker is None:
            listed = doc.once("listed", sentence.index, lambda: self._listed(doc, sentence, refs, others))
            if listed is not None:
                return listed
        # Inside a reported clause ("said that both sides must ...") only with a speaker to check it against.
        group = numbered_group(
            doc.text, sentence.start, issue.start, refs, doc.discourse, inside=speaker is not None, lowered=doc.lowered
        )
        if group and speaker is None and not doc.says(sentence.index)[0]:
            group = []  # "both sides suffered losses": a numbered subject states nothing without a verb
        if group and speaker is not None and not {r.name for r in speaker.refs} <= {r.name for r in group}:
            group = []  # "Zelensky said that both sides must ...": the speaker's demand, not the group's position
        if group:
            cue = speaker.cue if speaker is not None else Hit(sentence.end - 1, sentence.end, "group", "say")
            return Speaker(group, cue, "listed")
        if speaker is not None:
            joined = partners(doc.text, speaker.cue, sentence.end, refs)
            attached = companions(doc.text, sentence.start, sentence.end, speaker, refs)
            if not (joined or attached):
                return speaker  # the usual case: nobody to add
            names = {r.name for r in speaker.refs}
            more = [r for r in joined if r.name not in names]
            more += [r for r in attached if r.name not in names and r.name not in {m.name for m in more}]
            if more:
                return Speaker(speaker.refs + more, speaker.cue, speaker.rule)
        return speaker

    def _listed(self, doc: _Doc, sentence: Sentence, refs: list[Ref], others: list[Hit]) -> Speaker | None:
        """Return the members listed after a collective or as signatories, or the authors of a joint statement
        that a sentence names (_groups, for an issue with no speaker), or None."""
        members = named_members(
            doc.text, sentence.start, sentence.end, refs, others, doc.says(sentence.index)[0], lowered=doc.lowered
        )
        if members:
            return Speaker(members, Hit(sentence.end - 1, sentence.end, "members", "say"), "listed")
        authors = doc.joint and statement_authors(doc.text, sentence.start, sentence.end, doc.discourse)
        if authors:
            return Speaker(authors, Hit(sentence.end - 1, sentence.end, "joint", "say"), "listed")
        return None

    def _reply(
        self, doc: _Doc, sentence: Sentence, issue: Hit, stance_hits: list[Hit], negators: list[Hit], found: list[Hit]
    ) -> tuple[Speaker, Stance] | None:
        """Return the holder and stance of a bare yes or no to a question ("Asked whether Ukraine should cede land,
        X replied: “No.”"): the question's own stance, turned around by a no."""
        reply = answered(doc.text, sentence.start, sentence.end, issue, doc.resolved[sentence.index][0])
        if reply is None:
            return None
        ref, sign, at = reply
        own = [h for h in stance_hits if at <= h.start and h.end <= issue.start]
        asked = decide_stance(doc.text, issue, own, negators, lower=at, upper=issue.end, issues=found)
        if asked.stance == "neutral":
            return None
        label = asked.stance if sign > 0 else ("oppose" if asked.stance == "support" else "support")
        return Speaker([ref], Hit(at, at, "answer", "say"), "subject"), Stance(label, asked.cue, sign < 0)

    def _first_person(self, doc: _Doc, sentence: Sentence) -> Speaker | None:
        """Return the speaker of the latest quotation when a sentence outside quotation marks speaks in the first
        person ("We will ...", "With our partners, we ...") and no sentence since names another speaker."""
        low = doc.lowered
        first = (
            low.find(" we ", sentence.start, sentence.end) >= 0
            or low.find(" our ", sentence.start, sentence.end) >= 0
            or _FIRST_PERSON.match(sentence.text) is not None
        )
        if not first or _QUOTE_MARKS.search(sentence.text) or "‘" in sentence.text:
            return None  # a quotation in single marks has a speaker of its own
        k = bisect.bisect_right(doc.quotes, (sentence.start, sentence.start)) - 1
        if k < 0 or sentence.start - doc.quotes[k][1] > _FIRST_PERSON_REACH:
            return None
        quote = doc.quotes[k]
        first = doc.sentence_at(quote[1] - 1)
        if first is None or any(doc.says(j)[0] for j in range(first + 1, sentence.index)):
            return None  # another verb of saying in between: another speaker may have taken over
        speaker = self._quote_speaker(doc, quote)
        if speaker is None:
            return None
        return Speaker(speaker.refs, Hit(sentence.start, sentence.start, "first person", "say"), "quote")

    def _continued(self, doc: _Doc, sentence: Sentence) -> Speaker | None:
        """Return the speaker of the sentence before when a sentence of the same paragraph goes on from it with a
        connective ("Therefore, ...", "And, ultimately, ...") and names no speaker of its own."""
        if not _CONNECTIVE.match(sentence.text) or _QUOTE_MARKS.search(sentence.text):
            return None
        i = sentence.index
        while i > 0 and sentence.index - i < _CONTINUED_BACK:
            before = doc.sentences[i - 1]
            if "\n" in doc.text[before.start : doc.sentences[i].start] or _QUOTE_MARKS.search(before.text):
                return None  # another paragraph, or a quotation with a speaker of its own
            refs, others = doc.resolved[i - 1]
            speech = [h for h in doc.says(i - 1)[0] if h.phrase in SPEECH]
            if speech:
                found = doc.subject_of(speech[0], refs, others, lower=before.start, upper=before.end)
                if found is None or any(r.type != "person" for r in found.refs):
                    return None
                return Speaker(found.refs, Hit(sentence.start, sentence.start, "continued", "say"), "listed")
            if not _CONNECTIVE.match(before.text):
                return None
            i -= 1
        return None

    def _enumerated(self, doc: _Doc, sentence: Sentence) -> Speaker | None:
        """Return the speaker of a lead ending in a colon when a sentence is one of the items it enumerates
        ("First — ...", "Second principle — ...", "1) ..."), or None."""
        if not _ITEM.match(sentence.text):
            return None
        i = sentence.index - 1
        while i >= 0 and sentence.index - i <= _ITEMS_BACK:
            lead = doc.sentences[i]
            if lead.text.rstrip().endswith(":"):
                refs, others = doc.resolved[i]
                speech = [h for h in doc.says(i)[0] if h.phrase in SPEECH]
                for cue in speech[:1]:
                    found = doc.subject_of(cue, refs, others, lower=lead.start, upper=lead.end)
                    if found is not None:
                        return Speaker(found.refs, Hit(sentence.start, sentence.start, "enumerated", "say"), "listed")
                return None
            if not _ITEM.match(lead.text):
                return None
            i -= 1
        return None

    def _unattributed(self, doc: _Doc, sentence: Sentence, issue: Hit, voice: list[Ref]) -> Speaker | None:
        """Return the holder of an issue outside quotation marks that no verb attributes: the owner of a document
        ("Moscow's demands include ...", "according to the document"), the lead's speaker of an enumeration ("First —
        ..."), the speaker before a connective ("Therefore, ..."), the speaker of a statement that goes on unquoted
        ("We will ..."), or the signatories of a joint statement ("We call for ...")."""
        speaker = self._document(doc, sentence, issue)
        if speaker is None:
            speaker = doc.once(
                "lead", sentence.index, lambda: self._enumerated(doc, sentence) or self._continued(doc, sentence)
            )
        if speaker is None:
            speaker = self._first_person(doc, sentence)  # (not kept: it records the quotation's speaker)
        if speaker is None and voice and not _reports_other(doc.text, sentence, doc.resolved[sentence.index][0]):
            speaker = Speaker(voice, Hit(sentence.start, sentence.start, "joint voice", "say"), "listed")
        return speaker

    def _owned(self, doc: _Doc, i: int) -> list:
        """Return the documents named with their owner in sentence i (computed once, when first needed)."""
        found = doc.owned.get(i)
        if found is None:
            refs, others = doc.resolved[i]
            found = doc.owned[i] = owned_documents(refs, others, doc.text, self.resolver.government_ref)
        return found

    def _document(self, doc: _Doc, sentence: Sentence, issue: Hit) -> Speaker | None:
        """Return the government whose document a sentence reports ("Moscow's demands include ...", "according to
        the document" after "the Russian memorandum"), or None."""
        for start, end, owner, content in reversed(self._owned(doc, sentence.index)):
            if not content or owner.type == "person":
                continue  # a person's own words are found by the possessive (_possessor)
            says, _ = doc.says(sentence.index)
            if end <= issue.start and not any(end <= h.start and h.end <= issue.start for h in says):
                return Speaker([owner], Hit(start, end, "document", "say"), "document")
        return doc.once("source", sentence.index, lambda: self._source(doc, sentence))

    def _source(self, doc: _Doc, sentence: Sentence) -> Speaker | None:
        """Return the government whose document a sentence cites ("according to the document" after "the Russian
        memorandum"), or None."""
        if not cites_document(doc.lowered, sentence.start, sentence.end):
            return None
        _, others = doc.resolved[sentence.index]
        documents = [d for j in range(sentence.index + 1) for d in self._owned(doc, j)]
        source = document_source(
            doc.text, sentence.start, sentence.end, documents, others, self.resolver.government_ref
        )
        if source is None:
            return None
        at, owner = source
        return Speaker([owner], Hit(at, at + 12, "according to", "say"), "document")

    def _relative_clause(
        self, doc: _Doc, sentence: Sentence, issue: Hit, stance_hits: list[Hit], negators: list[Hit]
    ) -> tuple[Speaker, Stance] | None:
        """Return the holder named in a relative clause right after an issue ("tanks, which Macron ruled out")."""
        lead = _RELATIVE.match(doc.text, issue.end, sentence.end)
        if lead is None:
            return None
        refs, _ = doc.resolved[sentence.index]
        subject = next((r for r in refs if r.start == lead.end()), None)
        if subject is None or (subject.type == "organization" and subject.country == "NATO"):
            return None
        says, _ = doc.says(sentence.index)
        cue = next((h for h in says if subject.end <= h.start and _words(doc.text[subject.end : h.start]) <= 3), None)
        if cue is None:
            return None
        # The relative clause's own cues ("which Moscow sees as a threat", "which he has ruled out").
        values = [h for h in stance_hits if cue.start <= h.start and h.end <= min(sentence.end, cue.end + 30)]
        value, negated = combine_cues(doc.text, values, negators) if values else (1, False)
        polarity = issue.payload.polarity * value
        label = "support" if polarity > 0 else "oppose" if polarity < 0 else "neutral"
        cue_label = " + ".join(h.phrase for h in values) or None
        return Speaker([subject], cue, "relative"), Stance(label, cue_label, negated)

    def _labelled(self, doc: _Doc, labels: list, issue: Hit) -> Speaker | None:
        """Return the speaker of a transcript stretch ("Jens Stoltenberg:" ...) holding an issue, or None."""
        person = labelled(labels, issue.start)
        if person is None or _inside(doc.quotes, issue.start, issue.end):
            return None
        ref = Ref(
            issue.start, issue.start, person.name, person.type, person.country, person.slug, "label", role=person.role
        )
        return Speaker([ref], Hit(issue.start, issue.start, "speaker label", "say"), "quote")

    def _possessor(
        self, doc: _Doc, sentence: Sentence, issue: Hit, stance_hits: list[Hit], negators: list[Hit]
    ) -> tuple[Speaker, Stance] | None:
        """Return the owner of a position named by a possessive ("Trump's peace push", "Putin's refusal to accept
        a ceasefire", "Trump's announcement that he would do a peace deal")."""
        refs, others = doc.resolved[sentence.index]
        # People only: "Ukraine's territory", "Russia's objectives" describe, "Trump's peace push" is a position.
        # The distance first: most actors are not right before the issue.
        before = [
            r
            for r in refs
            if r.end <= issue.start
            and issue.start - r.end <= 80
            and ((r.possessive and r.type == "person") or _POSITION_OF.search(doc.lowered, r.start, r.end))
        ]
        nouns = _OWNED_NOUNS
        if before and not _POSITION_OF.search(doc.lowered, before[-1].start, before[-1].end):
            words = doc.lowered[before[-1].end : issue.start].split()[1:4]
            if not {w.strip(",.") for w in words} & _STATEMENT_NOUNS and pronoun_owner(
                doc.lowered, sentence.start, issue, refs, nouns
            ):
                before = []  # "Trump's limits and his demands that ...": the statement is named after "his"
        if not before:
            # "persuade Hungary to lift its veto on military aid": the pronoun's antecedent owns the statement.
            owner = pronoun_owner(doc.lowered, sentence.start, issue, refs, nouns)
            if owner is None:
                # "Hungarian objections to ...", "the German proposal to use frozen assets": that government's.
                national = adjective_owner(
                    doc.text, sentence.start, issue, refs, others, _STATEMENT_NOUNS | _MORE_NOUNS
                )
                government = national and self.resolver.government_ref(
                    national[0], national[1], national[2], "adjective"
                )
                if not government:
                    return None
                owner = (government, national[2])
            ref, at = owner
            stance = decide_stance(doc.text, issue, stance_hits, negators, lower=at, upper=issue.end)
            noun = doc.lowered[at : issue.start].split()[:2]
            if stance.cue is None and set(noun) & _AGAINST_NOUNS:
                # "objections to new sanctions": the noun itself opposes.
                label = "oppose" if issue.payload.polarity > 0 else "support"
                stance = Stance(label, noun[-1], False)
            return Speaker([ref], Hit(at, at, "possessive", "say"), "possessive"), stance
        owner = before[-1]
        if _POSITION_OF.search(doc.lowered, owner.start, owner.end):
            # "the French position – that no decision should be made without Europe": France's.
            says, _ = doc.says(sentence.index)
            if any(owner.end <= h.start and h.end <= issue.start for h in says):
                return None  # "expressed Russia's position when the leader said that ...": the later verb's
            cue = Hit(owner.end, owner.end, "position", "say")
            stance = decide_stance(doc.text, issue, stance_hits, negators, lower=owner.end, upper=issue.end)
            return Speaker([owner], cue, "possessive"), stance
        words = doc.lowered[owner.end : issue.start].split()[1:]  # after the "'s"
        if any(r.start > owner.end and r.end <= issue.start and not r.possessive for r in refs):
            return None  # someone else is named in between
        named = {w.strip(",.") for w in words[:3]} | {doc.lowered[issue.start : issue.end].split()[-1]}
        if len(words) > 8 or not named & _STATEMENT_NOUNS:
            return None
        cue = Hit(owner.end, owner.end, "possessive", "say")
        # Only the owner's own words count: what the sentence then says about them is the speaker's judgement.
        stance = decide_stance(doc.text, issue, stance_hits, negators, lower=owner.end, upper=issue.end)
        return Speaker([owner], cue, "possessive"), stance

    def _someone_else(self, doc: _Doc, sentence: Sentence, speaker: Speaker, cue: Hit, issue: Hit) -> bool:
        """Return whether the clause after a verb of saying has its own subject of another country or a collective.

        "Peskov confirmed that Putin and Orban will hold talks" reports an event about others; "Lavrov said
        Moscow wanted talks" keeps Lavrov's position (same country); "Fico said some Western countries were
        thinking about troops" is the collective's, not coded.
        """
        if cue.phrase not in SPEECH:
            return False
        refs, others = doc.resolved[sentence.index]
        # "insisted that ..., and that the US will continue to supply": the issue's own "that" clause.
        again = doc.lowered.rfind(" and that ", cue.end, issue.start)
        start = again + len(" and that ") if again >= 0 else cue.end
        window_end = min(issue.start, start + 60)
        lead = _CLAUSE_LEAD.match(doc.text, start, window_end)
        head = lead.end() if lead else start
        if _PRESCRIPTIVE.search(doc.lowered, head, issue.start):
            return False  # "said allies must raise spending": the speaker's own demand
        if _DOUBTS.search(doc.lowered[head : issue.end] + " "):
            return False  # "said Russia is not serious about talks": the speaker's own doubt about the other side
        for hit in others:
            near = head <= hit.start < window_end and _words(doc.text[head : hit.start]) <= 2
            # "told journalists that ...": the addressee of "told", not the subject of what follows.
            # Round 5: also "warned allies that", "reminded reporters that", "assured lawmakers that".
            addressee = cue.phrase in ("told", "tells") or (
                cue.phrase in _ADDRESSING and _THAT_AFTER.match(doc.lowered, hit.end) is not None
            )
            if near and hit.payload.kind in ("collective", "nonactor") and not addressee:
                # "Rinkevics said the Baltic states advocate ...": a group named by a region the speaker's own
                # country belongs to is the speaker's own side ("we"), not someone else.
                return not self._own_group(doc.lowered, head, hit, speaker)
        countries = {r.country for r in speaker.refs}
        for ref in refs:
            # The if-clause test last, only for an actor in the window.
            if head <= ref.start < window_end and not (
                ref.governed or ref.possessive or _hypothetical(doc.lowered, head, ref.start)
            ):
                if _words(doc.text[head : ref.start]) > 1:
                    return False
                # "Putin and Orban will hold talks": a subject group with someone of another country.
                group = [ref]
                for other in refs:
                    if other.start > group[-1].end and _AND_ONLY.fullmatch(doc.text, group[-1].end, other.start):
                        group.append(other)
                return any(r.country not in countries for r in group)
        return False

    def _reported_other(self, doc: _Doc, sentence: Sentence, speaker: Speaker, says: list[Hit], issue: Hit) -> bool:
        """Return whether the holder is the subject of a clause reported by someone of another country.

        "Zelensky said Putin wants a ceasefire on his terms": the speaker's account of the other side's wish or
        readiness, not a position the other side states; "Lavrov said Moscow wanted talks" (same country) and "said
        Germany must send tanks" (the speaker's demand) are not this.
        """
        if speaker.rule != "subject" or speaker.cue.phrase in SPEECH:
            return False
        first = speaker.refs[0]
        speech = [h for h in says if h.end <= first.start and h.phrase in _REPORTING]
        if not speech or _words(doc.text[speech[-1].end : first.start]) > 3:
            return False
        if _PRESCRIPTIVE.search(doc.lowered, first.end, issue.start):
            return False
        refs, others = doc.resolved[sentence.index]
        outer = doc.subject_of(speech[-1], refs, others, lower=sentence.start, upper=first.start)
        if outer is None or not outer.refs:
            return False
        if first.type == "government" and all(r.type == "person" for r in outer.refs):
            return False  # "Kos said that Ukraine is ready to ...": the person reporting it holds it (_reporter)
        return not {r.country for r in outer.refs} & {r.country for r in speaker.refs}

    def _own_group(self, lowered: str, head: int, hit: Hit, speaker: Speaker) -> bool:
        """Return whether a collective right after a verb of saying is a regional group ("the Baltic states",
        "European nations", "EU countries", "NATO allies") that includes every speaker's country; a quantifier
        ("some European countries", "other EU members") makes it a part, not the speaker's side."""
        words = lowered[head : hit.start].split()
        if words and words[0] in ("the", "all", "fellow"):
            words = words[1:]
        if len(words) != 1 or hit.payload.kind != "collective":
            return False
        group = self._regions.get(words[0].replace("’", "'"))
        return group is not None and all(r.country in group for r in speaker.refs)

    def _reporter(self, doc: _Doc, sentence: Sentence, speaker: Speaker, says: list[Hit]) -> Speaker | None:
        """Return the person who said what a government is reported to want ("Lavrov said Moscow wanted...")."""
        first = speaker.refs[0]
        if speaker.rule != "subject" or first.type == "person":
            return None
        speech = [h for h in says if h.end <= first.start and h.phrase in SPEECH]
        if not speech:
            return None
        refs, others = doc.resolved[sentence.index]
        outer = doc.subject_of(speech[-1], refs, others, lower=sentence.start, upper=first.start)
        if outer is None or outer.refs[0].type != "person":
            return None
        head = _CLAUSE_LEAD.match(doc.text, speech[-1].end, first.start)
        if {r.country for r in outer.refs}.isdisjoint(r.country for r in speaker.refs) and (
            head is None or head.end() < first.start
        ):
            # "Meloni reiterated Italy's refusal, while the United States commits to ...": another country's act in
            # a later clause is not what the speaker reports as her own; "..., though Germany has warned that ...":
            # a government that speaks itself keeps its words.
            return None if speaker.cue.phrase in _REPORTING else Speaker([], speech[-1], "reported")
        return Speaker(outer.refs, speech[-1], "reported")

    def _quote_speaker(self, doc: _Doc, quote: tuple[int, int]) -> Speaker | None:
        """Return the speaker of a quotation: "...," X said / X said: "..." / "...," he added."""
        q_start, q_end = quote
        found = doc.quoted_by.get(quote)
        if found is None:  # each issue in a quotation asks again: what does not change is found once
            found = doc.quoted_by[quote] = self._quote_attribution(doc, quote)
        recorded, cue, embedded = found
        if recorded is not None:
            doc.quote_speakers.append((q_end, recorded))  # (on every call, as the speakers are recorded in order)
            return Speaker(recorded.refs, cue, "quote")
        # A quotation standing alone right after an attributed one continues it.
        # Only the latest attributed quotation counts; speakers are recorded in text order.
        previous = doc.quote_speakers[-1] if doc.quote_speakers else None
        # Not a quotation inside a sentence of its own subject ("a newspaper reported that most are “opposed”").
        if previous and not embedded and previous[0] <= q_start and q_start - previous[0] < 300:
            return Speaker(previous[1].refs, previous[1].cue, "quote")
        return None

    def _quote_attribution(self, doc: _Doc, quote: tuple[int, int]) -> tuple[Speaker | None, Hit | None, bool]:
        """Return the speaker to record for a quotation that a verb or a joint statement attributes (else None), its
        cue, and whether the quotation comes after more than a few words of its sentence (_quote_speaker)."""
        q_start, q_end = quote
        picks = [(doc.sentence_at(q_end - 1), "after"), (doc.sentence_at(q_start), "before")]
        first = doc.sentence_at(q_start)
        lead = doc.text[doc.sentences[first].start : q_start] if first is not None else ""
        embedded = _words(lead) > _LEAD_WORDS
        if embedded and not _QUOTE_MARKS.search(lead):
            # A quotation inside a sentence that names its own speaker first ("X warned against “...”").
            picks.reverse()
        for i, pick in picks:
            if i is None:
                continue
            sentence = doc.sentences[i]
            refs, others = doc.resolved[i]
            says, _ = doc.says(i)
            if pick == "after":
                cues = [h for h in says if q_end <= h.start <= q_end + 80][:1]
                nxt = doc.sentences[i + 1] if i + 1 < len(doc.sentences) else None
                if not cues and nxt is not None and nxt.start - q_end < 4 and nxt.end - nxt.start < 80:
                    # The quotation closes a sentence; a short next one names its speaker ("Zelensky said.").
                    i += 1
                    sentence = doc.sentences[i]
                    refs, others = doc.resolved[i]
                    cues = [h for h in doc.says(i)[0] if h.start <= sentence.start + 30][:1]
            else:
                cues = [h for h in says if h.end <= q_start][-1:]
            for cue in cues:
                speaker = doc.subject_of(cue, refs, others, lower=sentence.start, upper=sentence.end)
                if speaker is not None:
                    return speaker, cue, embedded
            if pick == "after" and doc.joint:
                # "...,” the joint statement reads.": the governments that signed it.
                authors = statement_authors(doc.text, q_start, sentence.end, doc.discourse, quote_end=q_end)
                if authors:
                    cue = Hit(sentence.end - 1, sentence.end, "joint", "say")
                    return Speaker(authors, cue, "listed"), cue, embedded
        return None, None, embedded

    def _add_extracted_surnames(self, text: str, sentence: Sentence, refs: list[Ref], discourse: Discourse):
        """Find later mentions of people first met by title ("Defence Minister Jan Kowalski" ... "Kowalski")."""
        if not discourse.extracted:
            return refs
        added = list(refs)
        for surname, person in discourse.extracted.items():
            if text.find(surname, sentence.start, sentence.end) < 0:
                continue  # cheap check first: most sentences do not name them
            for m in re.finditer(rf"\b{re.escape(surname)}\b", sentence.text):
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if any(r.start <= start < r.end for r in added):
                    continue
                ref = Ref(start, end, person.name, "person", person.country, None, "surname", role=person.role)
                ref.possessive = text[end : end + 2] in ("'s", "’s")
                added.append(ref)
                discourse.remember(ref)
        added.sort(key=lambda r: r.start)
        return added

    def _offer(self, best: dict, sentence, issue, ref, speaker, stance, published_on) -> None:
        """Keep the claim of ref in best (by actor, issue and stance) unless one found before is as confident."""
        key = (ref.name, issue.payload.issue, stance.stance)  # the claim's actor, issue and stance (_claim)
        kept = best.get(key)
        # The confidence first: a claim that would not replace the one kept is not built.
        confidence = _confidence(ref, speaker, stance)
        if kept is None or confidence > kept.confidence:
            best[key] = self._claim(sentence, issue, ref, speaker, stance, published_on, confidence=confidence)

    def _claim(self, sentence, issue, ref, speaker, stance, published_on, *, confidence=None) -> ExtractedClaim:
        """Build a claim with its confidence (computed unless given) and the rules that fired."""
        explanation = [
            {"rule": "actor", "detail": f"{ref.rule}: {ref.name}"},
            {"rule": "attribution", "detail": f"{speaker.rule}: {speaker.cue.phrase}"},
            {"rule": "issue", "detail": f"{issue.payload.issue}: {issue.phrase}"},
        ]
        if stance.cue:
            explanation.append({"rule": "stance", "detail": stance.cue})
        if stance.negated:
            explanation.append({"rule": "negation", "detail": "cue turned around by a negation"})
        return ExtractedClaim(
            actor=ref.name,
            actor_type=ref.type,
            country=ref.country,
            issue=issue.payload.issue,
            stance=stance.stance,
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            confidence=_confidence(ref, speaker, stance) if confidence is None else confidence,
            stated_on=published_on,
            actor_slug=ref.slug,
            explanation=explanation,
        )


class _Doc:
    """One document's sentences, resolved actors, attribution cues and quotations, for the claim pass."""

    def __init__(self, text, lowered, sentences, resolved, say_buckets, quotes, discourse) -> None:
        self.text, self.lowered, self.sentences, self.resolved = text, lowered, sentences, resolved
        self.say_buckets, self.quotes, self.discourse = say_buckets, quotes, discourse
        self._starts = [s.start for s in sentences]
        self._says: dict[int, tuple[list[Hit], list[Hit]]] = {}  # sentence index: its filtered cues (says)
        self.joint = "joint " in lowered  # a joint statement can speak for its signatories (statement_authors)
        self.quote_speakers: list[tuple[int, Speaker]] = []  # (quotation end, its speaker), in text order
        self.owned: dict[int, list] = {}  # sentence index: the documents named with their owner (RulesExtractor._owned)
        self._per_sentence: dict[tuple[str, int], Speaker | None] = {}  # once's answers, by (what, sentence index)
        self._subjects: dict[tuple, tuple] = {}  # subject_of's answers (see subject_of)
        self.quoted_by: dict[tuple[int, int], tuple] = {}  # quotation: RulesExtractor._quote_attribution's answer

    def once(self, what: str, i: int, find: Callable[[], Speaker | None]) -> Speaker | None:
        """Return find()'s answer about sentence i, found once: it depends on the sentence, not on which of its
        issues asks."""
        key = (what, i)
        if key not in self._per_sentence:
            self._per_sentence[key] = find()
        return self._per_sentence[key]

    def subject_of(self, cue: Hit, refs: list, others: list, *, lower: int, upper: int) -> Speaker | None:
        """Return attribution.subject_of for this document: computed once for a cue and its context, since
        several issues of a sentence ask for the same verb's subject (the discourse no longer changes here)."""
        key = (cue, id(refs), id(others), lower, upper)
        found = self._subjects.get(key)
        if found is None:
            # The lists are kept with the answer, so that their ids cannot be reused by other lists.
            speaker = subject_of(self.text, cue, refs, others, self.discourse, lower=lower, upper=upper)
            found = self._subjects[key] = (speaker, refs, others)
        return found[0]

    def says(self, i: int) -> tuple[list[Hit], list[Hit]]:
        """Return the speech or position cues and the hearsay cues of sentence i (the lists are shared: read only)."""
        found = self._says.get(i)
        if found is None:
            # Filtered when first needed: only the sentences around an issue ask for their cues.
            text, lowered = self.text, self.lowered
            says: list[Hit] = []
            hearsay: list[Hit] = []
            for h in self.say_buckets[i]:
                if _passive(lowered, h) or is_modifier(lowered, h) or is_non_answer(lowered, h):
                    continue
                if h.payload == "hearsay":
                    h = as_demand(text, h)  # the one cue it may turn into a verb of saying
                if h.payload == "say":
                    says.append(h)
                elif h.payload == "hearsay":
                    hearsay.append(h)
            found = self._says[i] = (says, hearsay)
        return found

    def sentence_at(self, offset: int) -> int | None:
        """Return the index of the sentence containing an offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None


# What each attribution rule adds to a claim's confidence (_claim).
_RULE_CONFIDENCE = {
    "subject": 0.2,
    "quote": 0.2,
    "reported": 0.15,
    "relative": 0.15,
    "coordinated": 0.15,
    "doer": 0.15,
    "listed": 0.1,
    "possessive": 0.05,
    "document": 0.1,
    "inverted": 0.15,
    "pronoun": 0.1,
}
_SPEECH_WORDS = 5
_START = attrgetter("start")  # a reference's offset, to sort by (in C, not a lambda)
# An item of an enumeration ("First — ...", "Secondly, ...", "Third point: ...", "2) ...", "• ...").
_ITEM = re.compile(
    r"\s*(?:(?:first|second|third|fourth|fifth|sixth|firstly|secondly|thirdly|fourthly|finally|lastly)"
    r"(?:\s+(?:principle|point|condition|aspect|demand|element|priority|step))?\s*(?:[—–:-]|,)"
    r"|\d{1,2}[.)]\s|[•▪·*–-]\s)",
    re.IGNORECASE,
)
_ITEMS_BACK = 8
# A sentence that goes on from the one before ("Therefore, ...", "And, ultimately, ...", "Moreover, ...").
_CONNECTIVE = re.compile(
    r"\s*(?:therefore|thus|hence|consequently|moreover|furthermore|in addition|additionally|ultimately|"
    r"at the same time|in this regard|to this end|and\s+(?:ultimately|therefore|thus|finally))\b\s*,?|\s*and\s*,",
    re.IGNORECASE,
)
_CONTINUED_BACK = 3
# Substrings, as before: one search in C instead of a Python loop over the phrases, for every issue found.
_QUESTION_TOPIC = re.compile("|".join(re.escape(phrase) for phrase in QUESTION_TOPIC))
_FIRST_PERSON = re.compile(r"\s*(?:We|Our|I)\b")  # a sentence that opens in the first person
_FIRST_PERSON_REACH = 600  # characters from the end of a quotation to a first-person sentence that continues it
_AND_ONLY = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_BUT_CLAUSE = re.compile(r"(?:,\s*|\s)but\s")
_SAID_THEY = re.compile(
    r"\b(said|say|says|announced|stated|declared|added|insisted|confirmed)\s+(?:that\s+)?they\s+(?:\S+\s+){0,3}$"
)
_CLOSING = re.compile(r",\s*$")
_APPEARS = re.compile(r"\b(?:appears?|appeared|seems?|seemed)\s+(?:to\s+(?:be\s+|have\s+)?)?$")
# The verb of a subordinate clause right after its subject ("... as Ukraine defends itself").
_SUBORDINATE_VERB = re.compile(
    r"\b(?:as|while|when|whereas|because|since|although|though)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}$"
)
_AND_VERB = re.compile(r"\band\s+(?:\w+ly\s+)?$")
_QUOTE_MARKS = re.compile(r"[“”\"«»]")
_LEAD_WORDS = 3  # words before a quotation in its sentence that still let it continue the previous speaker's
_ROLE_NOUNS = frozenset(ROLE_NOUNS)
# The words as whole words, each set in one search in C (the same as testing each word as a substring).
_PRESCRIPTIVE = re.compile("|".join(re.escape(f" {word} ") for word in PRESCRIPTIVE))
_DOUBTS = re.compile("|".join(re.escape(f" {word} ") for word in DOUBTS))
# Verbs of saying that take the one addressed before their "that" clause ("reminded reporters that ...").
_ADDRESSING = frozenset(
    {"warned", "warns", "reminded", "assured", "assures", "urged", "urges", "asked", "asks", "promised", "promises"}
)
_THAT_AFTER = re.compile(r"\s+that\b")
_APPOSED = re.compile(r"\s*,\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}")  # ", a staunch " before a role noun
_POSITION_OF = re.compile(r"\b(?:position|stance|view)$")
# Nouns after a possessive that make the possessor the holder of what follows ("Putin's refusal to ...").
_STATEMENT_NOUNS = frozenset(
    (
        "announcement",
        "call",
        "calls",
        "proposal",
        "plan",
        "pledge",
        "promise",
        "offer",
        "decision",
        "demand",
        "demands",
        "push",
        "suggestion",
        "idea",
        "refusal",
        "threat",
        "warning",
        "statement",
        "insistence",
        "opposition",
        "support",
        "backing",
        "rejection",
        "veto",
        "request",
        "appeal",
        "commitment",
        "readiness",
        "willingness",
        "position",
        "stance",
        "initiative",
    )
)
_OWNED_NOUNS = _STATEMENT_NOUNS - {"position", "stance"}  # after "its/his/her" (pronoun_owner)
# Statement nouns that a national adjective owns ("Hungarian objections", "the French refusal").
_AGAINST_NOUNS = frozenset(
    {
        "objection",
        "objections",
        "veto",
        "vetoes",
        "resistance",
        "reluctance",
        "reservations",
        "refusal",
        "rejection",
        "opposition",
    }
)
_MORE_NOUNS = frozenset({"objection", "objections", "veto", "vetoes", "resistance", "reluctance", "reservations"})
_RELATIVE_SUBJECT = re.compile(r"\b(?:who|which|that)\s+(?:\S+\s+){0,2}$")
_RELATIVE = re.compile(r"\s*[,–—(-]?\s*(?:which|that|whom)\s+", re.IGNORECASE)
_REPORTING_CLAUSE = re.compile(r"[,”\"]\s+(?:[\w.’'()-]+\s+){1,6}$")  # "(Reform)": a party after a name
# Verbs of saying in any tense: what follows is the speaker's account ("warns Russia wants ...").
_REPORTING = SPEECH | {
    "warns", "adds", "notes", "stresses", "insists", "claims", "writes", "announces", "declares", "emphasizes",
    "emphasises", "underlines", "explains", "confirms", "reiterates", "warning", "announcing",
}  # fmt: skip
_CLAUSE_LEAD = re.compile(r"[\s,:]*(?:on \w+day\s*,?\s*)?(?:that\s+)?", re.IGNORECASE)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|should|provided(?:\s+that)?|providing\s+that|on\s+(?:the\s+)?condition\s+that|"
    r"in\s+case|in\s+the\s+event(?:\s+that)?)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)


def regions(taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Return the countries (and institutions) of the regional groups a speaker may call his own side, by the
    adjective that names the group ("the Baltic states", "European nations", "EU members", "NATO allies")."""
    eu = {c.code for c in taxonomy.countries.values() if c.eu_joined_on and not c.eu_left_on} | {"EU"}
    nato = {c.code for c in taxonomy.countries.values() if c.nato_joined_on} | {"NATO"}
    europe = (eu | nato | {"UA", "MD", "CH", "GB"}) - {"US", "CA", "TR", "NATO"}
    groups = {
        "baltic": {"EE", "LV", "LT"},
        "nordic": {"DK", "FI", "IS", "NO", "SE"},
        "scandinavian": {"DK", "NO", "SE"},
        "european": europe,
        "europe's": europe,
        "eu": eu,
        "nato": nato,
    }
    return {word: frozenset(codes) for word, codes in groups.items()}


def _words(text: str) -> int:
    return len(text.split())


def _confidence(ref: Ref, speaker: Speaker, stance: Stance) -> float:
    """Return a claim's confidence: by how its holder, its attribution and its stance were found."""
    confidence = 0.45
    confidence += _RULE_CONFIDENCE.get(speaker.rule, 0.0)
    confidence += 0.1 if ref.rule in ("name", "title+name") else 0.05
    confidence += 0.1 if stance.cue else 0.0
    return min(confidence, 0.95)


def _appears(lowered: str, start: int, end: int) -> bool:
    """Return whether "appears (to be)" or "seems (to have)" comes right before end."""
    if lowered.find("appear", start, end) < 0 and lowered.find("seem", start, end) < 0:
        return False  # the substrings first: most verbs have neither before them
    return _APPEARS.search(lowered, start, end) is not None


def _relative_subject(lowered: str, start: int, end: int) -> bool:
    """Return whether a relative pronoun (who, which, that) and at most two words come right before end."""
    # The substrings first: the regex opens with a word boundary, tried at every character.
    if lowered.find("wh", start, end) < 0 and lowered.find("that", start, end) < 0:
        return False
    return _RELATIVE_SUBJECT.search(lowered, start, end) is not None


def _hypothetical(lowered: str, start: int, position: int) -> bool:
    """Return whether an actor is the subject of an if- or whether-clause."""
    return bool(_HYPOTHETICAL.search(lowered, max(start, position - 40), position))


def lexicon_digest(taxonomy: Taxonomy) -> str:
    """Return a short digest of the issue lexicons, part of the extractor's version."""
    lexicons = {issue.id: issue.lexicon for issue in taxonomy.issues.values()}
    return hashlib.sha1(json.dumps(lexicons, sort_keys=True).encode()).hexdigest()[:8]


def _own_government(speaker: Speaker, outer: Speaker | None) -> Speaker | None:
    """Return the person who reports his own government's act or wish ("the Estonian government has approved
    ...," said Prime Minister X; "the US has committed to ..., Biden said"): the statement is his."""
    if outer is None or any(r.type != "government" for r in speaker.refs):
        return None
    people = [r for r in outer.refs if r.type == "person"]
    if (
        not people
        or len(people) != len(outer.refs)
        or any(r.country not in {g.country for g in speaker.refs} for r in people)
    ):
        return None
    return Speaker(people, outer.cue, "reported")


def _passive(lowered: str, cue: Hit) -> bool:
    """Return whether a verb cue is passive ("has been criticised for", "was urged to"): its subject is a target."""
    if not cue.phrase.endswith(("ed", "ld", "ght")) or cue.phrase in STATES_OF_MIND:
        return False  # "unconvinced by the plan" is a state of mind, not a passive
    if lowered.startswith(" by ", cue.end):
        return True  # "a loan backed by frozen assets"
    before = lowered[max(0, cue.start - 12) : cue.start].split()
    return bool(before) and before[-1] in PASSIVE


def _stance_window_start(text: str, speaker: Speaker, issue: Hit, sentence: Sentence) -> int:
    """Return where the stance cues of an issue start: after the holder named before the verb, so that a chain
    of verbs counts ("refuses to rule out"), but after an insertion between commas ("Draghi, whose government
    had hesitated, said"); else at the verb, else at the sentence start."""
    if speaker.cue.end > issue.start:
        return sentence.start
    before = [r.end for r in speaker.refs if r.end <= speaker.cue.start]
    if not before or speaker.rule not in ("subject", "pronoun"):
        return speaker.cue.start
    comma = text.rfind(",", max(before), speaker.cue.start)
    return comma + 1 if comma >= 0 else max(before)


def _question_topic(lowered: str, start: int, end: int) -> bool:
    """Return whether an issue is the topic of a question put to someone ("asked about guarantees")."""
    return _QUESTION_TOPIC.search(lowered, start, end) is not None


# A statement's sentence that opens with another actor as its subject and demands nothing ("Russia continues to
# stall", "Ukraine has shown its willingness to negotiate") reports that actor's conduct, not the signatories' view.
_OPENING_WORDS = re.compile(r"\s*(?:the\s+)?")
_DEMAND = re.compile(
    r"\b(?:must|should|shall|needs? to|has to|have to|cannot|can't|deserves?|ought to)\b", re.IGNORECASE
)


def _reports_other(text: str, sentence: Sentence, refs: list) -> bool:
    """Return whether a sentence of a joint statement begins with a named actor as its subject and demands nothing."""
    opening = _OPENING_WORDS.match(text, sentence.start)
    first = refs[0] if refs else None
    if first is None or first.start != opening.end() or first.possessive:
        return False
    return _DEMAND.search(text, first.end, sentence.end) is None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Return the span (sorted, not overlapping) that contains [start, end), by bisection."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return None


@register("rules")
def make_rules_extractor(*, taxonomy: Taxonomy, **config) -> RulesExtractor:
    """Build the rule-based extractor for a taxonomy."""
    if config:
        raise ValueError(f"the rules extractor takes no options; got {', '.join(sorted(config))}")
    return RulesExtractor(taxonomy)
