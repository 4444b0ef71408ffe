"""The printable leaflet: two A4 landscape pages, complete, embedded fonts, reproducible."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from patientsite.leaflet import (
    LeafletError,
    build_booklet,
    build_leaflet,
    qr_data_uri,
    render_html,
    web_address,
)
from patientsite.loader import Content, load_content, with_clinic
from patientsite.model import Language
from patientsite.problems import ContentError
from tests.conftest import ROOT, Build

TEMPLATES = ROOT / "overrides" / "leaflet"
A4_LANDSCAPE = (841.89, 595.28)

SELF_CARE = "content/programmes/back/self_care.yaml"


def pdf_text(path: Path) -> str:
    """All text of a PDF with white space removed, so line breaks do not matter."""
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module", params=["da", "en"])
def leaflet(request: pytest.FixtureRequest, built: Build) -> tuple[str, Path]:
    """A language and its leaflet as written by the site build."""
    lang = str(request.param)
    return lang, built.site / "downloads" / f"leaflet-{lang}.pdf"


@pytest.fixture(
    scope="module",
    params=[("leaflet", "da"), ("leaflet", "en"), ("large-print", "da"), ("large-print", "en")],
    ids=lambda param: "-".join(param),
)
def printed(request: pytest.FixtureRequest, built: Build) -> tuple[str, Path]:
    """A language and one of its printed files (tri-fold or booklet) as the site build wrote it."""
    kind, lang = request.param
    return lang, built.site / "downloads" / f"{kind}-{lang}.pdf"


def test_two_a4_landscape_pages(leaflet: tuple[str, Path]) -> None:
    reader = PdfReader(leaflet[1])
    assert len(reader.pages) == 2
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_LANDSCAPE, abs=0.5)


def test_every_warning_card_and_the_clinic_phone_are_printed(
    printed: tuple[str, Path], content: Content
) -> None:
    """Each card whole, word for word as on the web: heading, who, signs, action, when."""
    lang, path = printed
    text = pdf_text(path)
    values = content.placeholders(lang)
    missing = []
    for level in content.programmes["back"].warning_signs.levels:
        texts = {
            f"{level.id}.{name}": getattr(level, name)
            for name in ("heading", "who", "action", "when")
        }
        texts.update({f"{level.id}.{sign.id}": sign.text for sign in level.signs})
        for where, value in texts.items():
            wanted = value.get(lang)
            for name, replacement in values.items():
                wanted = wanted.replace(f"{{{name}}}", replacement)
            if squash(wanted) not in text:
                missing.append(where)
    assert missing == []
    assert squash(content.clinic.phone) in text


def test_fonts_are_embedded_and_come_from_the_project(leaflet: tuple[str, Path]) -> None:
    fonts = {}
    for page in PdfReader(leaflet[1]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values()), fonts
    assert all("Atkinson-Hyperlegible" in name for name in fonts), fonts


def test_tagged_pdf_with_title_and_language(leaflet: tuple[str, Path], content: Content) -> None:
    lang, path = leaflet
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root
    assert reader.metadata is not None
    assert (
        reader.metadata.title
        == f"{content.programmes['back'].programme.name.get(lang)} – {content.clinic.name}"
    )


def test_the_qr_code_and_printed_address_lead_to_the_same_language(
    content: Content, leaflet: tuple[str, Path]
) -> None:
    lang, _ = leaflet
    expected = {"da": "https://example.test/", "en": "https://example.test/en/"}[lang]
    assert web_address("https://example.test/", content, lang) == expected
    html = render_html(content, lang, TEMPLATES, "https://example.test/")
    assert f'src="{qr_data_uri(expected)}"' in html
    assert f'<p class="url">{expected}</p>' in html


def test_two_builds_give_identical_bytes(content: Content) -> None:
    first = build_leaflet(content, "en", TEMPLATES, "https://example.test/")
    second = build_leaflet(content, "en", TEMPLATES, "https://example.test/")
    assert first.pdf == second.pdf


def set_step(content_dir: Path, text: str) -> None:
    """Replace the Danish second step of how to start (printed on the flap)."""
    path = content_dir / "programmes/back/programme.yaml"
    source = path.read_text(encoding="utf-8")
    start = source.index("da: ", source.index("- da: ", source.index("getting_started:")) + 6)
    end = source.index("\n", start)
    path.write_text(source[: start + 4] + f'"{text}"' + source[end:], encoding="utf-8")


def mark_for_print(content_dir: Path, ids: list[str]) -> list[int]:
    """Mark self-care items for the tri-fold; the line of every `print: true` of the file."""
    path = content_dir / "programmes/back/self_care.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for item in ids:
        at = lines.index(f"  - id: {item}\n")
        lines.insert(at + 1, "    print: true\n")
    path.write_text("".join(lines), encoding="utf-8")
    return [n for n, line in enumerate(lines, 1) if line.strip().startswith("print: true")]


def test_text_that_does_not_fit_names_the_panel_and_the_texts_marked_to_print(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    marked = ["avoid-what-hurts", "rest-briefly", "heat-or-cold", "exercise-and-stretching"]
    lines = mark_for_print(tmp_path / "content", marked)
    content = load_content(tmp_path / "content", languages, tmp_path)
    with pytest.raises(LeafletError) as caught:
        build_leaflet(content, "da", TEMPLATES, "https://example.test/")
    message = re.sub(r"is \d+\.\d mm too long", "is N mm too long", str(caught.value))
    assert message == (
        "leaflet (da): panel 'outside-middle' (outside, middle (the back)) is N mm too long; "
        "shorten its text or unmark one of the texts printed on it:\n"
        + "\n".join(
            f"  content/programmes/back/self_care.yaml:{line}:5: items[{n}].print: marked to print"
            for n, line in enumerate(lines)
        )
    )


def test_a_panel_too_long_without_marked_texts_says_so(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    set_cover_title(tmp_path / "content", "Træning " * 40)
    content = load_content(tmp_path / "content", languages, tmp_path)
    with pytest.raises(LeafletError) as caught:
        build_leaflet(content, "da", TEMPLATES, "https://example.test/")
    message = str(caught.value)
    assert re.fullmatch(
        r"leaflet \(da\): panel 'outside-right' \(outside, right \(the cover\)\) is \d+\.\d mm "
        r"too long; shorten its text \(no text on it is marked print: true\)",
        message,
    ), message


def set_cover_title(content_dir: Path, text: str) -> None:
    """Replace the programme's Danish name (the cover's title)."""
    path = content_dir / "programmes/back/programme.yaml"
    source = path.read_text(encoding="utf-8")
    start = source.index("da: ", source.index("\nname:"))
    end = source.index("\n", start)
    path.write_text(source[: start + 4] + f'"{text.strip()}"' + source[end:], encoding="utf-8")


TOO_LONG = "Bevæg dig lidt hver dag. " * 60
UNBREAKABLE = "x" * 300  # no space and no hyphenation point, like a long address


def test_a_word_wider_than_its_panel_is_named(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    set_step(tmp_path / "content", UNBREAKABLE)  # one line, as wide as it is
    content = load_content(tmp_path / "content", languages, tmp_path)
    with pytest.raises(LeafletError) as caught:
        build_leaflet(content, "da", TEMPLATES, "https://example.test/")
    message = str(caught.value)
    assert re.fullmatch(
        r"leaflet \(da\): panel 'outside-left' \(outside, left \(the flap that folds in\)\): "
        r"a word is \d+\.\d mm wider "
        r"than the panel \('x{40}…'\); shorten it or add a hyphen",
        message,
    ), message


def test_a_long_word_breaks_at_a_hyphenation_point(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    word = "Rygtræningsinstruktørcertificeringsforløbsdeltagerforsikringsordningerne"
    set_step(tmp_path / "content", f"Husk {word}.")
    content = load_content(tmp_path / "content", languages, tmp_path)
    assert build_leaflet(content, "da", TEMPLATES, "https://example.test/").pages == 2


def test_a_marked_text_is_printed_in_its_print_version(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    path = tmp_path / "content" / "programmes" / "back" / "education.yaml"
    source = path.read_text(encoding="utf-8")
    anchor = "  - id: alarm-system\n"
    short = (
        "    print: true\n"
        '    print_text: {da: "Smerte er kroppens alarm.", en: "Pain is the body\'s alarm."}\n'
    )
    path.write_text(source.replace(anchor, anchor + short), encoding="utf-8")
    content = load_content(tmp_path / "content", languages, tmp_path)
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(build_leaflet(content, "da", TEMPLATES, "https://example.test/").pdf)
    text = pdf_text(out)
    topic = content.programmes["back"].education.topics[1]
    assert squash("Smerte er kroppens alarm.") in text
    assert squash(topic.title.get("da")) in text
    assert squash(topic.text.get("da")) not in text


def test_a_print_version_must_keep_the_placeholders_and_numbers(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    path = tmp_path / "content" / "programmes" / "back" / "self_care.yaml"
    source = path.read_text(encoding="utf-8")
    anchor = "  - id: keep-active\n"
    short = '    print_text: {da: "Hold dig i gang {weeks} uger.", en: "Keep going."}\n'
    path.write_text(source.replace(anchor, anchor + short), encoding="utf-8")
    line = source[: source.index(anchor)].count("\n") + 2
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "content", languages, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{SELF_CARE}:{line}:18: items[0].print_text.da: the print version has other "
        "placeholders than text (got {weeks}, expected none)"
    ]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_content_fits_its_panels(content: Content, lang: str) -> None:
    assert build_leaflet(content, lang, TEMPLATES, "https://example.test/").pages == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'phone: "+45 12 34 56 78"\n',
            "",
            "clinic.yaml:{root}:1: phone: missing required field",
        ),
        (
            'email: "kontakt@eksempelklinik.dk"',
            'email: "kontakt.eksempelklinik.dk"',
            "clinic.yaml:{line}:1: email: unexpected format (got 'kontakt.eksempelklinik.dk', "
            "expected an e-mail address like info@example.dk)",
        ),
        (
            "logo: null",
            "logo: logo.png",
            "clinic.yaml:{line}:1: logo: no file 'logo.png' (looked for {folder}/logo.png)",
        ),
    ],
    ids=["missing-phone", "invalid-email", "missing-logo"],
)
def test_a_bad_clinic_profile_is_refused(
    tmp_path: Path, content: Content, old: str, new: str, expected: str
) -> None:
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    line = source[: source.index(old)].count("\n") + 1
    root = next(n for n, text in enumerate(source.splitlines(), 1) if not text.startswith("#"))
    profile = tmp_path / "clinic.yaml"
    profile.write_text(source.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        with_clinic(content, profile, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        expected.format(line=line, root=root, folder=tmp_path.as_posix())
    ]


def test_another_clinic_gets_its_own_name_and_phone(tmp_path: Path, content: Content) -> None:
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    profile = tmp_path / "clinic.yaml"
    profile.write_text(
        source.replace('name: "Eksempelklinikken"', 'name: "Ryggens Hus"').replace(
            "+45 12 34 56 78", "+45 87 65 43 21"
        ),
        encoding="utf-8",
    )
    other = with_clinic(content, profile, tmp_path)
    leaflet = build_leaflet(other, "da", TEMPLATES, "https://example.test/")
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(leaflet.pdf)
    text = pdf_text(out)
    assert "RyggensHus" in text and "+4587654321" in text
    assert "Eksempelklinikken" not in text


def test_each_language_links_to_its_own_leaflet(built: Build) -> None:
    danish = (built.site / "index.html").read_text(encoding="utf-8")
    english = (built.site / "en" / "programme" / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/leaflet-da.pdf"' in danish
    assert 'href="../../downloads/leaflet-en.pdf"' in english
    assert 'href="downloads/large-print-da.pdf"' in danish
    assert 'href="../../downloads/large-print-en.pdf"' in english


@pytest.mark.parametrize(
    ("page", "lang", "unit"),
    [("index.html", "da", "sider"), ("en/programme/index.html", "en", "pages")],
)
def test_the_download_links_show_the_size_and_pages_of_the_built_files(
    built: Build, page: str, lang: str, unit: str
) -> None:
    html = (built.site / page).read_text(encoding="utf-8")
    for kind in ("leaflet", "large-print"):
        pdf = built.site / "downloads" / f"{kind}-{lang}.pdf"
        kilobytes = max(1, round(pdf.stat().st_size / 1000))
        pages = len(PdfReader(pdf).pages)
        link = re.search(rf'href="[./]*downloads/{kind}-{lang}.pdf"[^>]*>[^<]*</a>([^<]*)<', html)
        assert link is not None
        assert link.group(1) == f" (PDF, {kilobytes} kB, {pages} {unit})"


def run_leaflet_command(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m patientsite leaflet ...` from the project folder, as `make leaflet` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "patientsite", "leaflet", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_leaflet_command_writes_both_languages(tmp_path: Path) -> None:
    result = run_leaflet_command("--clinic", "content/clinic.yaml", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "large-print-da.pdf",
        "large-print-en.pdf",
        "leaflet-da.pdf",
        "leaflet-en.pdf",
    ]


def test_the_leaflet_command_reports_a_bad_profile_without_a_traceback(tmp_path: Path) -> None:
    profile = tmp_path / "clinic.yaml"
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    profile.write_text(source.replace("kontakt@eksempelklinik.dk", "kontakt"), encoding="utf-8")
    result = run_leaflet_command("--clinic", str(profile), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "email: unexpected format (got 'kontakt'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_leaflet_command_reports_a_folder_it_cannot_write_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    out = tmp_path / "not-a-folder" / "print"
    result = run_leaflet_command("--clinic", "content/clinic.yaml", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr == f"cannot write {out}: Not a directory\n"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_clinic_with_a_logo_still_fits(tmp_path: Path, content: Content, lang: str) -> None:
    from PIL import Image

    Image.new("RGB", (400, 200), (20, 90, 90)).save(tmp_path / "logo.png")
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    profile = tmp_path / "clinic.yaml"
    profile.write_text(source.replace("logo: null", "logo: logo.png"), encoding="utf-8")
    other = with_clinic(content, profile, tmp_path)
    assert build_leaflet(other, lang, TEMPLATES, "https://example.test/").pages == 2


# --- the large-print booklet --------------------------------------------------------------

A4_PORTRAIT = (595.28, 841.89)


@pytest.fixture(scope="module", params=["da", "en"])
def booklet(request: pytest.FixtureRequest, built: Build) -> tuple[str, Path]:
    """A language and its large-print booklet as written by the site build."""
    lang = str(request.param)
    return lang, built.site / "downloads" / f"large-print-{lang}.pdf"


def test_the_booklet_is_a4_portrait_with_page_numbers(booklet: tuple[str, Path]) -> None:
    reader = PdfReader(booklet[1])
    assert len(reader.pages) >= 6
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_PORTRAIT, abs=0.5)
    total = len(reader.pages)
    assert f"2/{total}" in squash(reader.pages[1].extract_text())
    assert f"{total}/{total}" in squash(reader.pages[-1].extract_text())


def test_the_booklet_has_a_bookmark_per_chapter(
    booklet: tuple[str, Path], content: Content
) -> None:
    lang, path = booklet
    titles = [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
    wanted = [
        content.programmes["back"].warning_signs.title.get(lang),
        content.programmes["back"].condition.title.get(lang),
        content.programmes["back"].programme.name.get(lang),
        content.programmes["back"].self_care.title.get(lang),
        content.clinic.name,
    ]
    assert [title for title in titles if title in wanted][-len(wanted) :] == wanted


def test_the_booklet_is_tagged_with_title_and_language(
    booklet: tuple[str, Path], content: Content
) -> None:
    lang, path = booklet
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title.startswith(content.programmes["back"].programme.name.get(lang))


def test_the_booklet_is_the_same_from_one_build_to_the_next(content: Content) -> None:
    first = build_booklet(content, "da", TEMPLATES, "https://example.test/")
    second = build_booklet(content, "da", TEMPLATES, "https://example.test/")
    assert first.pdf == second.pdf


def test_the_booklet_embeds_only_its_own_font(booklet: tuple[str, Path]) -> None:
    fonts = set()
    for page in PdfReader(booklet[1]).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("Atkinson-Hyperlegible") for name in fonts), fonts


def test_the_booklet_has_a_box_for_the_first_appointment(
    booklet: tuple[str, Path], content: Content
) -> None:
    lang, path = booklet
    text = pdf_text(path)
    labels = content.site.labels
    for wanted in (
        labels.first_appointment,
        labels.time_of_day,
        content.exercise_library.diary.date,
    ):
        assert squash(wanted.get(lang)) in text
