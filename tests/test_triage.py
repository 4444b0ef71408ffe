"""Clinical-safety rules: each one fails the build on a bad content file, at its line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from patientsite.loader import Content, load_content, with_clinic
from patientsite.model import URGENCY_RANK, Language
from patientsite.problems import ContentError
from patientsite.triage import keyword_pattern
from tests.conftest import ROOT, Build, build, copy_project
from tests.test_leaflet import pdf_text

BACK = "content/programmes/back"  # the programme the tests change
P = "programmes/back/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """Replace the first old by new in one content file."""
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def position(project: Path, rel: str, needle: str, key: str, occurrence: int = 0) -> str:
    """'line:column' of `key:` on the (occurrence+1)th line that holds needle."""
    lines = (project / "content" / rel).read_text(encoding="utf-8").splitlines()
    number = [i for i, line in enumerate(lines, start=1) if needle in line][occurrence]
    return f"{number}:{lines[number - 1].index(key + ':') + 1}"


def problems(project: Path, languages: tuple[Language, ...]) -> list[str]:
    """Every problem load_content reports, as printed."""
    with pytest.raises(ContentError) as caught:
        load_content(project / "content", languages, project)
    return [str(p) for p in caught.value.problems]


def move_sign(project: Path, sign_id: str, to_level: str) -> None:
    """Cut a sign (from its id to its sources) from its card onto the top of another card."""
    path = project / "content" / "programmes" / "back" / "warning_signs.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {sign_id}")
    end = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("sources:"))
    block = lines[start : end + 1]
    del lines[start : end + 1]
    card = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {to_level}")
    signs = next(i for i in range(card, len(lines)) if lines[i].strip() == "signs:")
    lines[signs + 1 : signs + 1] = block
    path.write_text("".join(lines), encoding="utf-8")


def test_the_project_content_passes_every_rule(content: Content) -> None:
    assert {level.urgency for level in content.programmes["back"].warning_signs.levels} == set(
        URGENCY_RANK
    )


def test_a_bladder_sign_on_the_clinic_card_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    move_sign(project, "bladder-problems", "contact-clinic")
    where = position(
        project, "programmes/back/warning_signs.yaml", "red_flag: cauda-equina", "red_flag", -1
    )
    text_da = position(
        project, "programmes/back/warning_signs.yaml", "nye problemer med at tisse", "da"
    )
    text_en = position(project, "programmes/back/warning_signs.yaml", "new problems peeing", "en")
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{where}: levels[2].signs[0].red_flag: a 'cauda-equina' "
        "sign belongs at level 'emergency' or more urgent (red_flags.yaml); this card is "
        "'routine'",
        f"{BACK}/warning_signs.yaml:{where}: levels[2].signs[0].red_flag: red flag "
        "'cauda-equina' is on two levels: 'emergency' (levels[0].signs[1]) and 'routine'; "
        "keep it on one",
        f"{BACK}/warning_signs.yaml:{text_da}: levels[2].signs[0].text.da: 'tisse' is a sign "
        "of 'cauda-equina', which belongs at level 'emergency' or more urgent "
        "(red_flags.yaml); this card is 'routine': move the sign or reword it",
        f"{BACK}/warning_signs.yaml:{text_en}: levels[2].signs[0].text.en: 'pee' is a sign "
        "of 'cauda-equina', which belongs at level 'emergency' or more urgent "
        "(red_flags.yaml); this card is 'routine': move the sign or reword it",
    ]


def test_words_of_a_red_flag_are_refused_on_a_lower_card_even_if_the_sign_says_none(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(
        project,
        "programmes/back/warning_signs.yaml",
        '"Du har fået nye smerter, der stråler ud i en arm eller et ben."',
        '"Du har smerter i benet. Eller du har svært ved at holde på afføringen."',
    )
    where = position(project, "programmes/back/warning_signs.yaml", "holde på afføringen.", "da")
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{where}: levels[2].signs[1].text.da: 'afføring' is a sign "
        "of 'cauda-equina', which belongs at level 'emergency' or more urgent "
        "(red_flags.yaml); this card is 'routine': move the sign or reword it"
    ]


def test_a_sign_must_name_a_known_red_flag(project: Path, languages: tuple[Language, ...]) -> None:
    edit(project, "programmes/back/warning_signs.yaml", "red_flag: heart", "red_flag: hart")
    where = position(project, "programmes/back/warning_signs.yaml", "red_flag: hart", "red_flag")
    found = problems(project, languages)
    assert any(
        p.startswith(
            f"{BACK}/warning_signs.yaml:{where}: levels[0].signs[0].red_flag: unknown red flag "
            "'hart' (expected one of: none, heart, cauda-equina, "
        )
        for p in found
    )
    # With the heart sign gone, every region lacks its heart sign.
    assert any("no sign for its red flags: heart" in p for p in found)


def test_the_same_red_flag_on_two_levels_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    # A cancer sign moved up to the emergency card: allowed by its level, but now on two cards.
    move_sign(project, "weight-loss", "emergency")
    where = position(
        project, "programmes/back/warning_signs.yaml", "red_flag: cancer", "red_flag", occurrence=1
    )
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{where}: levels[1].signs[5].red_flag: red flag 'cancer' is "
        "on two levels: 'emergency' (levels[0].signs[0]) and 'urgent'; keep it on one"
    ]


def test_a_neck_programme_without_its_arterial_signs_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(project, "programmes/back/warning_signs.yaml", "red_flag: brainstem", "red_flag: none")
    edit(project, "programmes/back/warning_signs.yaml", "red_flag: meningitis", "red_flag: none")
    where = position(project, "programmes/back/programme.yaml", "- id: neck", "id")
    found = problems(project, languages)
    assert (
        f"{BACK}/programme.yaml:{where}: target_group.regions[0].id: the programme covers "
        "'neck', but warning_signs.yaml has no sign for its red flags: brainstem, meningitis "
        "(red_flags.yaml)"
    ) in found


def test_a_programme_region_must_be_a_known_body_region(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(project, "programmes/back/programme.yaml", "- id: thoracic", "- id: shoulder")
    where = position(project, "programmes/back/programme.yaml", "- id: shoulder", "id")
    assert problems(project, languages) == [
        f"{BACK}/programme.yaml:{where}: target_group.regions[1].id: unknown body region "
        "'shoulder' (expected one of: neck, thoracic, back, low-back; red_flags.yaml lists "
        "their red flags)"
    ]


def test_the_chest_cannot_name_a_place_of_pain(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(
        project,
        "programmes/back/programme.yaml",
        "i brystryggen (mellem skulderbladene)",
        "i brystet",
    )
    where = position(project, "programmes/back/programme.yaml", "i brystet", "da")
    assert problems(project, languages) == [
        f"{BACK}/programme.yaml:{where}: target_group.criteria[1].da: 'brystet' can be read "
        'as a place of pain that it is not (Pain "i brystet" (in the chest) can be the '
        "heart); write 'brystryggen (mellem skulderbladene)' instead"
    ]


def test_an_emergency_card_must_give_112(project: Path, languages: tuple[Language, ...]) -> None:
    edit(
        project,
        "programmes/back/warning_signs.yaml",
        '- number: "{emergency}"',
        '- number: "{helpline}"',
    )
    where = position(project, "programmes/back/warning_signs.yaml", "    contacts:", "contacts")
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{where}: levels[0].contacts: a card at level 'emergency' "
        "must give the number {emergency} (got {helpline})"
    ]


def test_a_typed_helpline_number_is_refused(project: Path, languages: tuple[Language, ...]) -> None:
    edit(
        project, "programmes/back/warning_signs.yaml", '- number: "{helpline}"', '- number: "1813"'
    )
    where = position(project, "programmes/back/warning_signs.yaml", '- number: "1813"', "number")
    card = position(
        project, "programmes/back/warning_signs.yaml", "    contacts:", "contacts", occurrence=1
    )
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{card}: levels[1].contacts: a card at level 'urgent' "
        "must give the number {helpline} (got 1813)",
        f"{BACK}/warning_signs.yaml:{where}: levels[1].contacts[0].number: write the "
        "placeholder, not the number '1813': the number depends on the clinic's region",
    ]


def test_a_helpline_number_in_prose_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(
        project,
        "programmes/back/warning_signs.yaml",
        "så ring til {helpline_name} i {region} på {helpline}.",
        "så ring 70 11 07 07.",
    )
    where = position(project, "programmes/back/warning_signs.yaml", "så ring 70 11 07 07.", "da")
    assert problems(project, languages) == [
        f"{BACK}/warning_signs.yaml:{where}: levels[1].action.da: '70 11 07 07' is a phone "
        "number from site.yaml; use its placeholder instead"
    ]


def test_an_emergency_stop_rule_must_call_112(
    project: Path, languages: tuple[Language, ...]
) -> None:
    path = project / "content" / "exercise_library.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('      call: "{emergency}"\n', "", 1), encoding="utf-8")
    where = position(project, "exercise_library.yaml", "- red_flag: heart", "red_flag")
    assert problems(project, languages) == [
        f"content/exercise_library.yaml:{where}: stop_and_call.rules[0].call: 'heart' is an "
        "emergency: the rule must say call {emergency} (got nothing)"
    ]


def test_an_unknown_region_is_refused(project: Path, languages: tuple[Language, ...]) -> None:
    edit(project, "clinic.yaml", "region: hovedstaden", "region: fyn")
    where = position(project, "clinic.yaml", "region: fyn", "region")
    assert problems(project, languages) == [
        f"content/clinic.yaml:{where}: region: unknown region 'fyn' (expected one of: "
        "hovedstaden, sjaelland, syddanmark, midtjylland, nordjylland)"
    ]


def test_a_missing_region_is_refused(project: Path, languages: tuple[Language, ...]) -> None:
    edit(project, "clinic.yaml", "region: hovedstaden\n", "")
    assert problems(project, languages) == [
        "content/clinic.yaml:4:1: region: missing required field"
    ]


@pytest.mark.parametrize(
    ("region", "number", "name"),
    [
        ("hovedstaden", "1813", "Akuttelefonen"),
        ("sjaelland", "1818", "akuttelefonen"),
        ("syddanmark", "70 11 07 07", "Lægevagten"),
        ("midtjylland", "70 11 31 31", "Lægevagten"),
        ("nordjylland", "70 15 03 00", "Lægevagten"),
    ],
)
def test_the_helpline_follows_the_clinics_region(
    tmp_path: Path, content: Content, region: str, number: str, name: str
) -> None:
    profile = tmp_path / "clinic.yaml"
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    profile.write_text(source.replace("region: hovedstaden", f"region: {region}"), "utf-8")
    other = with_clinic(content, profile, tmp_path)
    values = other.placeholders("da")
    assert (values["helpline"], values["helpline_name"]) == (number, name)


@pytest.mark.parametrize(
    ("word", "text", "found"),
    [
        ("tisse", "Du kan ikke tisse.", True),
        ("tisse", "Du tisser ofte.", True),
        ("pee", "Peeing hurts.", True),
        ("bryst", "brystryggen", True),  # a keyword matches the start of a word
        ("stød", "forstødt", False),  # but not inside one
    ],
)
def test_keywords_match_the_start_of_a_word(word: str, text: str, found: bool) -> None:
    assert bool(keyword_pattern(word).search(text)) is found


def test_a_clinic_in_syddanmark_never_shows_1813(tmp_path: Path) -> None:
    """Site and leaflets of a clinic in Syddanmark give Lægevagten 70 11 07 07, and no 1813."""
    project = copy_project(tmp_path)
    edit(project, "clinic.yaml", "region: hovedstaden", "region: syddanmark")
    result = build(project)
    assert result.returncode == 0, result.log
    pages = [p.read_text(encoding="utf-8") for p in result.site.rglob("*.html")]
    leaflets = [pdf_text(p) for p in sorted((result.site / "downloads").glob("*.pdf"))]
    assert len(leaflets) == 4  # the tri-folds and the large-print booklets
    assert not [p for p in pages if "1813" in p]
    assert not [t for t in leaflets if "1813" in t]
    warning_pages = [
        result.site / "warning-signs/index.html",
        result.site / "en/warning-signs/index.html",
    ]
    for page in warning_pages:
        html = page.read_text(encoding="utf-8")
        assert 'href="tel:70110707"' in html and "70 11 07 07" in html
    assert all("70110707" in t for t in leaflets)  # white space removed
    sheet = (result.site / "my-programme/index.html").read_text(encoding="utf-8")
    assert "70 11 07 07" in sheet and "Lægevagten" in sheet


@pytest.mark.parametrize(
    "ex_id", sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.yaml"))
)
def test_every_exercise_page_says_when_to_stop_and_call(
    built: Build, content: Content, ex_id: str
) -> None:
    """In its stop box: 112 for chest pain, stroke signs on neck exercises, the warning signs."""
    exercise = content.exercises[ex_id]
    for prefix in ("", "en/"):
        html = (built.site / prefix / "exercises" / ex_id / "index.html").read_text("utf-8")
        box = html[html.index('<div class="ps-stop" id="stop">') :]
        box = box[: box.index("</div>")]
        assert 'href="../../warning-signs/"' in box
        assert box.count('href="tel:112"') >= 2  # heart and cauda equina
        lang = "en" if prefix else "da"
        brainstem = next(r for r in content.exercise_library.stop_and_call.rules if r.regions)
        shown = brainstem.text.get(lang).replace("{emergency}", "112") in box
        assert shown == ("neck" in exercise.regions)


def test_the_diary_says_when_to_stop_and_call(built: Build) -> None:
    html = (built.site / "diary" / "index.html").read_text("utf-8")
    box = html[html.index('<div class="ps-stop" id="stop">') :]
    assert box.count('href="tel:112"') == 4
    assert 'href="../warning-signs/"' in box


def test_two_cards_at_one_level_are_refused(project: Path, languages: tuple[Language, ...]) -> None:
    edit(
        project, "programmes/back/warning_signs.yaml", "    urgency: urgent", "    urgency: routine"
    )
    where = position(
        project, "programmes/back/warning_signs.yaml", "urgency: routine", "urgency", occurrence=1
    )
    assert (
        f"{BACK}/warning_signs.yaml:{where}: levels[2].urgency: a second card at level "
        "'routine' (also levels[1]); put its signs on that card"
    ) in problems(project, languages)


def test_a_more_urgent_card_after_a_less_urgent_one_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    path = project / "content" / "programmes" / "back" / "warning_signs.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    urgency: emergency\n", "@@\n").replace(
        "    urgency: urgent\n", "    urgency: emergency\n"
    )
    path.write_text(text.replace("@@\n", "    urgency: urgent\n"), encoding="utf-8")
    where = position(project, "programmes/back/warning_signs.yaml", "urgency: emergency", "urgency")
    assert (
        f"{BACK}/warning_signs.yaml:{where}: levels[1].urgency: level 'emergency' comes after "
        "a less urgent card; most urgent first"
    ) in problems(project, languages)


def test_the_catalogue_keeps_none_for_signs_that_are_no_red_flag(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(project, "red_flags.yaml", "  - id: thoracic-band", "  - id: none")
    where = position(project, "red_flags.yaml", "  - id: none", "id")
    assert (
        f"content/red_flags.yaml:{where}: red_flags[15].id: 'none' is kept for signs that are "
        "no red flag"
    ) in problems(project, languages)


def test_a_red_flag_names_only_known_body_regions(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(
        project,
        "red_flags.yaml",
        '    regions: [thoracic]\n    keywords:\n      da: ["bælte"]',
        '    regions: [chest]\n    keywords:\n      da: ["bælte"]',
    )
    where = position(project, "red_flags.yaml", "regions: [chest]", "regions")
    line, column = where.split(":")
    assert (
        f"content/red_flags.yaml:{line}:{int(column) + len('regions: [')}: "
        "red_flags[15].regions[0]: unknown body region 'chest' (expected one of: neck, "
        "thoracic, back, low-back)"
    ) in problems(project, languages)


def test_the_chest_cannot_name_a_place_of_pain_in_english(
    project: Path, languages: tuple[Language, ...]
) -> None:
    edit(
        project,
        "programmes/back/programme.yaml",
        "your upper back (between the shoulder blades)",
        "your chest",
    )
    where = position(project, "programmes/back/programme.yaml", "your chest", "en")
    assert problems(project, languages) == [
        f"{BACK}/programme.yaml:{where}: target_group.criteria[1].en: 'chest' can be read "
        'as a place of pain that it is not (Pain "i brystet" (in the chest) can be the '
        "heart); write 'upper back (between the shoulder blades)' instead"
    ]
