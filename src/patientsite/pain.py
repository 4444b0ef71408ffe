"""Checks of pain.yaml against the other content files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from patientsite.problems import Problem
from patientsite.yamlsource import YamlDocument, problem_at

if TYPE_CHECKING:
    from patientsite.loader import Content


def card_links(content: Content, doc: YamlDocument) -> Iterator[Problem]:
    """Every card a section of the pain page links to is a card of the warning signs page."""
    known = [level.id for level in content.warning_signs.levels]
    for index, section in enumerate(content.pain.sections):
        for c_index, card in enumerate(section.cards):
            if card not in known:
                yield problem_at(
                    doc,
                    ("sections", index, "cards", c_index),
                    f"unknown card '{card}' (expected one of: {', '.join(known)}; "
                    "the ids of the levels in warning_signs.yaml)",
                )
