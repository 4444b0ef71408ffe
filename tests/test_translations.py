"""The translation lock: a changed Danish text flags its translations until they are checked."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from patientsite.__main__ import main
from patientsite.model import Language
from patientsite.report import build_report, format_report
from patientsite.translations import (
    LOCK_NAME,
    Lock,
    documents,
    expected_lock,
    read_lock,
    stale_problems,
    translations,
)
from tests.conftest import ROOT

CONFIG = str(ROOT / "mkdocs.yml")
LOCK = f"content/{LOCK_NAME}"
# condition.yaml, sections[1].paragraphs[0] (da) and its English; sections[0].paragraphs[0]
CAUSES_DA = "Rygsmerter kan have flere årsager."
CAUSES_EN = "Back pain can have several causes."
COMMON_DA = "Rygsmerter er almindelige. De rammer"
STALE = (
    "the source text (da) changed after this translation was checked; check the "
    "translation, then run 'make translations-done FILE=content/programmes/back/condition.yaml'"
)
SUMMARY = "1 translation to check (a warning; nothing fails)."


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the content folder (with its lock), the working directory."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of old in a content file."""
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {rel} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def position_of_next_en(project: Path, rel: str, after: str) -> str:
    """'line:column' of the first `en:` key after the text `after`, found in the raw file."""
    text = (project / "content" / rel).read_text(encoding="utf-8")
    start = text.index("en:", text.index(after))
    line = text.count("\n", 0, start) + 1
    return f"{line}:{start - text.rfind(chr(10), 0, start)}"


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run `python -m patientsite check`; its status and the lines on stderr."""
    status = main(["check", "content", "--config", CONFIG])
    return status, capsys.readouterr().err.splitlines()


def translations_command(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `python -m patientsite translations ARGS`; its status and all it printed."""
    status = main(["translations", *args, "--config", CONFIG])
    out = capsys.readouterr()
    return status, out.out + out.err


def lock_line(project: Path, file: str, field: str) -> list[str]:
    """The lock's line for one English text, split into its five parts."""
    lines = (project / LOCK).read_text(encoding="utf-8").splitlines()
    found = [line.split() for line in lines if line.startswith(f"{file} {field} en ")]
    assert len(found) == 1, found
    return found[0]


def test_the_projects_lock_is_up_to_date(languages: tuple[Language, ...]) -> None:
    path = ROOT / LOCK
    wanted = expected_lock(ROOT / "content", ROOT, languages, frozenset())
    have = path.read_text(encoding="utf-8") if path.is_file() else ""
    assert have == wanted, (
        f"{LOCK} does not record the texts as they are (new, moved or removed texts, or "
        "changed translations); run 'make translations' and commit the file"
    )


def test_the_projects_translations_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(ROOT / "content"), "--config", CONFIG])
    assert status == 0
    assert capsys.readouterr().err == ""


def test_a_changed_danish_text_warns_once_at_its_translation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = position_of_next_en(project, "programmes/back/condition.yaml", CAUSES_DA)
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    status, err = check(capsys)
    assert status == 0
    assert err == [
        f"content/programmes/back/condition.yaml:{where}: sections[1].paragraphs[0].en: {STALE}",
        SUMMARY,
    ]


