"""Every kind of content file, named once: where it lives, its model, what it provides.

The loader, the schema generator, the report, the translation lock, the command line and the
hooks take their lists from here. Adding a kind of content is one entry below, its model and
the template of the page that shows it (a page names the kinds it shows in site.yaml `uses`).

Two scopes:

- `site`: one file for the whole site, in `content/` (the clinic, the exercise library, …);
- `programme`: one file per programme, in `content/programmes/<programme id>/`. A page that
  uses a programme kind is made once for each programme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from patientsite import model as m

Scope = Literal["site", "programme"]

PROGRAMMES = "programmes"  # the folder below content/ that holds one folder per programme


@dataclass(frozen=True)
class Kind:
    """One kind of content file."""

    name: str  # as pages name it in `uses`, and the file's stem
    model: type[BaseModel]
    scope: Scope
    many: bool = False  # one file per item, in a folder of that name (exercises/<id>.yaml)
    required: bool = True  # False: a programme may leave it out (and the pages that need it)
    placeholders: tuple[str, ...] = ()  # the {names} its values fill in texts

    @property
    def pattern(self) -> str:
        """Where its files are, relative to content/."""
        folder = f"{PROGRAMMES}/<programme>/" if self.scope == "programme" else ""
        return f"{folder}{self.name}/<id>.yaml" if self.many else f"{folder}{self.name}.yaml"

    @property
    def schema(self) -> str:
        """Its schema's name under schemas/ (exercises/<id>.yaml has exercise.schema.json)."""
        return f"{self.name.removesuffix('s') if self.many else self.name}.schema.json"


# In loading order: regions first (their numbers may not be typed into other texts), the
# site file before the rest (its services are placeholders of every other text).
KINDS: tuple[Kind, ...] = (
    Kind("site", m.SiteFile, "site"),
    Kind("regions", m.Regions, "site"),
    Kind("red_flags", m.RedFlags, "site"),
    Kind(
        "clinic",
        m.Clinic,
        "site",
        placeholders=("clinic", "clinic_phone", "helpline", "helpline_name", "region"),
    ),
    Kind("exercise_library", m.ExerciseLibrary, "site"),
    Kind("exercises", m.Exercise, "site", many=True),
    Kind(
        "programme",
        m.Programme,
        "programme",
        placeholders=(
            "weeks",
            "sessions_per_week",
            "min_age",
            "min_pain_days",
            "education_years",
            "internship_years",
        ),
    ),
    Kind("condition", m.Condition, "programme"),
    Kind("symptoms", m.Symptoms, "programme"),
    Kind("warning_signs", m.WarningSigns, "programme"),
    Kind("self_care", m.SelfCare, "programme"),
    Kind("pain", m.Pain, "programme", required=False),
    Kind("education", m.Education, "programme"),
    Kind("expect", m.Expect, "programme", required=False),
    Kind("questions", m.Questions, "programme", required=False),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
SITE_FILES: tuple[Kind, ...] = tuple(k for k in KINDS if k.scope == "site" and not k.many)
PROGRAMME_FILES: tuple[Kind, ...] = tuple(k for k in KINDS if k.scope == "programme")
# What a page may name in `uses`: every kind that is one file.
PAGE_KINDS: tuple[str, ...] = tuple(k.name for k in KINDS if not k.many)
# Placeholders the content files provide (the site's services add theirs: {emergency}, …).
PLACEHOLDERS: frozenset[str] = frozenset(name for k in KINDS for name in k.placeholders)


def kind(name: str) -> Kind:
    """The kind of that name (KeyError if there is none)."""
    return BY_NAME[name]
