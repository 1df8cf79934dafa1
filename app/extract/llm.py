"""The LLM extractor: any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, llama.cpp's server).

The codebook goes into the prompt, the answer is asked for as JSON under a JSON schema and checked with pydantic,
every evidence must be found verbatim in the text, and actors and issues are normalised against the taxonomy.
Claims that fail a check are dropped and counted on the extractor; requests, retries and tokens are counted and
logged. Off by default: the extractor is only built when asked for by name ("llm") with an endpoint.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from string import Template
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.extract.base import ExtractedClaim, register
from app.extract.llm_names import ACTOR_TYPES, STANCES, NameIndex
from app.taxonomy import Taxonomy

log = logging.getLogger(__name__)

VERSION = "1"
DEFAULT_CONFIDENCE = 0.6
PROMPT_FILE = Path(__file__).with_name("llm_prompt.md")
RESPONSE_FORMATS = ("json_schema", "json_object", "none")
_FENCE = re.compile(r"\A\s*```(?:json)?\s*\n?(.*?)\n?```\s*\Z", re.S)
_COUNTERS = (
    "documents",
    "requests",
    "retries",
    "failed",
    "claims",
    "dropped_hallucinated",
    "dropped_invalid",
    "dropped_unknown_issue",
    "dropped_duplicate",
    "prompt_tokens",
    "completion_tokens",
)


class LLMError(RuntimeError):
    """The endpoint gave no usable answer: refused, unreachable, too slow or malformed after every retry."""


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Message(_Loose):
    content: str | None = None


class _Choice(_Loose):
    message: _Message


class _Usage(_Loose):
    prompt_tokens: int = 0
    completion_tokens: int = 0


class _Completion(_Loose):
    choices: list[_Choice] = Field(min_length=1)
    usage: _Usage | None = None


class RawClaim(_Loose):
    """One claim as the model states it, before normalisation."""

    actor: str = Field(min_length=1, max_length=300)
    actor_type: str | None = None
    country: str | None = Field(default=None, max_length=100)
    issue: str = Field(min_length=1, max_length=100)
    stance: str = Field(min_length=1, max_length=40)
    evidence: str = Field(min_length=1)
    confidence: float | None = None
    date: str | None = None


def claims_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    """Return the JSON schema the model's answer must follow, with the taxonomy's issue ids."""
    claim = {
        "type": "object",
        "properties": {
            "actor": {"type": "string"},
            "actor_type": {"type": "string", "enum": list(ACTOR_TYPES)},
            "country": {"type": "string"},
            "issue": {"type": "string", "enum": sorted(taxonomy.issues)},
            "stance": {"type": "string", "enum": list(STANCES)},
            "evidence": {"type": "string"},
            "confidence": {"type": ["number", "null"]},
            "date": {"type": ["string", "null"]},
        },
        "required": ["actor", "actor_type", "country", "issue", "stance", "evidence", "confidence", "date"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": claim}},
        "required": ["claims"],
        "additionalProperties": False,
    }


def build_prompt(taxonomy: Taxonomy, *, published_on: date | None, template: str | None = None) -> str:
    """Return the system prompt: the condensed codebook with the taxonomy's issues and the publication date."""
    issues = "\n".join(
        f"- {issue.id} ({issue.label}): {issue.description}. support = {issue.support}; oppose = {issue.oppose}."
        for issue in taxonomy.issues.values()
    )
    text = template if template is not None else PROMPT_FILE.read_text(encoding="utf-8")
    when = published_on.isoformat() if published_on else "an unknown date"
    return Template(text).safe_substitute(issues=issues, published_on=when)


def parse_answer(content: str | None) -> list[Any]:
    """Return the list of claim objects in a model's answer; raise ValueError when it is not the JSON asked for."""
    if content is None or not content.strip():
        raise ValueError("the answer is empty")
    fenced = _FENCE.match(content)  # some local models wrap JSON in a Markdown fence despite the schema
    try:
        data = json.loads(fenced[1] if fenced else content)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at character {exc.pos})") from None
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        return data["claims"]
    if isinstance(data, list):
        return data
    raise ValueError('not an object with a "claims" list')


