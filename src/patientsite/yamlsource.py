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
    text = _read_utf8(path, display)
    if isinstance(text, Problem):
        return None, [text]
    key = (str(path.resolve()), display)
    last = _LAST.pop(key, None)
    if last is None or last[0] != text:
        last = (text, _read_text(text, display))
    _LAST[key] = last  # now the most recent
    while len(_LAST) > _LAST_MAX:
        del _LAST[next(iter(_LAST))]
    doc, problems = last[1]
    return doc, list(problems)


# Limits far above any real content file (the largest is about 10 KB and 6 levels deep),
# low enough that no file can make the reader or the site slow or large.
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 20


def _read_utf8(path: Path, display: str) -> str | Problem:
    """The text of a file of at most MAX_FILE_BYTES, or the problem that stops it being read."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
            size = len(data) if len(data) <= MAX_FILE_BYTES else path.stat().st_size
    except OSError as exc:
        return Problem(display, None, "", f"cannot be read ({exc.strerror})")
    if size > MAX_FILE_BYTES:
        message = (
            f"file is too large (got {_kilobytes(size)}, expected at most "
            f"{_kilobytes(MAX_FILE_BYTES)}); split it or shorten its texts"
        )
        return Problem(display, None, "", message)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8")) + 1
        bad = " ".join(f"0x{byte:02X}" for byte in data[exc.start : exc.end])
        message = f"not UTF-8 text ({exc.reason}: {bad}); save the file as UTF-8"
        return Problem(display, line, "", message, column)


def _kilobytes(size: int) -> str:
    return f"{-(-size // 1024):,} KB"


def _read_text(text: str, display: str) -> Parsed:
    """Parse text with libyaml when it can, else with PyYAML, whose messages editors see."""
    for loader_class in (_FAST_LOADER, _SAFE_LOADER):
        try:
            refused = _refused(text, display, loader_class)
            if refused is not None:
                return None, [refused]
            node, data = _parse(text, loader_class)
        except yaml.YAMLError as exc:
            if loader_class is _SAFE_LOADER:
                return None, [_syntax_problem(exc, text, display)]
        else:
            return _indexed(display, node, data)
    raise AssertionError("unreachable: PyYAML's own loader returns or raises")


def _syntax_problem(exc: yaml.YAMLError, text: str, display: str) -> Problem:
    """A YAML error as a problem at its line and column."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "malformed YAML"
        return Problem(display, line, "", f"malformed YAML: {what}", column)
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character))
        what = f"control character U+{code:04X} is not allowed; delete it"
        return Problem(display, line, "", f"malformed YAML: {what}", column)
    return Problem(display, None, "", f"malformed YAML: {exc}")


def _refused(text: str, display: str, loader_class: type[yaml.SafeLoader]) -> Problem | None:
    """The first alias (else anchor) or too deep nesting, found before any node is made.

    Aliases let a small file stand for an enormous tree (a "billion laughs"), and deep
    nesting exhausts the stack of the code that builds and walks the tree.
    """
    loader = loader_class(text)
    depth = 0
    anchor: Problem | None = None
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                what = f"alias '*{event.anchor}' is not allowed; write the value out in full"
                return Problem(display, mark.line + 1, "", what, mark.column + 1)
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None and anchor is None:
                what = f"anchor '&{event.anchor}' is not allowed; delete it"
                anchor = Problem(display, mark.line + 1, "", what, mark.column + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    what = f"nested too deeply (more than {MAX_DEPTH} levels)"
                    return Problem(display, mark.line + 1, "", what, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()
    return anchor


def _lenient(construct: Any) -> Any:
    """A scalar constructor that keeps the text of a value it cannot read (2026-02-30, 0x_).

    The model then reports it at its field, like any other value of the wrong kind.
    """

    def constructor(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError, KeyError, AttributeError):
            return loader.construct_scalar(node)

    return constructor


class _SafeLoader(yaml.SafeLoader):
    """PyYAML's own safe loader, reading unreadable scalars as text."""


# libyaml's parser (when PyYAML has it) is about four times faster; PyYAML's own one
# words syntax errors better, so it reads the files libyaml refuses.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader, reading unreadable scalars as text."""


for _loader in (_SafeLoader, _FastLoader):
    for _kind in ("int", "float", "bool", "timestamp"):
        _tag = f"tag:yaml.org,2002:{_kind}"
        _loader.add_constructor(_tag, _lenient(yaml.SafeLoader.yaml_constructors[_tag]))

_SAFE_LOADER: type[yaml.SafeLoader] = _SafeLoader
_FAST_LOADER: type[yaml.SafeLoader] = _FastLoader


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
