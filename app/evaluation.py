"""Score predicted claims against a gold set, as the codebook's "Scores" section defines them.

Per document, predicted and gold claims are compared as sets, and the counts are summed (micro-average):
country-level (country, issue, stance), actor-level (actor, issue, stance; names compared lower-cased without
accents, a person also matching on surname plus country), pairs (actor, issue) and stance accuracy on the
matched pairs. The matching follows the reference scorer (../shared/tools/score_claims.py) step by step, so
that both agree to the third decimal.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

LEVELS = ("country", "actor", "pair")


class GoldFileError(ValueError):
    """A gold or prediction file is malformed; says which line."""


def norm(text: str | None) -> str:
    """Lower-case, strip accents, treat hyphens as spaces, collapse spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").split())


def _surname(name: str) -> str:
    parts = norm(name).split()
    return parts[-1] if parts else ""


def same_actor(gold: dict, pred: dict) -> bool:
    """Return whether two claims name the same actor (equal names, or a person's surname plus country)."""
    if norm(gold["actor"]) == norm(pred["actor"]):
        return True
    return (
        gold.get("actor_type") == "person"
        and _surname(gold["actor"]) == _surname(pred["actor"])
        and norm(gold["country"]) == norm(pred.get("country", ""))
    )


def _greedy(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool]) -> list[tuple[int, int]]:
    """Return one-to-one matches (gold index, pred index), gold claims taken in order."""
    used: set[int] = set()
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _dedup(items: Iterable[dict], key: Callable[[dict], tuple]) -> list[dict]:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _same_claim(a: dict, b: dict) -> bool:
    return a["issue"] == b["issue"] and a["stance"] == b["stance"] and same_actor(a, b)


def _same_pair(a: dict, b: dict) -> bool:
    return a["issue"] == b["issue"] and same_actor(a, b)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one document's counts."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        """Return the reference scorer's figures for this level."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class DocumentErrors:
    """One document's actor-level errors: gold claims missed and predicted claims not in the gold."""

    doc_id: str
    missed: list[dict]
    spurious: list[dict]

    @property
    def count(self) -> int:
        return len(self.missed) + len(self.spurious)


CALIBRATION_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass
class CalibrationBin:
    """Predicted claims whose confidence lies in [low, high), and how many of them match the gold."""

    low: float
    high: float
    claims: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.claims if self.claims else 0.0

    def as_json(self) -> dict:
        """Return the band's figures."""
        return {"low": self.low, "high": self.high, "claims": self.claims, "right": self.right,
                "precision": round(self.precision, 4)}  # fmt: skip


@dataclass
class Report:
    """Every score of an evaluation run."""

    levels: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LEVELS})
    stance_ok: int = 0
    stance_n: int = 0
    by_issue: dict[str, Counts] = field(default_factory=dict)
    documents: list[DocumentErrors] = field(default_factory=list)
    # (confidence, matched a gold claim at actor level) for every predicted claim that carries a confidence.
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def stance_accuracy(self) -> float:
        return self.stance_ok / self.stance_n if self.stance_n else 0.0

    def as_json(self) -> dict:
        """Return the reference scorer's JSON (score_claims.py --json) plus the per-issue table."""
        out: dict = {k: self.levels[k].as_json() for k in LEVELS}
        out["stance_accuracy"] = round(self.stance_accuracy, 4)
        out["documents"] = len(self.documents)
        out["by_issue"] = {k: v.as_json() for k, v in sorted(self.by_issue.items())}
        out["calibration"] = [b.as_json() for b in self.calibration()]
        return out

    def calibration(self, edges: tuple[float, ...] = CALIBRATION_EDGES) -> list[CalibrationBin]:
        """Return, per confidence band, how many predicted claims it holds and how many of them are right."""
        bins = [CalibrationBin(lo, hi) for lo, hi in pairwise(edges)]
        for confidence, right in self.confidences:
            for b in bins:
                if b.low <= confidence < b.high or (b.high == edges[-1] and confidence == b.high):
                    b.claims += 1
                    b.right += right
                    break
        return [b for b in bins if b.claims]

    def worst(self, n: int = 5) -> list[DocumentErrors]:
        """Return the documents with the most actor-level errors."""
        ranked = sorted((d for d in self.documents if d.count), key=lambda d: (-d.count, d.doc_id))
        return ranked[:n]


