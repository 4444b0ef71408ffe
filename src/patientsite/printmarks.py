"""Texts editors marked for the tri-fold (`print: true`): where each is written, and checks.

The tri-fold's template tags each marked text with `data-print="<file>:<field path>"`
(`self_care:items[2]`); when a panel overflows, leaflet.py lists the marked texts on it with
the line and column where an editor can unmark them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from patientsite import model as m
from patientsite.problems import Problem, display_path
from patientsite.yamlsource import Loc, YamlDocument, problem_at, read_yaml

_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def parse(mark: str) -> tuple[str, Loc]:
    """The file name and field path of a data-print value: 'self_care:items[2]'."""
    name, _, path = mark.partition(":")
    loc: list[str | int] = []
    for word, index in _PART.findall(path):
        loc.append(word if word else int(index))
    return name, tuple(loc)


def places(folder: Path, marks: list[str], project: Path) -> list[str]:
    """Each marked text as `file:line:column: field (print: true)`, in the order given; the
    files are in folder (a programme's), shown relative to project."""
    out = []
    for mark in marks:
        name, loc = parse(mark)
        path = folder / f"{name}.yaml"
        doc, _ = read_yaml(path, display_path(path, project))
        if doc is None:
            continue
        out.append(str(problem_at(doc, (*loc, "print"), "marked to print")))
    return out


def print_text_problems(
    doc: YamlDocument, items: list[m.TitledItem], field: str = "items"
) -> Iterator[Problem]:
    """A short print version must keep the full text's placeholders and numbers, per language."""
    for index, item in enumerate(items):
        if item.print_text is None:
            continue
        for lang, full in item.text.root.items():
            short = item.print_text.root.get(lang, "")
            for what, pattern, show in (
                ("placeholders", m.PLACEHOLDER, "{{{}}}"),
                ("numbers", NUMBER, "{}"),
            ):
                wanted = sorted(set(pattern.findall(full)))
                got = sorted(set(pattern.findall(short)))
                if wanted != got:
                    yield problem_at(
                        doc,
                        (field, index, "print_text", lang),
                        f"the print version has other {what} than text "
                        f"(got {_list(got, show)}, expected {_list(wanted, show)})",
                    )


def _list(values: list[str], show: str) -> str:
    return ", ".join(show.format(v) for v in values) if values else "none"


def check(
    self_care: m.SelfCare, education: m.Education, docs: dict[str, YamlDocument | None]
) -> Iterator[Problem]:
    """Every short print version of the content against its full text."""
    for name, items, field in (
        ("self_care", self_care.items, "items"),
        ("education", education.topics, "topics"),
    ):
        doc = docs.get(name)
        if doc is not None:
            yield from print_text_problems(doc, items, field)
