"""Read YAML and remember the line of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from patientsite.problems import Problem, field_path

Loc = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Data of one YAML file with the line of each path in it."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known part of loc (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def read_yaml(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; a syntax error or a duplicate key becomes a Problem, not an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, None, "", f"not UTF-8 text ({exc.reason})")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "malformed YAML"
        return None, [Problem(display, line, "", f"malformed YAML: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, "", f"malformed YAML: {exc}")]
    finally:
        loader.dispose()
    doc = YamlDocument(display, data)
    problems: list[Problem] = []
    if node is not None:
        _index(node, (), doc, problems)
    return doc, problems


def _index(node: yaml.Node, loc: Loc, doc: YamlDocument, problems: list[Problem]) -> None:
    """Record the line of each key and item below node; report duplicate keys."""
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(doc.file, line, field_path((*loc, key)), "duplicate key"))
            seen.add(key)
            doc.lines[(*loc, key)] = line
            _index(value_node, (*loc, key), doc, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.lines[(*loc, index)] = item.start_mark.line + 1
            _index(item, (*loc, index), doc, problems)
