"""The printed files of the build in progress, made before the pages so the pages can show
each file's size and page count as built (not typed).

Held here, not in a hook file: MkDocs loads hook files afresh for each build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Printed:
    """One printed file of the build: its bytes and its number of pages."""

    data: bytes
    pages: int

    @property
    def kilobytes(self) -> int:
        """Its size in kB (1,000 bytes), at least 1."""
        return max(1, round(len(self.data) / 1000))


_FILES: dict[str, Printed] = {}


def keep(files: dict[str, Printed]) -> None:
    """Hold the printed files of this build, keyed by their path under the site root."""
    _FILES.clear()
    _FILES.update(files)


def forget() -> None:
    """Hold nothing (a preview, or a build that makes no printed files)."""
    _FILES.clear()


def held() -> dict[str, Printed]:
    """The printed files held for this build."""
    return dict(_FILES)


def facts(path: str) -> Printed | None:
    """The file at path (as in render.leaflet_path) if this build made it, else None."""
    return _FILES.get(path)
