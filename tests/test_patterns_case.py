"""A pattern compiled with IGNORECASE that asks for a capital letter with a bare class ([A-Z]) matches any letter:
"the district of Kherson" and "the district of the region" alike.  A capital letter there must be asked for with
(?-i:[A-Z]).  Classes that name both cases ([A-Za-z]) mean any letter and are fine."""

from __future__ import annotations

import importlib
import re

import pytest

MODULES = (
    "mapper.mentions",
    "mapper.claims",
    "mapper.claims.places",
    "mapper.claims.frames",
    "mapper.claims.frames_ru_uk",
    "mapper.claims.speakers",
    "mapper.claims.events",
    "mapper.claims.linking",
    "mapper.claims.denials",
    "mapper.lexicon_en",
    "mapper.lexicon_ru_uk",
)
_BARE_CAPITALS = re.compile(r"(?<!\(\?-i:)\[(?:A-Z|А-Я)(?!a-z|а-я)[^\]]*\]")


def _ignorecase_patterns():
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE:
                yield f"{name}.{attr}", value.pattern


@pytest.mark.parametrize(("where", "pattern"), list(_ignorecase_patterns()))
def test_no_bare_capital_class_under_ignorecase(where: str, pattern: str) -> None:
    bare = [m.group() for m in _BARE_CAPITALS.finditer(pattern) if "a-z" not in m.group() and "а-я" not in m.group()]
    assert not bare, f"{where} asks for a capital with {bare} but is compiled with IGNORECASE: use (?-i:...)"