class LLMExtractor:
    """Text in, claims out, through a chat-completions endpoint; thread-safe, with counters for what it dropped."""

    name = "llm"
    version = VERSION

    def __init__(
        self,
        *,
        taxonomy: Taxonomy,
        base_url: str | None,
        api_key: str | None = None,
        model: str = "gpt-4o-mini",
        timeout: float = 60.0,
        max_retries: int = 2,
        concurrency: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        default_confidence: float = DEFAULT_CONFIDENCE,
        temperature: float = 0.0,
        response_format: str = "json_schema",
        max_chars: int = 60_000,
        prompt_price: float | None = None,
        completion_price: float | None = None,
    ) -> None:
        if not base_url or not re.match(r"^https?://[^/\s]+", base_url):
            raise ValueError(
                "the llm extractor needs an OpenAI-compatible endpoint: set POSTURE_LLM_BASE_URL "
                f"(e.g. http://127.0.0.1:8000/v1), got {base_url!r}"
            )
        if timeout <= 0 or max_retries < 0 or concurrency < 1 or backoff < 0 or max_chars < 1:
            raise ValueError("llm settings: timeout > 0, max_retries >= 0, concurrency >= 1, backoff >= 0 required")
        if response_format not in RESPONSE_FORMATS:
            raise ValueError(f"response_format must be one of {', '.join(RESPONSE_FORMATS)}, got {response_format!r}")
        self.taxonomy = taxonomy
        self.model = model
        self.timeout = timeout
        self.max_retries = max_retries
        self.concurrency = concurrency
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.default_confidence = default_confidence
        self.temperature = temperature
        self.response_format = response_format
        self.max_chars = max_chars
        self.prompt_price = prompt_price  # per million tokens, to log a cost estimate
        self.completion_price = completion_price
        base = base_url.rstrip("/")
        self.url = base if base.endswith("/chat/completions") else base + "/chat/completions"
        # Another model is another extractor: documents extracted with an older tag are extracted again.
        self.version = f"{VERSION}:{model}"[:40]
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        # trust_env=False: no proxy or .netrc from the environment; the configured endpoint is the only peer.
        self._client = httpx.Client(
            timeout=timeout,
            headers=headers,
            trust_env=False,
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        )
        self._slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._names = NameIndex(taxonomy)
        self._template = PROMPT_FILE.read_text(encoding="utf-8")
        self._schema = claims_schema(taxonomy)
        self.counts: dict[str, int] = dict.fromkeys(_COUNTERS, 0)
        self.seconds = 0.0

    def __getattr__(self, name: str) -> int:
        # extractor.dropped_hallucinated and friends read the counters.
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return counts[name]
        raise AttributeError(name)

    def __call__(self, text: str, *, published_on: date | None) -> list[ExtractedClaim]:
        """Return the claims the model finds in one document; raise LLMError when the endpoint gives no answer."""
        self._add(documents=1)
        if not text.strip():
            return []
        items = self._ask(text, published_on)
        claims = self._claims(text, items, published_on)
        self._add(claims=len(claims))
        return claims

    def extract_many(
        self,
        texts: Sequence[str],
        *,
        published_on: Sequence[date | None] | date | None = None,
        skip_errors: bool = False,
        return_exceptions: bool = False,
    ) -> list:
        """Extract from many documents at once, at most `concurrency` requests in flight, results in input order.

        With skip_errors a document whose request fails gives no claims (counted in `failed`) instead of raising;
        with return_exceptions its place holds the exception, so a caller can mark that one document as failed.
        """
        dates = list(published_on) if isinstance(published_on, Sequence) else [published_on] * len(texts)
        if len(dates) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(dates)} dates")

        def one(pair: tuple[str, date | None]) -> list[ExtractedClaim]:
            try:
                return self(pair[0], published_on=pair[1])
            except Exception as exc:
                if return_exceptions:
                    return exc
                if skip_errors and isinstance(exc, LLMError):
                    return []
                raise

        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="llm") as pool:
            return list(pool.map(one, zip(texts, dates, strict=True)))

    def usage(self) -> dict[str, float | int | None]:
        """Return the counters, the seconds spent waiting for the endpoint and the estimated cost."""
        with self._lock:
            figures: dict[str, float | int | None] = dict(self.counts)
            figures["seconds"] = round(self.seconds, 3)
        figures["cost"] = self._cost(self.counts["prompt_tokens"], self.counts["completion_tokens"])
        return figures

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    # The request, with retries.

    def _payload(self, text: str, published_on: date | None) -> dict[str, Any]:
        if len(text) > self.max_chars:
            log.warning("llm: document of %d characters cut to %d for the prompt", len(text), self.max_chars)
        payload: dict[str, Any] = {
            "model": self.model,
            "temperature": self.temperature,
            "messages": [
                {
                    "role": "system",
                    "content": build_prompt(self.taxonomy, published_on=published_on, template=self._template),
                },
                {"role": "user", "content": text[: self.max_chars]},
            ],
        }
        if self.response_format == "json_schema":
            payload["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "claims", "strict": True, "schema": self._schema},
            }
        elif self.response_format == "json_object":
            payload["response_format"] = {"type": "json_object"}
        return payload

    def _ask(self, text: str, published_on: date | None) -> list[Any]:
        payload = self._payload(text, published_on)
        problem, wait = "", 0.0
        for attempt in range(self.max_retries + 1):
            if attempt:
                self._add(retries=1)
                time.sleep(wait)
            wait = min(self.max_backoff, self.backoff * 2**attempt)  # exponential backoff before the next attempt
            with self._slots:
                self._add(requests=1)
                started = time.monotonic()
                try:
                    response = self._client.post(self.url, json=payload)
                except httpx.TimeoutException:
                    problem = f"no answer within {self.timeout:g} s"
                    continue
                except httpx.TransportError as exc:
                    problem = f"could not reach {self.url} ({type(exc).__name__}: {exc})"
                    continue
                finally:
                    with self._lock:
                        self.seconds += time.monotonic() - started
            status = response.status_code
            if status == 429 or status >= 500:
                problem = f"HTTP {status} {_snippet(response.text)}".rstrip()
                wait = max(wait, min(self.max_backoff, _retry_after(response)))
                continue
            if status >= 400:
                self._add(failed=1)
                raise LLMError(
                    f"the LLM endpoint {self.url} refused the request: HTTP {status} {_snippet(response.text)}"
                )
            try:
                completion = _Completion.model_validate_json(response.content)
            except ValidationError:
                problem = f"the answer is not a chat completion: {_snippet(response.text)}"
                continue
            self._log_usage(completion.usage, time.monotonic() - started)
            try:
                return parse_answer(completion.choices[0].message.content)
            except ValueError as exc:
                problem = f"the model's answer is not the JSON asked for: {exc}"
                continue
        self._add(failed=1)
        raise LLMError(f"no usable answer from {self.url} after {self.max_retries + 1} attempts: {problem}")

    def _log_usage(self, usage: _Usage | None, seconds: float) -> None:
        prompt, completion = (usage.prompt_tokens, usage.completion_tokens) if usage else (0, 0)
        self._add(prompt_tokens=prompt, completion_tokens=completion)
        cost = self._cost(prompt, completion)
        log.info(
            "llm %s: %d prompt + %d completion tokens in %.2f s%s",
            self.model,
            prompt,
            completion,
            seconds,
            f", about {cost:.6f} in cost" if cost is not None else "",
        )

    def _cost(self, prompt: int, completion: int) -> float | None:
        if self.prompt_price is None and self.completion_price is None:
            return None
        return (prompt * (self.prompt_price or 0) + completion * (self.completion_price or 0)) / 1_000_000

    def _add(self, **amounts: int) -> None:
        with self._lock:
            for key, amount in amounts.items():
                self.counts[key] += amount

    # From the model's answer to claims.

    def _claims(self, text: str, items: list[Any], published_on: date | None) -> list[ExtractedClaim]:
        found: dict[tuple[str, str, str], ExtractedClaim] = {}
        for item in items:
            claim = self._claim(text, item, published_on)
            if claim is None:
                continue
            key = (claim.actor.casefold(), claim.issue, claim.stance)
            if key in found:
                self._add(dropped_duplicate=1)
                if claim.confidence <= found[key].confidence:
                    continue
            found[key] = claim
        return sorted(found.values(), key=lambda c: (c.start, c.actor, c.issue))

    def _claim(self, text: str, item: Any, published_on: date | None) -> ExtractedClaim | None:
        try:
            raw = RawClaim.model_validate(item)
        except ValidationError:
            self._add(dropped_invalid=1)
            return None
        issue = self._names.issue(raw.issue)
        if issue is None:
            self._add(dropped_unknown_issue=1)
            log.debug("llm: dropped a claim on the unknown issue %r", raw.issue)
            return None
        stance = self._names.stance(raw.stance)
        actor_type = self._names.actor_type(raw.actor_type)
        if stance is None or actor_type is None:
            self._add(dropped_invalid=1)
            return None
        evidence = raw.evidence.strip()
        start = text.find(evidence) if evidence else -1
        if start < 0:
            self._add(dropped_hallucinated=1)
            log.debug("llm: dropped a claim whose evidence is not in the text: %r", evidence[:120])
            return None
        stated_on = _claim_date(raw.date, published_on)
        actor = self._names.resolve(raw.actor, actor_type=actor_type, country=raw.country, on=stated_on)
        if actor is None:
            self._add(dropped_invalid=1)
            return None
        confidence = raw.confidence if raw.confidence is not None else self.default_confidence
        return ExtractedClaim(
            actor=actor.name,
            actor_type=actor.actor_type,
            country=actor.country,
            issue=issue,
            stance=stance,
            evidence=evidence,
            start=start,
            end=start + len(evidence),
            confidence=min(1.0, max(0.0, confidence)),
            stated_on=stated_on,
            actor_slug=actor.slug,
            explanation=[
                {"rule": "llm", "detail": f"{self.model}: {raw.actor} / {raw.issue} / {raw.stance}"},
                {"rule": f"actor-{actor.rule}", "detail": raw.actor},
            ],
        )


