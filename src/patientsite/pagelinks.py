"""Links from content to a page of the site and a section of it: what exists, and the check.

Each page template makes anchors (`#id`) from its content; `anchors` lists them per template,
and `tests/test_pagelinks.py` checks that every anchor listed is in the rendered page, so the
table cannot drift from the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from patientsite import model as m
from patientsite import registry
from patientsite.problems import Problem
from patientsite.yamlsource import YamlDocument, problem_at

if TYPE_CHECKING:
    from patientsite.loader import Content, Programme


class Scope:
    """What a page of one programme sees: that programme's files, then the shared ones."""

    def __init__(self, content: Content, programme: Programme | None) -> None:
        self._content = content
        self._programme = programme

    def __getattr__(self, name: str) -> Any:
        if self._programme is not None and name in self._programme.files:
            return self._programme.files[name]
        return getattr(self._content, name)


def _programme_intro(content: Any) -> list[str]:
    """Anchors of the programme's introduction (home and programme pages)."""
    phases = [f"phase-{phase.id}" for phase in content.programme.phases]
    return ["for-me", "timeline", *phases]


def _practicalities(content: Any) -> list[str]:
    """The anchor of the clinic's practical details, which show only when filled in."""
    details = content.clinic.practicalities
    return ["practicalities"] if details is not None and details.filled() else []


ANCHORS: dict[str, Callable[[Any], list[str]]] = {
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
    "pain": lambda c: [s.id for s in c.pain.sections],
    "expect": lambda c: [*(s.id for s in c.expect.sections), *_practicalities(c)],
    "questions": lambda c: [q.id for q in c.questions.questions],
    "programmes": lambda c: [],
}


def anchors(content: Content, template: str, programme: Programme | None = None) -> list[str]:
    """The section anchors a page of this template has (with #top), from its content: of the
    programme given, for a programme's page (default: the first programme)."""
    programme = programme or next(iter(content.programmes.values()))
    return ["top", *ANCHORS[template](Scope(content, programme))]


def check_links(
    content: Content, programme: Programme, doc: YamlDocument | None
) -> Iterator[Problem]:
    """Every question's link names a page of site.yaml and, when given, a section of it (as
    the programme's page has it)."""
    if doc is None:  # never after a successful load; the loader passes what it read
        return
    pages = {page.id: page for page in content.site.pages}
    questions: m.Questions = programme.files["questions"]  # type: ignore[assignment]
    for index, question in enumerate(questions.questions):
        yield from _check_link(
            content, programme, doc, ("questions", index, "link"), question.link, pages
        )


def _check_link(
    content: Content,
    programme: Programme,
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
    missing = [
        name
        for name in page.uses
        if name in registry.BY_NAME
        and registry.BY_NAME[name].scope == "programme"
        and name not in programme.files
    ]
    if missing:
        yield problem_at(
            doc,
            (*loc, "page"),
            f"the programme '{programme.id}' has no page '{link.page}' (it has no "
            f"{', '.join(f'{name}.yaml' for name in missing)})",
        )
        return
    if link.section is None:
        return
    known = anchors(content, page.template, programme)
    if link.section not in known:
        yield problem_at(
            doc,
            (*loc, "section"),
            f"page '{link.page}' has no section '{link.section}' "
            f"(expected one of: {', '.join(known)})",
        )
