"""The translation lock: which default-language text each translation was last checked against.

`content/.translations.lock` holds one line per text and translated language:

    warning_signs.yaml levels[0].signs[2].text en 1f0c58a3b2d94e71 8b0e6c1d2a3f4b5c

the file (relative to the content folder), the field, the language, a hash of the
default-language (Danish) text and a hash of the translation. A translation is *stale*
when the Danish text changed after the translation was checked: the lock holds this
translation with another Danish text, and never with this one. `make check` warns about
each; `python -m patientsite translations --done` (`make translations-done`) marks them
checked. `python -m patientsite translations` (`make translations`) records new, moved,
removed and re-translated texts and leaves stale ones stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from patientsite.model import Language
from patientsite.problems import Problem, display_path, field_path
from patientsite.yamlsource import Loc, YamlDocument, read_yaml

LOCK_NAME = ".translations.lock"
# A translation still to be written (the report lists it); a stale warning would repeat that.
TODO_MARKER = "TODO:"
HASH_LENGTH = 16  # hex digits of SHA-256: 64 bits, far beyond any collision among texts
_SAFE = "/[]._-~"  # characters of file names and field paths written as they are
_HEADER = """\
# Translation lock: which source text ({code}) each translation was last checked against.
# Written by `make translations` and `make translations-done` (see CONTRIBUTING.md,
# "When a Danish text changes"); do not edit it by hand. After a merge conflict, keep
# the lines of both sides, delete the conflict markers and run `make translations`.
# file field language {code}-hash translation-hash
"""


@dataclass(frozen=True, order=True)
class Entry:
    """One line of the lock: a translation and the source text it was checked against."""

    file: str
    field: str
    lang: str
    source: str
    translation: str

    def line(self) -> str:
        """The entry as written in the lock file."""
        where = f"{quote(self.file, safe=_SAFE)} {quote(self.field, safe=_SAFE)}"
        return f"{where} {self.lang} {self.source} {self.translation}"


@dataclass(frozen=True)
class Translation:
    """One translated text as the content has it now."""

    file: str  # relative to the content folder
    loc: Loc  # of the text ({da, en} mapping)
    lang: str
    source: str  # hash of the default-language text
    translation: str  # hash of the translation
    todo: bool  # the translation starts with TODO:

    @property
    def field(self) -> str:
        """The text's field path, as in the lock."""
        return field_path(self.loc)

    def entry(self, source: str | None = None) -> Entry:
        """The lock line that records this translation (checked against source, or the current)."""
        return Entry(self.file, self.field, self.lang, source or self.source, self.translation)


class LockError(Exception):
    """The lock file cannot be read; the problem names its line."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def digest(text: str) -> str:
    """A short hash of a text, exactly as written (a changed comma is a change)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def lock_path(root: Path) -> Path:
    """Where a content folder keeps its lock."""
    return root / LOCK_NAME


# --- reading content ---------------------------------------------------------------------


def documents(root: Path, project: Path) -> dict[str, YamlDocument]:
    """Every YAML file under root (hidden ones left out), keyed by its path relative to root."""
    docs: dict[str, YamlDocument] = {}
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        doc, _ = read_yaml(path, display_path(path, project))
        if doc is not None:
            docs[relative.as_posix()] = doc
    return docs


def translations(
    docs: dict[str, YamlDocument], languages: Sequence[Language]
) -> Iterator[Translation]:
    """Every translated text of the documents, in each language but the default one."""
    codes = [lang.code for lang in languages]
    default = codes[0]
    for file, doc in docs.items():
        for loc, text in _texts(doc.data, (), set(codes)):
            source = text.get(default)
            if not isinstance(source, str):
                continue
            for code in codes[1:]:
                value = text.get(code)
                if isinstance(value, str) and value.strip():
                    todo = value.strip().startswith(TODO_MARKER)
                    yield Translation(file, loc, code, digest(source), digest(value), todo)


def _texts(value: Any, loc: Loc, codes: set[str]) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """Every mapping of languages to strings below value ({da: ..., en: ...}).

    A mapping of languages to lists (a red flag's words) is not a text.
    """
    if isinstance(value, dict):
        if value and set(value) <= codes and all(isinstance(v, str) for v in value.values()):
            yield loc, value
            return
        for key, child in value.items():
            yield from _texts(child, (*loc, str(key)), codes)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*loc, index), codes)


# --- the lock file -----------------------------------------------------------------------


