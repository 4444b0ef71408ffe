"""The site-wide files: site.yaml (pages, services, labels), the clinic, the exercise library."""

from __future__ import annotations

from typing import Annotated

from babel import Locale, UnknownLocaleError
from pydantic import (
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.model.blocks import ContentFile, Review
from patientsite.model.text import Id, PlainStr, Strict, Text, Title, describe

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
    continues: Text
    continues_unfold: Text


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


Clinic.model_rebuild()  # its `practicalities` field names a class defined below it
