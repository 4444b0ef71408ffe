"""The tri-fold folded: every warning card is read on panels a reader sees at the same time."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from patientsite.leaflet import (
    SEEN_TOGETHER,
    LeafletError,
    _measure,
    build_leaflet,
    render_document,
    render_html,
)
from patientsite.loader import Content, with_clinic
from tests.conftest import ROOT
from tests.test_leaflet import pdf_text

TEMPLATES = ROOT / "overrides" / "leaflet"
URL = "https://example.test/"

# Where each card of the back programme stands, in its text's order: the emergency card and
# the same-day card on the inside (seen as one when the leaflet is open), the card for the
# clinic whole on the back.
PLACES = {
    "emergency": ["inside-left", "inside-middle"],
    "urgent": ["inside-middle", "inside-right"],
    "contact-clinic": ["outside-middle"],
}


@pytest.fixture(scope="module", params=["hovedstaden", "syddanmark"])
def clinic(
    request: pytest.FixtureRequest, content: Content, tmp_path_factory: pytest.TempPathFactory
) -> Content:
    """The content with the example clinic in a region (Syddanmark: another helpline text)."""
    folder = tmp_path_factory.mktemp("clinic")
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    profile = folder / "clinic.yaml"
    profile.write_text(source.replace("region: hovedstaden", f"region: {request.param}"))
    return with_clinic(content, profile, folder)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_warning_card_stands_on_panels_seen_together(clinic: Content, lang: str) -> None:
    layout = _measure(render_document(render_html(clinic, lang, TEMPLATES, URL), TEMPLATES))
    assert layout.cards == PLACES
    for card, shown in layout.cards.items():
        for first, then in itertools.pairwise(shown):
            assert any({first, then} <= seen for seen in SEEN_TOGETHER), (card, first, then)
    # "Continues" stands at the foot of exactly the panels a card goes on from.
    assert layout.continues == layout.continued() == ("inside-left", "inside-middle")


def test_the_back_is_never_seen_with_another_panel() -> None:
    """Folded, the back is seen only by turning the leaflet over; the cover only closed."""
    together = set().union(*SEEN_TOGETHER)
    assert "outside-middle" not in together and "outside-right" not in together


def copy_templates(tmp_path: Path, old: str, new: str) -> Path:
    """The leaflet's templates with one change to leaflet.html (the page templates beside)."""
    folder = tmp_path / "leaflet"
    shutil.copytree(TEMPLATES, folder)
    shutil.copytree(TEMPLATES.parent / "content", tmp_path / "content")
    page = folder / "leaflet.html"
    source = page.read_text(encoding="utf-8")
    assert old in source
    page.write_text(source.replace(old, new), encoding="utf-8")
    return folder


def test_a_card_going_on_between_panels_not_seen_together_is_refused(
    tmp_path: Path, content: Content
) -> None:
    inside = 'data-flow="inside-left inside-middle inside-right"'
    templates = copy_templates(tmp_path, inside, inside.replace("inside-middle", "outside-middle"))
    with pytest.raises(LeafletError) as caught:
        build_leaflet(content, "da", templates, URL)
    assert str(caught.value) == (
        "leaflet (da): the warning card 'emergency' goes on from panel 'inside-left' (inside, "
        "left) to 'outside-middle' (outside, middle (the back)), which are not seen together; "
        "keep it on one panel or on the inside\n"
        "leaflet (da): the warning card 'urgent' goes on from panel 'outside-middle' (outside, "
        "middle (the back)) to 'inside-right' (inside, right), which are not seen together; "
        "keep it on one panel or on the inside"
    )


def test_continues_stands_only_where_a_card_goes_on(tmp_path: Path, content: Content) -> None:
    """With the emergency card alone inside, only the left panel says to unfold for the rest."""
    both = '("emergency", "urgent")'
    templates = copy_templates(tmp_path, both, '("emergency",)')
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(build_leaflet(content, "da", templates, URL).pdf)
    text = pdf_text(out)
    assert text.count("Fortsætter") == 1 and "Fortsætter,nårdufolderud" in text
