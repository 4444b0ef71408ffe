"""A programme's files: programme, condition, symptoms, self-care, education, pain, what to
expect, questions."""

from __future__ import annotations

from pydantic import (
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.model.blocks import ContentFile
from patientsite.model.text import Id, Strict, Text, Title, describe

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


class Article(ContentFile):
    """A page-shaped file: a heading and a short introduction (its sections come after)."""

    title: Title = Field(description=describe("Sidens overskrift.", "The page heading."))
    summary: Text = Field(
        description=describe(
            "Kort indledning øverst på siden.", "A short introduction at the top of the page."
        )
    )


class Condition(Article):
    """condition.yaml: what is wrong."""

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


class Pain(Article):
    """pain.yaml: pain during and after exercise, flare-ups and pain medicine."""

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


class Expect(Article):
    """expect.yaml: before, during and after the programme, with the clinic's practicalities."""

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
