"""One text, every format: the web's warning cards and programme introduction carry, word for
word, what the tri-fold and the large-print booklet print from the same content objects."""

from __future__ import annotations

import base64
from datetime import date
from xml.etree.ElementTree import Element

import pytest
import tinyhtml5

from patientsite.bodymap import body_map, programme_regions
from patientsite.leaflet import render_html
from patientsite.loader import Content
from patientsite.render import render_figures, render_site, source_name
from tests.conftest import ROOT

WEB = ROOT / "overrides" / "content"
PRINT = ROOT / "overrides" / "leaflet"
FORMATS = ["leaflet.html", "booklet.html"]


def words(element: Element, skip: str = "") -> str:
    """The text of element and its children (children of class skip left out), spaces evened.

    Print keeps a phone number on one line with no-break spaces; they count as spaces."""
    parts = [element.text or ""]
    for child in element:
        if skip and skip in (child.get("class") or "").split():
            parts.append(child.tail or "")
            continue
        parts += [words(child, skip), child.tail or ""]
    return " ".join("".join(parts).replace("\u00a0", " ").split())


def classed(root: Element, name: str) -> list[Element]:
    """Every element under root whose class list holds name, in document order."""
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def card_words(card: Element, web: bool) -> list[str]:
    """A card's heading, who it is for, signs, what to do and when, in that order."""
    heading = next(e for e in card.iter() if e.tag in ("h2", "h3"))
    prefix = "ps-card__" if web else "card__"
    who = classed(card, prefix + "who")[0]
    signs = next(e for e in card.iter() if e.tag == "ul")
    action = classed(card, "ps-card__action")[0] if web else card
    paragraphs = [p for p in action if p.tag == "p" and p is not who]
    return [
        words(heading),
        words(who),
        *(words(li, skip="ps-ref") for li in signs if li.tag == "li"),
        *(words(p) for p in paragraphs),
    ]


def parse(html: str) -> Element:
    return tinyhtml5.parse(html, namespace_html_elements=False)


@pytest.fixture(scope="module")
def site(content: Content) -> dict[str, str]:
    """The site's generated pages, keyed by their path under docs/."""
    return render_site(content, WEB, date(2026, 12, 2))


def web_page(site: dict[str, str], content: Content, path: str, lang: str) -> Element:
    return parse(site[source_name(path, lang, content.languages[0].code)])


def printed(content: Content, lang: str, template: str) -> Element:
    return parse(render_html(content, lang, PRINT, "https://example.test/", template=template))


@pytest.mark.parametrize("template", FORMATS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_warning_card_prints_the_words_of_the_web(
    site: dict[str, str], content: Content, lang: str, template: str
) -> None:
    web = web_page(site, content, "warning-signs/", lang)
    cards = {card.get("id"): card_words(card, web=True) for card in classed(web, "ps-card")}
    paper = printed(content, lang, template)
    assert {
        card.get("data-card"): card_words(card, web=False) for card in classed(paper, "card")
    } == cards
    assert list(cards) == [level.id for level in content.programmes["back"].warning_signs.levels]


@pytest.mark.parametrize("template", FORMATS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_who_it_is_for_and_the_steps_print_the_words_of_the_web(
    site: dict[str, str], content: Content, lang: str, template: str
) -> None:
    web = web_page(site, content, "", lang)
    criteria = [words(li) for li in classed(web, "ps-checklist")[0] if li.tag == "li"]
    steps = [words(li) for li in classed(web, "ps-steps")[0] if li.tag == "li"]
    paper = printed(content, lang, template)
    lists = [
        [words(li) for li in ul if li.tag == "li"] for ul in paper.iter() if ul.tag in ("ul", "ol")
    ]
    assert criteria in lists and steps in lists
    assert len(criteria) == len(content.programmes["back"].programme.target_group.criteria)


@pytest.mark.parametrize("template", FORMATS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_print_shows_the_body_picture_of_the_web_with_its_text(
    site: dict[str, str], content: Content, lang: str, template: str
) -> None:
    web = classed(web_page(site, content, "", lang), "ps-body-map")[0].find("img")
    paper = classed(printed(content, lang, template), "body-map")[0].find("img")
    assert web is not None and paper is not None
    assert paper.get("alt") == web.get("alt")
    drawn = body_map(programme_regions(content.programmes["back"].programme))
    head, data = str(paper.get("src")).split(",", 1)
    assert head == "data:image/svg+xml;base64"
    assert base64.b64decode(data) == render_figures(content, WEB)[drawn.path]
