"""Co-signatories: an agreement signed "with" someone is a decision of both sides (codebook: signing counts).

"Zelensky signed a security agreement with France" is a position of Zelensky (the subject of "signed") and also
of France, the other party named after "with" in the same clause.
"""

from __future__ import annotations

import re

from app.extract.matcher import Hit

_SIGNING = re.compile(r"(?:signed|signs|signing|sign|concluded|concludes|inked|officiali[sz]ed)$")
_WITH = re.compile(r"[^.;:]{0,60}?\bwith\s+(?:the\s+)?$")
_CLAUSE = re.compile(r"[;:]|,\s+(?:while|whereas|but|although)\b|\s+after\s+|\s+hours\s+after\b")


def cosignatories(lowered: str, cue: Hit, issue: Hit, refs: list, sentence_end: int) -> list:
    """Return the actors an agreement named by issue was signed with ("signed ... agreement with France")."""
    if not _SIGNING.search(cue.phrase) or cue.end > issue.start:
        return []
    found = []
    for ref in refs:
        if ref.start < issue.end or ref.start > min(sentence_end, issue.end + 80):
            continue
        between = lowered[issue.end : ref.start]
        if _CLAUSE.search(between):
            break
        if _WITH.fullmatch(between) is not None:
            found.append(ref)
            break
    return found
