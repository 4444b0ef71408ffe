"""The content model: one pydantic class per kind of content file.

Validation needs to know the configured languages and placeholders; they come in
through pydantic's validation context (see `ValidationSettings`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
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


# --- shared blocks ----------------------------------------------------------------


class Review(Strict):
    """When a file was last checked by a clinician, and when it is due again."""

    reviewed_on: date = Field(
        description=describe(
            "Datoen, hvor en kliniker sidst gennemgik filen (ÅÅÅÅ-MM-DD).",
            "The date a clinician last reviewed this file (YYYY-MM-DD).",
        )
    )
    next_review: date = Field(
        description=describe(
            "Datoen, hvor filen skal gennemgås igen (ÅÅÅÅ-MM-DD). Derefter står "
            "filen som forsinket i rapporten.",
            "The date the file is due for review again (YYYY-MM-DD). After it, the "
            "report lists the file as overdue.",
        )
    )
    reviewed_by: PlainStr = Field(
        min_length=1,
        description=describe(
            "Hvem der gennemgik filen (navn eller rolle).", "Who reviewed the file (name or role)."
        ),
    )

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

    id: Id = Field(
        description=describe(
            "Kort navn, som tekster bruger til at henvise til kilden, fx royalfree-ces.",
            "Short name that texts use to refer to this source, e.g. royalfree-ces.",
        )
    )
    title: PlainStr = Field(
        min_length=1,
        description=describe(
            "Kildens titel, som udgiveren skriver den.",
            "The source's title, as its publisher gives it.",
        ),
    )
    publisher: PlainStr = Field(
        min_length=1,
        description=describe("Hvem der har udgivet kilden.", "Who published the source."),
    )
    url: PlainStr = Field(
        pattern=r"^https://\S+$",
        description=describe(
            "Kildens webadresse (begynder med https://).",
            "The source's web address (starting with https://).",
        ),
    )


class ContentFile(Strict):
    """Fields that every content file carries."""

    review: Review = Field(
        description=describe(
            "Hvornår filen sidst blev gennemgået, og hvornår den skal gennemgås igen.",
            "When the file was last reviewed, and when it is due again.",
        )
    )
    sources: list[Source] = Field(
        default=[],
        description=describe(
            "Kilder til medicinske udsagn, der går ud over klinikkens brochure. "
            "Tekster henviser til dem med deres id.",
            "Sources for medical statements that go beyond the clinic's brochure. "
            "Texts refer to them by id.",
        ),
    )


# --- site, clinic, exercise library -------------------------------------------------

# A page's template is a file overrides/content/<name>.html and its `uses` name kinds of
# content file; the loader checks both against the templates and the registry.
TemplateName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]


class PageSpec(Strict):
    """One page of the site: its path, its template and the files it shows."""

    id: Id = Field(
        description=describe(
            "Sidens navn i filerne, fx warning-signs.",
            "The page's name in the files, e.g. warning-signs.",
        )
    )
    path: str = Field(
        pattern=r"^([a-z0-9-]+/)*$",
        description=describe(
            "Sidens adresse, fx back-pain/ (slutter med /). Tom ('') for forsiden.",
            "The page's address, e.g. back-pain/ (ending in /). Empty ('') for the home page.",
        ),
    )
    template: TemplateName = Field(
        description=describe(
            "Hvilken slags side det er. Den bestemmer sidens opbygning.",
            "Which kind of page this is. It decides the page's layout.",
        )
    )
    title: Title = Field(
        description=describe(
            "Sidens titel i menuen og i browserens fane.",
            "The page's title in the menu and in the browser tab.",
        )
    )
    description: Text = Field(
        description=describe(
            "Kort beskrivelse af siden til søgemaskiner og deling.",
            "A short description of the page for search engines and sharing.",
        )
    )
    uses: list[TemplateName] = Field(
        min_length=1,
        description=describe(
            "De indholdsfiler, siden viser. Siden viser den ældste gennemgangsdato blandt dem.",
            "The content files the page shows. The page shows the oldest review date among them.",
        ),
    )
    optional: list[TemplateName] = Field(
        default=[],
        description=describe(
            "Forløbets filer, siden også viser, når forløbet har dem (fx pain). Et forløb "
            "uden dem får siden alligevel.",
            "A programme's files the page also shows when the programme has them (e.g. pain). "
            "A programme without them still gets the page.",
        ),
    )
    nav: bool = Field(
        default=True,
        description=describe(
            "false: siden står ikke i menuen (den nås via et link fra en anden side).",
            "false: the page is not in the menu (another page links to it).",
        ),
    )


class Service(Strict):
    """A public phone service, such as the emergency number."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")] = Field(
        description=describe(
            "Navnet på pladsholderen: emergency giver {emergency}.",
            "The placeholder's name: emergency gives {emergency}.",
        )
    )
    number: str = Field(
        pattern=r"^\+?[0-9 ]+$",
        description=describe("Telefonnummeret, fx 112.", "The phone number, e.g. 112."),
    )
    name: Title = Field(description=describe("Tjenestens navn.", "The service's name."))


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
    seconds: Text
    do_this: Text
    times: Text
    each_time: Text
    per_side: Text
    times_per_week: Text
    day_per_week: Text
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
    figure_start: Text
    figure_end: Text
    leaflet_web: Text
    leaflet_scan: Text
    booklet_title: Text
    booklet_download: Text
    contents: Text
    first_appointment: Text
    time_of_day: Text
    pain_rule: Text
    pain_link: Text
    # the clinicians' review sheet of the drawings (make figures)
    body_map_alt: Text
    body_map_caption: Text
    sheet_title: Text
    sheet_intro: Text
    sheet_position: Text
    sheet_view: Text
    sheet_view_chosen: Text
    sheet_reviewed: Text
    sheet_reviewed_by: Text
    sheet_held: Text
    view_side: Text
    view_front: Text
    view_top: Text
    position_standing: Text
    position_sitting: Text
    position_supine: Text
    position_prone: Text
    position_side_lying: Text
    position_quadruped: Text
    leaflet_booklet: Text
    pages_unit: Text


