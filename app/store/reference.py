"""Load the taxonomy into the database idempotently: insert what is new, update what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.store import models as m
from app.taxonomy import Taxonomy

CHECKSUM_KEY = "reference_checksum"


def taxonomy_checksum(taxonomy: Taxonomy) -> str:
    """Return a stable hash of the taxonomy's content, to skip work when nothing changed."""
    payload = {
        "countries": [asdict(c) for c in taxonomy.countries.values()],
        "issues": [asdict(i) for i in taxonomy.issues.values()],
        "actors": [asdict(a) for a in taxonomy.actors.values()],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def sync_reference(session: Session, *, taxonomy: Taxonomy) -> dict[str, int]:
    """Insert or update countries, issues, actors and offices from the taxonomy; return what changed."""
    checksum = taxonomy_checksum(taxonomy)
    stored = session.get(m.Setting, CHECKSUM_KEY)
    changes = {"countries": 0, "issues": 0, "actors": 0}
    if stored is not None and stored.value == checksum:
        return changes

    countries = {c.code: c for c in session.scalars(select(m.Country))}
    for c in taxonomy.countries.values():
        values = {
            "name": c.name,
            "kind": c.kind,
            "nato_joined_on": c.nato_joined_on,
            "eu_joined_on": c.eu_joined_on,
            "eu_left_on": c.eu_left_on,
            "adjectives": list(c.adjectives),
            "aliases": list(c.aliases),
            "seats": list(c.seats),
        }
        changes["countries"] += _upsert(session, countries.get(c.code), m.Country, {"code": c.code, **values})
    session.flush()

    issues = {i.id: i for i in session.scalars(select(m.Issue))}
    for position, i in enumerate(taxonomy.issues.values()):
        values = {
            "label": i.label,
            "description": i.description,
            "support_means": i.support,
            "oppose_means": i.oppose,
            "lexicon": i.lexicon,
            "position": position,
        }
        changes["issues"] += _upsert(session, issues.get(i.id), m.Issue, {"id": i.id, **values})

    actors = {a.slug: a for a in session.scalars(select(m.Actor).options(selectinload(m.Actor.offices)))}
    for a in taxonomy.actors.values():
        row = actors.get(a.slug)
        values = {"name": a.name, "type": a.type, "country_code": a.country, "aliases": list(a.aliases)}
        offices = sorted(
            ((o.title, o.role, o.country, o.start_on, o.end_on, o.note) for o in a.offices), key=_office_key
        )
        if row is None:
            row = m.Actor(slug=a.slug, origin="reference", **values)
            session.add(row)
            changes["actors"] += 1
        else:
            # Sorted on both sides: the file's order and the database's need not agree.
            current = sorted(
                ((o.title, o.role, o.country_code, o.start_on, o.end_on, o.note) for o in row.offices), key=_office_key
            )
            if any(getattr(row, k) != v for k, v in values.items()) or current != offices:
                for k, v in values.items():
                    setattr(row, k, v)
                changes["actors"] += 1
            if current == offices:
                continue
            row.offices.clear()
        for title, role, country, start_on, end_on, note in offices:
            row.offices.append(
                m.Office(title=title, role=role, country_code=country, start_on=start_on, end_on=end_on, note=note)
            )
    if stored is None:
        session.add(m.Setting(key=CHECKSUM_KEY, value=checksum))
    else:
        stored.value = checksum
    session.flush()
    return changes


def _office_key(office: tuple) -> tuple:
    title, role, country, start_on, end_on, note = office
    return (start_on, end_on or date.max, title, role, country, note or "")


def _upsert(session: Session, row, model, values: dict) -> int:
    if row is None:
        session.add(model(**values))
        return 1
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for k in changed:
        setattr(row, k, values[k])
    return int(bool(changed))
