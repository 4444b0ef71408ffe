"""Parse content once per change, not once per language build."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from patientsite.loader import Content, load_content, overdue
from patientsite.model import Language


class ContentCache:
    """Keeps the last loaded content and its rendering, keyed on the files' modification times."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._content: Content | None = None
        self._rendered: dict[str, str | bytes] | None = None
        self._rendered_key: tuple[object, ...] | None = None
        self._reported: int | None = None

    def content(self, root: Path, languages: Sequence[Language], project: Path) -> Content:
        """The validated content of root, loaded again only when a file changed."""
        key = (tuple(languages), *_stamps(root))
        if key != self._key or self._content is None:
            self._content = load_content(root, languages, project)
            self._key = key
            self._rendered = None
        return self._content

    def rendered(
        self, content: Content, templates: Path, render: Callable[[], dict[str, str | bytes]]
    ) -> dict[str, str | bytes]:
        """The rendered pages and figures, rendered again only when content or templates change."""
        key = (id(content), *_stamps(templates))
        if self._rendered is None or key != self._rendered_key:
            self._rendered = render()
            self._rendered_key = key
        return self._rendered

    def first_report(self, content: Content) -> bool:
        """True the first time it is asked about this content (notices are logged once)."""
        if self._reported == id(content):
            return False
        self._reported = id(content)
        return True

    @staticmethod
    def overdue(content: Content, today: date) -> list[str]:
        """Overdue review notices for content."""
        return overdue(content, today)


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled Jinja templates, kept in memory and, given a folder, on disk between builds.

    MkDocs makes a new theme environment for every build, and i18n runs one build per
    language (`mkdocs serve` one more per change), so Material's templates were compiled
    again each time: about a third of a build's rendering. Jinja checks an entry against its
    template's source (a checksum) and its own version, so an edited template or a new
    Jinja compiles again. Files are replaced atomically; a folder that cannot be written
    only costs the time saved.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill bucket with its template's code compiled before, if there is any."""
        code = self._code.get(bucket.key)
        if code is None and self._folder is not None:
            with contextlib.suppress(OSError):
                code = (self._folder / f"{bucket.key}.jinja").read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep bucket's newly compiled code."""
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        if self._folder is None:
            return
        with contextlib.suppress(OSError):
            self._folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self._folder, delete=False) as tmp:
                tmp.write(code)
            os.replace(tmp.name, self._folder / f"{bucket.key}.jinja")


def _stamps(root: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
        for p in root.rglob("*")
        if p.is_file()
    )
