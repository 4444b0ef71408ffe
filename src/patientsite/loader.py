"""Load and validate a whole content folder; report every problem at once."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from patientsite import images, posecheck, printmarks, triage
from patientsite import model as m
from patientsite.problems import ContentError, Problem, display_path, field_path
from patientsite.yamlsource import Loc, YamlDocument, problem_at, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)

# Placeholders whose values come from the programme and clinic files.
PROGRAMME_PLACEHOLDERS = frozenset(
    {
        "weeks",
        "sessions_per_week",
        "min_age",
        "min_pain_days",
        "education_years",
        "internship_years",
        "clinic",
        "clinic_phone",
        "helpline",
        "helpline_name",
        "region",
    }
)

FILES: dict[str, type[BaseModel]] = {
    "regions": m.Regions,
    "red_flags": m.RedFlags,
    "clinic": m.Clinic,
    "condition": m.Condition,
    "symptoms": m.Symptoms,
    "warning_signs": m.WarningSigns,
    "programme": m.Programme,
    "self_care": m.SelfCare,
    "education": m.Education,
    "exercise_library": m.ExerciseLibrary,
}


@dataclass(frozen=True)
class Content:
    """Every content file of a site, validated."""

    root: Path
    languages: tuple[m.Language, ...]
    site: m.SiteFile
    regions: m.Regions
    red_flags: m.RedFlags
    clinic: m.Clinic
    condition: m.Condition
    symptoms: m.Symptoms
    warning_signs: m.WarningSigns
    programme: m.Programme
    self_care: m.SelfCare
    education: m.Education
    exercise_library: m.ExerciseLibrary
    exercises: dict[str, m.Exercise]
    clinic_dir: Path = Path()  # where the clinic profile is: its logo path is relative to it

    def placeholders(self, lang: str | None = None) -> dict[str, str]:
        """The value of every placeholder a text may use, in one language (default: the first)."""
        weeks = self.programme.weeks
        values = {
            "weeks": str(weeks.min) if weeks.min == weeks.max else f"{weeks.min}–{weeks.max}",
            "sessions_per_week": str(self.programme.sessions_per_week),
            "min_age": str(self.programme.target_group.min_age),
            "min_pain_days": str(self.programme.target_group.min_pain_days),
            "education_years": str(self.programme.provider.education_years),
            "internship_years": str(self.programme.provider.internship_years),
            "clinic": self.clinic.name,
            "clinic_phone": self.clinic.phone,
            **self.helpline_placeholders(lang or self.languages[0].code),
        }
        values.update({service.id: service.number for service in self.site.services})
        return values

    def health_region(self) -> m.HealthRegion:
        """The region the clinic is in (the loader has checked that it exists)."""
        return next(r for r in self.regions.regions if r.id == self.clinic.region)

    def helpline_placeholders(self, lang: str) -> dict[str, str]:
        """{helpline}, {helpline_name} and {region}: the on-call service of the clinic's region."""
        region = self.health_region()
        return {
            "helpline": region.helpline.number,
            "helpline_name": region.helpline.name.get(lang),
            "region": region.name.get(lang),
        }

    def file(self, name: str) -> BaseModel:
        """A content file's model by its name (as in a page's `uses`)."""
        value = getattr(self, name)
        assert isinstance(value, BaseModel)
        return value


