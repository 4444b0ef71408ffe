"""Checks of pain.yaml against the other content files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from patientsite import model as m
from patientsite.problems import Problem
from patientsite.triage import keyword_pattern
from patientsite.yamlsource import Loc, YamlDocument, problem_at

if TYPE_CHECKING:
    from patientsite.loader import Content, Programme


def check(content: Content, programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """Every problem of a programme's pain.yaml that needs another file to see."""
    yield from card_links(programme, doc)
    yield from red_flag_words(content, programme, doc)


def card_links(programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """Every card a section of the pain page links to is a card of the warning signs page."""
    known = [level.id for level in programme.warning_signs.levels]
    for index, section in enumerate(programme.pain.sections):
        for c_index, card in enumerate(section.cards):
            if card not in known:
                yield problem_at(
                    doc,
                    ("sections", index, "cards", c_index),
                    f"unknown card '{card}' (expected one of: {', '.join(known)}; "
                    "the ids of the levels in warning_signs.yaml)",
                )


def red_flag_words(content: Content, programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """No text of the pain page names a red flag's sign: the signs stand on their cards only."""
    for loc, text in _texts(programme.pain):
        for lang, value in text.root.items():
            for flag in content.red_flags.red_flags:
                word = next(
                    (
                        w
                        for w in flag.keywords.root.get(lang, [])
                        if keyword_pattern(w).search(value)
                    ),
                    None,
                )
                if word is not None:
                    yield problem_at(
                        doc,
                        (*loc, lang),
                        f"'{word}' is a word of the red flag '{flag.id}' (red_flags.yaml); name "
                        "no warning sign here: link to its card with cards: instead, or reword",
                    )
                    break


def _texts(pain: m.Pain) -> Iterator[tuple[Loc, m.Text]]:
    """Every text of the pain page with its place in the file."""
    yield ("title",), pain.title
    yield ("summary",), pain.summary
    yield ("rule", "text"), pain.rule.text
    for index, section in enumerate(pain.sections):
        yield ("sections", index, "heading"), section.heading
        for p_index, paragraph in enumerate(section.paragraphs):
            yield ("sections", index, "paragraphs", p_index), paragraph
