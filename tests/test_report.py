"""The editors' report lists what needs attention: reviews, translations, links and sources."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from patientsite.__main__ import main
from patientsite.loader import Content
from patientsite.model import Language
from patientsite.render import render_site
from patientsite.report import build_report, format_report, orphan_exercises
from tests.conftest import ROOT

TODAY = date(2026, 11, 25)
TEMPLATES = ROOT / "overrides" / "content"

BACK = "content/programmes/back"  # the programme the tests change
P = "programmes/back/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def replace_in(project: Path, rel: str, pattern: str, new: str, after: str = "") -> str:
    """Replace the first match of pattern (after the text `after`); return its 'line:column'."""
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    match = re.compile(pattern, re.MULTILINE).search(text, text.index(after) if after else 0)
    assert match, f"{pattern!r} not in {rel}"
    path.write_text(text[: match.start()] + new + text[match.end() :], encoding="utf-8")
    line = text[: match.start()].count("\n") + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return f"{line}:{column}"


def test_report_lists_an_overdue_file_and_a_missing_translation(
    project: Path, languages: tuple[Language, ...]
) -> None:
    replace_in(project, "exercises/bridge.yaml", r"reviewed_on: .*", "reviewed_on: 2025-01-10")
    replace_in(project, "exercises/bridge.yaml", r"next_review: .*", "next_review: 2026-01-10")
    where = replace_in(project, "exercises/bridge.yaml", r"\ben: .*", 'en: ""', after="purpose:")

    report = build_report(project / "content", languages, TEMPLATES, TODAY, project)

    bridge = next(r for r in report.reviews if r.file == "content/exercises/bridge.yaml")
    assert (bridge.status, str(bridge.next_review)) == ("overdue", "2026-01-10")
    assert [r.file for r in report.reviews if r.status == "overdue"] == [bridge.file]
    missing = f"content/exercises/bridge.yaml:{where}: purpose.en: missing text in English"
    assert [str(p) for p in report.translations] == [missing]
    text = format_report(report)
    assert (
        "| content/exercises/bridge.yaml | 2025-01-10 | 2026-01-10 "
        "| Eksempelklinikkens kiropraktor | **OVERDUE** |"
    ) in text
    assert f"- {missing}\n" in text
    # The missing English is also a content problem, so no page is measured until it is fixed.
    assert [str(p) for p in report.problems] == [missing]
    assert report.pages == []


def test_marked_and_copied_translations_and_reviews_due_soon(
    project: Path, languages: tuple[Language, ...]
) -> None:
    todo = replace_in(
        project,
        "programmes/back/self_care.yaml",
        r"\ben: .*",
        'en: "TODO: Har du ondt?"',
        after="intro:",
    )
    same = '"Rygsmerter kan føles på mange måder."'
    replace_in(project, "programmes/back/symptoms.yaml", r"\bda: .*", f"da: {same}", after="intro:")
    copy = replace_in(
        project, "programmes/back/symptoms.yaml", r"\ben: .*", f"en: {same}", after="intro:"
    )
    replace_in(
        project, "programmes/back/education.yaml", r"next_review: .*", "next_review: 2027-01-15"
    )

    report = build_report(project / "content", languages, TEMPLATES, TODAY, project)

    assert [str(p) for p in report.translations] == [
        f"{BACK}/self_care.yaml:{todo}: intro.en: marked as needing translation ('TODO:')",
        f"content/programmes/back/symptoms.yaml:{copy}: intro.en: the same as the 'da' text",
    ]
    due = {r.file: r.status for r in report.reviews if r.status != "ok"}
    assert due == {"content/programmes/back/education.yaml": "due soon"}
    assert "due within 60 days" in format_report(report)
    assert report.problems == []
    site = yaml.safe_load((project / "content" / "site.yaml").read_text("utf-8"))
    pages = len([p for p in site["pages"] if p["template"] != "programmes"])  # one programme
    exercises = len(list((project / "content" / "exercises").glob("*.yaml")))
    assert len(report.pages) == 2 * (pages + exercises)


def test_report_lists_a_sign_without_the_source_its_level_needs(
    project: Path, languages: tuple[Language, ...]
) -> None:
    where = replace_in(
        project,
        "programmes/back/warning_signs.yaml",
        r"sources: \[northern-trust-lbp\]$",
        "sources: []",
    )
    report = build_report(project / "content", languages, TEMPLATES, TODAY, project)
    expected = (
        f"content/programmes/back/warning_signs.yaml:{where}: levels[1].signs[9].sources: "
        "a sign at level 'urgent' needs at least one source id"
    )
    assert [str(p) for p in report.unsourced] == [expected]
    assert f"- {expected}\n" in format_report(report)


def test_the_projects_content_needs_nothing(
    content: Content, languages: tuple[Language, ...]
) -> None:
    report = build_report(ROOT / "content", languages, TEMPLATES, TODAY, ROOT)
    assert (report.translations, report.unsourced, report.orphans, report.problems) == (
        [],
        [],
        [],
        [],
    )


def test_exercises_that_only_the_index_links_to_become_orphans_without_it(
    content: Content,
) -> None:
    rendered = render_site(content, TEMPLATES, TODAY)
    assert orphan_exercises(content, rendered) == []
    for name in ("exercises/index.md", "exercises/index.en.md"):
        rendered[name] = re.sub(r'href="[^"]*"', 'href=""', rendered[name])
    led_to = {e.easier for e in content.exercises.values()} | {
        e.harder for e in content.exercises.values()
    }
    alone = sorted(ex_id for ex_id in content.exercises if ex_id not in led_to)
    assert alone  # some exercises start no progression chain
    assert orphan_exercises(content, rendered) == [
        f"exercises/{ex_id}/ ({lang})" for lang in ("da", "en") for ex_id in alone
    ]


def test_report_command_writes_markdown(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    status = main(
        [
            "report",
            str(project / "content"),
            "--config",
            str(ROOT / "mkdocs.yml"),
            "--templates",
            str(TEMPLATES),
            "--today",
            "2026-11-25",
            "--output",
            str(out),
        ]
    )
    text = out.read_text(encoding="utf-8")
    assert status == 0
    assert text.startswith("# Content report, 2026-11-25\n")
    assert "| home | da | LIX " in text
    assert "| home | en | Flesch " in text
    assert (
        "Targets (`src/patientsite/data/languages.yaml`): da: LIX 40 or below (35 for the home "
        "page, warning signs and self-care); en: Flesch reading ease 60 or above.\n"
    ) in text
    assert "## Reviews" in text
