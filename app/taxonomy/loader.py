"""Load the shipped reference data and a user's own files into a Taxonomy, with precise errors."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from app.taxonomy.model import ROLES, Actor, Country, Issue, Office, Taxonomy

KINDS = ("countries", "issues", "actors")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


class TaxonomyError(ValueError):
    """A reference-data file is malformed; says which file, which line and what is wrong."""

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


# Letters that NFKD does not decompose into a base letter plus accent ("Radosław", "Støre", "Đukanović").
_TRANSLITERATE = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ı": "i",
    }
)


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug ("Viktor Orbán" -> "viktor-orban")."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryIn(_Strict):
    # States use ISO 3166-1 alpha-2 codes; institutions a short upper-case code (NATO, EU, G7, UN).
    code: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,7}$")
    name: str = Field(min_length=1)
    kind: Literal["country", "institution"] = "country"
    nato_joined_on: date | None = None
    eu_joined_on: date | None = None
    eu_left_on: date | None = None
    adjectives: list[str] = []
    aliases: list[str] = []
    seats: list[str] = []
    # The slug of the country's government actor when it is not the name's: a renamed country keeps its links
    # and its stored claims ("Czechia", formerly listed as "Czech Republic", stays czech-republic).
    actor_slug: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> CountryIn:
        if self.kind == "country" and len(self.code) != 2:
            raise ValueError(f"a country's code must be its ISO 3166-1 alpha-2 code, got {self.code!r}")
        if self.eu_left_on and (self.eu_joined_on is None or self.eu_left_on < self.eu_joined_on):
            raise ValueError("eu_left_on needs an earlier eu_joined_on")
        return self


class OfficeIn(_Strict):
    title: str = Field(min_length=1)
    role: str
    country: str | None = None
    start_on: date
    end_on: date | None = None
    note: str | None = None

    @field_validator("role")
    @classmethod
    def _known_role(cls, v: str) -> str:
        if v not in ROLES:
            raise ValueError(f"unknown role {v!r}; expected one of {', '.join(ROLES)}")
        return v

    @model_validator(mode="after")
    def _ordered(self) -> OfficeIn:
        if self.end_on is not None and self.end_on <= self.start_on:
            raise ValueError(f"end_on {self.end_on} must be after start_on {self.start_on}")
        return self


class ActorIn(_Strict):
    name: str = Field(min_length=1)
    slug: str | None = None
    type: Literal["person", "government", "organization"] = "person"
    country: str
    aliases: list[str] = []
    offices: list[OfficeIn] = []
    note: str | None = None


class IssueIn(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str = Field(min_length=1)
    description: str
    support: str
    oppose: str
    lexicon: dict[str, Any] = {}


_MODELS: dict[str, type[_Strict]] = {"countries": CountryIn, "issues": IssueIn, "actors": ActorIn}
_KEYS = {"countries": "code", "issues": "id", "actors": "slug"}


# libyaml's parser when PyYAML was built with it: the pure-Python one takes most of a second on the shipped data.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A SafeLoader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    # The line of each key too, so an error in a block-style field points at that field's own line.
    mapping["__keylines__"] = {
        key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Leave dates to pydantic: PyYAML's own constructor raises a bare ValueError on "2024-13-01".
    return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass(frozen=True)
class _Source:
    """Where an entry came from, to point errors found after parsing at the right file and line."""

    path: Path
    line: int | None
    raw: dict  # the entry as read, nested mappings still carrying their "__line__"

    def line_of(self, *loc: str | int) -> int | None:
        """Return the line of the innermost field or mapping along a path of keys and indexes (an office's line)."""
        node: Any = self.raw
        line = self.line
        for key in loc:
            if isinstance(node, dict) and key in node.get("__keylines__", {}):
                line = node["__keylines__"][key]
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(node, dict) and node.get("__line__"):
                line = node["__line__"]
        return line


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in ("__line__", "__keylines__")}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _read_items(path: Path, text: str) -> list[tuple[int | None, dict]]:
    """Parse a YAML or JSON list of mappings, returning (line, item) pairs; items keep their "__line__" marks."""
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TaxonomyError(path, exc.lineno, f"invalid JSON: {exc.msg}") from None
        items = data if isinstance(data, list) else None
        lines: list[int | None] = [None] * len(items or [])
    else:
        try:
            data = yaml.load(text, Loader=_LineLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc)
            raise TaxonomyError(path, mark.line + 1 if mark else None, f"invalid YAML: {problem}") from None
        if data is None:  # an empty file adds nothing
            return []
        items = data if isinstance(data, list) else None
        lines = [it.get("__line__") if isinstance(it, dict) else None for it in items or []]
    if items is None:
        raise TaxonomyError(path, 1, "expected a list of entries at the top level")
    out = []
    for line, item in zip(lines, items, strict=True):
        if not isinstance(item, dict):
            raise TaxonomyError(path, line, "each entry must be a mapping")
        out.append((line, item))
    return out


def _describe(err: dict) -> str:
    """Turn one pydantic error into a sentence a data editor understands."""
    loc = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown field {loc!r}"
    if err["type"] == "missing":
        return f"missing field {loc!r}"
    msg = err["msg"].removeprefix("Value error, ")
    if isinstance(err.get("input"), bool) and err["loc"] and err["loc"][-1] in ("code", "country"):
        # YAML 1.1 reads NO (Norway) as false.
        msg += '; quote country codes that YAML reads as booleans, e.g. "NO"'
    return f"{loc}: {msg}" if loc else msg


