"""The LLM extractor against a real fake: an OpenAI-compatible HTTP server on 127.0.0.1 answering from a script."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from app.config import Settings, get_settings
from app.extract.base import available, make_extractor
from app.extract.llm import LLMError, LLMExtractor, build_prompt, config_from_settings, parse_answer
from app.taxonomy import load_taxonomy
from tests.extract.llm_fake import Step, completion, serve_fake_llm

# Our own test prose.
TEXT = (
    "German Chancellor Olaf Scholz said on Monday that Germany would not send Taurus cruise missiles to Ukraine.\n"
    "French President Emmanuel Macron told reporters that sending Western troops could not be ruled out.\n"
    "Hungarian Prime Minister Viktor Orbán said the EU should not open membership talks with Kyiv.\n"
    "The Kremlin warned that such a step would make a conflict with NATO inevitable.\n"
    "Jan Kowalski, a Polish deputy minister, said sanctions on Moscow must stay in place."
)
PUBLISHED = date(2024, 2, 27)
SCHOLZ_SAYS, MACRON_SAYS, ORBAN_SAYS, KREMLIN_SAYS, KOWALSKI_SAYS = TEXT.split("\n")


def claim(actor, issue, stance, evidence, **extra) -> dict:
    """Return one claim as a model would state it."""
    return {
        "actor": actor,
        "actor_type": extra.pop("actor_type", "person"),
        "country": extra.pop("country", None),
        "issue": issue,
        "stance": stance,
        "evidence": evidence,
        "confidence": extra.pop("confidence", None),
        "date": extra.pop("date", None),
        **extra,
    }


SCHOLZ = claim("Scholz", "advanced-weapons", "oppose", SCHOLZ_SAYS, country="DE", confidence=0.9)
MACRON = claim("Emmanuel Macron", "troops-in-ukraine", "support", MACRON_SAYS, country="FR")


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture
def fake():
    with serve_fake_llm() as server:
        yield server


@pytest.fixture
def make(taxonomy, fake):
    built = []

    def build(**options) -> LLMExtractor:
        options = {"base_url": fake.url, "api_key": "test-key", "model": "fake-model", "backoff": 0.01, **options}
        extractor = make_extractor("llm", taxonomy=taxonomy, **options)
        built.append(extractor)
        return extractor

    yield build
    for extractor in built:
        extractor.close()


def test_well_formed_answer_gives_normalised_claims_with_exact_offsets(make, fake):
    fake.answer(
        Step(
            completion(
                [
                    SCHOLZ,
                    MACRON,
                    claim("Viktor Orban", "ukraine-eu-membership", "oppose", ORBAN_SAYS, country="HU"),
                    claim("the Kremlin", "troops-in-ukraine", "oppose", KREMLIN_SAYS, actor_type="government"),
                    claim("Jan Kowalski", "sanctions", "support", KOWALSKI_SAYS, country="PL"),
                ],
                usage=(1500, 200),
            )
        )
    )
    extractor = make()
    claims = extractor(TEXT, published_on=PUBLISHED)

    got = {(c.actor, c.actor_type, c.country, c.issue, c.stance) for c in claims}
    assert got == {
        ("Olaf Scholz", "person", "DE", "advanced-weapons", "oppose"),
        ("Emmanuel Macron", "person", "FR", "troops-in-ukraine", "support"),
        ("Viktor Orbán", "person", "HU", "ukraine-eu-membership", "oppose"),
        ("Russia", "government", "RU", "troops-in-ukraine", "oppose"),
        ("Jan Kowalski", "person", "PL", "sanctions", "support"),  # not in the registry: kept with its country
    }
    for c in claims:
        assert TEXT[c.start : c.end] == c.evidence
        assert c.stated_on == PUBLISHED
    by_actor = {c.actor: c for c in claims}
    assert by_actor["Olaf Scholz"].actor_slug == "olaf-scholz"
    assert by_actor["Olaf Scholz"].confidence == 0.9
    assert by_actor["Emmanuel Macron"].confidence == extractor.default_confidence  # the model gave none
    assert by_actor["Jan Kowalski"].actor_slug is None
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert extractor.requests == 1 and extractor.retries == 0
    assert extractor.prompt_tokens == 1500 and extractor.completion_tokens == 200
    assert extractor.usage()["claims"] == 5


def test_the_request_carries_the_codebook_the_schema_and_the_key(make, fake, taxonomy):
    make()(TEXT, published_on=PUBLISHED)
    (request,) = fake.received
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer test-key"
    body = request["json"]
    assert body["model"] == "fake-model"
    system, user = body["messages"]
    assert user == {"role": "user", "content": TEXT}
    for issue in taxonomy.issues.values():
        assert issue.id in system["content"] and issue.support in system["content"]
    assert "2024-02-27" in system["content"] and "$issues" not in system["content"]
    schema = body["response_format"]["json_schema"]["schema"]
    assert body["response_format"]["type"] == "json_schema"
    assert set(schema["properties"]["claims"]["items"]["properties"]["issue"]["enum"]) == set(taxonomy.issues)


def test_hallucinated_evidence_is_dropped_and_counted(make, fake):
    paraphrase = claim("Olaf Scholz", "advanced-weapons", "oppose", "Scholz ruled out sending Taurus missiles.")
    fake.answer(Step(completion([paraphrase, MACRON])))
    extractor = make()
    claims = extractor(TEXT, published_on=PUBLISHED)
    assert [c.actor for c in claims] == ["Emmanuel Macron"]
    assert extractor.dropped_hallucinated == 1


def test_unknown_issue_bad_stance_and_missing_fields_are_dropped_and_counted(make, fake):
    fake.answer(
        Step(
            completion(
                [
                    {**SCHOLZ, "issue": "nuclear-deterrence"},
                    {**MACRON, "stance": "perhaps"},
                    {"actor": "Olaf Scholz", "issue": "sanctions"},  # no stance, no evidence
                    "not even an object",
                    {**SCHOLZ, "issue": "Advanced weapons", "stance": "against"},  # a label and a synonym: kept
                ]
            )
        )
    )
    extractor = make()
    claims = extractor(TEXT, published_on=PUBLISHED)
    assert [(c.actor, c.issue, c.stance) for c in claims] == [("Olaf Scholz", "advanced-weapons", "oppose")]
    assert extractor.dropped_unknown_issue == 1
    assert extractor.dropped_invalid == 3


def test_an_actor_in_no_known_country_is_dropped(make, fake):
    fake.answer(Step(completion([claim("Jan Kowalski", "sanctions", "support", KOWALSKI_SAYS, country="Atlantis")])))
    extractor = make()
    assert extractor(TEXT, published_on=PUBLISHED) == []
    assert extractor.dropped_invalid == 1


def test_one_claim_per_actor_issue_and_stance_keeping_the_surest(make, fake):
    second = {**SCHOLZ, "actor": "Olaf Scholz", "confidence": 0.95}
    fake.answer(Step(completion([SCHOLZ, second])))
    extractor = make()
    (only,) = extractor(TEXT, published_on=PUBLISHED)
    assert only.confidence == 0.95 and extractor.dropped_duplicate == 1


def test_the_model_date_is_used_unless_it_postdates_publication(make, fake):
    fake.answer(Step(completion([{**SCHOLZ, "date": "2024-02-26"}, {**MACRON, "date": "2031-01-01"}])))
    claims = {c.actor: c.stated_on for c in make()(TEXT, published_on=PUBLISHED)}
    assert claims == {"Olaf Scholz": date(2024, 2, 26), "Emmanuel Macron": PUBLISHED}


def test_malformed_json_is_retried(make, fake):
    fake.answer(Step(completion(content='{"claims": [ {"actor": ')), Step(completion([SCHOLZ])))
    extractor = make(max_retries=2)
    claims = extractor(TEXT, published_on=PUBLISHED)
    assert [c.actor for c in claims] == ["Olaf Scholz"]
    assert extractor.requests == 2 and extractor.retries == 1


def test_a_fenced_json_answer_is_accepted(make, fake):
    fake.answer(Step(completion(content='```json\n{"claims": []}\n```')))
    extractor = make()
    assert extractor(TEXT, published_on=PUBLISHED) == [] and extractor.retries == 0


def test_malformed_json_every_time_fails_cleanly(make, fake):
    fake.default = Step(completion(content="Sure! Here are the claims you asked for."))
    extractor = make(max_retries=2)
    with pytest.raises(LLMError, match="not the JSON asked for"):
        extractor(TEXT, published_on=PUBLISHED)
    assert extractor.requests == 3 and extractor.failed == 1


def test_a_body_that_is_not_a_chat_completion_is_retried_then_fails(make, fake):
    fake.default = Step("<html>gateway</html>")
    extractor = make(max_retries=1)
    with pytest.raises(LLMError, match="not a chat completion"):
        extractor(TEXT, published_on=PUBLISHED)
    assert extractor.requests == 2


def test_a_slow_answer_times_out_and_is_retried(make, fake):
    fake.answer(Step(completion([]), delay=1.5), Step(completion([SCHOLZ])))
    extractor = make(timeout=0.4, max_retries=1)
    claims = extractor(TEXT, published_on=PUBLISHED)
    assert [c.actor for c in claims] == ["Olaf Scholz"]
    assert extractor.retries == 1


def test_an_endpoint_too_slow_every_time_fails_with_a_clear_error(make, fake):
    fake.default = Step(completion([]), delay=1.5)
    extractor = make(timeout=0.3, max_retries=1)
    with pytest.raises(LLMError, match=r"no answer within 0.3 s"):
        extractor(TEXT, published_on=PUBLISHED)
    assert extractor.requests == 2


def test_rate_limits_and_server_errors_are_retried_with_backoff(make, fake):
    fake.answer(
        Step({"error": {"message": "slow down"}}, status=429, headers={"Retry-After": "0.2"}),
        Step({"error": {"message": "boom"}}, status=500),
        Step(completion([MACRON])),
    )
    extractor = make(max_retries=2)
    claims = extractor(TEXT, published_on=PUBLISHED)
    assert [c.actor for c in claims] == ["Emmanuel Macron"]
    assert extractor.retries == 2 and extractor.requests == 3
    assert extractor.usage()["seconds"] >= 0


def test_server_errors_past_the_retry_budget_fail(make, fake):
    fake.default = Step({"error": {"message": "overloaded"}}, status=503)
    extractor = make(max_retries=1)
    with pytest.raises(LLMError, match="HTTP 503"):
        extractor(TEXT, published_on=PUBLISHED)


def test_a_refused_request_is_not_retried(make, fake):
    fake.answer(Step({"error": {"message": "invalid api key"}}, status=401))
    extractor = make(max_retries=3)
    with pytest.raises(LLMError, match=r"refused the request: HTTP 401.*invalid api key"):
        extractor(TEXT, published_on=PUBLISHED)
    assert extractor.requests == 1


def test_an_unreachable_endpoint_fails_with_a_clear_error(taxonomy):
    with serve_fake_llm() as gone:
        url = gone.url  # the port is free again once the server is closed
    extractor = LLMExtractor(taxonomy=taxonomy, base_url=url, max_retries=1, backoff=0.01, timeout=2)
    with pytest.raises(LLMError, match="could not reach"):
        extractor(TEXT, published_on=PUBLISHED)
    extractor.close()


def test_empty_text_sends_nothing(make, fake):
    assert make()("  \n", published_on=None) == []
    assert fake.received == []


def test_extract_many_runs_in_parallel_within_the_concurrency_limit(make, fake):
    texts = [
        f"Polish Prime Minister Donald Tusk said Poland would keep arming Ukraine (statement {i})." for i in range(6)
    ]

    def answer(request: dict) -> Step:
        text = request["messages"][1]["content"]
        return Step(completion([claim("Donald Tusk", "military-aid", "support", text, country="PL")]), delay=0.3)

    fake.responder = answer
    extractor = make(concurrency=2)
    results = extractor.extract_many(texts, published_on=PUBLISHED)
    assert [r[0].evidence for r in results] == texts  # input order kept
    assert fake.max_in_flight == 2
    assert extractor.requests == 6 and extractor.documents == 6


def test_extract_many_can_skip_documents_that_fail(make, fake):
    fake.answer(Step({"error": {"message": "bad request"}}, status=400))
    fake.default = Step(completion([SCHOLZ]))
    extractor = make(concurrency=1)
    results = extractor.extract_many([TEXT, TEXT], published_on=[PUBLISHED, None], skip_errors=True)
    assert [len(r) for r in results] == [0, 1]
    assert extractor.failed == 1
    with pytest.raises(ValueError, match="2 texts but 1 dates"):
        extractor.extract_many([TEXT, TEXT], published_on=[PUBLISHED])


@pytest.fixture
def environment(monkeypatch):
    """Settings read from a clean environment, re-read by the next get_settings()."""
    for name in ("POSTURE_LLM_BASE_URL", "POSTURE_LLM_API_KEY", "POSTURE_LLM_MODEL", "POSTURE_LLM_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(Path(__file__).parent)  # away from any .env of the checkout
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_registered_by_name_and_off_without_an_endpoint(taxonomy, environment):
    assert "llm" in available()
    with pytest.raises(ValueError, match="POSTURE_LLM_BASE_URL"):
        make_extractor("llm", taxonomy=taxonomy)
    with pytest.raises(ValueError, match="response_format"):
        make_extractor("llm", taxonomy=taxonomy, base_url="http://127.0.0.1:9/v1", response_format="xml")


def test_cost_is_estimated_when_prices_are_given(make, fake):
    fake.answer(Step(completion([], usage=(1_000_000, 500_000))))
    extractor = make(prompt_price=0.15, completion_price=0.6)
    extractor(TEXT, published_on=PUBLISHED)
    assert extractor.usage()["cost"] == pytest.approx(0.45)


def test_parse_answer_says_what_is_wrong():
    assert parse_answer('[{"actor": "x"}]') == [{"actor": "x"}]
    for bad, reason in [("", "empty"), ("{", "not JSON"), ('{"items": []}', '"claims" list')]:
        with pytest.raises(ValueError, match=reason):
            parse_answer(bad)


def test_the_prompt_says_when_the_date_is_unknown(taxonomy):
    assert "an unknown date" in build_prompt(taxonomy, published_on=None)


def test_retry_after_is_honoured(make, fake):
    fake.answer(Step({"error": {"message": "slow down"}}, status=429, headers={"Retry-After": "0.6"}))
    extractor = make(max_retries=1, backoff=0.01)
    started = time.monotonic()
    extractor(TEXT, published_on=PUBLISHED)
    assert time.monotonic() - started >= 0.6
    assert extractor.retries == 1


def test_concurrent_direct_calls_share_the_concurrency_limit(make, fake):
    fake.default = Step(completion([]), delay=0.2)
    extractor = make(concurrency=3)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: extractor(TEXT, published_on=None), range(8)))
    assert fake.max_in_flight == 3


def test_settings_configure_the_extractor(taxonomy, fake):
    settings = Settings(
        _env_file=None, llm_base_url=fake.url, llm_api_key="k", llm_model="m", llm_timeout=5, llm_concurrency=2
    )
    extractor = make_extractor("llm", taxonomy=taxonomy, **config_from_settings(settings))
    assert (extractor.url, extractor.model, extractor.timeout, extractor.concurrency, extractor.max_retries) == (
        fake.url + "/chat/completions",
        "m",
        5,
        2,
        2,
    )
    assert extractor.version == "1:m"
    extractor.close()
    full = LLMExtractor(taxonomy=taxonomy, base_url=fake.url + "/chat/completions/")
    assert full.url == fake.url + "/chat/completions"
    full.close()


def test_left_out_arguments_come_from_the_environment(taxonomy, fake, environment):
    environment.setenv("POSTURE_LLM_BASE_URL", fake.url)
    environment.setenv("POSTURE_LLM_MODEL", "local-model")
    environment.setenv("POSTURE_LLM_CONCURRENCY", "3")
    extractor = make_extractor("llm", taxonomy=taxonomy, timeout=7)
    assert (extractor.url, extractor.model, extractor.concurrency, extractor.timeout) == (
        fake.url + "/chat/completions",
        "local-model",
        3,
        7,
    )
    extractor(TEXT, published_on=PUBLISHED)
    assert fake.received[0]["json"]["model"] == "local-model"
    extractor.close()