class SiteFile(ContentFile):
    """site.yaml: the site's name, pages, public phone services and interface words."""

    name: Title = Field(
        description=describe(
            "Sitets navn øverst på hver side.", "The site's name at the top of every page."
        )
    )
    description: Text = Field(
        description=describe(
            "Kort beskrivelse af hele sitet.", "A short description of the whole site."
        )
    )
    date_locale: Text = Field(
        description=describe(
            "Sprogkode til datoer, der skrives ud, fx da_DK og en_GB.",
            "Locale for written-out dates, e.g. da_DK, en_GB.",
        )
    )
    services: list[Service] = Field(
        min_length=1,
        description=describe(
            "Offentlige telefonnumre, der er de samme i hele landet, fx 112. I tekster "
            "skrives de som {emergency}. Regionernes numre står i regions.yaml.",
            "Public phone services that are the same all over the country, e.g. 112. "
            "Texts write them as {emergency}. The regions' numbers are in regions.yaml.",
        ),
    )
    pages: list[PageSpec] = Field(
        min_length=1,
        description=describe(
            "Sitets sider i menuens rækkefølge.", "The site's pages, in menu order."
        ),
    )
    labels: Labels = Field(
        description=describe(
            "Ord og korte sætninger, som sidernes skabeloner viser (overskrifter, "
            "knapper, etiketter).",
            "Words and short phrases the page templates show (headings, buttons, labels).",
        )
    )

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

    review: Review | None = Field(
        default=None,
        description=describe(
            "Hvornår klinikkens oplysninger sidst blev tjekket (kan udelades).",
            "When the clinic's details were last checked (optional).",
        ),
    )
    example: bool = Field(
        default=False,
        description=describe(
            "true viser en besked om, at oplysningerne er et eksempel. Skriv false,"
            " når klinikkens egne oplysninger står her.",
            "true shows a notice that these are example details. Write false once "
            "your clinic's own details are here.",
        ),
    )
    name: PlainStr = Field(
        min_length=1,
        pattern=r"^[^<>]+$",
        description=describe(
            "Klinikkens navn. Tekster skriver det som {clinic}.",
            "The clinic's name. Texts write it as {clinic}.",
        ),
    )
    address: list[PlainStr] = Field(
        min_length=1,
        description=describe("Adressen, én linje pr. punkt.", "The address, one line per item."),
    )
    phone: PlainStr = Field(
        pattern=r"^\+?[0-9][0-9 ]{5,}$",
        description=describe(
            "Telefonnummer med cifre og mellemrum, fx +45 12 34 56 78. Tekster "
            "skriver det som {clinic_phone}.",
            "Phone number in digits and spaces, e.g. +45 12 34 56 78. Texts write "
            "it as {clinic_phone}.",
        ),
    )
    email: PlainStr = Field(
        pattern=r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$",
        description=describe("Klinikkens e-mailadresse.", "The clinic's email address."),
    )
    website: PlainStr = Field(
        pattern=r"^https?://\S+$",
        description=describe(
            "Klinikkens hjemmeside (begynder med https://).",
            "The clinic's website (starting with https://).",
        ),
    )
    opening_hours: Text = Field(description=describe("Åbningstider.", "Opening hours."))
    region: Id = Field(
        description=describe(
            "Klinikkens region, et id fra regions.yaml: hovedstaden, sjaelland, syddanmark, "
            "midtjylland eller nordjylland. Den bestemmer, hvilket nummer patienter ringer "
            "til uden for lægens åbningstid ({helpline}).",
            "The clinic's region, an id from regions.yaml: hovedstaden, sjaelland, syddanmark, "
            "midtjylland or nordjylland. It decides which number patients call when their "
            "doctor is closed ({helpline}).",
        )
    )
    logo: PlainStr | None = Field(
        default=None,
        description=describe(
            "En logofil ved siden af denne fil (.svg, .png eller .jpg), eller null.",
            "A logo file next to this file (.svg, .png or .jpg), or null.",
        ),
    )
    practicalities: Practicalities | None = Field(
        default=None,
        description=describe(
            "Praktiske oplysninger om forløbet hos klinikken (pris, sted, tider). Kan udelades;"
            " kun det, der er udfyldt, vises.",
            "Practical details of the programme at this clinic (price, place, times). Optional;"
            " only what is filled in is shown.",
        ),
    )


class Choice(Strict):
    """A named value in a vocabulary (a body region, a goal, a level)."""

    id: Id = Field(
        description=describe(
            "Kort navn, som øvelserne bruger, fx low-back. For niveauer: tallet.",
            "Short name the exercises use, e.g. low-back. For levels: the number.",
        )
    )
    name: Title = Field(
        description=describe("Navnet, som det står på siden.", "The name as shown on the page.")
    )


class SheetTexts(Strict):
    """Words of the personal programme sheet and of the selection on the exercises page."""

    intro: Text = Field(description=describe("Indledning på siden.", "Introduction on the page."))
    empty: Text = Field(
        description=describe("Når ingen øvelser er valgt.", "When no exercise is chosen.")
    )
    no_script: Text = Field(
        description=describe("Når browseren ikke kører JavaScript.", "When JavaScript is off.")
    )
    choose: Text = Field(
        description=describe("Knap: lav programmet.", "Button: make the programme.")
    )
    add: Text = Field(
        description=describe("Afkrydsning: tag øvelsen med.", "Checkbox: include the exercise.")
    )
    print: Text = Field(description=describe("Knap: print.", "Button: print."))
    link: Text = Field(
        description=describe("Overskrift over linket til programmet.", "Heading of the link.")
    )
    scan: Text = Field(description=describe("Tekst ved QR-koden.", "Text by the QR code."))
    filter: Text = Field(description=describe("Overskrift over filtrene.", "Filters heading."))
    showing: Text = Field(
        description=describe("Før antallet af viste øvelser.", "Before the number shown.")
    )
    warning: Text = Field(
        description=describe("Overskrift over advarselstegn.", "Heading of the warning box.")
    )
    skipped: Text = Field(
        description=describe(
            "Når linket har øvelser, siden ikke kan vise.",
            "When the link holds exercises the page cannot show.",
        )
    )
    qr_too_long: Text = Field(
        description=describe(
            "I stedet for QR-koden, når linket er for langt til en.",
            "In place of the QR code, when the link is too long for one.",
        )
    )


class DiaryTexts(Strict):
    """Words of the printable training diary."""

    intro: Text = Field(description=describe("Indledning på siden.", "Introduction on the page."))
    week: Text = Field(description=describe("Ordet for uge.", "The word for week."))
    session: Text = Field(
        description=describe("En træning på hold.", "A supervised group session.")
    )
    home: Text = Field(description=describe("Træning derhjemme.", "Exercise at home."))
    date: Text = Field(description=describe("Kolonne: dato.", "Column: date."))
    pain: Text = Field(description=describe("Kolonne: smerte 0-10.", "Column: pain 0-10."))
    pain_morning: Text = Field(
        description=describe(
            "Kolonne: smerte 0-10 næste morgen.", "Column: pain 0-10 the next morning."
        )
    )
    notes: Text = Field(description=describe("Kolonne: noter.", "Column: notes."))
    print: Text = Field(description=describe("Knap: print.", "Button: print."))


