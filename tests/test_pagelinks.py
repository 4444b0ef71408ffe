"""Questions link to a page and a section that exist; the anchor table matches the templates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from patientsite.loader import Content
from patientsite.model import Language
from patientsite.pagelinks import anchors
from patientsite.render import render_site, source_name
from tests.conftest import ROOT
from tests.test_validation import at, edit, problems, project  # noqa: F401  (fixture)

PAGE_IDS = [
    "home, back-pain, warning-signs, programme, what-to-expect, self-care, pain, exercises, "
    "questions, my-programme, diary, programmes"
]

Q = "programmes/back/questions.yaml"
QUESTIONS = f"content/{Q}"


def test_a_question_that_links_to_an_unknown_page(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    line = edit(
        project,
        "programmes/back/questions.yaml",
        "link: {page: self-care}",
        "link: {page: self-cure}",
    )
    assert problems(project, languages) == [
        f"{QUESTIONS}:{at(project, Q, line, 'page')}: "
        f"questions[13].link.page: unknown page 'self-cure' (expected one of: {PAGE_IDS[0]})"
    ]


def test_a_question_that_links_to_an_unknown_section(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    line = edit(project, "programmes/back/questions.yaml", "section: for-me}", "section: for-you}")
    assert problems(project, languages) == [
        f"{QUESTIONS}:{at(project, Q, line, 'section')}: "
        "questions[0].link.section: page 'programme' has no section 'for-you' (expected one "
        "of: top, for-me, timeline, phase-assessment, phase-education, phase-training, "
        "phase-follow-up, training, education, provider, get-started)"
    ]


def test_a_link_to_the_practicalities_needs_a_clinic_that_fills_them_in(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    clinic = project / "content" / "clinic.yaml"
    text = clinic.read_text(encoding="utf-8")
    clinic.write_text(text[: text.index("# Practical details")], encoding="utf-8")
    found = problems(project, languages)
    lines = (project / "content" / Q).read_text(encoding="utf-8").splitlines()
    expected = [
        f"{QUESTIONS}:{n}:{line.index('section:') + 1}: questions[{i}].link.section: "
        "page 'what-to-expect' has no section 'practicalities' (expected one of: top, "
        "first-visit, during, after)"
        for i, (n, line) in enumerate(
            (n, line) for n, line in enumerate(lines, start=1) if "link: {page:" in line
        )
        if "practicalities" in line
    ]
    assert len(expected) == 4
    assert found == expected


def test_an_unknown_section_for_the_length_of_the_first_visit(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    line = edit(
        project,
        "programmes/back/expect.yaml",
        "visit_length_in: first-visit",
        "visit_length_in: visit",
    )
    assert problems(project, languages) == [
        f"content/programmes/back/expect.yaml:{line}:1: visit_length_in: unknown section 'visit' "
        "(expected one of: first-visit, during, after)"
    ]


@pytest.fixture(scope="module")
def rendered(content: Content) -> dict[str, str]:
    """Every page of the project, rendered."""
    return render_site(content, ROOT / "overrides" / "content", date.today())


@pytest.mark.parametrize("page_id", PAGE_IDS[0].split(", "))
def test_every_anchor_a_link_may_name_is_on_its_page(
    content: Content, rendered: dict[str, str], page_id: str
) -> None:
    page = next(p for p in content.site.pages if p.id == page_id)
    default = content.languages[0].code
    for lang in content.languages:
        text = rendered[source_name(page.path, lang.code, default)]
        found = set(re.findall(r"\{ #([a-z0-9-]+) \}", text))
        found |= set(re.findall(r' id="([a-z0-9-]+)"', text))
        missing = [anchor for anchor in anchors(content, page.template) if anchor not in found]
        assert missing == [], f"{lang.code}:{page.path}"
