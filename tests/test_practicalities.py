"""The clinic's practical details: validated, shown when filled in, and no empty headings."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from patientsite.loader import Content
from patientsite.model import Language, Practicalities
from patientsite.render import render_site
from tests.conftest import ROOT
from tests.test_validation import edit, problems, project  # noqa: F401  (fixture)


def expect_page(content: Content, lang: str = "da", **details: Any) -> str:
    """The rendered expect page, with the clinic's practicalities replaced when given."""
    if details:
        value = details["practicalities"]
        clinic = content.clinic.model_copy(update={"practicalities": value})
        content = dataclasses.replace(content, files={**content.files, "clinic": clinic})
    rendered = render_site(content, ROOT / "overrides" / "content", date(2026, 12, 2))
    return rendered["what-to-expect/index.md" if lang == "da" else "what-to-expect/index.en.md"]


def test_the_example_clinic_shows_its_details_in_both_languages(content: Content) -> None:
    danish = expect_page(content)
    english = expect_page(content, "en")
    assert "## Praktiske oplysninger { #practicalities }" in danish
    assert "## Practical details { #practicalities }" in english
    assert "<dt>Pris for hele forløbet</dt><dd>2.400\u00a0kr.</dd>" in danish
    assert "<dt>Price of the whole programme</dt><dd>2,400\u00a0DKK</dd>" in english
    assert "<dt>Pris for det første besøg</dt><dd>450\u00a0kr.</dd>" in danish
    assert "<dt>Henvisning</dt><dd>Du behøver ikke en henvisning fra din læge." in danish
    assert "Ring til klinikken på +45 12 34 56 78." in danish  # placeholders are filled
    assert danish.count("<strong>Det første besøg varer:</strong> 60 minutter") == 1
    assert "<dt>Træningstider</dt><dd>Tirsdag og torsdag kl. 16.30–17.30</dd>" in danish


@pytest.mark.parametrize("details", [None, Practicalities()], ids=["left-out", "empty"])
def test_a_clinic_without_details_gets_no_empty_headings(
    content: Content, details: Practicalities | None
) -> None:
    for lang, heading in (("da", "Praktiske oplysninger"), ("en", "Practical details")):
        page = expect_page(content, lang, practicalities=details)
        assert heading not in page
        assert "#practicalities" not in page
        assert "ps-practical" not in page and "<dt>" not in page
        assert "ps-fact" not in page  # no length of the first visit either
        assert "minutter" not in page and "minutes" not in page


def test_only_the_details_filled_in_are_shown(content: Content) -> None:
    page = expect_page(content, practicalities=Practicalities(public_subsidy=False))
    assert "## Praktiske oplysninger { #practicalities }" in page
    assert page.count("<dt>") == 1
    assert "<dt>Tilskud</dt>" in page
    assert "Klinikken har ikke aftale med den offentlige sygesikring." in page
    assert "Pris" not in page and "danmark" not in page and "Henvisning" not in page


def test_a_price_note_without_a_price_has_a_term(content: Content) -> None:
    note = content.clinic.practicalities.price_note  # type: ignore[union-attr]
    page = expect_page(content, practicalities=Practicalities(price_note=note))
    assert "<dt>Pris for hele forløbet</dt>\n<dd>Priserne er det, du selv betaler" in page


def test_a_negative_price_and_an_unknown_field_are_refused(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    price = edit(project, "clinic.yaml", "price_programme: 2400", "price_programme: -5")
    unknown = edit(project, "clinic.yaml", "referral_needed: false", "referal_needed: false")
    assert problems(project, languages) == [
        f"content/clinic.yaml:{price}:3: practicalities.price_programme: input should be "
        "greater than or equal to 0 (got -5)",
        f"content/clinic.yaml:{unknown}:3: practicalities.referal_needed: unknown field "
        "(did you mean 'referral_needed'? expected one of: first_visit_minutes, "
        "session_minutes, session_times, training_address, price_programme, "
        "price_first_visit, price_note, public_subsidy, danmark_subsidy, referral_needed, "
        "booking, bring, missed_session, cancellation)",
    ]


def test_a_price_must_be_whole_kroner(
    project: Path,  # noqa: F811
    languages: tuple[Language, ...],
) -> None:
    line = edit(project, "clinic.yaml", "price_first_visit: 450", 'price_first_visit: "450 kr."')
    assert problems(project, languages) == [
        f"content/clinic.yaml:{line}:3: practicalities.price_first_visit: expected a whole "
        "number (got '450 kr.')"
    ]