class StopRule(Strict):
    """When an exercise must stop for more than a rest: which red flag, and whom to call."""

    regions: list[Id] = Field(
        default=[],
        description=describe(
            "Øvelsernes kropsområder, reglen gælder for (fx neck). Tom: alle øvelser.",
            "The exercises' body areas the rule is for (e.g. neck). Empty: every exercise.",
        ),
    )
    red_flag: Id = Field(
        description=describe(
            "Det røde flag fra red_flags.yaml, reglen handler om.",
            "The red flag of red_flags.yaml the rule is about.",
        )
    )
    text: Text = Field(
        description=describe(
            "Hvad læseren skal gøre: »Stop, og ring ... hvis ...«.",
            "What the reader must do: 'Stop and call ... if ...'.",
        )
    )
    call: str | None = Field(
        default=None,
        pattern=r"^\{[a-z_]+\}$",
        description=describe(
            "Nummeret, der skal ringes til, som pladsholder: {emergency} for 112. Skal "
            "være {emergency}, når det røde flag hører til niveauet emergency. Tomt: "
            "reglen henviser til advarselstegnene.",
            "The number to call, as a placeholder: {emergency} for 112. Must be "
            "{emergency} when the red flag belongs at the emergency level. Empty: the "
            "rule points to the warning signs.",
        ),
    )


class StopAndCall(Strict):
    """The box on every exercise page that says when to stop and call, not only rest."""

    heading: Title = Field(description=describe("Boksens overskrift.", "The box's heading."))
    rules: list[StopRule] = Field(
        min_length=1,
        description=describe(
            "Reglerne, den mest hastende først.", "The rules, the most urgent first."
        ),
    )
    more: Text = Field(
        description=describe(
            "Teksten på linket til alle advarselstegn.",
            "The text of the link to all warning signs.",
        )
    )


class ExerciseLibrary(ContentFile):
    """exercise_library.yaml: the library page and its vocabularies."""

    stop_and_call: StopAndCall = Field(
        description=describe(
            "Hvornår en øvelse skal stoppes, og der skal ringes efter hjælp. Vises på hver øvelse.",
            "When an exercise must stop and help be called. Shown on every exercise.",
        )
    )

    sheet: SheetTexts = Field(
        description=describe("Tekster til det personlige program.", "Texts of the programme sheet.")
    )
    diary: DiaryTexts = Field(
        description=describe("Tekster til træningsdagbogen.", "Texts of the training diary.")
    )

    title: Title = Field(
        description=describe("Overskrift på siden med øvelser.", "Heading of the exercises page.")
    )
    intro: Text = Field(
        description=describe(
            "Indledning øverst på siden med øvelser.",
            "Introduction at the top of the exercises page.",
        )
    )
    regions: list[Choice] = Field(
        min_length=1,
        description=describe(
            "Kropsområder, som en øvelse kan høre til.", "Body areas an exercise can belong to."
        ),
    )
    goals: list[Choice] = Field(
        min_length=1,
        description=describe("Formål, som en øvelse kan have.", "Aims an exercise can have."),
    )
    levels: list[Choice] = Field(
        min_length=1,
        description=describe(
            "Sværhedsgrader, fra den letteste (1) til den sværeste.",
            "Difficulty levels, from the easiest (1) to the hardest.",
        ),
    )


# --- condition, symptoms, self-care, education ----------------------------------------


class Section(Strict):
    """A headed run of paragraphs."""

    id: Id = Field(
        description=describe(
            "Kort navn for afsnittet. Bruges som anker i adressen (#id).",
            "Short name of the section. Used as the anchor in the address (#id).",
        )
    )
    heading: Title = Field(
        description=describe(
            "Afsnittets overskrift. Gerne det spørgsmål, afsnittet svarer på.",
            "The section's heading. Ideally the question it answers.",
        )
    )
    paragraphs: list[Text] = Field(
        min_length=1,
        description=describe(
            "Afsnittets tekst, ét afsnit pr. punkt.", "The section's text, one paragraph per item."
        ),
    )
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources, som afsnittet bygger på.",
            "Ids of sources (from the file's sources) the section is based on.",
        ),
    )
    print: bool = Field(
        default=False,
        description=describe(
            "true: afsnittet står også i den trefoldede folder (kun det vigtigste; "
            "resten står i hæftet med stor skrift).",
            "true: the section is printed on the tri-fold leaflet too (only what matters most; "
            "the rest is in the large-print booklet).",
        ),
    )


class Condition(ContentFile):
    """condition.yaml: what is wrong."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    summary: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    sections: list[Section] = Field(
        min_length=1,
        description=describe("Sidens afsnit i rækkefølge.", "The page's sections, in order."),
    )


class PainRule(Strict):
    """The pain-monitoring rule: how much exercise may hurt, and by when the pain settles."""

    text: Text = Field(
        description=describe(
            "Reglen i én sætning. Den står på siden om smerter, ved smertekolonnen i "
            "træningsdagbogen og på det personlige program.",
            "The rule in one sentence. It is shown on the pain page, beside the pain column of "
            "the training diary and on the personal programme sheet.",
        )
    )
    sources: list[Id] = Field(
        min_length=1,
        description=describe(
            "Id'er på kilder fra filens sources, som reglen bygger på.",
            "Ids of sources (from the file's sources) the rule is based on.",
        ),
    )


class PainSection(Section):
    """A section of the pain page, which may point to cards of the warning signs page."""

    cards: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kort fra warning_signs.yaml (fx emergency), som afsnittet linker til. "
            "Linket viser kortets overskrift.",
            "Ids of cards of warning_signs.yaml (e.g. emergency) the section links to. The "
            "link shows the card's heading.",
        ),
    )

    @model_validator(mode="after")
    def _sourced(self) -> PainSection:
        if not self.sources and not self.cards:
            raise PydanticCustomError(
                "unsourced_section",
                "a section of the pain page needs at least one source id "
                "(or cards: that link to the warning signs)",
                {"loc_extra": ("sources",)},
            )
        return self


class Pain(ContentFile):
    """pain.yaml: pain during and after exercise, flare-ups and pain medicine."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    summary: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    rule: PainRule = Field(
        description=describe(
            "Reglen for, hvor ondt træning må gøre (smertemonitoreringsmodellen).",
            "The rule for how much exercise may hurt (the pain-monitoring model).",
        )
    )
    sections: list[PainSection] = Field(
        min_length=1,
        description=describe("Sidens afsnit i rækkefølge.", "The page's sections, in order."),
    )


class Item(Strict):
    """A short item of a list."""

    id: Id = Field(description=describe("Kort navn for punktet.", "Short name of the item."))
    text: Text = Field(description=describe("Punktets tekst.", "The item's text."))
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources, som punktet bygger på.",
            "Ids of sources (from the file's sources) the item is based on.",
        ),
    )


