"""Load and validate a whole content folder; report every problem at once."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from patientsite import images, pagelinks, pain, posecheck, printmarks, registry, triage
from patientsite import model as m
from patientsite.languages import problems as language_problems
from patientsite.placeholders import names as placeholder_names
from patientsite.placeholders import values as placeholder_values
from patientsite.problems import ContentError, Problem, display_path, field_path
from patientsite.yamlsource import Loc, YamlDocument, problem_at, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)
TEMPLATES = "overrides/content"  # below the project: one page template per file
LISTING = "programmes"  # the template of the home page that lists several programmes
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Programme:
    """One programme's files (content/programmes/<id>/), validated."""

    id: str
    folder: Path
    files: Mapping[str, BaseModel]

    def file(self, name: str) -> BaseModel:
        """One of its files by kind name (KeyError if the kind is not a programme's)."""
        return self.files[name]

    def _typed(self, name: str, cls: type[ModelT]) -> ModelT:
        value = self.files[name]
        assert isinstance(value, cls)
        return value

    @property
    def programme(self) -> m.Programme:
        """Its programme.yaml."""
        return self._typed("programme", m.Programme)

    @property
    def warning_signs(self) -> m.WarningSigns:
        """Its warning_signs.yaml."""
        return self._typed("warning_signs", m.WarningSigns)

    @property
    def condition(self) -> m.Condition:
        """Its condition.yaml."""
        return self._typed("condition", m.Condition)

    @property
    def symptoms(self) -> m.Symptoms:
        """Its symptoms.yaml."""
        return self._typed("symptoms", m.Symptoms)

    @property
    def self_care(self) -> m.SelfCare:
        """Its self_care.yaml."""
        return self._typed("self_care", m.SelfCare)

    @property
    def education(self) -> m.Education:
        """Its education.yaml."""
        return self._typed("education", m.Education)

    @property
    def pain(self) -> m.Pain:
        """Its pain.yaml."""
        return self._typed("pain", m.Pain)


@dataclass(frozen=True)
class Content:
    """Every content file of a site, validated: the shared files and each programme's."""

    root: Path
    languages: tuple[m.Language, ...]
    files: Mapping[str, BaseModel]  # the site-wide files by kind name (site, clinic, ...)
    programmes: Mapping[str, Programme]  # in the order of their ids
    exercises: dict[str, m.Exercise]
    clinic_dir: Path = Path()  # where the clinic profile is: its logo path is relative to it

    def _typed(self, name: str, cls: type[ModelT]) -> ModelT:
        value = self.files[name]
        assert isinstance(value, cls)
        return value

    @property
    def site(self) -> m.SiteFile:
        """site.yaml."""
        return self._typed("site", m.SiteFile)

    @property
    def regions(self) -> m.Regions:
        """regions.yaml."""
        return self._typed("regions", m.Regions)

    @property
    def red_flags(self) -> m.RedFlags:
        """red_flags.yaml."""
        return self._typed("red_flags", m.RedFlags)

    @property
    def clinic(self) -> m.Clinic:
        """The clinic's profile (content/clinic.yaml, or another clinic's: with_clinic)."""
        return self._typed("clinic", m.Clinic)

    @property
    def exercise_library(self) -> m.ExerciseLibrary:
        """exercise_library.yaml."""
        return self._typed("exercise_library", m.ExerciseLibrary)

    @property
    def several(self) -> bool:
        """Whether the site has more than one programme (each then lives under its id)."""
        return len(self.programmes) > 1

    def placeholders(self, lang: str | None = None, programme: str | None = None) -> dict[str, str]:
        """The value of every placeholder a text may use, in one language (default: the first).

        Without a programme only the site-wide ones (clinic, helpline, services)."""
        scope = self.programmes[programme] if programme is not None else None
        return placeholder_values(self, scope, lang or self.languages[0].code)

    def health_region(self) -> m.HealthRegion:
        """The region the clinic is in (the loader has checked that it exists)."""
        return next(r for r in self.regions.regions if r.id == self.clinic.region)

    def file(self, name: str, programme: str | None = None) -> BaseModel:
        """A content file's model by its kind name (as in a page's `uses`)."""
        if registry.kind(name).scope == "programme":
            if programme is None:
                raise KeyError(f"'{name}' belongs to a programme; say which")
            return self.programmes[programme].file(name)
        return self.files[name]


