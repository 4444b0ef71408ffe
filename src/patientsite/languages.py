"""What the generator knows about each language besides its texts: data/languages.yaml.

Per language: its text direction, the unit words of the number-in-prose check, how the
report scores readability, and the words of the 404 page. A configured language without an
entry is a problem reported with the content's, at the file and the language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, model_validator
from pydantic_core import ErrorDetails

from patientsite.problems import ContentError, Problem, display_path
from patientsite.yamlsource import problem_at, read_yaml

DATA_FILE = Path(__file__).parent / "data" / "languages.yaml"
# The pages a worried reader meets first are held to a language's easy_target.
EASY_TEMPLATES = frozenset({"home", "warning_signs", "self_care", "questions"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReadabilityRule(_Strict):
    """How pages in a language are scored: LIX at most, Flesch at least, or not at all."""

    measure: Literal["lix", "flesch", "none"]
    target: float | None = None
    easy_target: float | None = None

    @model_validator(mode="after")
    def _targets(self) -> ReadabilityRule:
        if self.measure == "none" and (self.target, self.easy_target) != (None, None):
            raise ValueError("a language that is not scored has no target")
        if self.measure != "none" and self.target is None:
            raise ValueError(f"'{self.measure}' needs a target")
        return self

    def target_for(self, template: str) -> float | None:
        """The target of a page made with template (None when not scored)."""
        if template in EASY_TEMPLATES and self.easy_target is not None:
            return self.easy_target
        return self.target

    def meets(self, score: float | None, template: str) -> bool:
        """True when a page's score meets its target (always, for a language not scored)."""
        target = self.target_for(template)
        if target is None or score is None:
            return True
        return score <= target if self.measure == "lix" else score >= target


class NotFoundWords(_Strict):
    """The words of the 404 page."""

    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    home: str = Field(min_length=1)


class LanguageData(_Strict):
    """One language's entry."""

    direction: Literal["ltr", "rtl"]
    units: list[str] = Field(min_length=1)
    readability: ReadabilityRule
    not_found: NotFoundWords


class LanguageTable(RootModel[dict[str, LanguageData]]):
    """The whole file: language code to its entry."""


def problems(codes: Sequence[str], project: Path, path: Path = DATA_FILE) -> list[Problem]:
    """What is wrong in the file, and each configured language it has no entry for."""
    table, found = _load(path, display_path(path, project))
    if table is None:
        return found
    return [
        Problem(
            display_path(path, project),
            None,
            code,
            f"no entry for this language of mkdocs.yml (the file has: {', '.join(table)})",
        )
        for code in codes
        if code not in table
    ]


def language(code: str, path: Path = DATA_FILE) -> LanguageData:
    """The entry of one language; the loader has already reported a missing one."""
    table, found = _load(path, display_path(path, Path.cwd()))
    if table is None:
        raise ContentError(found)
    if code not in table:
        raise ContentError(problems([code], Path.cwd(), path))
    return table[code]


def direction(code: str) -> Literal["ltr", "rtl"]:
    """ltr or rtl: the text direction of a language."""
    return language(code).direction


@cache
def unit_pattern(codes: tuple[str, ...]) -> re.Pattern[str]:
    """A number next to a unit word of any of these languages ('6-8 uger', '3 times')."""
    table, _ = _load(DATA_FILE, str(DATA_FILE))
    words = sorted(
        {word for code in codes if table and code in table for word in table[code].units},
        key=lambda word: (-len(word), word),
    )
    alternatives = "|".join(re.escape(word) for word in words) or r"(?!)"
    return re.compile(rf"\b\d+(?:\s*[-–]\s*\d+)?\s*(?:{alternatives})\b", re.IGNORECASE)


def _load(path: Path, display: str) -> tuple[dict[str, LanguageData] | None, list[Problem]]:
    """The table and the problems of the file (cached while the file is unchanged)."""
    return _load_cached(path, display, path.stat().st_mtime_ns if path.exists() else 0)


@cache
def _load_cached(
    path: Path, display: str, stamp: int
) -> tuple[dict[str, LanguageData] | None, list[Problem]]:
    doc, found = read_yaml(path, display)
    if doc is None:
        return None, found
    try:
        return LanguageTable.model_validate(doc.data).root, found
    except ValidationError as error:
        return None, [
            *found,
            *(problem_at(doc, _loc(e), _message(e)) for e in error.errors()),
        ]


def _loc(error: ErrorDetails) -> tuple[str | int, ...]:
    return tuple(part for part in error["loc"] if part != "root")


def _message(error: ErrorDetails) -> str:
    """The project's wording for the few mistakes this file can hold."""
    kind, got = error["type"], _show(error.get("input"))
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "literal_error":
        return f"expected one of: {(error.get('ctx') or {}).get('expected', '')} (got {got})"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping (field: value) (got {got})"
    if kind in {"too_short", "string_too_short"}:
        return f"expected at least one {'word' if kind == 'too_short' else 'character'} (got {got})"
    if kind == "value_error":
        return str((error.get("ctx") or {}).get("error", error["msg"]))
    return f"{error['msg'][0].lower()}{error['msg'][1:]} (got {got})"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return "nothing" if value is None else repr(value)
