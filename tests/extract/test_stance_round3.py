"""Stance decisions added in round 3 (stance3). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


@pytest.mark.parametrize(
    "text, claim",
    [
        # A negated modal right before another cue turns that cue around, also after the issue phrase.
        (
            "The Dutch government said that a deployment of troops to Ukraine “could not and cannot be ruled out.”",
            ("Netherlands", "troops-in-ukraine", "support"),
        ),
        (
            "Spain said that sending peacekeepers cannot be ruled out at this stage.",
            ("Spain", "troops-in-ukraine", "support"),
        ),
        (
            "Finland said it would not exclude a presence of Nordic troops in Ukraine after a deal.",
            ("Finland", "troops-in-ukraine", "support"),
        ),
        (
            "Denmark said it will not accept any easing of sanctions this year.",
            ("Denmark", "sanctions", "support"),
        ),
        # Contractions are negators ("doesn't", "hasn't", "won’t" with a curly apostrophe).
        (
            "Belgium said it doesn't support sending fighter jets at the moment.",
            ("Belgium", "advanced-weapons", "oppose"),
        ),
        (
            "Austria said it hasn't ruled out joining the reassurance force.",
            ("Austria", "troops-in-ukraine", "support"),
        ),
        (
            "Portugal said it won’t rule out sending instructors and ground troops.",
            ("Portugal", "troops-in-ukraine", "support"),
        ),
        # Futility and doubts that the other side is serious oppose talks.
        (
            "Lithuania said such negotiations were meaningless while the bombing goes on.",
            ("Lithuania", "negotiations", "oppose"),
        ),
        (
            "Estonia said there is no sign the Kremlin has real interest in peace talks.",
            ("Estonia", "negotiations", "oppose"),
        ),
        (
            "Latvia said calls for a truce were futile and would only help the aggressor.",
            ("Latvia", "ceasefire", "oppose"),
        ),
        # Dissuading, wariness and warnings of tension oppose what they are about.
        (
            "Hungary has made efforts to dissuade its partners from sending long-range missiles.",
            ("Hungary", "advanced-weapons", "oppose"),
        ),
        (
            "Slovakia said a deployment of troops in Ukraine would lead to an increase in tensions.",
            ("Slovakia", "troops-in-ukraine", "oppose"),
        ),
        (
            "Italy remains wary of sending ground troops.",
            ("Italy", "troops-in-ukraine", "oppose"),
        ),
        # "measures against X" names the target of a measure: blocking them opposes sanctions.
        (
            "Hungary vowed to block measures against Russian gas imports.",
            ("Hungary", "sanctions", "oppose"),
        ),
        # "without X" as the exception of a negation insists on X taking part.
        (
            "Poland said there can be no discussion of Ukraine's future without Ukraine.",
            ("Poland", "europe-in-negotiations", "support"),
        ),
        (
            "Sweden said: “Without Europe, there will be no lasting settlement on this continent.”",
            ("Sweden", "europe-in-negotiations", "support"),
        ),
        (
            "Norway said nothing will be decided over Europe's security without the Europeans.",
            ("Norway", "europe-in-negotiations", "support"),
        ),
        (
            "Russia said it was prepared to settle the war with Washington without Europe.",
            ("Russia", "europe-in-negotiations", "oppose"),
        ),
        # A warning whose reported clause has the issue as the subject of a consequence opposes the issue.
        (
            "Luxembourg warned that the proposed reparations loan would leave the bloc exposed in court.",
            ("Luxembourg", "frozen-assets", "oppose"),
        ),
        (
            "Greece cautioned that a truce at this point would just give the invader time.",
            ("Greece", "ceasefire", "oppose"),
        ),
        # A harm foreseen for the issue as its object: the holder values the issue.
        (
            "Russia said the decision could seriously damage the normalisation of relations with Washington.",
            ("Russia", "russia-relations", "support"),
        ),
        (
            "Bulgaria said that such a step would undermine the peace talks.",
            ("Bulgaria", "negotiations", "support"),
        ),
        # A closing but-clause that does not rule out, with no object of its own, keeps the issue open.
        (
            "Belgium said there was no agreement yet on sending troops to Ukraine, but that nothing was excluded.",
            ("Belgium", "troops-in-ukraine", "support"),
        ),
        (
            "Norway said deploying soldiers in Ukraine was not planned, but it did not rule it out.",
            ("Norway", "troops-in-ukraine", "support"),
        ),
        (
            "Czechia said it had no plans to deploy soldiers in Ukraine, but did not rule it out in the future.",
            ("Czechia", "troops-in-ukraine", "support"),
        ),
        (
            "Croatia excluded sending troops to Ukraine.",
            ("Croatia", "troops-in-ukraine", "oppose"),
        ),
        # No common position reached is undecided.
        (
            "Austria said there was no consensus among the ministers on a reassurance force.",
            ("Austria", "troops-in-ukraine", "neutral"),
        ),
        (
            "Estonia said there was no agreement yet on a reassurance force.",
            ("Estonia", "troops-in-ukraine", "neutral"),
        ),
        # A refusal in the future stays a refusal.
        (
            "Finland said there will be no agreement on territorial concessions.",
            ("Finland", "territorial-integrity", "support"),
        ),
        # Effectiveness, and warnings of consequences.
        (
            "Estonia said the sanctions are effective and have weakened the Russian war economy.",
            ("Estonia", "sanctions", "support"),
        ),
        (
            "Hungary said the sanctions were ineffective.",
            ("Hungary", "sanctions", "oppose"),
        ),
        (
            "Russia spoke again about the consequences of long-range missile strikes deep inside its territory.",
            ("Russia", "advanced-weapons", "oppose"),
        ),
        # Buying Russian energy is what sanctions forbid: continuing it opposes them, halting it supports them.
        (
            "Hungary said it intends to keep buying oil from Russia for years.",
            ("Hungary", "sanctions", "oppose"),
        ),
        (
            "Lithuania called for a halt to buying Russian gas across the bloc.",
            ("Lithuania", "sanctions", "support"),
        ),
        # More cue vocabulary: objections, what is (not) on the table, too early, not the time, a gift to Putin.
        (
            "Slovakia said it had no objection to the new sanctions package.",
            ("Slovakia", "sanctions", "support"),
        ),
        (
            "Germany said that deploying combat troops to Ukraine is not on the table.",
            ("Germany", "troops-in-ukraine", "oppose"),
        ),
        (
            "Belgium said it was too early to discuss Ukraine's NATO membership.",
            ("Belgium", "ukraine-nato-membership", "oppose"),
        ),
        (
            "Czechia said this is not the time for negotiations with the Kremlin.",
            ("Czechia", "negotiations", "oppose"),
        ),
        (
            "Estonia said a truce on these terms would be a gift to Putin.",
            ("Estonia", "ceasefire", "oppose"),
        ),
        (
            "Lithuania said freezing the front now would only play into Moscow's hands.",
            ("Lithuania", "ceasefire", "oppose"),
        ),
        (
            "Slovakia said it would not stand in the way of Ukraine's EU membership.",
            ("Slovakia", "ukraine-eu-membership", "support"),
        ),
        (
            "Latvia said there was no alternative to sanctions on Russian banks.",
            ("Latvia", "sanctions", "support"),
        ),
        (
            "Italy said a delivery of Storm Shadow missiles was still under consideration.",
            ("Italy", "advanced-weapons", "neutral"),
        ),
        # A predicate after the issue read word by word ("should be lifted", "must be kept").
        (
            "Slovakia said the sanctions on Russian banks should be lifted.",
            ("Slovakia", "sanctions", "oppose"),
        ),
        (
            "Poland said the sanctions must not be lifted before a peace deal.",
            ("Poland", "sanctions", "support"),
        ),
        (
            "Spain said that sending peacekeepers cannot be ruled out at this stage.",
            ("Spain", "troops-in-ukraine", "support"),
        ),
        # Blocking and vetoing in the present or the infinitive; "X, which ..." is X's own act.
        (
            "Slovakia is blocking the latest sanctions package.",
            ("Slovakia", "sanctions", "oppose"),
        ),
        (
            "Austria has vowed to block any new sanctions on Russian banks.",
            ("Austria", "sanctions", "oppose"),
        ),
        (
            "The minister was referring to Slovakia, which keeps blocking the oil embargo.",
            ("Slovakia", "sanctions", "oppose"),
        ),
        # Doubting the other side is serious: the speaker's own view, opposing talks now.
        (
            "Latvia said the Kremlin is not serious about negotiations at all.",
            ("Latvia", "negotiations", "oppose"),
        ),
        (
            "Finland said Moscow showed no real interest in its own offer of peace talks.",
            ("Finland", "negotiations", "oppose"),
        ),
        (
            "Poland said the draft truce proposal was one-sided.",
            ("Poland", "ceasefire", "oppose"),
        ),
        (
            "Portugal said the sanctions on Russian oil must remain in place.",
            ("Portugal", "sanctions", "support"),
        ),
        # "nobody"/"no one" negate; doing without something that averts a loss demands it.
        (
            "Italy said nobody is planning to deploy soldiers in Ukraine.",
            ("Italy", "troops-in-ukraine", "oppose"),
        ),
        (
            "Ukraine said that without more air defence, its cities will fall.",
            ("Ukraine", "military-aid", "support"),
        ),
        (
            "Ukraine said its army cannot hold the front without long-range missiles.",
            ("Ukraine", "advanced-weapons", "support"),
        ),
        # A short aside between commas does not hide the predicate.
        (
            "Greece said that sending fighter jets, even if only a few, would be a grave mistake.",
            ("Greece", "advanced-weapons", "oppose"),
        ),
        # A call on others to consider is a call, not indecision; one's own considering stays undecided.
        (
            "Lithuania urged its partners to consider sending fighter jets.",
            ("Lithuania", "advanced-weapons", "support"),
        ),
        (
            "Latvia said: “It is time to examine a deployment of European troops.”",
            ("Latvia", "troops-in-ukraine", "support"),
        ),
        (
            "Belgium said it was considering whether to send fighter jets.",
            ("Belgium", "advanced-weapons", "neutral"),
        ),
        # The verb's cue reaches a phrase far into its object.
        (
            "Slovakia said it refuses to take part in any common financial instrument designed to pay for "
            "Ukraine's weapons and long-range missiles.",
            ("Slovakia", "advanced-weapons", "oppose"),
        ),
        # Whether sanctions work; Europe left out of the talks.
        (
            "Slovakia said the sanctions have not worked.",
            ("Slovakia", "sanctions", "oppose"),
        ),
        (
            "Lithuania said the sanctions are working.",
            ("Lithuania", "sanctions", "support"),
        ),
        (
            "Italy said Europe cannot be left out of the negotiations.",
            ("Italy", "europe-in-negotiations", "support"),
        ),
        # An adjective and its noun in a predicate say one thing; enough, reasons, holding off, no interest.
        (
            "Slovakia said sending soldiers to Ukraine would be a dangerous escalation.",
            ("Slovakia", "troops-in-ukraine", "oppose"),
        ),
        # Amounts ask for more of the issue, before it or as its predicate.
        (
            "Ukraine said it does not have enough air defence systems.",
            ("Ukraine", "military-aid", "support"),
        ),
        (
            "Lithuania said the bloc is not doing enough on sanctions.",
            ("Lithuania", "sanctions", "support"),
        ),
        (
            "Estonia said it did not see any reason to hold peace talks with the Kremlin.",
            ("Estonia", "negotiations", "oppose"),
        ),
        (
            "Austria said it would hold off on new sanctions for now.",
            ("Austria", "sanctions", "oppose"),
        ),
        (
            "Latvia said Moscow has shown no interest in a ceasefire.",
            ("Latvia", "ceasefire", "oppose"),
        ),
        # Taking back an earlier position: dropping objections, withdrawing a veto, lifting a ban, walking out.
        (
            "Slovakia dropped its objections to the new sanctions package.",
            ("Slovakia", "sanctions", "support"),
        ),
        (
            "Austria withdrew its veto on the sanctions package.",
            ("Austria", "sanctions", "support"),
        ),
        (
            "Ukraine dropped the ban on negotiating with the Kremlin.",
            ("Ukraine", "negotiations", "support"),
        ),
        (
            "Russia pulled out of the peace talks.",
            ("Russia", "negotiations", "oppose"),
        ),
        # Conditions: a threatened consequence opposes what the if-clause names; a condition after the issue is
        # its own clause.
        (
            "Russia warned that if NATO sent soldiers to Ukraine, it would mean war.",
            ("Russia", "troops-in-ukraine", "oppose"),
        ),
        (
            "Canada said it would impose more sanctions on Russia if it did not agree to a truce.",
            ("Canada", "sanctions", "support"),
        ),
        (
            "The United States said it would walk away from the peace talks.",
            ("United States", "negotiations", "oppose"),
        ),
        # A ban on Russian goods is a sanction, not a refusal of one.
        (
            "Finland called for a ban on Russian LNG.",
            ("Finland", "sanctions", "support"),
        ),
        (
            "Sweden called for banning Russian aluminium imports.",
            ("Sweden", "sanctions", "support"),
        ),
        # Someone else's stance on the holder is no cue of the holder's.
        (
            "Slovakia, which said it wanted peace talks, faced criticism from its partners.",
            ("Slovakia", "negotiations", "support"),
        ),
    ],
)
def test_round3_stance(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Spain said that sending peacekeepers cannot be ruled out at this stage.",
            ("Spain", "troops-in-ukraine", "oppose"),
        ),
        (
            "Belgium said it doesn't support sending fighter jets at the moment.",
            ("Belgium", "advanced-weapons", "support"),
        ),
        (
            "Hungary vowed to block measures against Russian gas imports.",
            ("Hungary", "sanctions", "support"),
        ),
        (
            "Slovakia, which said it wanted peace talks, faced criticism from its partners.",
            ("Slovakia", "negotiations", "oppose"),
        ),
        # A cue word inside a phrase naming the thing is part of its name, no stance on a later phrase.
        (
            "Ireland said the package should cover restrictions on Russian aluminium and the shadow fleet.",
            ("Ireland", "sanctions", "oppose"),
        ),
        (
            "Poland said it will not send troops as part of a peacekeeping mission.",
            ("Poland", "troops-in-ukraine", "support"),
        ),
        # The object of "against" that is a target is no stance.
        (
            "Finland said Kyiv must be able to use the missiles against military targets in Russia.",
            ("Finland", "advanced-weapons", "oppose"),
        ),
        # A but-clause ruling out something else keeps its own object.
        (
            "Greece rejected sending fighter jets but did not rule out more training.",
            ("Greece", "advanced-weapons", "support"),
        ),
        # A warning about another subject's act is no warning about the issue.
        (
            "Czechia warned that Russia would answer any deployment of troops in Ukraine.",
            ("Czechia", "troops-in-ukraine", "oppose"),
        ),
        (
            "Romania warned that the talks, which could shape the region, must include Kyiv.",
            ("Romania", "negotiations", "oppose"),
        ),
        # What someone is criticised for is others' view.
        (
            "Since last year Germany has been criticised for blocking deliveries of heavy weapons to Ukraine.",
            ("Germany", "military-aid", "support"),
        ),
        # "weight" is no weighing (undecided).
        (
            "Estonia warned against giving any weight to peace plans that seek a truce on Russia's terms.",
            ("Estonia", "ceasefire", "neutral"),
        ),
        # Look-alikes of cues: "considerably" is no considering, "resistance" no resisting.
        (
            "Poland said the sanctions had considerably weakened the Russian economy.",
            ("Poland", "sanctions", "neutral"),
        ),
        (
            "Canada pledged more weapons to support Ukraine's resistance.",
            ("Canada", "military-aid", "oppose"),
        ),
        # Another country's act in a reported clause stays its own, unless it is a doubt about seriousness.
        (
            "Lithuania said Hungary is stalling the sanctions package.",
            ("Lithuania", "sanctions", "oppose"),
        ),
        # Doubting that another wants something is no report of his position.
        (
            "Finland doubts that Russia wants peace talks.",
            ("Russia", "negotiations", "support"),
        ),
        # Two phrases of one issue side by side are one mention, read at the first.
        (
            "Estonia said there can be no return to normal relations with Russia.",
            ("Estonia", "russia-relations", "support"),
        ),
        (
            "Ukraine said the sanctions on Russian banks were insufficient.",
            ("Ukraine", "sanctions", "oppose"),
        ),
        # A negation in a relative clause describes others, it is no refusal of the holder's.
        (
            "Canada said it would penalise allies who don't meet the defence spending target.",
            ("Canada", "defense-spending", "oppose"),
        ),
        # "rather than" rejects what follows it, not what comes before.
        (
            "Croatia said: “Let the two sides negotiate for a decade rather than fight on without any result.”",
            ("Croatia", "negotiations", "oppose"),
        ),
    ],
)
def test_round3_not_found(rules, text, claim):
    assert claim not in found(rules, text)
