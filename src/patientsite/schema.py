"""JSON Schema for editors and the field reference, both generated from the content model.

Never edit `schemas/*.schema.json` or the field reference in CONTRIBUTING.md by hand:
`make schemas` writes them (`python -m patientsite.schema`), and `tests/test_schema.py`
fails when the committed files differ from what the model gives.

The schemas are JSON Schema draft-07, the version editors' YAML support understands
(yaml-language-server, used by VS Code's YAML extension and others).
"""

from __future__ import annotations

import argparse
import json
import sys
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, StringConstraints
from pydantic.json_schema import GenerateJsonSchema

from patientsite import model as m
from patientsite import registry
from patientsite.project import project_languages

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# Each kind of content file by its schema's name (exercises/<id>.yaml: "exercise").
BY_SCHEMA: dict[str, registry.Kind] = {
    k.schema.removesuffix(".schema.json"): k for k in registry.KINDS
}
KINDS: dict[str, type[BaseModel]] = {name: k.model for name, k in BY_SCHEMA.items()}
TEXT_KINDS = {"Text": "", "Title": "^[^<>]*$"}  # a Title cannot contain < or >
ID_PATTERN = next(c.pattern for c in typing.get_args(m.Id) if isinstance(c, StringConstraints))
FIELDS_BEGIN = "<!-- BEGIN FIELD REFERENCE (made by `make docs-fields`; do not edit by hand) -->"
FIELDS_END = "<!-- END FIELD REFERENCE -->"


def content_path(kind: str) -> str:
    """The content files a kind of schema is for, as a pattern relative to the project."""
    pattern = BY_SCHEMA[kind].pattern.replace("<programme>", "*").replace("<id>", "*")
    return f"content/{pattern}"


def schema_name(kind: str) -> str:
    """The schema's file name under schemas/."""
    return BY_SCHEMA[kind].schema


def modeline(kind: str) -> str:
    """The first line a content file may carry to name its schema for any editor."""
    up = "../" * (1 + BY_SCHEMA[kind].pattern.count("/"))
    return f"# yaml-language-server: $schema={up}schemas/{schema_name(kind)}"


class _Generator(GenerateJsonSchema):
    """pydantic's generator without the titles it derives from field names ('Reviewed On')."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Field titles repeat the key; the description says what to write."""
        return False


def schema_for(kind: str, languages: Sequence[m.Language]) -> dict[str, Any]:
    """The draft-07 JSON Schema of one kind of content file."""
    schema = KINDS[kind].model_json_schema(
        schema_generator=_Generator, ref_template="#/definitions/{model}"
    )
    definitions = schema.pop("$defs", {})
    for name, pattern in TEXT_KINDS.items():
        if name in definitions:
            definitions[name] = _text_schema(definitions[name], languages, pattern)
    if "PageSpec" in definitions:  # a page names kinds of content file: those of the registry
        for field in ("uses", "optional"):
            named = definitions["PageSpec"]["properties"][field]
            named["items"] = {"type": "string", "enum": list(registry.PAGE_KINDS)}
    body = {key: value for key, value in schema.items() if key != "title"}
    head = {"$schema": DRAFT_07, "title": content_path(kind)}
    result: dict[str, Any] = _draft07({**head, **body, "definitions": definitions})
    return result


def _text_schema(
    generated: dict[str, Any], languages: Sequence[m.Language], pattern: str
) -> dict[str, Any]:
    """A text in every configured language: {da: ..., en: ...}, each one required."""
    one: dict[str, Any] = {"type": "string", "minLength": 1}
    if pattern:
        one["pattern"] = pattern
    return {
        "description": generated.get("description", ""),
        "type": "object",
        "properties": {lang.code: {**one, "description": lang.name} for lang in languages},
        "required": [lang.code for lang in languages],
        "additionalProperties": False,
    }


