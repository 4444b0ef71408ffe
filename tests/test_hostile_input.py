"""Input written to break the site, or by mistake, gives one exact message and no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from patientsite import yamlsource
from patientsite.builddate import BuildDateError, source_date
from patientsite.loader import load_content
from patientsite.model import Language
from patientsite.problems import ContentError
from tests.conftest import ROOT, build, copy_project

BACK = "content/programmes/back"  # the programme the tests change
P = "programmes/back/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str) -> tuple[int, int]:
    """Replace old by new in one content file; return the line and column where it starts."""
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    start = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def check(project: Path, env: dict[str, str] | None = None) -> list[str]:
    """`python -m patientsite check` on the project: it fails, without a traceback; its lines."""
    result = subprocess.run(
        [sys.executable, "-m", "patientsite", "check", "content", "--config", ROOT / "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def reported(*problems: str) -> list[str]:
    """What the check command prints for these problems."""
    noun = "problem" if len(problems) == 1 else "problems"
    return [*problems, f"{len(problems)} content {noun} found; nothing was built."]


# --- the YAML reader ---------------------------------------------------------------------


def test_an_impossible_date_is_reported_at_its_field(project: Path) -> None:
    line, column = edit(
        project,
        "programmes/back/self_care.yaml",
        "reviewed_on: 2026-11-20",
        "reviewed_on: 2026-02-30",
    )
    assert check(project) == reported(
        f"content/programmes/back/self_care.yaml:{line}:{column}: review.reviewed_on: "
        "expected a real date like 2027-01-31 (got '2026-02-30')"
    )


def test_an_alias_is_refused_where_it_is(project: Path) -> None:
    edit(project, "programmes/back/self_care.yaml", 'da: "Har du ondt', 'da: &intro "Har du ondt')
    line, column = edit(
        project, "programmes/back/self_care.yaml", 'en: "Do you have', 'en: *intro\n  x: "Do'
    )
    assert check(project) == reported(
        f"content/programmes/back/self_care.yaml:{line}:{column + 4}: "
        "alias '*intro' is not allowed; write the value out in full"
    )


def test_an_anchor_is_refused_even_when_nothing_refers_to_it(project: Path) -> None:
    line, column = edit(
        project, "programmes/back/self_care.yaml", "sources: []", "sources: &none []"
    )
    assert check(project) == reported(
        f"{BACK}/self_care.yaml:{line}:{column + 9}: anchor '&none' is not allowed; delete it"
    )


def test_nesting_deeper_than_the_limit_is_refused(project: Path) -> None:
    line, column = edit(
        project, "programmes/back/self_care.yaml", "sources: []", "sources: " + "[" * 21 + "]" * 21
    )
    assert check(project) == reported(
        f"{BACK}/self_care.yaml:{line}:{column + 9 + 19}: nested too deeply (more than 20 levels)"
    )


def test_invalid_utf8_is_reported_at_its_line_and_column(project: Path) -> None:
    line, column = edit(project, "programmes/back/self_care.yaml", "Her er nogle", "Her er nøgle")
    path = project / "content" / "programmes" / "back" / "self_care.yaml"
    path.write_bytes(path.read_bytes().replace("nøgle".encode(), b"n\xf8gle", 1))  # Latin-1
    assert check(project) == reported(
        f"content/programmes/back/self_care.yaml:{line}:{column + 8}: "
        "not UTF-8 text (invalid start byte: 0xF8); save the file as UTF-8"
    )


def test_a_control_character_in_a_file_is_reported_at_its_line_and_column(project: Path) -> None:
    line, column = edit(
        project, "programmes/back/self_care.yaml", "Her er nogle", "Her er\x07 nogle"
    )
    assert check(project) == reported(
        f"content/programmes/back/self_care.yaml:{line}:{column + 6}: "
        "malformed YAML: control character U+0007 is not allowed; delete it"
    )


def test_a_file_over_the_size_limit_is_not_parsed(project: Path) -> None:
    path = project / "content" / "programmes" / "back" / "self_care.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * 300_000 + "\n", encoding="utf-8")
    assert check(project) == reported(
        f"{BACK}/self_care.yaml: file is too large (got 296 KB, expected at most 256 KB); "
        "split it or shorten its texts"
    )


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pyyaml"])
def test_both_parsers_refuse_aliases_and_deep_nesting(
    libyaml: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not libyaml:
        monkeypatch.setattr(yamlsource, "_FAST_LOADER", yamlsource._SAFE_LOADER)
    else:
        assert issubclass(yamlsource._FAST_LOADER, yaml.CSafeLoader)
    found = []
    for name, text in {
        "alias.yaml": "a: &x [1]\nb:\n  - *x\n",
        "deep.yaml": "a:" + "".join(f"\n{'  ' * n}- " for n in range(21)) + "x\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc, problems = yamlsource.read_yaml(tmp_path / name, name)
        assert doc is None
        found += [str(p) for p in problems]
    assert found == [
        "alias.yaml:3:5: alias '*x' is not allowed; write the value out in full",
        "deep.yaml:21:39: nested too deeply (more than 20 levels)",
    ]


# --- the model: texts and the clinic's and sources' strings -----------------------------


def position(project: Path, rel: str, needle: str) -> str:
    """'line:column' where needle starts in one content file."""
    text = (project / "content" / rel).read_text(encoding="utf-8")
    start = text.index(needle)
    return f"{text.count(chr(10), 0, start) + 1}:{start - text.rfind(chr(10), 0, start)}"


INVISIBLE = [
    (
        "programmes/back/self_care.yaml",
        'da: "Har du ',
        "\u202e",
        "intro.da",
        8,
        "RIGHT-TO-LEFT OVERRIDE",
    ),
    ("programmes/back/self_care.yaml", 'da: "Hvad', "\u200b", "title.da", 5, "ZERO WIDTH SPACE"),
    (
        "programmes/back/warning_signs.yaml",
        'url: "https://',
        "\u2066",
        "sources[0].url",
        9,
        "LEFT-TO-RIGHT ISOLATE",
    ),
    ("clinic.yaml", 'email: "kontakt', "\ufeff", "email", 8, "ZERO WIDTH NO-BREAK SPACE"),
    ("clinic.yaml", 'website: "https://', "\u202b", "website", 9, "RIGHT-TO-LEFT EMBEDDING"),
    ("clinic.yaml", 'phone: "', "\u2069", "phone", 1, "POP DIRECTIONAL ISOLATE"),
    ("clinic.yaml", '"Eksempelvej', "\u2060", "address[0]", 12, "WORD JOINER"),
    ("clinic.yaml", 'name: "Eksempel', "\u200d", "name", 9, "ZERO WIDTH JOINER"),
]


@pytest.mark.parametrize(
    ("rel", "before", "char", "field", "at", "name"),
    INVISIBLE,
    ids=[case[3] for case in INVISIBLE],
)
def test_invisible_characters_are_refused_by_code_point(
    project: Path, rel: str, before: str, char: str, field: str, at: int, name: str
) -> None:
    edit(project, rel, before, before + char)
    where = position(project, rel, before)  # the key, or the list item
    assert check(project) == reported(
        f"content/{rel}:{where}: {field}: invisible character U+{ord(char):04X} ({name}) "
        f"at character {at} of the text; delete it"
    )


def test_a_text_over_the_length_limit_is_refused(project: Path) -> None:
    long = "Bevæg dig lidt. " * 125 + "Ja."
    line, column = edit(
        project,
        "programmes/back/self_care.yaml",
        '"Har du ondt i ryggen? Her er nogle råd, du selv kan følge."',
        f'"{long}"',
    )
    assert check(project) == reported(
        f"content/programmes/back/self_care.yaml:{line}:{column - 4}: intro.da: "
        "text is too long (got 2,003 characters, expected at most 2,000); shorten it"
    )


# --- files nothing reads -------------------------------------------------------------------


def test_files_that_nothing_reads_are_named(project: Path) -> None:
    content = project / "content"
    (content / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    (content / "warning-signs.yaml").write_text("x: 1\n", encoding="utf-8")
    shutil.move(content / "exercises" / "bridge.yaml", content / "exercises" / "bridge.yml")
    (content / "exercises" / "bridge-photo.png").write_bytes(b"\x89PNG")
    (content / ".gitkeep").write_text("", encoding="utf-8")
    (content / "exercises" / ".bird-dog.yaml.swp").write_bytes(b"\0")
    expected = (
        "expected one of: clinic.yaml, exercise_library.yaml, "
        "programmes/<programme>/condition.yaml, programmes/<programme>/education.yaml, "
        "programmes/<programme>/expect.yaml, "
        "programmes/<programme>/pain.yaml, programmes/<programme>/programme.yaml, "
        "programmes/<programme>/questions.yaml, programmes/<programme>/self_care.yaml, "
        "programmes/<programme>/symptoms.yaml, programmes/<programme>/warning_signs.yaml, "
        "red_flags.yaml, regions.yaml, site.yaml, exercises/<id>.yaml, or an image)"
    )
    lines = check(project)
    # bridge.yaml is no longer read, so the exercises that name it say so too.
    unread = {"content/exercises/bridge-photo.png", "content/exercises/bridge.yml"}
    assert [line for line in lines if line.split(":")[0] in unread] == [
        "content/exercises/bridge-photo.png: no exercise (illustration image) and no clinic logo "
        "names this image; name it or delete it",
        "content/exercises/bridge.yml: no content is read from this file "
        f"(did you mean 'exercises/bridge.yaml'? {expected}",
    ]
    assert [line for line in lines if line.startswith(("content/notes", "content/warning-"))] == [
        f"content/notes.yaml: no content is read from this file ({expected}",
        "content/warning-signs.yaml: no content is read from this file "
        f"(did you mean 'programmes/back/warning_signs.yaml'? {expected}",
    ]


# --- SOURCE_DATE_EPOCH -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "soon", "-1", "1.5", " 1700000000", "0", "99999999999999"])
def test_a_source_date_epoch_that_cannot_be_used_is_refused(value: str) -> None:
    with pytest.raises(BuildDateError) as caught:
        source_date({"SOURCE_DATE_EPOCH": value})
    assert str(caught.value) == (
        "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01, for a date "
        f"from 1980-01-01 to 9999-12-31 (got {value!r})"
    )


def test_a_usable_source_date_epoch_gives_its_date() -> None:
    assert source_date({}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=UTC
    )


def test_the_leaflet_command_prints_a_bad_source_date_epoch(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "patientsite", "leaflet", "--out", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=_env(SOURCE_DATE_EPOCH="99999999999999"),
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01, for a date "
        "from 1980-01-01 to 9999-12-31 (got '99999999999999')"
    ]


def test_the_build_stops_with_a_bad_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = build(copy_project(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        "ERROR   -  SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01, "
        "for a date from 1980-01-01 to 9999-12-31 (got 'soon')" in result.log
    )
    assert not result.site.exists()


def _env(**extra: str) -> dict[str, str]:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


# --- anything at all -----------------------------------------------------------------------

Hostile = Callable[[Path], None]


def _write(rel: str, text: str | bytes) -> Hostile:
    def apply(content: Path) -> None:
        path = content / rel
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return apply


def _append(rel: str, text: str) -> Hostile:
    def apply(content: Path) -> None:
        path = content / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return apply


def _replace(rel: str, old: str, new: str) -> Hostile:
    def apply(content: Path) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _directory_for(rel: str) -> Hostile:
    def apply(content: Path) -> None:
        (content / rel).unlink()
        (content / rel).mkdir()

    return apply


def _symlink_loop(content: Path) -> None:
    (content / "loop").symlink_to("loop")
    (content / "exercises" / "loop.yaml").symlink_to("loop.yaml")


LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)
HOSTILE: dict[str, Hostile] = {
    "billion-laughs": _write("programmes/back/self_care.yaml", LAUGHS),
    "merge-key": _append("programmes/back/self_care.yaml", "x: &x {a: 1}\ny:\n  <<: *x\n"),
    "undefined-alias": _replace(
        "programmes/back/self_care.yaml", "sources: []", "sources: *nothing"
    ),
    "deep-flow": _replace(
        "programmes/back/self_care.yaml", "sources: []", "sources: " + "[" * 5000 + "]" * 5000
    ),
    "deep-block": _write(
        "programmes/back/self_care.yaml", "".join(f"{'  ' * n}k{n}:\n" for n in range(400))
    ),
    "impossible-time": _replace(
        "programmes/back/self_care.yaml", "2026-11-20", "2026-02-30 25:61:00+99:00"
    ),
    "huge-number": _replace(
        "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: " + "9" * 5000
    ),
    "bad-hex": _replace(
        "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: 0x_"
    ),
    "explicit-tags": _replace(
        "programmes/back/self_care.yaml",
        "sources: []",
        "sources: [!!timestamp x, !!bool x, !!binary '%', !!set {a}]",
    ),
    "python-object": _replace(
        "programmes/back/self_care.yaml",
        "sources: []",
        "sources: !!python/object/apply:os.system [echo hi]",
    ),
    "odd-keys": _append("programmes/back/self_care.yaml", "~: x\n1: y\n? [a]\n: z\n"),
    "several-documents": _append("programmes/back/self_care.yaml", "---\nreview: x\n"),
    "not-a-mapping": _write("clinic.yaml", "- just\n- a list\n"),
    "empty-file": _write("clinic.yaml", ""),
    "utf-16": _write("site.yaml", "site: x\n".encode("utf-16")),
    "nul-byte": _write("site.yaml", b"site: \0\n"),
    "huge-text": _replace("programmes/back/self_care.yaml", "Her er nogle", "x" * 200_000),
    "huge-file": _write("programmes/back/self_care.yaml", b"a: " + b"x" * 5_000_000),
    "escaped-bidi": _replace(
        "programmes/back/self_care.yaml", "Her er nogle", "\\u202eHer\\x00 er nogle"
    ),
    "symlink-loop": _symlink_loop,
    "directory-in-place-of-a-file": _directory_for("clinic.yaml"),
}


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_nothing_but_a_content_error_comes_out_of_hostile_input(
    hostile: Hostile, project: Path, languages: tuple[Language, ...]
) -> None:
    hostile(project / "content")
    with pytest.raises(ContentError) as caught:
        load_content(project / "content", languages, project)
    assert caught.value.problems
    assert all("\n" not in str(problem) for problem in caught.value.problems)
