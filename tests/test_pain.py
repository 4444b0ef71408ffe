"""The pain page (a programme's pain.yaml): checks, the rule in every format, its place."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from patientsite.loader import Content
from patientsite.model import Language
from tests.conftest import ROOT, Build
from tests.test_triage import edit, problems

PAIN = "programmes/back/pain.yaml"
PAIN_SHOWN = f"content/{PAIN}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def position(project: Path, rel: str, needle: str, key: str) -> str:
    """'line:column' of `key` on the first line of a content file that holds needle."""
    lines = (project / "content" / rel).read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if needle in line)
    return f"{number}:{lines[number - 1].index(key) + 1}"


# --- the file and its checks ------------------------------------------------------------


def test_a_pain_page_without_sections_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    path = project / "content" / PAIN
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nsections:")] + "\nsections: []\n", encoding="utf-8")
    where = position(project, PAIN, "sections: []", "sections")
    assert problems(project, languages) == [
        f"{PAIN_SHOWN}:{where}: sections: list should have at least 1 item after "
        "validation, not 0 (got a list)"
    ]


def test_a_section_without_its_heading_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    heading = '    heading:\n      da: "Hvad er en opblussen?"\n      en: "What is a flare-up?"\n'
    edit(project, PAIN, heading, "")
    where = position(project, PAIN, "- id: flare-up", "id")
    assert problems(project, languages) == [
        f"{PAIN_SHOWN}:{where}: sections[2].heading: missing required field"
    ]


def test_an_unknown_source_in_a_section_is_refused_at_its_place(
    project: Path, languages: tuple[Language, ...]
) -> None:
    needle = "sources: [gladryg-back-pain, riis-laendesmerter]"
    edit(project, PAIN, needle, "sources: [gladryg-back-pain, riis-laenderyg]")
    where = position(project, PAIN, "riis-laenderyg]", "riis-laenderyg")
    problem = problems(project, languages)
    assert len(problem) == 1
    assert problem[0].startswith(
        f"{PAIN_SHOWN}:{where}: sections[2].sources[1]: unknown source 'riis-laenderyg' "
        "(expected one of: dmp-ibuprofen, gladryg-back-pain, irf-haandkoeb, "
        "ism-haandkoeb-alder, nice-ng59, "
    )


def test_a_section_without_a_source_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(project, PAIN, "sources: [gladryg-back-pain, riis-laendesmerter]", "sources: []")
    where = position(project, PAIN, "sources: []", "sources")
    assert problems(project, languages) == [
        f"{PAIN_SHOWN}:{where}: sections[2].sources: a section of the pain page needs at "
        "least one source id (or cards: that link to the warning signs)"
    ]


def test_the_rule_needs_a_source_it_lists(project: Path, languages: tuple[Language, ...]) -> None:
    needle = "  sources: [silbernagel-2007, pain-monitoring-model]\n"
    edit(project, PAIN, needle, "  sources: [thomee-1997]\n")
    where = position(project, PAIN, "[thomee-1997]", "thomee-1997")
    assert problems(project, languages)[0].startswith(
        f"{PAIN_SHOWN}:{where}: rule.sources[0]: unknown source 'thomee-1997' (expected"
    )


def test_a_link_to_an_unknown_warning_card_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    card_links = "cards: [emergency, urgent, contact-clinic]"
    edit(project, PAIN, card_links, "cards: [emergency, same-day, contact-clinic]")
    where = position(project, PAIN, "cards: [emergency, same-day", "same-day")
    assert problems(project, languages) == [
        f"{PAIN_SHOWN}:{where}: sections[5].cards[1]: unknown card 'same-day' (expected "
        "one of: emergency, urgent, contact-clinic; the ids of the levels in warning_signs.yaml)"
    ]


def test_a_programme_without_a_pain_page_cannot_link_to_it(
    project: Path, languages: tuple[Language, ...]
) -> None:
    # pain.yaml is optional: without it the programme has no pain page, and its diary and
    # sheet leave the rule out; a question that links to the page is then an error.
    (project / "content" / PAIN).unlink()
    found = problems(project, languages)
    assert found and all("questions.yaml" in p for p in found), found
    assert found[0].endswith(
        "questions[1].link.page: the programme 'back' has no page 'pain' (it has no pain.yaml)"
    )


# --- what the page says -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "morning"), [("da", "næste morgen"), ("en", "next morning")], ids=["da", "en"]
)
def test_the_rule_names_its_numbers(content: Content, lang: str, morning: str) -> None:
    rule = content.programmes["back"].pain.rule.text.get(lang)
    assert re.search(r"(?<!\d)5(?!\d)", rule) and "0" in rule and "10" in rule, rule
    assert morning in rule, rule


def test_a_pain_text_that_names_a_red_flag_sign_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    # Signs of something serious stand on the warning cards only; the page links to them.
    old = '"Spring den øvelse over, der gav smerten. Prøv den igen senere."'
    new = '"Spring den øvelse over, der gav smerten. Prøv den igen, når du ikke falder om."'
    edit(project, PAIN, old, new)
    fever = "Then call the clinic, or {emergency} if you have a fever"
    edit(project, PAIN, "Then call the clinic", fever)
    da = position(project, PAIN, "ikke falder om", "da:")
    en = position(project, PAIN, "if you have a fever", "en:")
    assert problems(project, languages) == [
        f"{PAIN_SHOWN}:{da}: sections[1].paragraphs[2].da: 'fald' is a word of the red flag "
        "'fracture' (red_flags.yaml); name no warning sign here: link to its card with cards: "
        "instead, or reword",
        f"{PAIN_SHOWN}:{en}: sections[1].paragraphs[4].en: 'fever' is a word of the red "
        "flag 'infection' (red_flags.yaml); name no warning sign here: link to its card with "
        "cards: instead, or reword",
    ]


def test_the_flare_up_plan_links_to_the_112_the_same_day_and_the_clinic_card(
    content: Content,
) -> None:
    linked = [
        card for section in content.programmes["back"].pain.sections for card in section.cards
    ]
    urgency = {level.id: level.urgency for level in content.programmes["back"].warning_signs.levels}
    # The clinic's card holds the flare-up that does not settle (pain worse over time).
    assert sorted(urgency[card] for card in linked) == ["emergency", "routine", "urgent"]


# --- the built site ---------------------------------------------------------------------

PAGES_WITH_THE_RULE = ["pain/", "diary/", "my-programme/"]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("page", PAGES_WITH_THE_RULE)
def test_the_rule_is_on_the_pain_page_the_diary_and_the_sheet(
    built: Build, content: Content, page: str, lang: str
) -> None:
    prefix = "" if lang == "da" else "en/"
    html = (built.site / prefix / page / "index.html").read_text(encoding="utf-8")
    box = html[html.index('<p class="ps-rule" id="pain-rule">') :].split("</p>")[0]
    assert content.programmes["back"].pain.rule.text.get(lang) in box
    assert content.site.labels.pain_rule.get(lang) in box


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_diary_has_a_next_morning_column(built: Build, content: Content, lang: str) -> None:
    prefix = "" if lang == "da" else "en/"
    html = (built.site / prefix / "diary" / "index.html").read_text(encoding="utf-8")
    diary = content.exercise_library.diary
    head = f'<th scope="col">{diary.pain.get(lang)}</th><th scope="col">'
    assert f"{head}{diary.pain_morning.get(lang)}</th>" in html


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_pain_page_is_in_the_navigation(built: Build, content: Content, lang: str) -> None:
    prefix = "" if lang == "da" else "en/"
    home = (built.site / prefix / "index.html").read_text(encoding="utf-8")
    nav = home[home.index("md-sidebar--primary") : home.index("md-sidebar--secondary")]
    links = re.findall(r'href="([^"]*)"', nav)
    # In the order of site.yaml: after self-care, before the exercises.
    order = [href for href in links if href.rstrip("/").split("/")[-1] in PAGE_ORDER]
    assert [href.rstrip("/").split("/")[-1] for href in order] == PAGE_ORDER
    title = next(p.title for p in content.site.pages if p.id == "pain")
    assert title.get(lang) in nav


PAGE_ORDER = ["self-care", "pain", "exercises"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_pain_page_is_in_its_language_search(built: Build, content: Content, lang: str) -> None:
    root = built.site if lang == "da" else built.site / lang
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["pain/"] == content.programmes["back"].pain.title.get(lang)
    section = next(s for s in content.programmes["back"].pain.sections if s.id == "medicine")
    assert titles["pain/#medicine"] == section.heading.get(lang)


@pytest.mark.parametrize(
    "page", ["self-care/", "exercises/bridge/", "en/self-care/", "en/exercises/bridge/"]
)
def test_self_care_and_the_exercises_link_to_the_pain_page(built: Build, page: str) -> None:
    html = (built.site / page / "index.html").read_text(encoding="utf-8")
    depth = page.count("/") - (1 if page.startswith("en/") else 0)
    target = "../" * depth + "pain/"
    article = html[html.index("<article") :]
    assert f'href="{target}"' in article
