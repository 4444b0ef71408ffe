"""Links from content to a page of the site and a section of it: what exists, and the check.

Each page template makes anchors (`#id`) from its content; `anchors` lists them per template,
and `tests/test_pagelinks.py` checks that every anchor listed is in the rendered page, so the
table cannot drift from the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from patientsite import model as m
from patientsite.problems import Problem
from patientsite.yamlsource import YamlDocument, problem_at

if TYPE_CHECKING:
    from patientsite.loader import Content


def _programme_intro(content: Content) -> list[str]:
    """Anchors of the programme's introduction (home and programme pages)."""
    phases = [f"phase-{phase.id}" for phase in content.programme.phases]
    return ["for-me", "timeline", *phases]


def _practicalities(content: Content) -> list[str]:
    """The anchor of the clinic's practical details, which show only when filled in."""
    details = content.clinic.practicalities
    return ["practicalities"] if details is not None and details.filled() else []


ANCHORS: dict[str, Callable[[Content], list[str]]] = {
    "home": lambda c: [*_programme_intro(c), "get-started"],
    "condition": lambda c: [*(s.id for s in c.condition.sections), "symptoms"],
    "warning_signs": lambda c: [level.id for level in c.warning_signs.levels],
    "programme": lambda c: [
        *_programme_intro(c),
        "training",
        "education",
        "provider",
        "get-started",
    ],
    "self_care": lambda c: [item.id for item in c.self_care.items],
    "exercises": lambda c: list(c.exercises),
    "sheet": lambda c: [],
    "diary": lambda c: [],
    "expect": lambda c: [*(s.id for s in c.expect.sections), *_practicalities(c)],
    "questions": lambda c: [q.id for q in c.questions.questions],
}


def anchors(content: Content, template: str) -> list[str]:
    """The section anchors a page of this template has (besides #top), from its content."""
    return ["top", *ANCHORS[template](content)]


def check_links(content: Content, doc: YamlDocument | None) -> Iterator[Problem]:
    """Every question's link names a page of site.yaml and, when given, a section of it."""
    if doc is None:  # never after a successful load; the loader passes what it read
        return
    pages = {page.id: page for page in content.site.pages}
    for index, question in enumerate(content.questions.questions):
        yield from _check_link(content, doc, ("questions", index, "link"), question.link, pages)


def _check_link(
    content: Content,
    doc: YamlDocument,
    loc: tuple[str | int, ...],
    link: m.PageLink,
    pages: dict[str, m.PageSpec],
) -> Iterator[Problem]:
    page = pages.get(link.page)
    if page is None:
        expected = ", ".join(pages)
        yield problem_at(
            doc, (*loc, "page"), f"unknown page '{link.page}' (expected one of: {expected})"
        )
        return
    if link.section is None:
        return
    known = anchors(content, page.template)
    if link.section not in known:
        yield problem_at(
            doc,
            (*loc, "section"),
            f"page '{link.page}' has no section '{link.section}' "
            f"(expected one of: {', '.join(known)})",
        )
