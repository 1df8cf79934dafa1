"""Publication dates: the markers text dumps carry, datelines, HTML metadata (htmldate), feed and JSONL dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ISO = r"(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})"

# "Tuesday, 24 January 2023", "Tuesday, January 24, 2023", "24 January 2023", "January 24, 2023" at a line start.
_DATELINES = [
    re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
]
# A labelled date: "Published: 3 March 2024", "Publish date : 2025-03-15 03:48:00", "Posted on March 3, 2024".
_LABEL = re.compile(
    r"^\s*(?:publish(?:ed)?(?:\s+date|\s+on)?|publication\s+date|posted(?:\s+on)?|date(?:\s+published)?)\s*[:\-]?\s*",
    re.I,
)


def valid_date(year: int, month: int, day: int) -> date | None:
    """Return the date if it exists and could be a publication date (1990 to tomorrow), else None."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    # A publication date is neither before the web nor after tomorrow.
    if found < date(1990, 1, 1) or found > datetime.now(UTC).date() + timedelta(days=1):
        return None
    return found


def parse_date(value: str) -> date | None:
    """Parse an ISO date or datetime ("2024-03-19", "2025-03-15 03:48:00", "2024-03-19T10:00:00Z"), else None."""
    match = re.match(r"\s*((?:19|20)\d{2})-(\d{2})-(\d{2})", value or "")
    if not match:
        return parse_written_date(value or "")
    return valid_date(int(match[1]), int(match[2]), int(match[3]))


def parse_written_date(value: str) -> date | None:
    """Parse a written date at the start of a string ("Tuesday, 24 January 2023", "March 3, 2024"), else None."""
    value = value.strip()
    for pattern in _DATELINES:
        match = pattern.match(value)
        if match:
            return valid_date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    return None


def labelled_date(line: str) -> date | None:
    """Return the date of a labelled date line ("Publish date : 2025-03-15 03:48:00"), else None."""
    match = _LABEL.match(line)
    if not match:
        return None
    rest = line[match.end() :].strip()
    if not rest or len(rest) > 60:
        return None
    return parse_date(rest)


def find_dateline(lines: list[str], *, within: int = 12) -> date | None:
    """Return the date of a dateline among the first non-empty lines ("Tuesday, 24 January 2023"), else None."""
    seen = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > within:
            break
        # A dateline is short, or opens a paragraph followed by a dash ("Paris, 3 March 2024 - ...").
        if len(stripped) <= 60 or re.match(r"^.{0,40}?\d{4}\s*[–—-]", stripped):
            without_place = re.sub(r"^[A-Z][\w .'-]{1,30},\s*", "", stripped)
            found = parse_written_date(stripped) or parse_written_date(without_place)
            if found:
                return found
    return None


def html_dates(html: str, *, url: str | None = None) -> tuple[date | None, str]:
    """Return the publication date of an HTML page from its metadata (explicit) or its body (inferred)."""
    from htmldate import find_date

    for extensive, source in ((False, "explicit"), (True, "inferred")):
        try:
            found = find_date(html, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
        except Exception:  # htmldate raises on odd markup; a missing date is the honest answer
            found = None
        if found:
            parsed = parse_date(found)
            if parsed:
                return parsed, source
    return None, "unknown"