def test_a_changed_warning_sign_names_its_field(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sign = "har fået nye problemer med at tisse"
    doc = documents(project / "content", project)["programmes/back/warning_signs.yaml"]
    assert sign in doc.data["levels"][0]["signs"][2]["text"]["da"]
    where = position_of_next_en(project, "programmes/back/warning_signs.yaml", sign)
    edit(project, "programmes/back/warning_signs.yaml", sign, "har nye problemer med at tisse")
    status, err = check(capsys)
    assert status == 0
    assert err[0] == (
        f"content/programmes/back/warning_signs.yaml:{where}: levels[0].signs[2].text.en: "
        + STALE.replace("condition", "warning_signs")
    )
    assert err[1] == SUMMARY


def test_marking_the_file_done_clears_the_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = lock_line(project, "programmes/back/condition.yaml", "sections[1].paragraphs[0]")
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    status, out = translations_command(capsys, "--done", "content/programmes/back/condition.yaml")
    assert status == 0
    assert out == f"Wrote {LOCK}: 1 line added, 1 removed; 1 stale translation marked as checked.\n"
    assert check(capsys) == (0, [])
    after = lock_line(project, "programmes/back/condition.yaml", "sections[1].paragraphs[0]")
    assert after[3] != before[3] and after[4] == before[4]  # new Danish hash, same English


def test_marking_all_done_clears_the_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    assert translations_command(capsys, "--done")[0] == 0
    assert check(capsys) == (0, [])


def test_updating_the_lock_or_marking_another_file_keeps_the_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    status, out = translations_command(capsys)
    assert status == 0
    assert (
        out == f"{LOCK} is up to date.\n1 translation is still to check; 'make check' lists them.\n"
    )
    assert translations_command(capsys, "--done", "content/programmes/back/programme.yaml")[0] == 0
    status, err = check(capsys)
    assert status == 0
    assert len(err) == 2
    assert err[0].endswith(f": sections[1].paragraphs[0].en: {STALE}")
    assert err[1] == SUMMARY


def test_a_changed_translation_alone_gives_no_warning_and_is_recorded(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = lock_line(project, "programmes/back/condition.yaml", "sections[1].paragraphs[0]")
    edit(
        project,
        "programmes/back/condition.yaml",
        CAUSES_EN,
        "There can be several causes of back pain.",
    )
    status, err = check(capsys)
    assert status == 0
    assert err == [
        f"Note: {LOCK} is not up to date (new, moved or removed texts, or changed "
        "translations: 1 line to add, 1 to remove); run 'make translations' to record them."
    ]
    assert translations_command(capsys, "--done")[0] == 0
    after = lock_line(project, "programmes/back/condition.yaml", "sections[1].paragraphs[0]")
    assert after[3] == before[3] and after[4] != before[4]  # same Danish, new English hash
    assert check(capsys) == (0, [])


def test_a_new_text_gives_a_note_until_it_is_recorded(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = (
        f'      - da: "{COMMON_DA} ofte flere gange."\n'
        '        en: "It often comes back more than once."\n'
    )
    text = (project / "content/programmes/back/condition.yaml").read_text(encoding="utf-8")
    anchor = '        en: "Back pain is common. It affects people of all ages'
    end = text.index("\n", text.index(anchor)) + 1  # after the first paragraph
    (project / "content/programmes/back/condition.yaml").write_text(
        text[:end] + new + text[end:], "utf-8"
    )
    status, err = check(capsys)
    assert status == 0
    assert err == [
        f"Note: {LOCK} is not up to date (new, moved or removed texts, or changed "
        "translations: 1 line to add, 0 to remove); run 'make translations' to record them."
    ]
    status, out = translations_command(capsys)
    assert (status, out) == (
        0,
        f"Wrote {LOCK}: 1 line added, 0 removed; 0 stale translations marked as checked.\n",
    )
    assert (
        len(lock_line(project, "programmes/back/condition.yaml", "sections[0].paragraphs[1]")) == 5
    )
    assert check(capsys) == (0, [])


def test_a_removed_text_is_removed_from_the_lock(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content/programmes/back/condition.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if CAUSES_DA in line)
    del lines[start : start + 2]
    path.write_text("".join(lines), encoding="utf-8")
    fields = [
        line.split()[1]
        for line in (project / LOCK).read_text().splitlines()[5:]
        if line.startswith("programmes/back/condition.yaml ")
    ]
    assert "sections[1].paragraphs[2]" in fields
    assert check(capsys)[1][-1].endswith(
        "2 lines to add, 3 to remove); run 'make translations' to record them."
    )
    assert translations_command(capsys)[0] == 0
    fields = [
        line.split()[1]
        for line in (project / LOCK).read_text().splitlines()[5:]
        if line.startswith("programmes/back/condition.yaml ")
    ]
    assert "sections[1].paragraphs[2]" not in fields  # the list is one shorter
    assert check(capsys) == (0, [])


def test_a_text_moved_in_its_list_stays_current_and_moved_and_changed_is_stale(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content/programmes/back/condition.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if CAUSES_DA in line)
    lines[start : start + 4] = lines[start + 2 : start + 4] + lines[start : start + 2]
    path.write_text("".join(lines), encoding="utf-8")
    assert check(capsys)[1][-1].endswith(
        "2 lines to add, 2 to remove); run 'make translations' to record them."
    )
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    status, err = check(capsys)
    assert status == 0
    assert err[0].split(": ", 1)[1] == f"sections[1].paragraphs[1].en: {STALE}"
    assert err[1] == SUMMARY


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "condition.yaml title en 0123",
            "expected 5 parts separated by spaces: file, field, language, and two hashes "
            "(got 4); run 'make translations' to write the file again",
        ),
        (
            "condition.yaml title en 0123456789abcdef xyz",
            "expected two hashes of 16 hex digits (got '0123456789abcdef' and 'xyz'); "
            "run 'make translations' to write the file again",
        ),
        (
            "<<<<<<< HEAD",
            "a merge conflict marker; keep the lines of both sides, delete the markers and "
            "run 'make translations'",
        ),
    ],
    ids=["parts", "hashes", "conflict"],
)
def test_a_malformed_lock_is_one_clear_line(
    project: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    path = project / LOCK
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(7, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check(capsys) == (1, [f"{LOCK}:8:1: {message}"])
    assert translations_command(capsys) == (1, f"{LOCK}:8:1: {message}\n")


def test_a_lock_that_is_not_text_is_one_clear_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / LOCK).write_bytes(b"\xff\xfe")
    assert check(capsys) == (1, [f"{LOCK}: cannot be read (not UTF-8 text)"])


def test_a_missing_lock_is_a_note_and_the_command_makes_it(
    project: Path, capsys: pytest.CaptureFixture[str], languages: tuple[Language, ...]
) -> None:
    (project / LOCK).unlink()
    assert check(capsys) == (
        0,
        [f"Note: {LOCK} is missing; run 'make translations' to create it."],
    )
    assert translations_command(capsys)[0] == 0
    assert (project / LOCK).read_text(encoding="utf-8") == (ROOT / LOCK).read_text(encoding="utf-8")


def test_done_refuses_a_file_that_is_not_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = translations_command(capsys, "--done", "content/conditions.yaml")
    assert (status, out) == (1, "content/conditions.yaml: not a content file in content/\n")


def test_a_file_with_a_mistake_is_not_marked_done(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    before = (project / LOCK).read_text(encoding="utf-8")
    status, out = translations_command(capsys, "--done")
    assert status == 1
    assert out.endswith("1 content problem found; nothing was built.\n")
    assert (project / LOCK).read_text(encoding="utf-8") == before


def test_the_report_lists_a_stale_translation(
    project: Path, languages: tuple[Language, ...]
) -> None:
    where = position_of_next_en(project, "programmes/back/condition.yaml", CAUSES_DA)
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    report = build_report(
        project / "content", languages, ROOT / "overrides/content", date(2026, 12, 2), project
    )
    text = format_report(report)
    section = text[text.index("## Translations to do") : text.index("## Exercises")]
    assert section.splitlines()[2:4] == [
        f"- content/programmes/back/condition.yaml:{where}: sections[1].paragraphs[0].en: {STALE}",
        "",
    ]


def test_every_other_language_is_flagged(tmp_path: Path) -> None:
    languages = (
        Language(code="da", name="Dansk"),
        Language(code="en", name="English"),
        Language(code="de", name="Deutsch"),
    )
    (tmp_path / "a.yaml").write_text(
        'title:\n  da: "Ryg"\n  en: "Back"\n  de: "Rücken"\n', encoding="utf-8"
    )
    docs = documents(tmp_path, tmp_path)
    lock = Lock(t.entry() for t in translations(docs, languages))
    assert len(lock.entries) == 2
    (tmp_path / "a.yaml").write_text(
        'title:\n  da: "Ryggen"\n  en: "Back"\n  de: "Rücken"\n', encoding="utf-8"
    )
    docs = documents(tmp_path, tmp_path)
    found = [str(p) for p in stale_problems(translations(docs, languages), lock, docs, languages)]
    message = (
        "the source text (da) changed after this translation was checked; check the "
        "translation, then run 'make translations-done FILE=a.yaml'"
    )
    assert found == [f"a.yaml:3:3: title.en: {message}", f"a.yaml:4:3: title.de: {message}"]
    assert read_lock(tmp_path / LOCK_NAME, LOCK_NAME) is None


def test_the_report_names_a_malformed_lock_as_a_problem(
    project: Path, languages: tuple[Language, ...]
) -> None:
    (project / LOCK).write_text("condition.yaml title en\n", encoding="utf-8")
    report = build_report(
        project / "content", languages, ROOT / "overrides/content", date(2026, 12, 2), project
    )
    assert [str(p) for p in report.problems] == [
        f"{LOCK}:1:1: expected 5 parts separated by spaces: file, field, language, and two "
        "hashes (got 3); run 'make translations' to write the file again"
    ]


def test_ci_shows_a_stale_translation_as_a_warning_and_a_problem_as_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    matchers = json.loads((ROOT / ".github/content-problems.json").read_text(encoding="utf-8"))
    pattern = {
        m["owner"]: re.compile(m["pattern"][0]["regexp"]) for m in matchers["problemMatcher"]
    }
    severity = {m["owner"]: m.get("severity", "error") for m in matchers["problemMatcher"]}
    edit(project, "programmes/back/condition.yaml", CAUSES_DA, "Rygsmerter kan have mange årsager.")
    warning = check(capsys)[1][0]
    edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    error = check(capsys)[1][0]
    assert error.endswith("sessions_per_week: expected a whole number (got 'two')")
    shown = {
        line: [severity[owner] for owner, regexp in pattern.items() if regexp.match(line)]
        for line in (warning, error)
    }
    assert shown == {warning: ["warning"], error: ["error"]}
