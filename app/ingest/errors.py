"""The one error ingestion raises for a bad input: a short reason and a sentence that says what and why."""

from __future__ import annotations

# The reasons an input can fail, so that summaries can count them.
REASONS = (
    "empty",
    "binary",
    "too large",
    "undecodable",
    "unreachable",
    "HTTP status",
    "not an article",
    "timed out",
    "not found",
    "symlink loop",
    "unsupported",
    "unsafe URL",
    "too many redirects",
    "bad feed",
    "bad record",
    "database error",
)


class IngestError(Exception):
    """A bad input: `reason` is one of REASONS, `detail` explains it to the user."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
