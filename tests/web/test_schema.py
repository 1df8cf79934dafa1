"""schemathesis against /api/v1/openapi.json, in process: no server error and no schema violation.

Every operation gets EXAMPLES generated requests (half schema-valid, half schema-violating; more than 1,000 in all),
sent with an editor's Bearer token so that the write operations run for real against a small database.
"""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import checks
from schemathesis.generation import GenerationMode

from tests.web.review_helpers import make_claims, make_user

EXAMPLES = int(os.environ.get("POSTURE_SCHEMA_EXAMPLES", "50"))
# A schema-valid body can still be refused for what it means (an unknown actor slug, a span past the end of the
# text, an edit that changes nothing): that is a 422 naming the field, not a schema violation, so the heuristic
# "valid data must be accepted" check is left out; every other check runs.
EXCLUDED = [checks.positive_data_acceptance]
# A query string cannot tell an empty list, an empty object and an empty string apart (all are `country=`), so
# "schema-violating query accepted" has false positives on GETs; bodies (POST/PATCH) keep the check.
GET_EXCLUDED = [checks.negative_data_rejection]
# Operations with a known, reported violation: still run and reported, not failed here; add an entry only with
# an issue for it (POSTURE_SCHEMA_STRICT=1 fails on them too). Empty: every operation conforms.
KNOWN_ELSEWHERE: dict[str, str] = {}


def run_operation(operation, mode: GenerationMode, headers: dict[str, str], examples: int) -> tuple[int, str | None]:
    """Send generated requests to one operation; return how many were sent and the failure, if any."""
    sent = 0
    positive = mode is GenerationMode.POSITIVE
    excluded = EXCLUDED + (GET_EXCLUDED if operation.method.upper() == "GET" else [])

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case):
        nonlocal sent
        sent += 1
        # schemathesis writes a random Bearer token, or leaves it out (negative cases): swap a generated token
        # for the real one, keep a missing or malformed header as generated (the answer is then 401).
        auth = (case.headers or {}).get("Authorization")
        real = positive or (isinstance(auth, str) and auth.startswith("Bearer "))
        case.call_and_validate(headers=headers if real else None, excluded_checks=excluded)

    try:
        check()
    except Unsatisfiable:
        pass  # nothing to violate (no parameters, no body): no negative case exists
    except (Exception, BaseExceptionGroup) as exc:  # report every operation's failure together
        return sent, str(exc)[:3000]
    return sent, None


def run_schema(schema, headers: dict[str, str], examples: int) -> tuple[int, dict[str, str]]:
    """Send generated requests to every operation; return how many were sent and the failures by operation."""
    total = 0
    failures: dict[str, str] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            sent, failure = run_operation(operation, mode, headers, examples // 2)
            total += sent
            if failure:
                failures[f"{operation.label} [{mode.value}]"] = failure
    return total, failures


def test_api_conforms_to_its_schema(app, db, capsys):
    make_claims(db)
    token = make_user(db, "schema-editor", "editor")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    sent, failures = run_schema(schema, {"Authorization": f"Bearer {token}"}, EXAMPLES)
    strict = os.environ.get("POSTURE_SCHEMA_STRICT") == "1"
    known = {k: v for k, v in failures.items() if k.rsplit(" [", 1)[0] in KNOWN_ELSEWHERE and not strict}
    with capsys.disabled():
        print(f"\nschemathesis in-process: {sent} requests, {len(failures)} failing operation runs")
        for label in known:
            print(f"  known, reported: {label}: {KNOWN_ELSEWHERE[label.rsplit(' [', 1)[0]]}")
    real = {k: v for k, v in failures.items() if k not in known}
    assert not real, "\n\n".join(f"{k}:\n{v}" for k, v in real.items())
    if EXAMPLES >= 50:
        assert sent >= 1000