def _parse_file(kind: str, path: Path, text: str) -> list[tuple[_Strict, _Source]]:
    model = _MODELS[kind]
    parsed = []
    for line, raw in _read_items(path, text):
        source = _Source(path=path, line=line, raw=raw)
        try:
            parsed.append((model.model_validate(_strip_lines(raw)), source))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise TaxonomyError(path, source.line_of(*err["loc"]), _describe(err)) from None
    return parsed


def _kind_of(path: Path) -> str | None:
    for kind in KINDS:
        if path.name.startswith(kind) and path.suffix in DATA_SUFFIXES:
            return kind
    return None


def _shipped_files() -> list[tuple[str, Path, str]]:
    root = resources.files("app.taxonomy") / "data"
    files = []
    # The curated file of a kind (actors.yaml) comes after its supplements (actors_news.yaml), so where both
    # describe the same actor the curated offices win; see load_taxonomy for the aliases.
    for entry in sorted(root.iterdir(), key=lambda e: (Path(e.name).stem in KINDS, e.name)):
        kind = _kind_of(Path(entry.name))
        if kind:
            files.append((kind, Path("app/taxonomy/data") / entry.name, entry.read_text(encoding="utf-8")))
    return files


def _user_files(user_dir: Path) -> list[tuple[str, Path, str]]:
    if not user_dir.is_dir():
        raise TaxonomyError(user_dir, None, "taxonomy directory does not exist")
    files = []
    for path in sorted(user_dir.iterdir()):
        if path.suffix not in DATA_SUFFIXES or path.name.startswith("."):
            continue  # READMEs and editor files sit next to the data
        kind = _kind_of(path)
        if kind is None:
            # A silently skipped "actor.yaml" would look like data that loaded.
            raise TaxonomyError(path, None, f"file name must start with one of {', '.join(KINDS)}")
        try:
            files.append((kind, path, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            raise TaxonomyError(path, None, "not UTF-8 text") from None
    if not files:
        raise TaxonomyError(user_dir, None, "no taxonomy files (countries*.yaml, issues*.yaml, actors*.yaml) found")
    return files


def load_taxonomy(user_dir: Path | None = None, *, replace: bool = False) -> Taxonomy:
    """Load the shipped taxonomy, extended (or, per kind, replaced) by the files in user_dir."""
    merged: dict[str, dict[str, tuple[_Strict, _Source]]] = {kind: {} for kind in KINDS}
    user = _user_files(user_dir) if user_dir else []
    replaced = {kind for kind, _, _ in user} if replace else set()
    shipped = [f for f in _shipped_files() if f[0] not in replaced]
    for kind, path, text in shipped + user:
        first_line: dict[str, int | None] = {}
        for entry, source in _parse_file(kind, path, text):
            key = getattr(entry, _KEYS[kind]) if kind != "actors" else (entry.slug or slugify(entry.name))
            if key in first_line:  # within one file a repeat is a slip, not an override
                where = f" (first at line {first_line[key]})" if first_line[key] else ""
                raise TaxonomyError(path, source.line, f"duplicate {_KEYS[kind]} {key!r}{where}")
            first_line[key] = source.line
            earlier = merged[kind].get(key)
            if kind == "actors" and earlier and _is_shipped(earlier[1], shipped) and _is_shipped(source, shipped):
                # Two shipped files on one actor: keep every spelling either of them knows.
                aliases = list(dict.fromkeys([*earlier[0].aliases, *entry.aliases]))
                entry = entry.model_copy(update={"aliases": aliases})
            merged[kind][key] = (entry, source)  # a later file's entry with the same key wins
    return _build(merged)


def _is_shipped(source: _Source, shipped: list[tuple[str, Path, str]]) -> bool:
    return any(source.path == path for _, path, _ in shipped)


def _build(merged: dict[str, dict[str, tuple[_Strict, _Source]]]) -> Taxonomy:
    countries = {
        c.code: Country(
            code=c.code,
            name=c.name,
            kind=c.kind,
            nato_joined_on=c.nato_joined_on,
            eu_joined_on=c.eu_joined_on,
            eu_left_on=c.eu_left_on,
            adjectives=tuple(c.adjectives),
            aliases=tuple(c.aliases),
            seats=tuple(c.seats),
        )
        for c, _ in merged["countries"].values()
    }
    issues = {
        i.id: Issue(
            id=i.id,
            label=i.label,
            description=i.description,
            support=i.support,
            oppose=i.oppose,
            lexicon=dict(i.lexicon),
        )
        for i, _ in merged["issues"].values()
    }
    actors: dict[str, Actor] = {}
    # Every country speaks as a government actor of its own name (codebook: "Poland", government).
    for c in countries.values():
        if c.kind == "country":
            slug = merged["countries"][c.code][0].actor_slug or slugify(c.name)
            actors[slug] = Actor(slug=slug, name=c.name, type="government", country=c.code)
    for slug, (a, source) in merged["actors"].items():
        if a.country not in countries:
            raise TaxonomyError(
                source.path, source.line_of("country"), f"actor {a.name!r} has unknown country {a.country!r}"
            )
        offices = []
        for n, o in enumerate(a.offices):
            country = o.country or a.country
            if country not in countries:
                raise TaxonomyError(
                    source.path,
                    source.line_of("offices", n),
                    f"office {o.title!r} of {a.name!r} has unknown country {country!r}",
                )
            offices.append(
                Office(
                    title=o.title,
                    role=o.role,
                    country=country,
                    start_on=o.start_on,
                    end_on=o.end_on,
                    note=o.note,
                )
            )
        actors[slug] = Actor(
            slug=slug, name=a.name, type=a.type, country=a.country, aliases=tuple(a.aliases), offices=tuple(offices)
        )
    return Taxonomy(countries=countries, issues=issues, actors=actors)
