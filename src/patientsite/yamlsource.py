"""Read YAML and remember the line and column of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from patientsite.problems import Problem, field_path

Loc = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Data of one YAML file with the line and column of each path in it."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    columns: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known part of loc (a missing key points at its parent)."""
        return self.position_of(loc)[0]

    def position_of(self, loc: Loc) -> tuple[int | None, int | None]:
        """Line and column (both from 1) of the deepest known part of loc."""
        for end in range(len(loc), -1, -1):
            part = tuple(loc[:end])
            line = self.lines.get(part)
            if line is not None:
                return line, self.columns.get(part)
        return None, None


Parsed = tuple[YamlDocument | None, list[Problem]]

# The last text read from each file and what it gave, for the files read most recently.
# `mkdocs serve` reads every content file again after each edit; only the edited one is
# parsed again. Callers never change what they are given.
_LAST: dict[tuple[str, str], tuple[str, Parsed]] = {}
_LAST_MAX = 512


def read_yaml(path: Path, display: str) -> Parsed:
    """Parse one file; a syntax error or a duplicate key becomes a Problem, not an exception.

    A file whose text is the same as the last time it was read is not parsed again.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, None, "", f"not UTF-8 text ({exc.reason})")]
    key = (str(path.resolve()), display)
    last = _LAST.pop(key, None)
    if last is None or last[0] != text:
        last = (text, _read_text(text, display))
    _LAST[key] = last  # now the most recent
    while len(_LAST) > _LAST_MAX:
        del _LAST[next(iter(_LAST))]
    doc, problems = last[1]
    return doc, list(problems)


def _read_text(text: str, display: str) -> Parsed:
    try:
        node, data = _parse(text, _FAST_LOADER)
    except yaml.YAMLError:
        pass  # parsed again below, by the loader whose messages editors are shown
    else:
        return _indexed(display, node, data)
    try:
        node, data = _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "malformed YAML"
        return None, [Problem(display, line, "", f"malformed YAML: {what}", column)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, "", f"malformed YAML: {exc}")]
    return _indexed(display, node, data)


# libyaml's parser (when PyYAML has it) is about four times faster; PyYAML's own one
# words syntax errors better, so it reads the files libyaml refuses.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of one YAML document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _indexed(
    display: str, node: yaml.Node | None, data: Any
) -> tuple[YamlDocument | None, list[Problem]]:
    doc = YamlDocument(display, data)
    problems: list[Problem] = []
    if node is not None:
        _index(node, (), doc, problems)
    return doc, problems


def _index(node: yaml.Node, loc: Loc, doc: YamlDocument, problems: list[Problem]) -> None:
    """Record the position of each key and item below node; report duplicate keys."""
    _mark(doc, loc, node, replace=False)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in seen:
                problems.append(
                    Problem(doc.file, line, field_path((*loc, key)), "duplicate key", column)
                )
            seen.add(key)
            _mark(doc, (*loc, key), key_node, replace=True)
            _index(value_node, (*loc, key), doc, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _mark(doc, (*loc, index), item, replace=True)
            _index(item, (*loc, index), doc, problems)


def _mark(doc: YamlDocument, loc: Loc, node: yaml.Node, *, replace: bool) -> None:
    """Remember where node starts as the position of loc (lines and columns count from 1)."""
    if replace or loc not in doc.lines:
        doc.lines[loc] = node.start_mark.line + 1
        doc.columns[loc] = node.start_mark.column + 1


def problem_at(doc: YamlDocument, loc: Loc, message: str) -> Problem:
    """A problem at a field of a document, with the field's line and column."""
    line, column = doc.position_of(loc)
    return Problem(doc.file, line, field_path(loc), message, column)