class Symptoms(ContentFile):
    """symptoms.yaml: common symptoms."""

    heading: Title = Field(
        description=describe("Overskrift over symptomerne.", "Heading of the symptoms.")
    )
    intro: Text = Field(description=describe("Kort indledning.", "A short introduction."))
    items: list[Item] = Field(
        min_length=1,
        description=describe("Symptomerne, ét pr. punkt.", "The symptoms, one per item."),
    )


class TitledItem(Strict):
    """An item with its own heading."""

    id: Id = Field(
        description=describe(
            "Kort navn for punktet. Bruges som anker i adressen (#id).",
            "Short name of the item. Used as the anchor in the address (#id).",
        )
    )
    title: Title = Field(description=describe("Punktets overskrift.", "The item's heading."))
    text: Text = Field(description=describe("Punktets tekst.", "The item's text."))
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources, som punktet bygger på.",
            "Ids of sources (from the file's sources) the item is based on.",
        ),
    )
    print: bool = Field(
        default=False,
        description=describe(
            "true: punktet står også i den trefoldede folder (kun det vigtigste; "
            "resten står i hæftet med stor skrift).",
            "true: the item is printed on the tri-fold leaflet too (only what matters most; "
            "the rest is in the large-print booklet).",
        ),
    )
    print_text: Text | None = Field(
        default=None,
        description=describe(
            "En kortere udgave af text til folderen. Skal have de samme pladsholdere og tal "
            "som text.",
            "A shorter version of text for the leaflet. Must hold the same placeholders and "
            "numbers as text.",
        ),
    )


class SelfCare(ContentFile):
    """self_care.yaml: what you can do yourself."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    intro: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    items: list[TitledItem] = Field(
        min_length=1,
        description=describe("Rådene, ét råd pr. punkt.", "The advice, one piece per item."),
    )


class Education(ContentFile):
    """education.yaml: the topics of the pain-education sessions."""

    heading: Title = Field(
        description=describe("Overskrift over undervisningen.", "Heading of the education section.")
    )
    intro: Text = Field(description=describe("Kort indledning.", "A short introduction."))
    topics: list[TitledItem] = Field(
        min_length=1,
        description=describe("Emnerne i undervisningen.", "The topics of the sessions."),
    )


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


# --- programme -------------------------------------------------------------------------


class Weeks(Strict):
    """A duration in weeks, as a range."""

    min: int = Field(
        ge=1, le=104, description=describe("Det mindste antal uger.", "The fewest weeks.")
    )
    max: int = Field(
        ge=1,
        le=104,
        description=describe(
            "Det største antal uger (det samme som min, hvis længden er fast).",
            "The most weeks (the same as min if the length is fixed).",
        ),
    )

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

    id: Id = Field(description=describe("Kort navn for området.", "Short name of the area."))
    name: Text = Field(
        description=describe(
            "Området, som det skrives inde i en sætning (med lille begyndelsesbogstav).",
            "The area as written inside a sentence (lower case).",
        )
    )


class TargetGroup(Strict):
    """Who the programme is for."""

    min_age: int = Field(
        ge=0,
        le=120,
        description=describe(
            "Mindstealder. Tekster skriver den som {min_age}.",
            "Minimum age. Texts write it as {min_age}.",
        ),
    )
    min_pain_days: int = Field(
        ge=0,
        le=3650,
        description=describe(
            "Hvor mange dage man mindst har haft ondt. Tekster skriver det som {min_pain_days}.",
            "The fewest days of pain. Texts write it as {min_pain_days}.",
        ),
    )
    regions: list[Region] = Field(
        min_length=1,
        description=describe(
            "De dele af ryggen, forløbet er til.", "The parts of the back the programme is for."
        ),
    )
    criteria: list[Text] = Field(
        min_length=1,
        description=describe(
            "Punkterne under »Er forløbet noget for mig?«.",
            "The items under 'Is the programme for me?'.",
        ),
    )


class Provider(Strict):
    """The profession that runs the programme."""

    title: Title = Field(
        description=describe(
            "Faggruppen, fx Kiropraktoren.", "The profession, e.g. The chiropractor."
        )
    )
    education_years: int = Field(
        ge=0,
        le=20,
        description=describe(
            "År med uddannelse. Tekster skriver det som {education_years}.",
            "Years of education. Texts write it as {education_years}.",
        ),
    )
    internship_years: int = Field(
        ge=0,
        le=20,
        description=describe(
            "År i turnus. Tekster skriver det som {internship_years}.",
            "Years of internship. Texts write it as {internship_years}.",
        ),
    )
    text: Text = Field(description=describe("Om faggruppen.", "About the profession."))


class Phase(Strict):
    """One phase of the programme."""

    id: Id = Field(description=describe("Kort navn for trinnet.", "Short name of the step."))
    title: Title = Field(description=describe("Trinnets navn.", "The step's name."))
    summary: Text = Field(
        description=describe(
            "Én sætning om trinnet (står også på forsiden).",
            "One sentence about the step (also on the home page).",
        )
    )
    details: list[Text] = Field(
        min_length=1,
        description=describe(
            "Punkter om trinnet på siden om forløbet.",
            "Points about the step on the programme page.",
        ),
    )


class Prose(Strict):
    """A heading and paragraphs."""

    heading: Title = Field(description=describe("Overskrift.", "Heading."))
    paragraphs: list[Text] = Field(
        min_length=1,
        description=describe("Teksten, ét afsnit pr. punkt.", "The text, one paragraph per item."),
    )


class Steps(Strict):
    """A heading and ordered steps."""

    heading: Title = Field(description=describe("Overskrift.", "Heading."))
    steps: list[Text] = Field(
        min_length=1,
        description=describe(
            "Trinene i rækkefølge, ét pr. punkt.", "The steps in order, one per item."
        ),
    )


class ProgrammePage(Strict):
    """How one of site.yaml's pages is named in this programme (what is not given stays)."""

    path: str | None = Field(
        default=None,
        pattern=r"^([a-z0-9-]+/)+$",
        description=describe(
            "Sidens adresse i dette forløb, fx neck-pain/ (slutter med /).",
            "The page's address in this programme, e.g. neck-pain/ (ending in /).",
        ),
    )
    title: Title | None = Field(
        default=None,
        description=describe("Sidens titel i dette forløb.", "The page's title in this programme."),
    )
    description: Text | None = Field(
        default=None,
        description=describe(
            "Sidens beskrivelse i dette forløb.", "The page's description in this programme."
        ),
    )


