"""Site furniture is stripped, metadata lines become metadata, the body is left alone."""

from __future__ import annotations

from datetime import date

from app.ingest.clean import clean_text, guess_title, is_furniture
from app.ingest.dates import find_dateline, labelled_date, parse_date, parse_written_date

BODY = (
    "Ministers from six countries met on a grey morning to weigh a new package of support.\n\n"
    "The talks ran late, and the communique promised more money for air defence next year."
)


def test_breadcrumbs_byline_and_closing_sections_are_removed():
    raw = (
        "Home » News » Ministers weigh support package\n\n"
        "Ministers weigh support package\n\n"
        "by Jane Example – Staff Writer\n\n"
        f"{BODY} Share your thoughts in the comments below!\n\n"
        "Share | Tweet | Email\n\n"
        "You may also like\n\nAnother headline about something else\n\n"
        "Leave a Comment\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.\n\n"
        "Adblock Detected\n\nPlease support us by disabling your AdBlocker extension from your browsers.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "Ministers weigh support package\n\n" + BODY
    assert guess_title(cleaned.text) == "Ministers weigh support package"


def test_body_sentences_that_mention_comments_or_sharing_are_kept():
    body = (
        "The minister declined to comment on the leaked memo.\n\n"
        "Officials said the allies would share intelligence and leave a door open to talks.\n\n"
        "Read more about the plan, she said, when the budget is published."
    )
    assert clean_text(body).text == body


def test_leading_date_marker_and_publish_date_lines_become_metadata():
    marked = clean_text(" date 2024-03-19 " + BODY)
    assert marked.published_on == date(2024, 3, 19)
    assert marked.text == BODY
    footer = clean_text(
        BODY + "\nSource link : https://www.example.org/2025/03/15/story/\nWriter : A. Person\n"
        "Publish date : 2025-03-15 03:48:00\nCopyright for syndicated content material belongs to the linked Source.\n"
    )
    assert footer.published_on == date(2025, 3, 15)
    assert footer.url == "https://www.example.org/2025/03/15/story/"
    assert footer.text == BODY


def test_datelines_are_found_only_near_the_top():
    assert find_dateline(["Allies meet", "", "Tuesday, 24 January 2023", BODY]) == date(2023, 1, 24)
    assert find_dateline(["Brussels, March 3, 2024 - The ministers met."]) == date(2024, 3, 3)
    # A date mentioned inside a long paragraph is not a dateline.
    assert find_dateline([f"The last meeting was on 24 January 2023, and {BODY}"]) is None
    assert find_dateline(["Headline"] + ["Some line of text."] * 20 + ["Tuesday, 24 January 2023"]) is None


def test_date_parsing_rejects_impossible_and_future_dates():
    assert parse_date("2024-02-30") is None
    assert parse_date("2999-01-01") is None
    assert parse_written_date("Friday, 1st March 2024") == date(2024, 3, 1)
    assert labelled_date("Published: 3 March 2024") == date(2024, 3, 3)
    assert labelled_date("Posted on March 3, 2024") == date(2024, 3, 3)


def test_furniture_lines():
    for line in ("Home » world » Story", "You may also like", "Comments are closed.", "12 Comments", "“`html"):
        assert is_furniture(line), line
    for line in ("Comments by the minister were welcomed.", "Home secretary speaks", BODY):
        assert not is_furniture(line), line


def test_seed_texts_lose_their_furniture(shared_dir):
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        for furniture in (
            "Home »",
            "You may also like",
            "Leave a Comment",
            "Akismet",
            "Adblock",
            "AdBlocker",
            "Comments are closed",
            "Source link",
            "Publish date",
            "Share your thoughts",
            "`html",
        ):
            assert furniture not in text, (path.name, furniture)
