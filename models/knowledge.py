"""The entity knowledge base: companies, units, products, brokers, markets, indices, people.

The gazetteer is data (``models/data/entities.json``), validated when loaded so a
bad edit fails at start with the entity named, never as a silent wrong link.

Matching rules, chosen so one compiled regex does all the work:

- aliases in ``aliases`` match in any case; aliases in ``case_sensitive_aliases``
  (common words and short acronyms: "Orange", "Meta", "Arm", "UBS") only as written;
- a match needs a non-word character (or the text edge) on both sides, so
  "AMD" is not found in "AMDX" nor "Arm" in "army", while "d'Amazon", "l’AMD",
  "NVIDIA’s" and "(AMZN)" do match;
- the longest alias wins at a position ("Amazon Web Services" over "Amazon"),
  and mentions never overlap;
- straight and curly apostrophes are the same character, any single whitespace
  character (including no-break spaces) matches a space in an alias.

All aliases are folded into one character trie and emitted as a single regex, so
the engine tests a handful of characters per position instead of every alias.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import DataFileError
from models.lexicon import read_packaged_json
from models.schema import ENTITY_TYPES

DATA_PACKAGE = "models.data"
DATA_FILE = "entities.json"
SUPPORTED_VERSION = 1

_APOSTROPHES = "'’ʼ‘"
_APOSTROPHE_CLASS = "['’ʼ‘]"
_WHITESPACE_RUN = re.compile(r"\s+")
_NOT_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class EntityRecord:
    id: str
    name: str
    type: str
    parent: str | None
    aliases: tuple[str, ...]
    case_sensitive_aliases: tuple[str, ...]


@dataclass(slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity_id: str


def normalize_alias(text: str) -> str:
    """One spelling per alias: straight apostrophes, single spaces, no edge blanks."""
    for apostrophe in _APOSTROPHES[1:]:
        text = text.replace(apostrophe, "'")
    return _WHITESPACE_RUN.sub(" ", text).strip()


def fold_alias(text: str) -> str:
    """The case-insensitive lookup key of an alias or of a matched surface."""
    return normalize_alias(text).lower()


@dataclass(slots=True)
class _TrieNode:
    children: dict[str, _TrieNode] = field(default_factory=dict)
    any_case: bool = False  # a case-insensitive alias ends here
    exact_forms: set[str] = field(default_factory=set)  # case-sensitive aliases ending here


def _char_pattern(char: str) -> str:
    if char == "'":
        return _APOSTROPHE_CLASS
    if char == " ":
        return r"\s"
    return re.escape(char)


def _node_pattern(node: _TrieNode) -> str:
    # Children first, the end of an alias last: regex alternation is ordered, so the
    # engine tries the longest continuation and backtracks to shorter aliases.
    branches = [
        _char_pattern(char) + _node_pattern(child) for char, child in sorted(node.children.items())
    ]
    if node.any_case:
        branches.append("")
    elif node.exact_forms:
        # Every exact form has the key's length, so the lookbehind has a fixed width.
        exact = "|".join("".join(map(_char_pattern, form)) for form in sorted(node.exact_forms))
        branches.append(f"(?<=(?-i:{exact}))")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _compile_matcher(
    entities: list[EntityRecord], name_particles: tuple[str, ...]
) -> re.Pattern[str]:
    root = _TrieNode()
    for entity in entities:
        for alias, any_case in [(a, True) for a in entity.aliases] + [
            (a, False) for a in entity.case_sensitive_aliases
        ]:
            node = root
            for char in fold_alias(alias):
                node = node.children.setdefault(char, _TrieNode())
            if any_case:
                node.any_case = True
            else:
                node.exact_forms.add(normalize_alias(alias))
    # an alias right after a name particle is part of another name: "da Vinci" (a surgical
    # robot, a painter) is not VINCI
    not_after_particle = "".join(f"(?<!(?<!\\w){re.escape(p)} )" for p in name_particles)
    return re.compile(
        r"(?<!\w)" + not_after_particle + _node_pattern(root) + r"(?!\w)", re.IGNORECASE
    )


class KnowledgeBase:
    """Entities by id, alias lookup, and mention finding over raw text."""

    def __init__(self, entities: list[EntityRecord], name_particles: tuple[str, ...] = ()) -> None:
        self.entities = entities
        self.name_particles = name_particles
        self._by_id = {entity.id: entity for entity in entities}
        self._id_by_key: dict[str, str] = {}
        self._any_case_keys: set[str] = set()
        self._exact_forms: dict[str, set[str]] = {}
        for entity in entities:
            for alias in entity.aliases:
                self._id_by_key[fold_alias(alias)] = entity.id
                self._any_case_keys.add(fold_alias(alias))
            for alias in entity.case_sensitive_aliases:
                self._id_by_key[fold_alias(alias)] = entity.id
                self._exact_forms.setdefault(fold_alias(alias), set()).add(normalize_alias(alias))
        self._matcher = _compile_matcher(entities, name_particles)

    @classmethod
    def load(cls, path: Path | None = None) -> KnowledgeBase:
        """Read and validate the packaged gazetteer, or the file at ``path``."""
        raw, source = read_packaged_json(DATA_PACKAGE, DATA_FILE, path, "the entity file")
        return cls(_validated_entities(raw, source), _name_particles(raw, source))

    def get(self, entity_id: str) -> EntityRecord | None:
        return self._by_id.get(entity_id)

    def resolve(self, name: str) -> EntityRecord | None:
        """The entity whose alias is exactly ``name`` (case-insensitive unless the alias
        is case-sensitive), else None."""
        key = fold_alias(name)
        entity_id = self._id_by_key.get(key)
        if entity_id is None:
            return None
        if key in self._any_case_keys or normalize_alias(name) in self._exact_forms.get(key, ()):
            return self._by_id[entity_id]
        return None

    def find_mentions(self, text: str) -> list[EntityMention]:
        """Every gazetteer mention in ``text``, sorted by start, longest match, no overlap."""
        return [
            EntityMention(
                match.start(),
                match.end(),
                match.group(),
                self._id_by_key[fold_alias(match.group())],
            )
            for match in self._matcher.finditer(text)
        ]

    @staticmethod
    def slug(name: str) -> str:
        """A stable id for an organisation the gazetteer does not know: "Société X" ->
        "societe-x". Empty when ``name`` has no letter or digit."""
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        return _NOT_SLUG_CHARS.sub("-", ascii_name.lower()).strip("-")


def _fail(source: str, message: str, entity_id: object = None) -> DataFileError:
    where = f"entity '{entity_id}': " if entity_id is not None else ""
    return DataFileError(f"{source}: {where}{message}", source=source, entity=entity_id)


def _string_list(value: Any, source: str, entity_id: str, field_name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(source, f"'{field_name}' must be a list of strings", entity_id)
    for alias in value:
        if not normalize_alias(alias):
            raise _fail(source, f"empty alias in '{field_name}'", entity_id)
        if len(fold_alias(alias)) != len(normalize_alias(alias)):
            # the matcher's lookbehind needs lower-casing to keep the length
            raise _fail(source, f"alias {alias!r} changes length when lower-cased", entity_id)
    return tuple(value)


def _entity_record(item: Any, position: int, source: str) -> EntityRecord:
    if not isinstance(item, dict):
        raise _fail(source, f"entity #{position} is not an object")
    entity_id = item.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise _fail(source, f"entity #{position} has no id")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(source, "empty or missing name", entity_id)
    entity_type = item.get("type")
    if entity_type not in ENTITY_TYPES:
        raise _fail(
            source, f"unknown type {entity_type!r} (expected one of {ENTITY_TYPES})", entity_id
        )
    parent = item.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise _fail(source, "'parent' must be an entity id or null", entity_id)
    aliases = _string_list(item.get("aliases", []), source, entity_id, "aliases")
    exact = _string_list(
        item.get("case_sensitive_aliases", []), source, entity_id, "case_sensitive_aliases"
    )
    if fold_alias(name) not in {fold_alias(a) for a in aliases} and normalize_alias(name) not in {
        normalize_alias(a) for a in exact
    }:
        raise _fail(source, f"name {name!r} is not one of its aliases", entity_id)
    return EntityRecord(entity_id, name, entity_type, parent, aliases, exact)


def _name_particles(raw: Any, source: str) -> tuple[str, ...]:
    """Lower-case words that open a name before an alias ("da" in "da Vinci"); only
    those that open few phrases before a company ("de" in "le chiffre d'affaires de
    Vinci" would hide VINCI)."""
    particles = raw.get("name_particles", []) if isinstance(raw, dict) else []
    if not isinstance(particles, list) or not all(
        isinstance(p, str) and p.strip() and p == p.lower() for p in particles
    ):
        raise _fail(source, "'name_particles' must be a list of lower-case words")
    return tuple(particles)


def _validated_entities(raw: Any, source: str) -> list[EntityRecord]:
    if not isinstance(raw, dict) or raw.get("version") != SUPPORTED_VERSION:
        raise _fail(source, f'expected an object with "version": {SUPPORTED_VERSION}')
    items = raw.get("entities")
    if not isinstance(items, list) or not items:
        raise _fail(source, "'entities' must be a non-empty list")
    entities = [_entity_record(item, position, source) for position, item in enumerate(items)]

    ids: set[str] = set()
    for entity in entities:
        if entity.id in ids:
            raise _fail(source, "duplicate id", entity.id)
        ids.add(entity.id)
    owner_by_key: dict[str, str] = {}
    for entity in entities:
        if entity.parent is not None and (entity.parent not in ids or entity.parent == entity.id):
            raise _fail(source, f"parent {entity.parent!r} is not another known entity", entity.id)
        for alias in (*entity.aliases, *entity.case_sensitive_aliases):
            owner = owner_by_key.setdefault(fold_alias(alias), entity.id)
            if owner != entity.id:
                raise _fail(source, f"alias {alias!r} also belongs to entity '{owner}'", entity.id)
    return entities