class Programme(ContentFile):
    """programme.yaml: who it is for, how long, how often, and its phases."""

    name: Title = Field(description=describe("Forløbets navn.", "The programme's name."))
    summary: Text = Field(
        description=describe(
            "Kort beskrivelse af forløbet.", "A short description of the programme."
        )
    )
    weeks: Weeks = Field(
        description=describe(
            "Hvor mange uger forløbet varer. Tekster skriver det som {weeks}.",
            "How many weeks the programme lasts. Texts write it as {weeks}.",
        )
    )
    sessions_per_week: int = Field(
        ge=1,
        le=14,
        description=describe(
            "Træninger om ugen. Tekster skriver det som {sessions_per_week}.",
            "Sessions a week. Texts write it as {sessions_per_week}.",
        ),
    )
    target_group: TargetGroup = Field(
        description=describe("Hvem forløbet er for.", "Who the programme is for.")
    )
    provider: Provider = Field(
        description=describe("Hvem der står for forløbet.", "Who runs the programme.")
    )
    phases: list[Phase] = Field(
        min_length=1,
        description=describe("Forløbets trin i rækkefølge.", "The programme's steps, in order."),
    )
    training: Prose = Field(
        description=describe(
            "Afsnittet om, hvordan træningen foregår.", "The section on how the training works."
        )
    )
    getting_started: Steps = Field(
        description=describe(
            "Sådan kommer man i gang, trin for trin.", "How to get started, step by step."
        )
    )
    exercises: list[Id] | None = Field(
        default=None,
        description=describe(
            "Forløbets øvelser (id'er fra content/exercises/); programarket og dagbogen "
            "tilbyder dem. Udelades: alle øvelser.",
            "The programme's exercises (ids from content/exercises/); its sheet and diary "
            "offer them. Left out: every exercise.",
        ),
    )
    pages: dict[Id, ProgrammePage] = Field(
        default={},
        description=describe(
            "Sider fra site.yaml, der hedder noget andet i dette forløb, efter deres id: "
            "fx back-pain: {path: neck-pain/, title: {da: Nakkesmerter, en: Neck pain}}.",
            "Pages of site.yaml that are named otherwise in this programme, by their id: "
            "e.g. back-pain: {path: neck-pain/, title: {da: Nakkesmerter, en: Neck pain}}.",
        ),
    )
    warning_banner: Title | None = Field(
        default=None,
        description=describe(
            "Advarslen øverst på forløbets sider (ellers site.yaml's warning_banner): "
            "forløbets vigtigste tegn på, at man skal ringe 112.",
            "The warning at the top of the programme's pages (otherwise site.yaml's "
            "warning_banner): the programme's main signs that mean calling 112.",
        ),
    )


# --- exercises -------------------------------------------------------------------------


class Dosage(Strict):
    """How much and how often."""

    sets: int = Field(ge=1, le=20, description=describe("Antal sæt.", "Number of sets."))
    reps: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description=describe("Gentagelser pr. sæt, eller null.", "Repetitions per set, or null."),
    )
    hold_seconds: int | None = Field(
        default=None,
        ge=1,
        le=600,
        description=describe(
            "Sekunder, stillingen holdes, eller null.", "Seconds to hold the position, or null."
        ),
    )
    per_side: bool = Field(
        description=describe(
            "true, hvis øvelsen laves på hver side.", "true if the exercise is done on each side."
        )
    )
    times_per_week: int = Field(
        ge=1,
        le=7,
        description=describe(
            "Antal dage om ugen (7 er hver dag).", "Number of days a week (7 is every day)."
        ),
    )

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dosage:
        if self.reps is None and self.hold_seconds is None:
            raise PydanticCustomError("dosage", "give reps, hold_seconds or both (got neither)", {})
        return self


Angle = Annotated[float, Field(ge=-360, le=360)]
PRESETS = (
    "standing",
    "sitting",
    "supine",
    "hook-lying",
    "prone",
    "quadruped",
    "side-lying",
    "side-plank",
)
PROPS = ("none", "mat", "chair", "wall")
VIEWS = ("side", "front", "top")
ARROW_PARTS = (
    "head",
    "upper-back",
    "back",
    "lower-back",
    "hip",
    "hand",
    "elbow",
    "knee",
    "foot",
)
POSITIONS = ("standing", "sitting", "supine", "prone", "side-lying", "quadruped")


def _turn_field(da: str, en: str) -> Any:
    """An optional angle in degrees that keeps the preset's value when left out."""
    return Field(
        default=None,
        description=describe(da + " Uden: stillingens egen.", en + " Without: the preset's own."),
    )