def load_content(
    root: Path, languages: Sequence[m.Language], project: Path | None = None
) -> Content:
    """Load every file under root, validate it, and raise ContentError listing all problems."""
    project = project or root.parent
    problems: list[Problem] = []
    base = m.ValidationSettings(languages=tuple(languages))

    site_doc = _read(root / "site.yaml", project, problems)
    site = _validate(site_doc, m.SiteFile, _with_services(base, []), problems)
    # The regions' numbers may not be typed into texts either: they are read first.
    regions_doc = _read(root / "regions.yaml", project, problems)
    regions = _validate(regions_doc, m.Regions, _with_services(base, []), problems)
    # Other files may name services even when site.yaml has a mistake elsewhere.
    settings = _with_services(
        base, site.services if site else _raw_services(site_doc), _helpline_numbers(regions)
    )

    docs: dict[str, YamlDocument | None] = {"site": site_doc, "regions": regions_doc}
    loaded: dict[str, Any] = {"regions": regions}
    for name, cls in FILES.items():
        if name in loaded:
            continue
        docs[name] = _read(root / f"{name}.yaml", project, problems)
        loaded[name] = _validate(docs[name], cls, settings, problems)

    exercises: dict[str, m.Exercise] = {}
    exercise_docs: dict[str, YamlDocument] = {}
    read = [doc for doc in docs.values() if doc is not None]
    for path in exercise_files(root):
        doc = _read(path, project, problems)
        read += [doc] if doc is not None else []
        exercise = _validate(doc, m.Exercise, settings, problems)
        if doc is None or exercise is None:
            continue
        if exercise.id != path.stem:
            problems.append(
                _at(
                    doc,
                    ("id",),
                    f"id '{exercise.id}' differs from the file name (expected '{path.stem}')",
                )
            )
        exercises[exercise.id] = exercise
        exercise_docs[exercise.id] = doc
    if not exercises and not problems:
        problems.append(
            Problem(display_path(root / "exercises", project), None, "", "no exercise files found")
        )

    # Files nothing reads are reported with the rest, not instead of it: a picture left
    # unused because its exercise names it wrongly still gets the exercise's own message.
    unread = list(_unread_files(root, project, read))
    if problems or site is None:
        raise ContentError([*problems, *unread])
    content = Content(
        root=root,
        languages=tuple(languages),
        site=site,
        exercises=exercises,
        clinic_dir=root,
        **loaded,
    )
    problems.extend(_cross_check(content, docs, exercise_docs))
    if problems or unread:
        raise ContentError([*problems, *unread])
    return content


IMAGE_SUFFIXES = frozenset({".svg", ".png", ".jpg", ".jpeg"})


def exercise_files(root: Path) -> list[Path]:
    """The exercise files of a content folder: exercises/*.yaml, hidden files left out."""
    return sorted(p for p in (root / "exercises").glob("*.yaml") if not p.name.startswith("."))


def _unread_files(root: Path, project: Path, docs: list[YamlDocument]) -> Iterator[Problem]:
    """Files in root that nothing reads: a content file under a wrong name is not left out quietly.

    Read are site.yaml, the files of FILES, exercises/*.yaml and the images that exercises
    and the clinic name (read leniently, so a file with a mistake still names its images).
    Hidden files (.gitkeep, an editor's swap file) are left alone.
    """
    expected = ["site.yaml", *(f"{name}.yaml" for name in FILES)]
    known = {root / name for name in expected}
    for doc in docs:
        for base, image in _images_named(doc):
            known.add(root / base / image)
    real = {os.path.realpath(path) for path in known}  # never raises, even on a symlink loop
    folder_shown = display_path(root, project)
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        shown = f"{folder_shown}/{relative.as_posix()}"
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        folder = relative.parent.as_posix()
        if os.path.realpath(path) in real or (folder == "exercises" and path.suffix == ".yaml"):
            continue
        if path.suffix.lower() in IMAGE_SUFFIXES:
            what = "no exercise (illustration image) and no clinic logo names this image"
            yield Problem(shown, None, "", f"{what}; name it or delete it")
            continue
        if folder == "exercises" and path.suffix.lower() in {".yml", ".yaml"}:
            hint = f"did you mean 'exercises/{path.stem}.yaml'? "
        else:
            close = difflib.get_close_matches(relative.as_posix(), expected, n=1, cutoff=0.8)
            hint = f"did you mean '{close[0]}'? " if close else ""
        yield Problem(
            shown,
            None,
            "",
            f"no content is read from this file ({hint}expected one of: "
            f"{', '.join(sorted(expected))}, exercises/<id>.yaml, or an image)",
        )


def _images_named(doc: YamlDocument) -> Iterator[tuple[str, str]]:
    """(folder, file) of each image that one content file names, read from its raw data."""
    data = doc.data if isinstance(doc.data, dict) else {}
    if isinstance(data.get("logo"), str):
        yield ".", data["logo"]
    illustration = data.get("illustration")
    for which in ("start", "end"):
        figure = illustration.get(which) if isinstance(illustration, dict) else None
        if isinstance(figure, dict) and isinstance(figure.get("image"), str):
            yield "exercises", figure["image"]


