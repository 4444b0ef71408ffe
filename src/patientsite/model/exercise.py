"""An exercise: its dosage, its drawings and its texts."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.model.blocks import ContentFile, Review
from patientsite.model.pose import ARROW_PARTS, POSITIONS, VIEWS, Pose
from patientsite.model.text import Id, Strict, Text, Title, describe

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