def _claim_date(value: str | None, published_on: date | None) -> date | None:
    # A model's date counts only when it is a real day not after publication (a stated position cannot postdate it).
    if value:
        try:
            stated = date.fromisoformat(value.strip()[:10])
        except ValueError:
            return published_on
        if published_on is None or stated <= published_on + timedelta(days=1):
            return stated
    return published_on


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "0")))
    except ValueError:
        return 0.0  # an HTTP-date: fall back on our own backoff


def _snippet(body: str, limit: int = 200) -> str:
    flat = " ".join(body.split())
    return flat[:limit] + ("..." if len(flat) > limit else "")


def config_from_settings(settings: Any) -> dict[str, Any]:
    """Return the factory's keyword arguments from Settings (its llm_* fields), for the CLI and the pipeline."""
    return {
        "base_url": settings.llm_base_url,
        "api_key": settings.llm_api_key,
        "model": settings.llm_model,
        "timeout": settings.llm_timeout,
        "max_retries": settings.llm_max_retries,
        "concurrency": settings.llm_concurrency,
    }


@register("llm")
def make_llm_extractor(
    *,
    taxonomy: Taxonomy,
    base_url: str | None = None,
    api_key: str | None = None,
    model: str | None = None,
    timeout: float | None = None,
    max_retries: int | None = None,
    concurrency: int | None = None,
    **options: Any,
) -> LLMExtractor:
    """Build the LLM extractor for a taxonomy and an OpenAI-compatible endpoint.

    Arguments left out come from the POSTURE_LLM_* settings, so `make_extractor("llm", taxonomy=...)` in the CLI
    and the pipeline uses the configured endpoint.
    """
    given = {
        "base_url": base_url,
        "api_key": api_key,
        "model": model,
        "timeout": timeout,
        "max_retries": max_retries,
        "concurrency": concurrency,
    }
    if any(value is None for value in given.values()):
        from app.config import get_settings  # read lazily: only when something was left out

        configured = config_from_settings(get_settings())
        given = {key: configured[key] if value is None else value for key, value in given.items()}
    return LLMExtractor(taxonomy=taxonomy, **given, **options)
