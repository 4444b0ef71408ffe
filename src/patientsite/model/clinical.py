"""Clinical safety: the warning signs, the red-flag catalogue, the regions' on-call numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    ConfigDict,
    Field,
    RootModel,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.model.blocks import ContentFile
from patientsite.model.text import Id, Strict, Text, Title, _settings, describe

# --- warning signs ---------------------------------------------------------------------

Urgency = Literal["emergency", "urgent", "routine"]
URGENCY_RANK: dict[str, int] = {"routine": 1, "urgent": 2, "emergency": 3}


class Contact(Strict):
    """A number to call, as shown on a care card."""

    number: str = Field(
        pattern=r"^(\+?[0-9 ]+|\{[a-z_]+\})$",
        description=describe(
            "Nummeret, der skal ringes til: cifre eller en pladsholder som {helpline}.",
            "The number to call: digits or a placeholder such as {helpline}.",
        ),
    )
    label: Text = Field(
        description=describe(
            "Hvem nummeret går til, og hvornår man bruger det.",
            "Who the number reaches, and when to use it.",
        )
    )


class Sign(Strict):
    """One warning sign."""

    id: Id = Field(description=describe("Kort navn for tegnet.", "Short name of the sign."))
    text: Text = Field(
        description=describe(
            "Tegnet, skrevet så læseren kan genkende det: »Du har ...«.",
            "The sign, written so readers recognise it: 'You have ...'.",
        )
    )
    red_flag: Id = Field(
        description=describe(
            "Hvilket rødt flag fra red_flags.yaml tegnet er, eller none. Det røde flag "
            "bestemmer, hvor lavt tegnet højst må stå.",
            "Which red flag of red_flags.yaml the sign is, or none. The red flag decides "
            "the lowest level the sign may be filed at.",
        )
    )
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources. Tegn på niveauerne emergency og "
            "urgent skal have mindst én.",
            "Ids of sources from the file's sources. Signs at the emergency and "
            "urgent levels need at least one.",
        ),
    )


class Level(Strict):
    """A care card: who it is for, what to do, when, and which number to call."""

    id: Id = Field(
        description=describe(
            "Kort navn for kortet. Bruges som anker i adressen (#id).",
            "Short name of the card. Used as the anchor in the address (#id).",
        )
    )
    urgency: Urgency = Field(
        description=describe(
            "Hvor hastende: emergency (ring 112 med det samme), urgent (en læge i dag) eller "
            "routine (kontakt klinikken).",
            "How urgent: emergency (call 112 at once), urgent (a doctor today) or routine "
            "(contact the clinic).",
        )
    )
    heading: Title = Field(
        description=describe(
            "Kortets overskrift: handlingen, fx »Kontakt din læge i dag«.",
            "The card's heading: the action, e.g. 'Contact your doctor today'.",
        )
    )
    who: Text = Field(description=describe("Hvem kortet er til.", "Who the card is for."))
    action: Text = Field(
        description=describe("Hvad læseren skal gøre.", "What the reader should do.")
    )
    when: Text = Field(
        description=describe("Hvor hurtigt læseren skal handle.", "How soon the reader should act.")
    )
    contacts: list[Contact] = Field(
        min_length=1,
        description=describe("Numre, læseren kan ringe til.", "Numbers the reader can call."),
    )
    signs: list[Sign] = Field(
        min_length=1, description=describe("Tegnene på dette niveau.", "The signs at this level.")
    )

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

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    intro: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    levels: list[Level] = Field(
        min_length=1,
        description=describe(
            "Kortene, det mest hastende først.", "The cards, the most urgent first."
        ),
    )


# --- clinical rules: red flags and the regions' on-call numbers -------------------------


class Words(RootModel[dict[str, list[str]]]):
    """Words or short phrases in every configured language: {da: [...], en: [...]}."""

    model_config = ConfigDict(frozen=True)

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        codes = [lang.code for lang in _settings(info).languages]
        for code in value:
            if code not in codes:
                raise PydanticCustomError(
                    "unknown_language",
                    "unknown language '{lang}' (expected one of: {expected})",
                    {"lang": code, "expected": ", ".join(codes), "loc_key": code},
                )
        for lang in _settings(info).languages:
            words = value.get(lang.code) or []
            if not words or not all(w.strip() for w in words):
                raise PydanticCustomError(
                    "missing_language",
                    "missing words in {name}",
                    {"name": lang.name, "loc_key": lang.code},
                )
        return {code: [w.strip().lower() for w in words] for code, words in value.items()}

    def get(self, lang: str) -> list[str]:
        """The words in one language."""
        return self.root[lang]


class BodyRegion(Strict):
    """A part of the spine a programme can cover; each has red flags of its own."""

    id: Id = Field(description=describe("Kort navn, fx neck.", "Short name, e.g. neck."))
    name: Title = Field(description=describe("Områdets navn.", "The area's name."))


class RedFlag(Strict):
    """A kind of warning sign, and the lowest level it may ever be filed at."""

    id: Id = Field(
        description=describe(
            "Kort navn, som tegnene bruger i red_flag, fx cauda-equina.",
            "Short name that signs use in red_flag, e.g. cauda-equina.",
        )
    )
    name: Title = Field(description=describe("Hvad flaget er tegn på.", "What the flag signals."))
    lowest_level: Urgency = Field(
        description=describe(
            "Det laveste niveau, et tegn af denne slags må stå på.",
            "The lowest level a sign of this kind may be filed at.",
        )
    )
    regions: list[Id] = Field(
        min_length=1,
        description=describe(
            "De kropsområder (body_regions), hvor flaget skal være med blandt advarselstegnene.",
            "The body regions (body_regions) whose warning signs must include this flag.",
        ),
    )
    keywords: Words = Field(
        description=describe(
            "Ord, der viser, at en tekst handler om flaget (begyndelsen af ordet er nok). "
            "Et advarselstegn, der bruger ordet, må ikke stå lavere end flagets niveau.",
            "Words that show a text is about this flag (the start of a word is enough). A "
            "warning sign that uses one may not be filed below the flag's level.",
        )
    )
    why: str = Field(
        min_length=1,
        description=describe(
            "Hvorfor niveauet er valgt, og hvad kilderne siger (også når de er uenige).",
            "Why this level was chosen and what the sources say (also where they disagree).",
        ),
    )
    sources: list[Id] = Field(
        min_length=1,
        description=describe(
            "Id'er på kilder fra filens sources.", "Ids of sources from the file's sources."
        ),
    )


class MisleadingWord(Strict):
    """Words that must not name a place of pain, because a reader takes them for another."""

    words: Words = Field(
        description=describe(
            "De hele ord, der ikke må bruges, fx brystet.", "The whole words not to use."
        )
    )
    instead: Text = Field(description=describe("Hvad der skal stå i stedet.", "What to write."))
    why: str = Field(min_length=1, description=describe("Hvorfor.", "Why."))


class RedFlags(ContentFile):
    """red_flags.yaml: the red-flag catalogue that every warning sign is checked against."""

    body_regions: list[BodyRegion] = Field(
        min_length=1,
        description=describe(
            "De dele af rygsøjlen, et forløb kan dække (programme.yaml's regions).",
            "The parts of the spine a programme can cover (programme.yaml's regions).",
        ),
    )
    red_flags: list[RedFlag] = Field(
        min_length=1, description=describe("De røde flag.", "The red flags.")
    )
    misleading_words: list[MisleadingWord] = Field(
        default=[],
        description=describe(
            "Ord, der ikke må beskrive, hvor forløbets patienter har ondt.",
            "Words that may not describe where the programme's patients have pain.",
        ),
    )


class Helpline(Strict):
    """A region's medical helpline for when the own doctor is closed."""

    number: str = Field(
        pattern=r"^[0-9]{4}$|^[0-9]{2}( [0-9]{2}){3}$",
        description=describe(
            "Nummeret, fx 1813 eller 70 11 07 07.", "The number, e.g. 1813 or 70 11 07 07."
        ),
    )
    name: Text = Field(
        description=describe(
            "Tjenestens navn, som det skrives inde i en sætning ({helpline_name}).",
            "The service's name as written inside a sentence ({helpline_name}).",
        )
    )


class HealthRegion(Strict):
    """One of Denmark's five regions and its helpline."""

    id: Id = Field(description=describe("Kort navn, fx hovedstaden.", "Short name."))
    name: Title = Field(description=describe("Regionens navn ({region}).", "The region's name."))
    helpline: Helpline = Field(
        description=describe("Regionens akuttelefon eller lægevagt.", "The region's helpline.")
    )
    note: str | None = Field(
        default=None,
        description=describe("Bemærkning om kilden.", "A remark about the source."),
    )
    sources: list[Id] = Field(
        min_length=1,
        description=describe(
            "Id'er på kilder, der bekræfter nummeret.", "Ids of sources that confirm the number."
        ),
    )


class Regions(ContentFile):
    """regions.yaml: the regions' helpline numbers, with their sources."""

    regions: list[HealthRegion] = Field(
        min_length=1, description=describe("Regionerne.", "The regions.")
    )