def score(gold_docs: dict[str, list[dict]], pred_docs: dict[str, list[dict]]) -> Report:
    """Score predictions (doc_id -> claims) against gold (doc_id -> claims); missing documents predict nothing."""
    report = Report()
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, [])
        gk = {(norm(c["country"]), c["issue"], c["stance"]) for c in gold}
        pk = {(norm(c.get("country", "")), c["issue"], c["stance"]) for c in pred}
        tp = len(gk & pk)
        report.levels["country"].add(tp, len(pk) - tp, len(gk) - tp)

        g = _dedup(gold, lambda c: (norm(c["actor"]), c["issue"], c["stance"]))
        p = _dedup(pred, lambda c: (norm(c["actor"]), c["issue"], c["stance"]))
        matched = _greedy(g, p, _same_claim)
        report.levels["actor"].add(len(matched), len(p) - len(matched), len(g) - len(matched))
        hit_g, hit_p = {i for i, _ in matched}, {j for _, j in matched}
        report.confidences += [
            (float(c["confidence"]), j in hit_p)
            for j, c in enumerate(p)
            if isinstance(c.get("confidence"), int | float)
        ]
        missed = [c for i, c in enumerate(g) if i not in hit_g]
        spurious = [c for j, c in enumerate(p) if j not in hit_p]
        report.documents.append(DocumentErrors(doc_id, missed, spurious))
        for issue in {c["issue"] for c in g} | {c["issue"] for c in p}:
            counts = report.by_issue.setdefault(issue, Counts())
            n_tp = sum(1 for i, _ in matched if g[i]["issue"] == issue)
            n_fp = sum(1 for c in spurious if c["issue"] == issue)
            n_fn = sum(1 for c in missed if c["issue"] == issue)
            counts.add(n_tp, n_fp, n_fn)

        g = _dedup(gold, lambda c: (norm(c["actor"]), c["issue"]))
        p = _dedup(pred, lambda c: (norm(c["actor"]), c["issue"]))
        matched = _greedy(g, p, _same_pair)
        report.levels["pair"].add(len(matched), len(p) - len(matched), len(g) - len(matched))
        # Stance accuracy follows the reference: for each gold pair, its first matching predicted pair.
        for a in g:
            for b in p:
                if _same_pair(a, b):
                    report.stance_n += 1
                    gs = {
                        c["stance"] for c in gold if norm(c["actor"]) == norm(a["actor"]) and c["issue"] == a["issue"]
                    }
                    ps = {
                        c["stance"] for c in pred if norm(c["actor"]) == norm(b["actor"]) and c["issue"] == b["issue"]
                    }
                    report.stance_ok += bool(gs & ps)
                    break
    return report


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON Lines file of documents, with a line-numbered error for bad lines."""
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise GoldFileError(f"{path}: not UTF-8 text") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{n}: invalid JSON: {exc.msg}") from None
        if not isinstance(doc, dict) or "doc_id" not in doc:
            raise GoldFileError(f"{path}:{n}: each line must be an object with a doc_id")
        claims = doc.get("claims")
        claims = [] if claims is None else claims
        if not isinstance(claims, list):
            raise GoldFileError(f"{path}:{n}: claims must be a list")
        for c in claims:
            if not isinstance(c, dict) or not all(isinstance(c.get(k), str) for k in ("actor", "issue", "stance")):
                raise GoldFileError(f"{path}:{n}: each claim needs actor, issue and stance strings")
            if not isinstance(c.get("country", ""), str):
                raise GoldFileError(f"{path}:{n}: claim country must be a string")
        docs.append(doc)
    return docs


def claims_by_doc(docs: list[dict]) -> dict[str, list[dict]]:
    """Return doc_id -> claims (a later line for the same doc_id wins, as in the reference scorer)."""
    return {str(d["doc_id"]): d.get("claims") or [] for d in docs}