class Pose(Strict):
    """A figure's 3-D pose: a preset position, with any angle changed (figure.py draws it).

    Angles are in degrees, counter-clockwise from pointing right (0 = right, 90 = up,
    -90 = down). Each names the direction of a body segment from its upper joint:
    torso from hip to shoulder, head from shoulder, arm from shoulder to elbow,
    forearm from elbow to hand, thigh from hip to knee, shin from knee to ankle.
    `_far` is the limb further from the viewer (drawn lighter). The spine, the limbs out of
    the side plane and the roll of the whole body are the fields after `foot_far`.
    """

    preset: Literal[PRESETS] = Field(  # type: ignore[valid-type]
        description=describe(
            "Udgangsstilling: standing, sitting, supine (på ryggen), hook-lying (på ryggen med "
            "bøjede knæ), prone (på maven), quadruped (på alle fire), side-lying (på siden) "
            "eller side-plank.",
            "Starting position: standing, sitting, supine (on the back), hook-lying (on the "
            "back, knees bent), prone (on the front), quadruped (on all fours), side-lying "
            "(on the side) or side-plank.",
        )
    )
    prop: Literal[PROPS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description=describe(
            "Udstyr på tegningen: none, mat, chair eller wall. Uden: stillingens eget.",
            "Equipment in the drawing: none, mat, chair or wall. Without: the preset's own.",
        ),
    )
    torso: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af overkroppen (fra hofte til skulder) i grader. Uden: stillingens egen.",
            "Direction of the torso (from hip to shoulder) in degrees. Without: the preset's own.",
        ),
    )
    head: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af hovedet (fra skulderen) i grader. Uden: stillingens egen.",
            "Direction of the head (from the shoulder) in degrees. Without: the preset's own.",
        ),
    )
    arm: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af overarmen (fra skulder til albue) i grader. Uden: stillingens egen.",
            "Direction of the upper arm (from shoulder to elbow) in degrees. "
            "Without: the preset's own.",
        ),
    )
    forearm: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af underarmen (fra albue til hånd) i grader. Uden: stillingens egen.",
            "Direction of the forearm (from elbow to hand) in degrees. Without: the preset's own.",
        ),
    )
    arm_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne overarm i grader. Uden: stillingens egen.",
            "Direction of the far upper arm in degrees. Without: the preset's own.",
        ),
    )
    forearm_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne underarm i grader. Uden: stillingens egen.",
            "Direction of the far forearm in degrees. Without: the preset's own.",
        ),
    )
    thigh: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af låret (fra hofte til knæ) i grader. Uden: stillingens egen.",
            "Direction of the thigh (from hip to knee) in degrees. Without: the preset's own.",
        ),
    )
    shin: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af underbenet (fra knæ til ankel) i grader. Uden: stillingens egen.",
            "Direction of the shin (from knee to ankle) in degrees. Without: the preset's own.",
        ),
    )
    thigh_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af det fjerne lår i grader. Uden: stillingens egen.",
            "Direction of the far thigh in degrees. Without: the preset's own.",
        ),
    )
    shin_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af det fjerne underben i grader. Uden: stillingens egen.",
            "Direction of the far shin in degrees. Without: the preset's own.",
        ),
    )
    foot: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af foden (fra anklen) i grader. Uden: stillingens egen.",
            "Direction of the foot (from the ankle) in degrees. Without: the preset's own.",
        ),
    )
    foot_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne fod i grader. Uden: stillingens egen.",
            "Direction of the far foot in degrees. Without: the preset's own.",
        ),
    )

    upper_back: Angle | None = _turn_field(
        "Hvor meget den øvre ryg bøjer frem i forhold til lænden (negativ: bagover), i grader.",
        "How far the upper back bends forwards from the lower back (negative: backwards), "
        "in degrees.",
    )
    lower_back_turn: Angle | None = _turn_field(
        "Drejning af lænden (positiv: mod den nære side), i grader.",
        "Rotation of the lower back (positive: towards the near side), in degrees.",
    )
    lower_back_side: Angle | None = _turn_field(
        "Sidebøjning af lænden (positiv: mod den nære side), i grader.",
        "Side bend of the lower back (positive: towards the near side), in degrees.",
    )
    upper_back_turn: Angle | None = _turn_field(
        "Drejning af den øvre ryg (positiv: mod den nære side), i grader.",
        "Rotation of the upper back (positive: towards the near side), in degrees.",
    )
    upper_back_side: Angle | None = _turn_field(
        "Sidebøjning af den øvre ryg (positiv: mod den nære side), i grader.",
        "Side bend of the upper back (positive: towards the near side), in degrees.",
    )
    neck_turn: Angle | None = _turn_field(
        "Drejning af hovedet (positiv: mod den nære side), i grader.",
        "Rotation of the head (positive: towards the near side), in degrees.",
    )
    neck_side: Angle | None = _turn_field(
        "Sidebøjning af nakken (positiv: mod den nære side), i grader.",
        "Side bend of the neck (positive: towards the near side), in degrees.",
    )
    roll: Angle | None = _turn_field(
        "Hele kroppen vippet om sin længdeakse: 90 er på siden med den nære side opad.",
        "The whole body tipped about its long axis: 90 is on the side, near side up.",
    )
    arm_out: Angle | None = _turn_field(
        "Overarmen ud til siden (negativ: ind over kroppen), i grader.",
        "The upper arm out to the side (negative: across the body), in degrees.",
    )
    forearm_out: Angle | None = _turn_field(
        "Underarmen ud til siden (negativ: ind over kroppen), i grader.",
        "The forearm out to the side (negative: across the body), in degrees.",
    )
    arm_far_out: Angle | None = _turn_field(
        "Den fjerne overarm ud til siden, i grader.",
        "The far upper arm out to the side, in degrees.",
    )
    forearm_far_out: Angle | None = _turn_field(
        "Den fjerne underarm ud til siden, i grader.",
        "The far forearm out to the side, in degrees.",
    )
    thigh_out: Angle | None = _turn_field(
        "Låret ud til siden (negativ: ind over det andet ben), i grader.",
        "The thigh out to the side (negative: across the other leg), in degrees.",
    )
    shin_out: Angle | None = _turn_field(
        "Underbenet ud til siden, i grader.",
        "The shin out to the side, in degrees.",
    )
    thigh_far_out: Angle | None = _turn_field(
        "Det fjerne lår ud til siden, i grader.",
        "The far thigh out to the side, in degrees.",
    )
    shin_far_out: Angle | None = _turn_field(
        "Det fjerne underben ud til siden, i grader.",
        "The far shin out to the side, in degrees.",
    )


class Figure(Strict):
    """One drawing of an exercise: generated from a pose, or a clinic's own image."""

    pose: Pose | None = Field(
        default=None,
        description=describe(
            "Stillingen, som tegningen laves ud fra.", "The position the drawing is made from."
        ),
    )
    image: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_./-]+\.(svg|png|jpg|jpeg)$",
        description=describe(
            "Klinikkens eget billede i stedet for en tegning (sti fra content/exercises/).",
            "The clinic's own image instead of a drawing (path from content/exercises/).",
        ),
    )
    alt: Text = Field(
        description=describe(
            "Hvad tegningen viser, for dem der ikke kan se den.",
            "What the drawing shows, for readers who cannot see it.",
        )
    )

    @model_validator(mode="after")
    def _pose_or_image(self) -> Figure:
        if (self.pose is None) == (self.image is None):
            raise PydanticCustomError(
                "figure_source",
                "give either pose or image (got {got})",
                {"got": "both" if self.pose else "neither"},
            )
        return self


class Illustration(Strict):
    """The start and end position of an exercise."""

    start: Figure = Field(description=describe("Startstillingen.", "The starting position."))
    end: Figure = Field(description=describe("Slutstillingen.", "The end position."))
    view: Literal[VIEWS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description=describe(
            "Hvorfra tegningerne ses: side, front eller top. Uden: den, hvor start og slut "
            "adskiller sig mest.",
            "Where the drawings are seen from: side, front or top. Without: the one in which "
            "start and end differ most.",
        ),
    )
    arrow: Literal[ARROW_PARTS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description=describe(
            "Hvor pilen på sluttegningen sidder: head, upper-back, back (midt på ryggen), "
            "lower-back, hip, hand, elbow, knee eller foot. Uden: ryggen, når den bøjer eller "
            "drejer; hoften, når overkroppen vipper; hovedet, når nakken bevæger sig; ellers "
            "den arm eller det ben, der bevæger sig mest.",
            "Where the end drawing's arrow is: head, upper-back, back (the middle of the "
            "back), lower-back, hip, hand, elbow, knee or foot. Without: the spine when it "
            "bends or turns; the hip when the trunk tips; the head when the neck moves; "
            "otherwise the arm or leg that moves most.",
        ),
    )


