"""What every content file shares: its review, its sources."""

from __future__ import annotations

from datetime import date

from pydantic import (
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from patientsite.model.text import Id, PlainStr, Strict, describe

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