def overdue(content: Content, today: date) -> list[str]:
    """Files whose review date has passed, as notices for the build log."""
    notices = []
    for name in ["site", *FILES]:
        review = getattr(content.file(name), "review", None)
        if review is not None and review.next_review < today:
            notices.append(f"content/{name}.yaml: review was due on {review.next_review}")
    for ex_id, exercise in content.exercises.items():
        if exercise.review.next_review < today:
            notices.append(
                f"content/exercises/{ex_id}.yaml: review was due on {exercise.review.next_review}"
            )
    return notices


# --- reading and validating one file --------------------------------------------------


def _read(path: Path, project: Path, problems: list[Problem]) -> YamlDocument | None:
    display = display_path(path, project)
    if not path.is_file():
        problems.append(Problem(display, None, "", "file is missing"))
        return None
    doc, found = read_yaml(path, display)
    problems.extend(found)
    return doc


def _with_services(
    base: m.ValidationSettings,
    services: list[tuple[str, str]] | list[m.Service],
    helplines: Sequence[str] = (),
) -> m.ValidationSettings:
    pairs = [(s.id, s.number) if isinstance(s, m.Service) else s for s in services]
    return m.ValidationSettings(
        languages=base.languages,
        placeholders=PROGRAMME_PLACEHOLDERS | {name for name, _ in pairs},
        reserved_numbers=frozenset(number for _, number in pairs) | frozenset(helplines),
    )


def _helpline_numbers(regions: m.Regions | None) -> list[str]:
    """Every region's helpline number (none if regions.yaml did not validate)."""
    return [r.helpline.number for r in regions.regions] if regions else []


def _raw_services(doc: YamlDocument | None) -> list[tuple[str, str]]:
    """Service ids and numbers read leniently from site.yaml that did not validate."""
    raw = doc.data.get("services") if doc is not None and isinstance(doc.data, dict) else None
    return [
        (str(s["id"]), str(s["number"]))
        for s in (raw if isinstance(raw, list) else [])
        if isinstance(s, dict) and "id" in s and "number" in s
    ]


def _validate(
    doc: YamlDocument | None,
    cls: type[ModelT],
    settings: m.ValidationSettings,
    problems: list[Problem],
) -> ModelT | None:
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        line, column = doc.position_of(())
        problems.append(
            Problem(doc.file, line or 1, "", "expected a mapping of fields (field: value)", column)
        )
        return None
    try:
        return cls.model_validate(doc.data, context={"settings": settings})
    except ValidationError as exc:
        problems.extend(_problem(doc, cls, error) for error in exc.errors())
        return None


def _problem(doc: YamlDocument, cls: type[BaseModel], error: ErrorDetails) -> Problem:
    ctx = error.get("ctx") or {}
    loc: Loc = tuple(part for part in error["loc"] if part != "root")
    if "loc_key" in ctx:
        loc = (*loc, ctx["loc_key"])
    if "loc_extra" in ctx:
        loc = (*loc, *ctx["loc_extra"])
    return _at(doc, loc, _message(cls, loc, error))


def _at(doc: YamlDocument, loc: Loc, message: str) -> Problem:
    return problem_at(doc, loc, message)