class Exercise(ContentFile):
    """exercises/<id>.yaml: one exercise; the file name is its id."""

    review: Review = Field(
        description=describe(
            "Hvornår øvelsen sidst blev gennemgået, og hvornår den skal gennemgås igen. "
            "Gennemgangen dækker både teksten og tegningerne: se dem på gennemgangsarket "
            "(make figures), før du skriver datoen.",
            "When the exercise was last reviewed, and when it is due again. The review covers "
            "both the text and the drawings: look at them on the review sheet (make figures) "
            "before you write the date.",
        )
    )

    id: Id = Field(
        description=describe(
            "Øvelsens navn i filerne. Det samme som filnavnet uden .yaml.",
            "The exercise's name in the files. The same as the file name without .yaml.",
        )
    )
    name: Title = Field(
        description=describe("Øvelsens navn på siden.", "The exercise's name on the page.")
    )
    purpose: Text = Field(
        description=describe(
            "Hvad øvelsen er godt for, i én eller to sætninger.",
            "What the exercise is for, in one or two sentences.",
        )
    )
    regions: list[Id] = Field(
        min_length=1,
        description=describe(
            "Kropsområder (id'er fra exercise_library.yaml).",
            "Body areas (ids from exercise_library.yaml).",
        ),
    )
    goals: list[Id] = Field(
        min_length=1,
        description=describe(
            "Formål (id'er fra exercise_library.yaml).", "Aims (ids from exercise_library.yaml)."
        ),
    )
    level: int = Field(
        ge=1,
        le=4,
        description=describe(
            "Sværhedsgrad fra 1 (let) til 4 (meget svær).",
            "Difficulty from 1 (easy) to 4 (very hard).",
        ),
    )
    equipment: list[Text] = Field(
        default=[],
        description=describe(
            "Udstyr, ét pr. punkt. En tom liste [], hvis der ikke skal bruges udstyr.",
            "Equipment, one per item. An empty list [] if none is needed.",
        ),
    )
    position: Literal[POSITIONS] = Field(  # type: ignore[valid-type]
        description=describe(
            "Stillingen, øvelsen starter i: standing (stående), sitting (siddende), supine (på "
            "ryggen), prone (på maven), side-lying (på siden) eller quadruped (på alle fire). "
            "Startstegningen skal vise den.",
            "The position the exercise starts in: standing, sitting, supine (on the back), "
            "prone (on the front), side-lying (on the side) or quadruped (on all fours). The "
            "start drawing must show it.",
        )
    )
    start_position: Text = Field(
        description=describe("Sådan starter man.", "The starting position.")
    )
    steps: list[Text] = Field(
        min_length=1,
        description=describe(
            "Trinene i rækkefølge, ét pr. punkt.", "The steps in order, one per item."
        ),
    )
    dosage: Dosage = Field(
        description=describe("Hvor meget og hvor tit.", "How much and how often.")
    )
    feel: Text = Field(
        description=describe("Hvad man må mærke undervejs.", "What the reader may feel.")
    )
    stop: Text = Field(
        description=describe(
            "Hvornår man skal stoppe, og hvad man så gør.", "When to stop, and what to do then."
        )
    )
    mistakes: list[Text] = Field(
        default=[],
        description=describe(
            "Typiske fejl, og hvordan man undgår dem.", "Common mistakes and how to avoid them."
        ),
    )
    easier: Id | None = Field(
        default=None,
        description=describe(
            "Id på en lettere udgave af øvelsen, eller null.",
            "Id of an easier version of the exercise, or null.",
        ),
    )
    harder: Id | None = Field(
        default=None,
        description=describe(
            "Id på en sværere udgave af øvelsen, eller null.",
            "Id of a harder version of the exercise, or null.",
        ),
    )
    illustration: Illustration = Field(
        description=describe(
            "Tegninger af start- og slutstillingen.", "Drawings of the start and end position."
        )
    )


# --- practicalities, what to expect, questions and answers --------------------------------

Minutes = Annotated[int, Field(ge=5, le=480)]
Kroner = Annotated[int, Field(ge=0, le=1_000_000)]


class Practicalities(Strict):
    """clinic.yaml's practical details of the programme; each is shown only when filled in."""

    first_visit_minutes: Minutes | None = Field(
        default=None,
        description=describe(
            "Hvor mange minutter det første besøg varer, eller null.",
            "How many minutes the first visit lasts, or null.",
        ),
    )
    session_minutes: Minutes | None = Field(
        default=None,
        description=describe(
            "Hvor mange minutter en træning på holdet varer, eller null.",
            "How many minutes a group session lasts, or null.",
        ),
    )
    session_times: Text | None = Field(
        default=None,
        description=describe(
            "Hvornår holdet træner, fx »Tirsdag og torsdag kl. 16.30–17.30«.",
            "When the group trains, e.g. 'Tuesday and Thursday, 16:30 to 17:30'.",
        ),
    )
    training_address: list[PlainStr] = Field(
        default=[],
        description=describe(
            "Hvor holdet træner, hvis det ikke er klinikkens adresse: én linje pr. punkt.",
            "Where the group trains, if not at the clinic's address: one line per item.",
        ),
    )
    price_programme: Kroner | None = Field(
        default=None,
        description=describe(
            "Hvad hele forløbet koster patienten, i hele kroner, eller null.",
            "What the whole programme costs the patient, in whole kroner, or null.",
        ),
    )
    price_first_visit: Kroner | None = Field(
        default=None,
        description=describe(
            "Hvad det første besøg koster patienten, i hele kroner, eller null.",
            "What the first visit costs the patient, in whole kroner, or null.",
        ),
    )
    price_note: Text | None = Field(
        default=None,
        description=describe(
            "Kort om priserne, fx om de er før eller efter tilskud.",
            "A note on the prices, e.g. whether they are before or after any subsidy.",
        ),
    )
    public_subsidy: bool | None = Field(
        default=None,
        description=describe(
            "true: klinikken har overenskomst med den offentlige sygesikring, så patienten får "
            "tilskud. false: ingen tilskud. null: vises ikke.",
            "true: the clinic has an agreement with the public health insurance, so patients get "
            "a subsidy. false: no subsidy. null: not shown.",
        ),
    )
    danmark_subsidy: bool | None = Field(
        default=None,
        description=describe(
            "true: medlemmer af sygeforsikringen »danmark« kan få tilskud. null: vises ikke.",
            "true: members of the health insurance 'danmark' can get a subsidy. null: not shown.",
        ),
    )
    referral_needed: bool | None = Field(
        default=None,
        description=describe(
            "true: patienten skal have en henvisning fra lægen. false: ingen henvisning. "
            "null: vises ikke.",
            "true: patients need a referral from their doctor. false: no referral. "
            "null: not shown.",
        ),
    )
    booking: Text | None = Field(
        default=None,
        description=describe("Sådan bestiller man tid.", "How to book an appointment."),
    )
    bring: Text | None = Field(
        default=None,
        description=describe(
            "Hvad man skal have på og have med (fx det gule sundhedskort).",
            "What to wear and bring (e.g. the yellow health card).",
        ),
    )
    missed_session: Text | None = Field(
        default=None,
        description=describe(
            "Hvad man gør, hvis man ikke kan komme til en træning.",
            "What to do if you cannot come to a session.",
        ),
    )
    cancellation: Text | None = Field(
        default=None,
        description=describe(
            "Regler for afbud (hvor tidligt, og om det koster noget).",
            "The rules for cancelling (how early, and whether it costs anything).",
        ),
    )

    def filled(self) -> bool:
        """True when at least one detail is filled in (else the page shows no heading for them)."""
        return any(getattr(self, name) not in (None, []) for name in type(self).model_fields)


