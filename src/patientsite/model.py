"""The content model: one pydantic class per kind of content file.

Validation needs to know the configured languages and placeholders; they come in
through pydantic's validation context (see `ValidationSettings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(description="Lowercase letters, digits and single hyphens, e.g. bird-dog."),
]

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# A number written next to a unit of time or frequency repeats a structured value.
NUMBER_WITH_UNIT = re.compile(
    r"\b\d+(?:\s*[-–]\s*\d+)?\s*(?:uge|uger|ugers|ugentlige?|week|weeks|weekly|dag|dage|dages"
    r"|day|days|år|års|year|years|gang|gange|times)\b",
    re.IGNORECASE,
)
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")


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
    if MARKUP.search(text):
        raise PydanticCustomError(
            "markup",
            "HTML is not allowed in texts (found '{found}'); write plain text, "
            "with **strong** or *emphasis* at most",
            {"found": MARKUP.search(text).group(0), "loc_key": code},  # type: ignore[union-attr]
        )
    for name in PLACEHOLDER.findall(text):
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
    match = NUMBER_WITH_UNIT.search(text)
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


# --- shared blocks ----------------------------------------------------------------


class Review(Strict):
    """When a file was last checked by a clinician, and when it is due again."""

    reviewed_on: date
    next_review: date
    reviewed_by: str = Field(min_length=1)

    @model_validator(mode="after")
    def _order(self) -> Review:
        if self.next_review <= self.reviewed_on:
            raise PydanticCustomError(
                "review_order",
                "next_review ({next}) must come after reviewed_on ({on})",
                {"next": str(self.next_review), "on": str(self.reviewed_on)},
            )
        return self


class Source(Strict):
    """A published source for a medical statement that goes beyond the brochure."""

    id: Id
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://\S+$")


class ContentFile(Strict):
    """Fields that every content file carries."""

    review: Review
    sources: list[Source] = []


# --- site, clinic, exercise library -------------------------------------------------

PageTemplate = Literal["home", "condition", "warning_signs", "programme", "self_care", "exercises"]
ContentName = Literal[
    "site",
    "clinic",
    "condition",
    "symptoms",
    "warning_signs",
    "programme",
    "self_care",
    "education",
    "exercise_library",
]


class PageSpec(Strict):
    """One page of the site: its path, its template and the files it shows."""

    id: Id
    path: str = Field(pattern=r"^([a-z0-9-]+/)*$", description="'' for the home page")
    template: PageTemplate
    title: Title
    description: Text
    uses: list[ContentName] = Field(min_length=1)


class Service(Strict):
    """A public phone service, such as the emergency number."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    number: str = Field(pattern=r"^\+?[0-9 ]+$")
    name: Title


class Labels(Strict):
    """Interface words the templates need, in every language."""

    warning_banner: Text
    warning_banner_link: Text
    last_reviewed: Text
    next_review: Text
    review_overdue: Text
    contact: Text
    phone: Text
    email: Text
    website: Text
    address: Text
    opening_hours: Text
    example_clinic: Text
    is_it_for_me: Text
    timeline: Text
    get_started: Text
    about_provider: Text
    read_more: Text
    what_to_do: Text
    when: Text
    who: Text
    call: Text
    sources: Text
    level: Text
    levels: Text
    regions: Text
    goals: Text
    equipment: Text
    no_equipment: Text
    start_position: Text
    steps: Text
    dosage: Text
    sets: Text
    reps: Text
    hold_seconds: Text
    per_side: Text
    times_per_week: Text
    feel: Text
    stop: Text
    mistakes: Text
    easier: Text
    harder: Text
    all_exercises: Text
    symptoms: Text
    weeks_unit: Text
    sessions_unit: Text
    leaflet_download: Text
    leaflet_web: Text
    leaflet_scan: Text


class SiteFile(ContentFile):
    """site.yaml: the site's name, pages, public phone services and interface words."""

    name: Title
    description: Text
    date_locale: Text = Field(description="Locale for written-out dates, e.g. da_DK, en_GB.")
    services: list[Service] = Field(min_length=1)
    pages: list[PageSpec] = Field(min_length=1)
    labels: Labels

    @field_validator("date_locale")
    @classmethod
    def _known_locale(cls, value: Text) -> Text:
        for code, locale in value.root.items():
            try:
                Locale.parse(locale)
            except (ValueError, UnknownLocaleError):
                raise PydanticCustomError(
                    "unknown_locale",
                    "unknown locale '{locale}' (expected a code like da_DK or en_GB)",
                    {"locale": locale, "loc_key": code},
                ) from None
        return value