def load_content(
    root: Path, languages: Sequence[m.Language], project: Path | None = None
) -> Content:
    """Load every file under root, validate it, and raise ContentError listing all problems."""
    project = project or root.parent
    # Every configured language needs its entry in data/languages.yaml.
    problems: list[Problem] = language_problems([lang.code for lang in languages], project)
    base = m.ValidationSettings(languages=tuple(languages))

    site_doc = _read(root / "site.yaml", project, problems)
    site = _validate(site_doc, m.SiteFile, _with_services(base, []), problems)
    # The regions' numbers may not be typed into texts either: they are read first.
    regions_doc = _read(root / "regions.yaml", project, problems)
    regions = _validate(regions_doc, m.Regions, _with_services(base, []), problems)
    # Other files may name services even when site.yaml has a mistake elsewhere.
    services = site.services if site else _raw_services(site_doc)
    helplines = _helpline_numbers(regions)
    shared = _with_services(base, services, helplines, scope="site")
    per_programme = _with_services(base, services, helplines, scope="programme")

    docs: dict[str, YamlDocument | None] = {"site": site_doc, "regions": regions_doc}
    loaded: dict[str, Any] = {"site": site, "regions": regions}
    for kind in registry.SITE_FILES:
        if kind.name in loaded:
            continue
        docs[kind.name] = _read(root / f"{kind.name}.yaml", project, problems)
        loaded[kind.name] = _validate(docs[kind.name], kind.model, shared, problems)

    programmes: dict[str, Programme] = {}
    programme_docs: dict[str, dict[str, YamlDocument | None]] = {}
    for folder in programme_folders(root, project, problems):
        files: dict[str, Any] = {}
        programme_docs[folder.name] = {}
        for kind in registry.PROGRAMME_FILES:
            path = folder / f"{kind.name}.yaml"
            if not kind.required and not path.exists():
                continue  # the programme goes without it, and without the pages that need it
            doc = _read(path, project, problems)
            programme_docs[folder.name][kind.name] = doc
            files[kind.name] = _validate(doc, kind.model, per_programme, problems)
        programmes[folder.name] = Programme(folder.name, folder, files)

    exercises: dict[str, m.Exercise] = {}
    exercise_docs: dict[str, YamlDocument] = {}
    read = [doc for doc in docs.values() if doc is not None]
    read += [doc for each in programme_docs.values() for doc in each.values() if doc is not None]
    for path in exercise_files(root):
        doc = _read(path, project, problems)
        read += [doc] if doc is not None else []
        exercise = _validate(doc, m.Exercise, shared, problems)
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
        files=loaded,
        programmes=programmes,
        exercises=exercises,
        clinic_dir=root,
    )
    problems.extend(_cross_check(content, docs, programme_docs, exercise_docs, project))
    if problems or unread:
        raise ContentError([*problems, *unread])
    return content


def programme_folders(root: Path, project: Path, problems: list[Problem]) -> list[Path]:
    """content/programmes/<id>/, sorted by id; a folder whose name is not an id is a problem."""
    base = root / registry.PROGRAMMES
    folders = sorted(p for p in base.glob("*") if p.is_dir() and not p.name.startswith("."))
    good = [p for p in folders if ID.fullmatch(p.name)]
    for bad in sorted(set(folders) - set(good)):
        problems.append(
            Problem(
                display_path(bad, project),
                None,
                "",
                "a programme's folder is named by its id: lowercase letters, digits and "
                "hyphens (e.g. 'back' or 'hip-knee')",
            )
        )
    if not folders:
        problems.append(
            Problem(
                display_path(base, project),
                None,
                "",
                "no programme found (expected a folder such as "
                f"{registry.PROGRAMMES}/back/ with programme.yaml and the programme's other files)",
            )
        )
    return good


IMAGE_SUFFIXES = frozenset({".svg", ".png", ".jpg", ".jpeg"})


def exercise_files(root: Path) -> list[Path]:
    """The exercise files of a content folder: exercises/*.yaml, hidden files left out."""
    return sorted(p for p in (root / "exercises").glob("*.yaml") if not p.name.startswith("."))


