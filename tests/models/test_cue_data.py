"""Cue data files are validated at load: a malformed word list is refused with the file,
section and key named, in both languages."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from models import cues
from models.errors import DataFileError
from models.lexicon import load_language_data

# (section of cues.json, key whose word list is broken)
SECTIONS = [
    ("organisations", "legal_suffixes"),
    ("organisations", "exchanges"),
    ("organisations", "places"),
    ("organisations", "place_forms"),
    ("revisions", "verbs"),
    ("revisions", "objects"),
    ("outlook_headings", "words"),
]
BUILDERS = {
    "organisations": cues._organisation_cues,
    "revisions": cues._revision_regex,
    "outlook_headings": cues._outlook_cues,
}
BAD_VALUES = [[], [""], ["ok", 3], "not a list", None]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("section", "key"), SECTIONS)
@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_a_malformed_word_list_is_refused(lang: str, section: str, key: str, bad: Any) -> None:
    data = copy.deepcopy(load_language_data(lang, "cues")[section])
    data[key] = bad
    with pytest.raises(DataFileError, match=rf"lang/{lang}/cues.json: {section}\.{key}"):
        BUILDERS[section](data, lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("section", sorted(BUILDERS))
def test_the_shipped_word_lists_load(lang: str, section: str) -> None:
    assert BUILDERS[section](load_language_data(lang, "cues")[section], lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("form", ["Europe", "{place} {place}'s"])
def test_a_place_form_holds_the_place_once(lang: str, form: str) -> None:
    data = copy.deepcopy(load_language_data(lang, "cues")["organisations"])
    data["place_forms"] = [form]
    with pytest.raises(DataFileError, match="place_forms must each hold"):
        cues._organisation_cues(data, lang)


# (data file, key): the words this session's rules read, required in every language
REQUIRED_KEYS = [
    ("cues", "share_of_business"),
    ("cues", "share_of_part"),
    ("cues", "ranking_words"),
    ("cues", "apposition_openers"),
    ("cues", "analyst_firm_before"),
    ("periods", "in_a_row"),
    ("periods", "relative_period_of"),
    ("periods", "figure_period_links"),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("name", "key"), REQUIRED_KEYS)
def test_a_data_file_without_a_required_key_is_refused(lang: str, name: str, key: str) -> None:
    from models.lexicon import _check_keys

    data = copy.deepcopy(load_language_data(lang, name))
    _check_keys(name, lang, data)  # as shipped
    del data[key]
    with pytest.raises(DataFileError, match=rf"lang/{lang}/{name}.json: missing key '{key}'"):
        _check_keys(name, lang, data)
