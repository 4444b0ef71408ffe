"""The editors' schemas come from the model, are kept up to date, and agree with the content."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from patientsite.model import Language
from patientsite.schema import (
    KINDS,
    TEXT_KINDS,
    content_path,
    editor_settings,
    field_reference,
    modeline,
    schema_files,
    schema_for,
    schema_name,
    with_field_reference,
)
from tests.conftest import ROOT

STALE = "out of date: run `make schemas` and commit the result"
CONTENT_FILES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in [
        *(ROOT / "content").glob("*.yaml"),
        *(ROOT / "content" / "programmes").glob("*/*.yaml"),
        *(ROOT / "content" / "exercises").glob("*.yaml"),
    ]
)


def kind_of(rel: str) -> str:
    """The kind of schema a content file follows."""
    return "exercise" if rel.startswith("content/exercises/") else Path(rel).stem


def as_json(value: Any) -> Any:
    """YAML data as an editor's YAML support sees it: dates are text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def validator(kind: str, languages: tuple[Language, ...]) -> jsonschema.Draft7Validator:
    """A validator for the committed schema of one kind of file."""
    schema = json.loads((ROOT / "schemas" / schema_name(kind)).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", [schema_name(kind) for kind in KINDS])
def test_committed_schema_is_current(languages: tuple[Language, ...], name: str) -> None:
    committed = ROOT / "schemas" / name
    assert committed.is_file(), f"schemas/{name} is missing: run `make schemas`"
    assert committed.read_text(encoding="utf-8") == schema_files(languages)[name], STALE


def test_no_schema_is_left_over() -> None:
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(
        schema_name(kind) for kind in KINDS
    )


def test_editor_settings_map_every_schema_to_its_files() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_settings({})["yaml.schemas"], STALE


def test_field_reference_in_the_guide_is_current(languages: tuple[Language, ...]) -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert with_field_reference(guide, field_reference(languages)) == guide, (
        "the field reference in CONTRIBUTING.md is out of date: run `make docs-fields`"
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_valid_draft_07(languages: tuple[Language, ...], kind: str) -> None:
    jsonschema.Draft7Validator.check_schema(schema_for(kind, languages))


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_content_file_follows_its_schema(languages: tuple[Language, ...], rel: str) -> None:
    data = yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))
    errors = validator(kind_of(rel), languages).iter_errors(as_json(data))
    assert [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors] == []


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_schema_line_names_the_right_schema(rel: str) -> None:
    first = (ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
    if first.startswith("# yaml-language-server:"):
        assert first == modeline(kind_of(rel))
        target = (ROOT / rel).parent / first.split("$schema=", 1)[1]
        assert target.resolve().is_file()


@pytest.mark.parametrize(
    ("rel", "change", "expected"),
    [
        (
            "content/programmes/back/self_care.yaml",
            lambda d: d.update(intr=d.pop("intro")),
            "'intr' was unexpected",
        ),
        (
            "content/programmes/back/self_care.yaml",
            lambda d: d["intro"].pop("en"),
            "'en' is a required property",
        ),
        (
            "content/programmes/back/self_care.yaml",
            lambda d: d["title"].update(da="A < B"),
            "does not match",
        ),
        (
            "content/programmes/back/programme.yaml",
            lambda d: d.update(sessions_per_week="two"),
            "not of type",
        ),
        ("content/exercises/bridge.yaml", lambda d: d.update(level=7), "greater than the maximum"),
        ("content/clinic.yaml", lambda d: d.update(email="kontakt"), "does not match"),
        (
            "content/exercises/bridge.yaml",
            lambda d: d["review"].update(next_review="soon"),
            "is not a 'date'",
        ),
    ],
    ids=[
        "unknown-field",
        "missing-english",
        "bracket-in-title",
        "word-for-number",
        "level",
        "email",
        "date",
    ],
)
def test_editors_see_the_mistakes_the_check_reports(
    languages: tuple[Language, ...], rel: str, change: Any, expected: str
) -> None:
    data = as_json(yaml.safe_load((ROOT / rel).read_text(encoding="utf-8")))
    change(data)
    messages = [e.message for e in validator(kind_of(rel), languages).iter_errors(data)]
    assert any(expected in message for message in messages), messages


def descriptions(schema: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    """(where, description) of every field in a schema, groups of interface words left out."""
    objects = [("", schema), *schema["definitions"].items()]
    for owner, node in objects:
        if owner in TEXT_KINDS:
            continue  # {da: ..., en: ...}: the field holding the text describes it
        properties = node.get("properties", {})
        if not any("description" in p for p in properties.values()):
            continue  # site.yaml's labels and the texts themselves are described by their parent
        for name, prop in properties.items():
            yield f"{owner or 'file'}.{name}", prop.get("description")


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_described_in_danish_and_english(
    languages: tuple[Language, ...], kind: str
) -> None:
    missing = [
        where
        for where, text in descriptions(schema_for(kind, languages))
        if text is None or len(text.split("\n\n")) != 2
    ]
    assert missing == []


def test_content_paths_of_the_schemas() -> None:
    assert content_path("exercise") == "content/exercises/*.yaml"
    assert content_path("condition") == "content/programmes/*/condition.yaml"
    assert modeline("condition") == (
        "# yaml-language-server: $schema=../../../schemas/condition.schema.json"
    )
    assert modeline("clinic") == "# yaml-language-server: $schema=../schemas/clinic.schema.json"
    assert modeline("exercise") == (
        "# yaml-language-server: $schema=../../schemas/exercise.schema.json"
    )