class Clinic(Strict):
    """clinic.yaml: the clinic that offers the programme."""

    review: Review | None = None
    example: bool = False
    name: str = Field(min_length=1, pattern=r"^[^<>]+$")
    address: list[str] = Field(min_length=1)
    phone: str = Field(pattern=r"^\+?[0-9][0-9 ]{5,}$")
    email: str = Field(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
    website: str = Field(pattern=r"^https?://\S+$")
    opening_hours: Text
    logo: str | None = None


class Choice(Strict):
    """A named value in a vocabulary (a body region, a goal, a level)."""

    id: Id
    name: Title


class ExerciseLibrary(ContentFile):
    """exercise_library.yaml: the library page and its vocabularies."""

    title: Title
    intro: Text
    regions: list[Choice] = Field(min_length=1)
    goals: list[Choice] = Field(min_length=1)
    levels: list[Choice] = Field(min_length=1)


# --- condition, symptoms, self-care, education ----------------------------------------


class Section(Strict):
    """A headed run of paragraphs."""

    id: Id
    heading: Title
    paragraphs: list[Text] = Field(min_length=1)
    sources: list[Id] = []


class Condition(ContentFile):
    """condition.yaml: what is wrong."""

    title: Title
    summary: Text
    sections: list[Section] = Field(min_length=1)


class Item(Strict):
    """A short item of a list."""

    id: Id
    text: Text
    sources: list[Id] = []


class Symptoms(ContentFile):
    """symptoms.yaml: common symptoms."""

    heading: Title
    intro: Text
    items: list[Item] = Field(min_length=1)


class TitledItem(Strict):
    """An item with its own heading."""

    id: Id
    title: Title
    text: Text
    sources: list[Id] = []


class SelfCare(ContentFile):
    """self_care.yaml: what you can do yourself."""

    title: Title
    intro: Text
    items: list[TitledItem] = Field(min_length=1)


class Education(ContentFile):
    """education.yaml: the topics of the pain-education sessions."""

    heading: Title
    intro: Text
    topics: list[TitledItem] = Field(min_length=1)


# --- warning signs ---------------------------------------------------------------------


class Contact(Strict):
    """A number to call, as shown on a care card."""

    number: str = Field(pattern=r"^(\+?[0-9 ]+|\{[a-z_]+\})$")
    label: Text


class Sign(Strict):
    """One warning sign."""

    id: Id
    text: Text
    sources: list[Id] = []


class Level(Strict):
    """A care card: who it is for, what to do, when, and which number to call."""

    id: Id
    urgency: Literal["emergency", "urgent", "routine"]
    heading: Title
    who: Text
    action: Text
    when: Text
    contacts: list[Contact] = Field(min_length=1)
    signs: list[Sign] = Field(min_length=1)

    @model_validator(mode="after")
    def _sourced(self) -> Level:
        if self.urgency != "routine":
            for index, sign in enumerate(self.signs):
                if not sign.sources:
                    raise PydanticCustomError(
                        "unsourced_sign",
                        "a sign at level '{urgency}' needs at least one source id",
                        {"urgency": self.urgency, "loc_extra": ("signs", index, "sources")},
                    )
        return self


class WarningSigns(ContentFile):
    """warning_signs.yaml: red flags in urgency levels, most urgent first."""

    title: Title
    intro: Text
    levels: list[Level] = Field(min_length=1)


# --- programme -------------------------------------------------------------------------


class Weeks(Strict):
    """A duration in weeks, as a range."""

    min: int = Field(ge=1, le=104)
    max: int = Field(ge=1, le=104)

    @model_validator(mode="after")
    def _range(self) -> Weeks:
        if self.max < self.min:
            raise PydanticCustomError(
                "range_order",
                "max ({max}) is less than min ({min})",
                {"max": self.max, "min": self.min},
            )
        return self


class Region(Strict):
    """A part of the back the programme is for."""

    id: Id
    name: Text


class TargetGroup(Strict):
    """Who the programme is for."""

    min_age: int = Field(ge=0, le=120)
    min_pain_days: int = Field(ge=0, le=3650)
    regions: list[Region] = Field(min_length=1)
    criteria: list[Text] = Field(min_length=1)


class Provider(Strict):
    """The profession that runs the programme."""

    title: Title
    education_years: int = Field(ge=0, le=20)
    internship_years: int = Field(ge=0, le=20)
    text: Text


class Phase(Strict):
    """One phase of the programme."""

    id: Id
    title: Title
    summary: Text
    details: list[Text] = Field(min_length=1)


class Prose(Strict):
    """A heading and paragraphs."""

    heading: Title
    paragraphs: list[Text] = Field(min_length=1)


class Steps(Strict):
    """A heading and ordered steps."""

    heading: Title
    steps: list[Text] = Field(min_length=1)


class Programme(ContentFile):
    """programme.yaml: who it is for, how long, how often, and its phases."""

    name: Title
    summary: Text
    weeks: Weeks
    sessions_per_week: int = Field(ge=1, le=14)
    target_group: TargetGroup
    provider: Provider
    phases: list[Phase] = Field(min_length=1)
    training: Prose
    getting_started: Steps


# --- exercises -------------------------------------------------------------------------


class Dosage(Strict):
    """How much and how often."""

    sets: int = Field(ge=1, le=20)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    per_side: bool
    times_per_week: int = Field(ge=1, le=14)

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dosage:
        if self.reps is None and self.hold_seconds is None:
            raise PydanticCustomError("dosage", "give reps, hold_seconds or both (got neither)", {})
        return self


class Exercise(ContentFile):
    """exercises/<id>.yaml: one exercise; the file name is its id."""

    id: Id
    name: Title
    purpose: Text
    regions: list[Id] = Field(min_length=1)
    goals: list[Id] = Field(min_length=1)
    level: int = Field(ge=1, le=4)
    equipment: list[Text] = []
    start_position: Text
    steps: list[Text] = Field(min_length=1)
    dosage: Dosage
    feel: Text
    stop: Text
    mistakes: list[Text] = []
    easier: Id | None = None
    harder: Id | None = None
