"""The project's own content: complete in every language, consistent, and true to the brochure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from patientsite import registry
from patientsite.loader import Content
from patientsite.model import Language, Text
from tests.conftest import ROOT

CONTENT_FILES = sorted(
    [f"content/{kind.name}.yaml" for kind in registry.SITE_FILES]
    + [
        f"content/programmes/{folder.name}/{kind.name}.yaml"
        for folder in (ROOT / "content" / "programmes").iterdir()
        for kind in registry.PROGRAMME_FILES
    ]
    + [p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "exercises").glob("*.yaml")]
)


def model_of(content: Content, rel: str) -> BaseModel:
    """The validated model of one content file, by its path."""
    path = Path(rel)
    if path.parent.name == "exercises":
        return content.exercises[path.stem]
    if path.parent.parent.name == "programmes":
        return content.file(path.stem, path.parent.name)
    return content.file(path.stem)


def texts(obj: Any, loc: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside a model, with its field path."""
    if isinstance(obj, Text):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from texts(getattr(obj, name), f"{loc}.{name}" if loc else name)
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from texts(item, f"{loc}[{index}]")


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_every_text_is_written_in_every_language(
    content: Content, languages: tuple[Language, ...], rel: str
) -> None:
    missing = [
        f"{loc}.{lang.code}"
        for loc, text in texts(model_of(content, rel))
        for lang in languages
        if not text.root.get(lang.code, "").strip()
    ]
    assert missing == []


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_english_is_a_translation_not_a_copy(content: Content, rel: str) -> None:
    copies = [
        loc
        for loc, text in texts(model_of(content, rel))
        if len(text.get("da")) > 20 and text.get("da") == text.get("en")
    ]
    assert copies == []


# A number written before one of these words must equal the structured value.
UNIT_FACTS = {
    r"uger|weeks|week": "weeks",
    r"dage|days": "min_pain_days",
}


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_numbers_in_prose_agree_with_the_data(content: Content, rel: str) -> None:
    values = content.placeholders()
    stale = []
    for loc, text in texts(model_of(content, rel)):
        for lang in ("da", "en"):
            filled = text.get(lang)
            for name, value in values.items():
                filled = filled.replace(f"{{{name}}}", value)
            for units, fact in UNIT_FACTS.items():
                pattern = rf"(\d+(?:\s*[-–]\s*\d+)?)\s+(?:{units})\b"
                for number in re.findall(pattern, filled):
                    if number.replace(" ", "") != values[fact]:
                        stale.append(f"{loc}.{lang}: {number} ({fact} is {values[fact]})")
    assert stale == []


def test_programme_facts_from_the_brochure(content: Content) -> None:
    programme = content.programmes["back"].programme
    assert (programme.weeks.min, programme.weeks.max) == (6, 8)
    assert programme.sessions_per_week == 2
    assert programme.target_group.min_age == 16
    assert programme.target_group.min_pain_days == 30
    assert programme.provider.education_years == 5
    assert programme.provider.internship_years == 1
    assert [p.id for p in programme.phases] == ["assessment", "education", "training", "follow-up"]
    assert [r.id for r in programme.target_group.regions] == [
        "neck",
        "thoracic",
        "back",
        "low-back",
    ]


def test_warning_levels_run_from_emergency_to_the_clinic(content: Content) -> None:
    levels = content.programmes["back"].warning_signs.levels
    assert [level.urgency for level in levels] == ["emergency", "urgent", "routine"]
    assert len(levels[-1].signs) == 3  # the brochure's three "contact the chiropractor" items
    assert [c.number for c in levels[0].contacts] == ["{emergency}"]
    assert [c.number for c in levels[1].contacts] == ["{helpline}"]


def test_cauda_equina_signs_are_at_the_highest_level(content: Content) -> None:
    emergency = " ".join(
        s.text.get("en").lower() for s in content.programmes["back"].warning_signs.levels[0].signs
    )
    for words in ("genitals", "both legs", "pee", "poo"):
        assert words in emergency


@pytest.mark.parametrize(
    "ex_id", sorted(p.stem for p in (ROOT / "content/exercises").glob("*.yaml"))
)
def test_exercise_progressions_resolve_and_fit_the_levels(content: Content, ex_id: str) -> None:
    exercise = content.exercises[ex_id]
    if exercise.easier:
        assert content.exercises[exercise.easier].level <= exercise.level
    if exercise.harder:
        assert content.exercises[exercise.harder].level >= exercise.level


def test_the_library_has_at_least_eight_exercises(content: Content) -> None:
    assert len(content.exercises) >= 8
    regions = {r for e in content.exercises.values() for r in e.regions}
    assert regions == {"neck", "thoracic", "low-back"}
