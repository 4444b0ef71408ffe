"""Per-language data (src/patientsite/data/languages.yaml): read, checked, and used as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from patientsite import languages as language_data
from patientsite.languages import DATA_FILE, ReadabilityRule, unit_pattern
from patientsite.loader import load_content
from patientsite.model import Language
from patientsite.problems import ContentError
from tests.conftest import ROOT

# The unit words the check knew when they were written in model.py; da and en keep them.
OLD_PATTERN = re.compile(
    r"\b\d+(?:\s*[-–]\s*\d+)?\s*(?:uge|uger|ugers|ugentlige?|week|weeks|weekly|dag|dage|dages"
    r"|day|days|år|års|year|years|gang|gange|times)\b",
    re.IGNORECASE,
)
SAMPLES = [
    "Træn i 6-8 uger.",
    "2 gange om ugen",
    "3 ugentlige hold",
    "30 dages smerter",
    "efter 1 år.",
    "6 – 8 Ugers forløb",
    "Twice a week for 6 weeks",
    "3 times a week",
    "2 weekly sessions",
    "16 years or older",
    "for 30 days",
    "1 day",
    "5 timer",
    "3 årsager",
    "2 ugentligt",
    "12 daysx",
    "uge 6",
    "4 gang",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_danish_and_english_unit_words_find_what_they_found_before(text: str) -> None:
    old = OLD_PATTERN.search(text)
    new = unit_pattern(("da", "en")).search(text)
    assert (new and new.group(0)) == (old and old.group(0))


def test_a_right_to_left_language_brings_its_own_unit_words() -> None:
    assert unit_pattern(("da", "en")).search("تمرن لمدة ٦-٨ أسابيع") is None
    found = unit_pattern(("da", "en", "ar")).search("تمرن لمدة ٦-٨ أسابيع")
    assert found is not None and found.group(0) == "٦-٨ أسابيع"


def test_every_language_of_mkdocs_yml_has_an_entry(languages: tuple[Language, ...]) -> None:
    assert languages_problems([lang.code for lang in languages]) == []


def languages_problems(codes: list[str]) -> list[str]:
    """The problems of the project's file for these languages, as editors see them."""
    return [str(p) for p in language_data.problems(codes, ROOT)]


def test_a_language_without_an_entry_stops_the_content_check() -> None:
    configured = (Language("da", "Dansk"), Language("en", "English"), Language("fa", "فارسی"))
    with pytest.raises(ContentError) as error:
        load_content(ROOT / "content", configured, ROOT)
    assert (
        "src/patientsite/data/languages.yaml: fa: no entry for this language of mkdocs.yml "
        "(the file has: da, en, ar)"
    ) in error.value.report().splitlines()


def test_mistakes_in_the_file_are_reported_at_their_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "languages.yaml"
    path.write_text(
        "da:\n"
        "  direction: up\n"
        "  units: []\n"
        "  readability: {measure: none, target: 3}\n"
        "  not_found: {title: x, text: '', home: z, extra: 1}\n"
        "en:\n"
        "  direction: ltr\n"
        "  units: [week]\n"
        "  readability: {measure: lix}\n"
        "  not_found: {title: x, text: y, home: z}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in language_data.problems(["da", "en"], tmp_path, path)] == [
        "languages.yaml:2:3: da.direction: expected one of: 'ltr' or 'rtl' (got 'up')",
        "languages.yaml:3:3: da.units: expected at least one word (got an empty list)",
        "languages.yaml:4:3: da.readability: a language that is not scored has no target",
        "languages.yaml:5:25: da.not_found.text: expected at least one character (got '')",
        "languages.yaml:5:44: da.not_found.extra: unknown field",
        "languages.yaml:9:3: en.readability: 'lix' needs a target",
    ]


def test_a_broken_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "languages.yaml"
    path.write_text("da: [unclosed\n", encoding="utf-8")
    found = [str(p) for p in language_data.problems(["da"], tmp_path, path)]
    assert len(found) == 1 and found[0].startswith("languages.yaml:")


def test_the_shipped_file_is_the_one_read() -> None:
    assert DATA_FILE == ROOT / "src" / "patientsite" / "data" / "languages.yaml"
    assert language_data.direction("da") == "ltr"
    assert language_data.direction("ar") == "rtl"


@pytest.mark.parametrize(
    ("rule", "score", "template", "meets"),
    [
        (ReadabilityRule(measure="lix", target=40, easy_target=35), 38.0, "condition", True),
        (ReadabilityRule(measure="lix", target=40, easy_target=35), 38.0, "home", False),
        (ReadabilityRule(measure="flesch", target=60), 59.9, "home", False),
        (ReadabilityRule(measure="flesch", target=60), 60.0, "condition", True),
        (ReadabilityRule(measure="none"), None, "home", True),
    ],
)
def test_readability_targets(
    rule: ReadabilityRule, score: float | None, template: str, meets: bool
) -> None:
    assert rule.meets(score, template) is meets