def _message(cls: type[BaseModel], loc: Loc, error: ErrorDetails) -> str:
    """One wording per kind of error, with what was expected and what was found."""
    kind = error["type"]
    got = _show(error.get("input"))
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        allowed = _fields_at(cls, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        did_you_mean = f"did you mean '{hint[0]}'? " if hint else ""
        return f"unknown field ({did_you_mean}expected one of: {', '.join(allowed)})"
    if kind == "literal_error":
        expected = (error.get("ctx") or {}).get("expected", "")
        return f"expected one of: {expected} (got {got})"
    if kind.startswith("date") and _looks_like_a_date(error.get("input")):
        return f"expected a real date like 2027-01-31 (got {got})"
    if kind == "string_pattern_mismatch":
        return f"unexpected format (got {got}, expected {_pattern_hint(cls, loc)})"
    simple = {
        "int_parsing": "a whole number",
        "int_parsing_size": "a whole number",
        "int_type": "a whole number",
        "int_from_float": "a whole number",
        "bool_parsing": "true or false",
        "bool_type": "true or false",
        "string_type": "text",
        "list_type": "a list",
        "dict_type": "a mapping (field: value)",
        "model_type": "a mapping (field: value)",
        "model_attributes_type": "a mapping (field: value)",
        "date_from_datetime_parsing": "a date like 2027-01-31",
        "date_parsing": "a date like 2027-01-31",
        "date_type": "a date like 2027-01-31",
    }
    if kind in simple:
        return f"expected {simple[kind]} (got {got})"
    if kind in {"greater_than_equal", "less_than_equal", "too_short", "string_too_short"}:
        return f"{error['msg'][0].lower()}{error['msg'][1:]} (got {got})"
    return error["msg"]


def _looks_like_a_date(value: Any) -> bool:
    """True for text shaped like a date that is not one (2026-02-30, 2027-13-01)."""
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) is not None


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pattern_hint(cls: type[BaseModel], loc: Loc) -> str:
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    hints = {
        "email": "an e-mail address like info@example.dk",
        "phone": "a phone number of digits and spaces, like +45 12 34 56 78",
        "number": "a phone number of digits, or a placeholder like {clinic_phone}",
        "website": "a web address starting with https://",
        "url": "a web address starting with https://",
        "path": "a path of lowercase words ending in '/', or '' for the home page",
        "name": "a name without '<' or '>'",
    }
    return hints.get(name, "lowercase words joined by single hyphens, like bird-dog")