def read_lock(path: Path, display: str) -> list[Entry] | None:
    """The entries of a lock file, or None when there is none; a malformed line is a LockError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise LockError(Problem(display, None, "", f"cannot be read ({reason})")) from None
    return list(_entries(text, display))


def _entries(text: str, display: str) -> Iterator[Entry]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if line.startswith(("<<<<<<<", "=======", ">>>>>>>", "|||||||")):
            what = (
                "a merge conflict marker; keep the lines of both sides, delete the markers "
                "and run 'make translations'"
            )
        elif len(parts) != 5:
            what = (
                f"expected 5 parts separated by spaces: file, field, language, and two "
                f"hashes (got {len(parts)}); run 'make translations' to write the file again"
            )
        elif not all(_is_hash(part) for part in parts[3:]):
            what = (
                f"expected two hashes of {HASH_LENGTH} hex digits (got '{parts[3]}' and "
                f"'{parts[4]}'); run 'make translations' to write the file again"
            )
        else:
            yield Entry(unquote(parts[0]), unquote(parts[1]), parts[2], parts[3], parts[4])
            continue
        raise LockError(Problem(display, number, "", what, 1))


def _is_hash(text: str) -> bool:
    return len(text) == HASH_LENGTH and all(c in "0123456789abcdef" for c in text)


def format_lock(entries: Iterable[Entry], languages: Sequence[Language]) -> str:
    """The text of a lock file: a header, then one sorted line per entry."""
    header = _HEADER.format(code=languages[0].code)
    ordered = sorted(set(entries), key=_order)
    return header + "".join(f"{entry.line()}\n" for entry in ordered)


def _order(entry: Entry) -> tuple[Any, ...]:
    """Sort by file, then field with numbers as numbers (steps[2] before steps[10])."""
    return (*(_natural(part) for part in (entry.file, entry.field)), entry.lang, entry.source)


def _natural(text: str) -> tuple[str | int, ...]:
    return tuple(int(p) if i % 2 else p for i, p in enumerate(re.split(r"(\d+)", text)))


# --- comparing content with the lock ------------------------------------------------------


class Lock:
    """The entries of a lock file, indexed for the questions asked of them."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(set(entries))
        self._pairs = {(e.lang, e.source, e.translation) for e in self.entries}
        self._by_translation: dict[tuple[str, str, str], list[Entry]] = {}
        for e in self.entries:
            self._by_translation.setdefault((e.file, e.lang, e.translation), []).append(e)

    def is_current(self, t: Translation) -> bool:
        """This translation was checked against this source text (here or wherever it stood)."""
        return (t.lang, t.source, t.translation) in self._pairs

    def checked_against(self, t: Translation) -> Entry | None:
        """The entry that has this translation with another source text, when not current.

        The entry at the text's own field comes first; else one elsewhere in the same file
        (the text moved in a list as its Danish changed).
        """
        if self.is_current(t):
            return None
        found = self._by_translation.get((t.file, t.lang, t.translation), [])
        same = [e for e in found if e.field == t.field]
        match = same or found
        return match[0] if match else None


def is_stale(t: Translation, lock: Lock) -> bool:
    """The default-language text changed after this translation was checked."""
    return lock.checked_against(t) is not None


def updated(
    found: Iterable[Translation], lock: Lock, done: frozenset[str] | None = frozenset()
) -> list[Entry]:
    """The lock as it should be now: one entry per translation found.

    New texts and changed translations are recorded as they are; a stale translation keeps
    the source it was checked against, unless its file is in done (None: every file).
    """
    entries = []
    for t in found:
        old = lock.checked_against(t)
        marked = done is None or t.file in done
        entries.append(t.entry(old.source if old is not None and not marked else None))
    return sorted(set(entries))


def stale_problems(
    found: Iterable[Translation],
    lock: Lock,
    docs: dict[str, YamlDocument],
    languages: Sequence[Language],
) -> list[Problem]:
    """A warning at each stale translation, saying what to do."""
    default = languages[0].code
    problems = []
    for t in found:
        if t.todo or not is_stale(t, lock):
            continue
        doc = docs[t.file]
        line, column = doc.position_of((*t.loc, t.lang))
        message = (
            f"the source text ({default}) changed after this translation was checked; "
            f"check the translation, then run 'make translations-done FILE={doc.file}'"
        )
        problems.append(Problem(doc.file, line, field_path((*t.loc, t.lang)), message, column))
    return sorted(problems)


@dataclass(frozen=True)
class Status:
    """How the content compares with its lock."""

    stale: list[Problem]  # warnings
    missing: bool  # there is no lock file
    added: int  # lines `make translations` would add (new texts, changed translations)
    removed: int  # lines it would remove (texts gone, translations changed)

    @property
    def up_to_date(self) -> bool:
        """The lock records every text as it is (stale translations stay recorded as stale)."""
        return not self.missing and not self.added and not self.removed


def status(root: Path, project: Path, languages: Sequence[Language]) -> Status:
    """Compare the content under root with its lock; a malformed lock raises LockError."""
    path = lock_path(root)
    entries = read_lock(path, display_path(path, project))
    docs = documents(root, project)
    found = list(translations(docs, languages))
    lock = Lock(entries or [])
    wanted = set(updated(found, lock))
    have = set(lock.entries)
    return Status(
        stale=stale_problems(found, lock, docs, languages),
        missing=entries is None,
        added=len(wanted - have),
        removed=len(have - wanted),
    )


def expected_lock(
    root: Path, project: Path, languages: Sequence[Language], done: frozenset[str] | None
) -> str:
    """The text the lock should have, the stale translations of done marked as checked."""
    path = lock_path(root)
    entries = read_lock(path, display_path(path, project)) or []
    found = list(translations(documents(root, project), languages))
    return format_lock(updated(found, Lock(entries), done), languages)


@dataclass(frozen=True)
class Written:
    """What `translations` changed in the lock."""

    wrote: bool  # the file was (re)written
    added: int  # lines added
    removed: int  # lines removed
    checked: int  # stale translations marked as checked
    stale: int  # stale translations left


def write_lock(
    root: Path, project: Path, languages: Sequence[Language], done: frozenset[str] | None
) -> Written:
    """Bring the lock up to date, marking the stale translations of done as checked.

    A malformed lock raises LockError.
    """
    path = lock_path(root)
    old = set(read_lock(path, display_path(path, project)) or [])
    before = status(root, project, languages)
    text = expected_lock(root, project, languages, done)
    wrote = not path.is_file() or path.read_text(encoding="utf-8") != text
    if wrote:
        path.write_text(text, encoding="utf-8")
    new = set(read_lock(path, display_path(path, project)) or [])
    after = status(root, project, languages)
    checked = len(before.stale) - len(after.stale)
    return Written(wrote, len(new - old), len(old - new), checked, len(after.stale))