def _draft07(value: Any) -> Any:
    """Move a `$ref` with sibling keys into `allOf`: draft-07 ignores the siblings of `$ref`."""
    if isinstance(value, list):
        return [_draft07(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: _draft07(item) for key, item in value.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def schema_files(languages: Sequence[m.Language]) -> dict[str, str]:
    """Every schema file's text, by its name under schemas/."""
    return {
        schema_name(kind): json.dumps(schema_for(kind, languages), indent=2, ensure_ascii=False)
        + "\n"
        for kind in KINDS
    }


def editor_settings(current: dict[str, Any]) -> dict[str, Any]:
    """VS Code settings with `yaml.schemas` mapping each schema to its content files."""
    mapping = {f"./schemas/{schema_name(kind)}": [content_path(kind)] for kind in KINDS}
    return {**current, "yaml.schemas": mapping}


# --- the field reference in CONTRIBUTING.md -------------------------------------------------


def field_reference(languages: Sequence[m.Language]) -> str:
    """Markdown tables of every field of every content file, from the schemas."""
    out = []
    for kind in KINDS:
        schema = schema_for(kind, languages)
        out += [f"### `{content_path(kind)}`", "", schema.get("description", ""), ""]
        out += ["| field | what to write | required | description |", "| --- | --- | --- | --- |"]
        for path, kind_of, required, description in _rows(schema, schema, ""):
            text = description.replace("\n\n", "<br>").replace("|", "\\|")
            out.append(f"| `{path}` | {kind_of} | {'yes' if required else ''} | {text} |")
        out.append("")
    return "\n".join(out)


Row = tuple[str, str, bool, str]


def _rows(node: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[Row]:
    """(field path, kind of value, required, description) for each field below an object."""
    required = set(node.get("required", []))
    properties = node.get("properties", {})
    if properties and not any("description" in p for p in properties.values()):
        # A set of interface words (site.yaml's labels): one row, not one per word.
        names = ", ".join(f"`{name}`" for name in properties)
        each = f"Én for hvert af disse ord:\n\nOne for each of these words:\n\n{names}"
        yield (f"{prefix}…", _kind(next(iter(properties.values())), root), True, each)
        return
    for name, prop in properties.items():
        path = f"{prefix}{name}"
        target, in_list = _target(prop, root)
        yield (path, _kind(prop, root), name in required, str(prop.get("description", "")))
        if target.get("type") == "object" and not _is_text(target, root):
            yield from _rows(target, root, f"{path}[]." if in_list else f"{path}.")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref` (also inside a one-item `allOf`) to the definition."""
    if "allOf" in node and len(node["allOf"]) == 1:
        node = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
    ref = node.get("$ref")
    if isinstance(ref, str):
        resolved: dict[str, Any] = root["definitions"][ref.rsplit("/", 1)[1]]
        return resolved
    return node


def _target(prop: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The object a field holds (or holds a list of), and whether it is a list."""
    node = _resolve(prop, root)
    if node.get("type") == "array":
        return _resolve(node.get("items", {}), root), True
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    return (_resolve(options[0], root), False) if len(options) == 1 else (node, False)


def _is_text(node: dict[str, Any], root: dict[str, Any]) -> bool:
    return any(node is root["definitions"].get(name) for name in TEXT_KINDS)


def _kind(prop: dict[str, Any], root: dict[str, Any]) -> str:
    """What kind of value a field takes, in words."""
    node = _resolve(prop, root)
    if _is_text(node, root):
        codes = ", ".join(node["properties"])
        return f"text in each language ({codes})"
    if "enum" in node or "const" in node:
        values = node.get("enum", [node.get("const")])
        return "one of: " + ", ".join(f"`{v}`" for v in values)
    if "anyOf" in node:
        kinds = [_kind(o, root) for o in node["anyOf"] if o.get("type") != "null"]
        return " or ".join(kinds) + " or `null`"
    kind = node.get("type")
    if kind == "array":
        least = node.get("minItems", 0)
        item = _kind(node.get("items", {}), root)
        listed = (
            "list of items with the fields below" if item == "fields below" else f"list: {item}"
        )
        return f"{listed} (at least {least})" if least else listed
    if kind in ("integer", "number"):
        noun = "whole number" if kind == "integer" else "number"
        low, high = node.get("minimum"), node.get("maximum")
        return f"{noun} {low} to {high}" if low is not None and high is not None else noun
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "object":
        return "fields below"
    if node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if "pattern" in node and node["pattern"] == ID_PATTERN:
        return "id (lowercase-with-hyphens)"
    return "text"


def with_field_reference(document: str, reference: str) -> str:
    """document with the text between the field-reference markers replaced by reference."""
    start, end = document.index(FIELDS_BEGIN), document.index(FIELDS_END)
    return document[: start + len(FIELDS_BEGIN)] + "\n\n" + reference + "\n" + document[end:]


# --- command line -----------------------------------------------------------------------------


def write_all(project: Path, fields_only: bool = False) -> list[Path]:
    """Write the schemas, the editor settings and the field reference; return what changed."""
    languages = project_languages(project / "mkdocs.yml")
    files: dict[Path, str] = {}
    if not fields_only:
        for name, text in schema_files(languages).items():
            files[project / "schemas" / name] = text
        settings_file = project / ".vscode" / "settings.json"
        current = json.loads(settings_file.read_text("utf-8")) if settings_file.is_file() else {}
        files[settings_file] = json.dumps(editor_settings(current), indent=2) + "\n"
    guide = project / "CONTRIBUTING.md"
    files[guide] = with_field_reference(guide.read_text("utf-8"), field_reference(languages))
    changed = []
    for path, text in files.items():
        if not path.is_file() or path.read_text("utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    """`python -m patientsite.schema [--fields-only]`: regenerate from the model."""
    parser = argparse.ArgumentParser(prog="python -m patientsite.schema", description=__doc__)
    parser.add_argument("--fields-only", action="store_true", help="only CONTRIBUTING.md")
    parser.add_argument("--project", default=".", type=Path)
    args = parser.parse_args(argv)
    changed = write_all(args.project, args.fields_only)
    for path in changed:
        print(f"Wrote {path}")
    if not changed:
        print("Schemas and field reference are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