def _fields_at(cls: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found by walking loc from cls (for 'did you mean')."""
    current: Any = cls
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return []
            current = info.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] so the walk reaches the model inside."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


# --- checks across items and files ------------------------------------------------------


def _cross_check(
    content: Content,
    docs: dict[str, YamlDocument | None],
    exercise_docs: dict[str, YamlDocument],
) -> Iterator[Problem]:
    for name, doc in docs.items():
        assert doc is not None
        yield from _duplicate_ids(doc, content.file(name), ())
        yield from _source_refs(doc, content.file(name))
    for ex_id, doc in exercise_docs.items():
        exercise = content.exercises[ex_id]
        yield from _source_refs(doc, exercise)
        yield from _exercise_refs(content, exercise, doc)
        yield from posecheck.check(exercise, doc)
    yield from _page_checks(content, docs["site"])
    clinic_doc = docs["clinic"]
    assert clinic_doc is not None
    yield from _clinic_checks(content.clinic, content.clinic_dir, clinic_doc)
    yield from triage.check(content, docs)
    yield from printmarks.check(content.self_care, content.education, docs)


def _clinic_checks(clinic: m.Clinic, folder: Path, doc: YamlDocument) -> Iterator[Problem]:
    """The clinic's logo, if any, is a safe image file in the profile's folder."""
    if clinic.logo is not None:
        yield from _image_check(doc, ("logo",), folder, clinic.logo, folder.as_posix())


def _image_check(
    doc: YamlDocument, loc: Loc, folder: Path, name: str, shown: str
) -> Iterator[Problem]:
    """A problem if name is not a publishable image inside folder (see images.py)."""
    try:
        images.load(folder, name, shown)
    except images.ImageError as error:
        yield _at(doc, loc, str(error))


def with_clinic(content: Content, path: Path, project: Path) -> Content:
    """The same content with another clinic's profile; raise ContentError if it is not valid."""
    problems: list[Problem] = []
    settings = _with_services(
        m.ValidationSettings(languages=content.languages),
        content.site.services,
        _helpline_numbers(content.regions),
    )
    doc = _read(path, project, problems)
    clinic = _validate(doc, m.Clinic, settings, problems)
    if doc is not None and clinic is not None:
        problems.extend(_clinic_checks(clinic, path.parent, doc))
        problems.extend(triage.clinic_region(clinic, content.regions, doc))
    if problems or clinic is None:
        raise ContentError(problems)
    return dataclasses.replace(content, clinic=clinic, clinic_dir=path.parent)


def _duplicate_ids(doc: YamlDocument, obj: Any, loc: Loc) -> Iterator[Problem]:
    """Ids must be unique within each list."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _duplicate_ids(doc, getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        seen: dict[str, int] = {}
        for index, item in enumerate(obj):
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str):
                if item_id in seen:
                    yield _at(
                        doc,
                        (*loc, index, "id"),
                        f"duplicate id '{item_id}' (also at {field_path((*loc, seen[item_id]))})",
                    )
                seen.setdefault(item_id, index)
            yield from _duplicate_ids(doc, item, (*loc, index))


def _source_refs(doc: YamlDocument, obj: BaseModel) -> Iterator[Problem]:
    """Every `sources: [id]` in an item names a source listed in the same file."""
    known = {s.id for s in getattr(obj, "sources", []) if isinstance(s, m.Source)}

    def walk(value: Any, loc: Loc) -> Iterator[Problem]:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                child = getattr(value, name)
                if name == "sources" and loc and all(isinstance(x, str) for x in child):
                    for index, ref in enumerate(child):
                        if ref not in known:
                            yield _at(
                                doc,
                                (*loc, name, index),
                                f"unknown source '{ref}' (expected one of: "
                                f"{', '.join(sorted(known)) or 'none listed in sources'})",
                            )
                else:
                    yield from walk(child, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*loc, index))

    yield from walk(obj, ())


def _exercise_refs(content: Content, exercise: m.Exercise, doc: YamlDocument) -> Iterator[Problem]:
    library = content.exercise_library
    vocab = {"regions": [c.id for c in library.regions], "goals": [c.id for c in library.goals]}
    for name, allowed in vocab.items():
        for index, value in enumerate(getattr(exercise, name)):
            if value not in allowed:
                yield _at(
                    doc,
                    (name, index),
                    f"unknown {name[:-1]} '{value}' (expected one of: {', '.join(allowed)})",
                )
    if exercise.level > len(library.levels):
        yield _at(
            doc,
            ("level",),
            f"level {exercise.level} is not named in "
            f"exercise_library.yaml (expected 1 to {len(library.levels)})",
        )
    for direction in ("easier", "harder"):
        ref = getattr(exercise, direction)
        if ref is None:
            continue
        other = content.exercises.get(ref)
        if other is None:
            yield _at(
                doc,
                (direction,),
                f"unknown exercise '{ref}' (no file content/exercises/{ref}.yaml)",
            )
        elif ref == exercise.id:
            yield _at(doc, (direction,), "an exercise cannot refer to itself")
        elif direction == "easier" and other.level > exercise.level:
            yield _at(
                doc,
                (direction,),
                f"'{ref}' is level {other.level}, harder than this "
                f"exercise's level {exercise.level}",
            )
        elif direction == "harder" and other.level < exercise.level:
            yield _at(
                doc,
                (direction,),
                f"'{ref}' is level {other.level}, easier than this "
                f"exercise's level {exercise.level}",
            )
    for direction in ("easier", "harder"):
        cycle = _cycle(content, exercise.id, direction)
        if cycle:
            yield _at(doc, (direction,), "progression loops back: " + " -> ".join(cycle))
    for which in ("start", "end"):
        image = getattr(exercise.illustration, which).image
        if image is not None:
            loc = ("illustration", which, "image")
            folder = content.root / "exercises"
            yield from _image_check(doc, loc, folder, image, "content/exercises")


def _cycle(content: Content, start: str, direction: str) -> list[str]:
    """The chain from start that returns to start, if there is one."""
    chain = [start]
    current = getattr(content.exercises[start], direction)
    while current is not None and current in content.exercises:
        chain.append(current)
        if current == start:
            return chain
        if current in chain[:-1]:
            return []
        current = getattr(content.exercises[current], direction)
    return []


def _page_checks(content: Content, doc: YamlDocument | None) -> Iterator[Problem]:
    assert doc is not None
    paths: dict[str, int] = {}
    for index, page in enumerate(content.site.pages):
        if page.path in paths:
            yield _at(
                doc,
                ("pages", index, "path"),
                f"duplicate path '{page.path}' (also at pages[{paths[page.path]}])",
            )
        paths.setdefault(page.path, index)
    if "" not in paths:
        yield _at(doc, ("pages",), "no home page (a page with path: '')")
    for template in ("warning_signs", "exercises"):
        if not any(p.template == template for p in content.site.pages):
            yield _at(doc, ("pages",), f"no page with template '{template}'")
