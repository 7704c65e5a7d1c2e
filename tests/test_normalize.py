from __future__ import annotations

import pytest

from gazetteer.normalize import fold, phonetic


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Goran Boy", "Goranboy"),
        ("GORAN-BOY", "goranboy"),
        ("Tərtər", "Terter"),
        ("Şuşa", "Shusha"),
        ("Xankəndi", "Xankendi"),
        ("Nagorno-Karabakh", "Nagorno Karabakh"),
        ("Füzuli", "Fuzuli"),
    ],
)
def test_fold_merges_case_diacritics_spaces_hyphens(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_transliterates_other_scripts() -> None:
    assert fold("Степанакерт") == "stepanakert"


@pytest.mark.parametrize(
    "group",
    [
        ("Terter", "Tərtər", "Tartar"),
        ("Agjabedi", "Ağcabədi", "Aghjabadi", "Agdzhabedi"),
        ("Shushi", "Şuşa", "Shusha"),
        ("Jabrayil", "Cəbrayıl", "Dzhebrail"),
        ("Fizuli", "Füzuli"),
        ("Ganca", "Ganja", "Gəncə"),
        ("Mingecevir", "Mingəçevir", "Mingachevir"),
        ("Khankendi", "Xankəndi"),
        ("Qubadli", "Kubadly"),
        ("Bərdə", "Barda", "Bardi"),
    ],
)
def test_phonetic_key_merges_transliteration_traditions(group: tuple[str, ...]) -> None:
    keys = {phonetic(n) for n in group}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), [("Barda", "Ganja"), ("Shusha", "Tartar"), ("Aghdam", "Goranboy")])
def test_phonetic_key_keeps_distinct_towns_apart(a: str, b: str) -> None:
    assert phonetic(a) != phonetic(b)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Уди", "udy"), ("Гути", "huty"), ("Юнаківка", "yunakivka"), ("Зголоси", "zgholosy"), ("Дворічна", None)],
)
def test_ukrainian_key_romanizes_the_national_way(name: str, key: str | None) -> None:
    from gazetteer.normalize import ukrainian_key

    assert ukrainian_key(name) == key


def test_ukrainian_key_leaves_russian_and_latin_names_alone() -> None:
    from gazetteer.normalize import ukrainian_key

    assert ukrainian_key("Сумы") is None and ukrainian_key("Sumy") is None
