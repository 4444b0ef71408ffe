"""Content problems: where they are and how they are reported to editors."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, at one field (line and column count from 1)."""

    file: str
    line: int | None
    field: str
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(Exception):
    """Raised once with every problem found, so an editor sees them all at the same time."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """The problems, one per line, then the count."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        return "\n".join([*lines, f"{count} content {noun} found; nothing was built."])


def display_path(path: Path, root: Path) -> str:
    """The path as an editor knows it: relative to the project when possible."""
    try:  # os.path.realpath, unlike Path.resolve, does not raise on a symlink loop
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def field_path(loc: Iterable[str | int]) -> str:
    """Turn ('steps', 2, 'en') into 'steps[2].en'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
