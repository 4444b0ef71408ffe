"""Texts in every language and the rules for prose: markup, placeholders, numbers, invisible
characters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.languages import unit_pattern


def describe(da: str, en: str) -> str:
    """A field's description for editors, in Danish and then English (shown in their editor)."""
    return f"{da}\n\n{en}"


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(
        description=describe(
            "Små bogstaver, tal og enkelte bindestreger, fx bird-dog.",
            "Lowercase letters, digits and single hyphens, e.g. bird-dog.",
        )
    ),
]

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")
# Far above the longest text (about 300 characters), far below what would swell a page.
MAX_TEXT_LENGTH = 2000
# Characters that change how the text around them is shown (bidi controls) or that cannot
# be seen at all: every format character (Unicode category Cf) but the soft hyphen, the
# control characters but tab and line feed, and the line and paragraph separators.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # zero-width, bidi
    "\u2028\u2029\ufeff\ufff9-\ufffb"  # line separators, byte order mark
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"  # tags
)


def _check_characters(text: str, loc_key: str | None = None) -> None:
    """Refuse a text that is too long or holds a character a reader cannot see."""
    where = {"loc_key": loc_key} if loc_key is not None else {}
    if len(text) > MAX_TEXT_LENGTH:
        raise PydanticCustomError(
            "text_too_long",
            "text is too long (got {got} characters, expected at most {limit}); shorten it",
            {"got": f"{len(text):,}", "limit": f"{MAX_TEXT_LENGTH:,}", **where},
        )
    match = None if text.isprintable() else INVISIBLE.search(text)  # the first is faster
    if match:
        char = match.group(0)
        name = unicodedata.name(char, "a control character")
        raise PydanticCustomError(
            "invisible_character",
            "invisible character U+{code} ({name}) at character {position} of the text; delete it",
            {"code": f"{ord(char):04X}", "name": name, "position": match.start() + 1, **where},
        )


def _plain(value: Any) -> Any:
    """Check a plain string field's characters before its type and format are checked."""
    if isinstance(value, str):
        _check_characters(value)
    return value


# A string field (name, address line, phone, e-mail, web address): checked like a text.
PlainStr = Annotated[str, BeforeValidator(_plain)]


@dataclass(frozen=True)
class Language:
    """A configured site language."""

    code: str
    name: str


@dataclass(frozen=True)
class ValidationSettings:
    """What text validation needs to know about the whole site."""

    languages: tuple[Language, ...]
    placeholders: frozenset[str] = frozenset()
    reserved_numbers: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)


def _settings(info: ValidationInfo) -> ValidationSettings:
    context = info.context or {}
    settings = context.get("settings")
    if not isinstance(settings, ValidationSettings):
        raise RuntimeError("content models must be validated with a 'settings' context")
    return settings


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(RootModel[dict[str, str]]):
    """A user-facing text in every configured language: {da: ..., en: ...}."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise PydanticCustomError(
                "text_not_mapping",
                "expected a text in each language, like {example}, got a single text",
                {"example": "{da: ..., en: ...}"},
            )
        return value

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        settings = _settings(info)
        codes = [lang.code for lang in settings.languages]
        for code in value:
            if code not in codes:
                raise PydanticCustomError(
                    "unknown_language",
                    "unknown language '{lang}' (expected one of: {expected})",
                    {"lang": code, "expected": ", ".join(codes), "loc_key": code},
                )
        for lang in settings.languages:
            if not value.get(lang.code, "").strip():
                raise PydanticCustomError(
                    "missing_language",
                    "missing text in {name}",
                    {"name": lang.name, "loc_key": lang.code},
                )
        for code, text in value.items():
            _check_prose(text, code, settings)
        return value

    def get(self, lang: str) -> str:
        """The raw text in one language."""
        return self.root[lang]


def _check_prose(text: str, code: str, settings: ValidationSettings) -> None:
    """Reject markup, unknown placeholders and numbers that belong in structured fields."""
    _check_characters(text, code)
    if MARKUP.search(text):
        raise PydanticCustomError(
            "markup",
            "HTML is not allowed in texts (found '{found}'); write plain text, "
            "with **strong** or *emphasis* at most",
            {"found": MARKUP.search(text).group(0), "loc_key": code},  # type: ignore[union-attr]
        )
    for name in PLACEHOLDER.findall(text):
        if name in settings.extra.get("programme_only", ()):
            raise PydanticCustomError(
                "programme_placeholder",
                "'{placeholder}' is a programme's, and this file is shared by every programme; "
                "write the value in the programme's own files, or leave it out",
                {"placeholder": f"{{{name}}}", "loc_key": code},
            )
        if name not in settings.placeholders:
            raise PydanticCustomError(
                "unknown_placeholder",
                "unknown placeholder '{placeholder}' (expected one of: {expected})",
                {
                    "placeholder": f"{{{name}}}",
                    "expected": ", ".join(f"{{{p}}}" for p in sorted(settings.placeholders)),
                    "loc_key": code,
                },
            )
    # A number next to a unit word (of any configured language: data/languages.yaml)
    # repeats a structured value.
    match = unit_pattern(tuple(lang.code for lang in settings.languages)).search(text)
    if match:
        raise PydanticCustomError(
            "number_in_prose",
            "'{found}' repeats a number that belongs in a structured field; "
            "use a placeholder such as {weeks} instead",
            {"found": match.group(0), "loc_key": code},
        )
    for number in settings.reserved_numbers:
        if re.search(rf"(?<!\d){re.escape(number)}(?!\d)", text):
            raise PydanticCustomError(
                "number_in_prose",
                "'{found}' is a phone number from site.yaml; use its placeholder instead",
                {"found": number, "loc_key": code},
            )


class Title(Text):
    """A text that becomes a heading or page title: no angle brackets at all."""

    @field_validator("root")
    @classmethod
    def _no_brackets(cls, value: dict[str, str]) -> dict[str, str]:
        for code, text in value.items():
            if "<" in text or ">" in text:
                raise PydanticCustomError(
                    "title_brackets",
                    "titles cannot contain '<' or '>'",
                    {"loc_key": code},
                )
        return value