def _unread_files(root: Path, project: Path, docs: list[YamlDocument]) -> Iterator[Problem]:
    """Files in root that nothing reads: a content file under a wrong name is not left out quietly.

    Read are the files the registry names (site-wide ones in root, a programme's in its folder),
    exercises/*.yaml and the images that exercises and the clinic name (read leniently, so a
    file with a mistake still names its images). Hidden files (.gitkeep, an editor's swap file)
    are left alone.
    """
    expected = [f"{kind.name}.yaml" for kind in registry.SITE_FILES]
    programme_names = [f"{kind.name}.yaml" for kind in registry.PROGRAMME_FILES]
    known = {root / name for name in expected}
    for folder in (root / registry.PROGRAMMES).glob("*"):
        known.update(folder / name for name in programme_names)
    expected += [f"{registry.PROGRAMMES}/<programme>/{name}" for name in programme_names]
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
        where = relative.parent.as_posix()
        if os.path.realpath(path) in real or (where == "exercises" and path.suffix == ".yaml"):
            continue
        if path.suffix.lower() in IMAGE_SUFFIXES:
            what = "no exercise (illustration image) and no clinic logo names this image"
            yield Problem(shown, None, "", f"{what}; name it or delete it")
            continue
        if where == "exercises" and path.suffix.lower() in {".yml", ".yaml"}:
            hint = f"did you mean 'exercises/{path.stem}.yaml'? "
        else:
            hint = _did_you_mean(root, relative, expected)
        yield Problem(
            shown,
            None,
            "",
            f"no content is read from this file ({hint}expected one of: "
            f"{', '.join(sorted(expected))}, exercises/<id>.yaml, or an image)",
        )


def _did_you_mean(root: Path, relative: Path, expected: list[str]) -> str:
    """A hint naming the content file a misnamed or misplaced file was probably meant to be."""
    programmes = sorted(p.name for p in (root / registry.PROGRAMMES).glob("*") if p.is_dir())
    in_programme = len(relative.parts) == 3 and relative.parts[0] == registry.PROGRAMMES
    # A programme's file is compared without its folder: "programmes/<programme>/x.yaml".
    shape = f"{registry.PROGRAMMES}/<programme>/{relative.name}" if in_programme else str(relative)
    close = difflib.get_close_matches(shape, expected, n=1, cutoff=0.8)
    if not close and len(relative.parts) == 1:  # a programme's file left in content/ itself
        names = [f"{kind.name}.yaml" for kind in registry.PROGRAMME_FILES]
        found = difflib.get_close_matches(relative.name, names, n=1, cutoff=0.8)
        close = [f"{registry.PROGRAMMES}/<programme>/{found[0]}"] if found else []
    if not close:
        return ""
    folder = relative.parts[1] if in_programme else (programmes[0] if programmes else None)
    return f"did you mean '{close[0].replace('<programme>', folder or '<programme>')}'? "


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
    files: list[tuple[str, Any]] = [(f"content/{n}.yaml", f) for n, f in content.files.items()]
    for programme in content.programmes.values():
        files += [
            (f"content/{registry.PROGRAMMES}/{programme.id}/{n}.yaml", f)
            for n, f in programme.files.items()
        ]
    files += [(f"content/exercises/{i}.yaml", e) for i, e in content.exercises.items()]
    for shown, file in files:
        review = getattr(file, "review", None)
        if review is not None and review.next_review < today:
            notices.append(f"{shown}: review was due on {review.next_review}")
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
    scope: registry.Scope = "site",
) -> m.ValidationSettings:
    pairs = [(s.id, s.number) if isinstance(s, m.Service) else s for s in services]
    allowed = placeholder_names(scope, (name for name, _ in pairs))
    return m.ValidationSettings(
        languages=base.languages,
        extra={"programme_only": placeholder_names("programme") - allowed},
        placeholders=allowed,
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
    programme_docs: dict[str, dict[str, YamlDocument | None]],
    exercise_docs: dict[str, YamlDocument],
    project: Path,
) -> Iterator[Problem]:
    for name, doc in docs.items():
        assert doc is not None
        yield from _duplicate_ids(doc, content.file(name), ())
        yield from _source_refs(doc, content.file(name))
    for programme_id, each in programme_docs.items():
        for name, doc in each.items():
            assert doc is not None
            yield from _duplicate_ids(doc, content.file(name, programme_id), ())
            yield from _source_refs(doc, content.file(name, programme_id))
        yield from _programme_checks(content, content.programmes[programme_id], each)
    for ex_id, doc in exercise_docs.items():
        exercise = content.exercises[ex_id]
        yield from _source_refs(doc, exercise)
        yield from _exercise_refs(content, exercise, doc)
        yield from posecheck.check(exercise, doc)
    yield from _page_checks(content, docs["site"], project)
    clinic_doc = docs["clinic"]
    assert clinic_doc is not None
    yield from _clinic_checks(content.clinic, content.clinic_dir, clinic_doc)
    for programme_id, each in programme_docs.items():
        yield from triage.check(content, content.programmes[programme_id], {**docs, **each})
        programme = content.programmes[programme_id]
        if each.get("pain") is not None:
            yield from pain.check(content, programme, each["pain"])  # type: ignore[arg-type]
        yield from pagelinks.check_links(content, programme, each.get("questions"))
        yield from printmarks.check(programme.self_care, programme.education, each)
    yield from triage.check_library(content, docs)