class PracticalTexts(Strict):
    """expect.yaml's headings and general (sourced) sentences around the clinic's details."""

    heading: Title = Field(
        description=describe("Overskrift over de praktiske oplysninger.", "Their heading.")
    )
    first_visit_length: Text = Field(
        description=describe(
            "Etiket: det første besøgs længde.", "Label: the first visit's length."
        )
    )
    session_length: Text = Field(
        description=describe("Etiket: en trænings længde.", "Label: a session's length.")
    )
    minutes: Text = Field(description=describe("Ordet for minutter.", "The word for minutes."))
    session_times: Text = Field(description=describe("Etiket: træningstider.", "Label: times."))
    training_place: Text = Field(
        description=describe("Etiket: hvor holdet træner.", "Label: where the group trains.")
    )
    price_programme: Text = Field(
        description=describe("Etiket: prisen for forløbet.", "Label: the programme's price.")
    )
    price_first_visit: Text = Field(
        description=describe("Etiket: prisen for første besøg.", "Label: the first visit's price.")
    )
    subsidy: Text = Field(description=describe("Etiket: tilskud.", "Label: subsidy."))
    public_subsidy: Text = Field(
        description=describe(
            "Når klinikken har overenskomst med sygesikringen (med kilde).",
            "When the clinic has an agreement with the public health insurance (sourced).",
        )
    )
    no_public_subsidy: Text = Field(
        description=describe(
            "Når klinikken ikke har overenskomst.", "When the clinic has no agreement."
        )
    )
    danmark_subsidy: Text = Field(
        description=describe(
            "Når medlemmer af »danmark« kan få tilskud (med kilde).",
            "When members of 'danmark' can get a subsidy (sourced).",
        )
    )
    referral: Text = Field(description=describe("Etiket: henvisning.", "Label: referral."))
    referral_needed: Text = Field(
        description=describe("Når der skal en henvisning til.", "When a referral is needed.")
    )
    no_referral_needed: Text = Field(
        description=describe(
            "Når der ikke skal en henvisning til (med kilde).",
            "When no referral is needed (sourced).",
        )
    )
    booking: Text = Field(description=describe("Etiket: bestil tid.", "Label: booking."))
    bring: Text = Field(description=describe("Etiket: tøj og ting.", "Label: what to bring."))
    missed_session: Text = Field(
        description=describe("Etiket: en træning, man ikke kan nå.", "Label: a missed session.")
    )
    cancellation: Text = Field(description=describe("Etiket: afbud.", "Label: cancelling."))
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources til de generelle sætninger.",
            "Ids of sources (from the file's sources) of the general sentences.",
        ),
    )


class Expect(ContentFile):
    """expect.yaml: before, during and after the programme, with the clinic's practicalities."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    summary: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    sections: list[Section] = Field(
        min_length=1,
        description=describe("Sidens afsnit i rækkefølge.", "The page's sections, in order."),
    )
    visit_length_in: Id = Field(
        description=describe(
            "Id på det afsnit, hvor klinikkens længde af det første besøg vises (hvis klinikken "
            "har skrevet den i clinic.yaml).",
            "Id of the section that shows how long the clinic's first visit lasts (if "
            "clinic.yaml gives it).",
        )
    )
    practicalities: PracticalTexts = Field(
        description=describe(
            "Overskrift, etiketter og generelle sætninger til klinikkens praktiske oplysninger.",
            "Heading, labels and general sentences for the clinic's practical details.",
        )
    )

    @model_validator(mode="after")
    def _visit_section(self) -> Expect:
        ids = [section.id for section in self.sections]
        if self.visit_length_in not in ids:
            raise PydanticCustomError(
                "unknown_section",
                "unknown section '{got}' (expected one of: {expected})",
                {
                    "got": self.visit_length_in,
                    "expected": ", ".join(ids),
                    "loc_extra": ("visit_length_in",),
                },
            )
        return self


class PageLink(Strict):
    """A link to a page of the site, and optionally to a section of it."""

    page: Id = Field(
        description=describe(
            "Id på siden i site.yaml, fx self-care.", "Id of the page in site.yaml, e.g. self-care."
        )
    )
    section: Id | None = Field(
        default=None,
        description=describe(
            "Id på et afsnit af siden (ankeret efter #), eller null for hele siden.",
            "Id of a section of the page (the anchor after #), or null for the whole page.",
        ),
    )


class Question(Strict):
    """One question a patient asks, a short answer and where the full answer is."""

    id: Id = Field(
        description=describe(
            "Kort navn for spørgsmålet. Bruges som anker i adressen (#id).",
            "Short name of the question. Used as the anchor in the address (#id).",
        )
    )
    question: Title = Field(
        description=describe(
            "Spørgsmålet, som en patient ville stille det.", "The question, as a patient asks it."
        )
    )
    answer: Text = Field(
        description=describe(
            "Et kort svar: 2-3 korte sætninger.", "A short answer: 2-3 short sentences."
        )
    )
    link: PageLink = Field(
        description=describe(
            "Siden (og evt. afsnittet), hvor hele svaret står.",
            "The page (and section, if any) where the full answer is.",
        )
    )
    sources: list[Id] = Field(
        default=[],
        description=describe(
            "Id'er på kilder fra filens sources, som svaret bygger på.",
            "Ids of sources (from the file's sources) the answer is based on.",
        ),
    )


class Questions(ContentFile):
    """questions.yaml: questions and answers, each linking to the full answer."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    intro: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )
    questions: list[Question] = Field(
        min_length=1,
        description=describe("Spørgsmålene i rækkefølge.", "The questions, in order."),
    )


Clinic.model_rebuild()  # its `practicalities` field names a class defined above