def _programme_checks(
    content: Content, programme: Programme, docs: dict[str, YamlDocument | None]
) -> Iterator[Problem]:
    """A programme's exercises exist; the pages it renames are its pages, at distinct paths."""
    doc = docs["programme"]
    assert doc is not None
    own = {
        spec.id: spec
        for spec in content.site.pages
        if any(registry.BY_NAME[n].scope == "programme" for n in spec.uses if n in registry.BY_NAME)
    }
    renamed = programme.programme.pages
    for page_id in renamed:
        if page_id not in own:
            yield _at(
                doc,
                ("pages", page_id),
                f"'{page_id}' is not one of the programme's pages in site.yaml (expected one "
                f"of: {', '.join(own)})",
            )
    taken: dict[str, str] = {}
    for spec in own.values():
        named = renamed.get(spec.id)
        path = named.path if named is not None and named.path else spec.path
        if path in taken:
            yield _at(
                doc,
                ("pages", spec.id, "path"),
                f"the path '{path}' is taken by the page '{taken[path]}' in this programme",
            )
        taken.setdefault(path, spec.id)
    for index, ex_id in enumerate(programme.programme.exercises or []):
        if ex_id not in content.exercises:
            close = difflib.get_close_matches(ex_id, list(content.exercises), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield _at(
                doc,
                ("exercises", index),
                f"unknown exercise '{ex_id}' (no file content/exercises/{ex_id}.yaml){hint}",
            )


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
    files = {**content.files, "clinic": clinic}
    return dataclasses.replace(content, files=files, clinic_dir=path.parent)


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


def _page_checks(content: Content, doc: YamlDocument | None, project: Path) -> Iterator[Problem]:
    assert doc is not None
    paths: dict[str, int] = {}
    templates = project / TEMPLATES
    for index, page in enumerate(content.site.pages):
        named = [("uses", at, n) for at, n in enumerate(page.uses)]
        named += [("optional", at, n) for at, n in enumerate(page.optional)]
        for field, at, name in named:
            if name not in registry.PAGE_KINDS:
                close = difflib.get_close_matches(name, registry.PAGE_KINDS, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                yield _at(
                    doc,
                    ("pages", index, field, at),
                    f"unknown content file '{name}' ({hint}expected one of: "
                    f"{', '.join(registry.PAGE_KINDS)})",
                )
        if templates.is_dir() and not (templates / f"{page.template}.html").is_file():
            known = sorted(p.stem for p in templates.glob("*.html") if not p.name.startswith("_"))
            yield _at(
                doc,
                ("pages", index, "template"),
                f"unknown template '{page.template}' (expected one of: {', '.join(known)}; "
                f"a template is a file {TEMPLATES}/<name>.html)",
            )
        if page.template == LISTING:
            continue  # shares the home page's path: it is the home page of several programmes
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
    if content.several and not any(p.template == LISTING for p in content.site.pages):
        yield _at(
            doc,
            ("pages",),
            f"there are {len(content.programmes)} programmes "
            f"({', '.join(content.programmes)}), so the site needs a page with template "
            f"'{LISTING}' and path '' that lists them",
        )
