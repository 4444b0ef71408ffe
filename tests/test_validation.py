"""Each kind of content mistake gives one exact message at its line and column; nothing is built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from patientsite.__main__ import main
from patientsite.loader import load_content
from patientsite.model import Language
from patientsite.problems import ContentError
from patientsite.yamlsource import read_yaml
from tests.conftest import ROOT, build, copy_project

BACK = "content/programmes/back"  # the programme the tests change
P = "programmes/back/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replace old by new in one content file; return the line where it starts."""
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {rel}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def at(project: Path, rel: str, line: int, key: str) -> str:
    """'line:column' of key (the first `key:` on that line of one content file)."""
    text = (project / "content" / rel).read_text(encoding="utf-8").splitlines()[line - 1]
    assert f"{key}:" in text, f"{key!r} not on line {line} of {rel}"
    return f"{line}:{text.index(f'{key}:') + 1}"


def problems(project: Path, languages: tuple[Language, ...]) -> list[str]:
    """Every problem load_content reports, as printed."""
    with pytest.raises(ContentError) as caught:
        load_content(project / "content", languages, project)
    return [str(p) for p in caught.value.problems]


def test_malformed_yaml(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(project, "programmes/back/symptoms.yaml", "items:", "items: [")
    assert problems(project, languages) == [
        f"{BACK}/symptoms.yaml:{at(project, P + 'symptoms.yaml', line + 1, '- id')}: "
        "malformed YAML: expected the node content, but found '-'"
    ]


def test_missing_language(project: Path, languages: tuple[Language, ...]) -> None:
    path = project / "content" / "exercises" / "bird-dog.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("steps:")
    english = text.index("en:", start)
    line = text[:english].count("\n") + 1
    end = text.index("\n", english)
    path.write_text(text[:english] + "en: ''" + text[end:], encoding="utf-8")
    item_line = text[: text.rindex("- ", 0, english)].count("\n") + 1
    assert item_line <= line
    assert problems(project, languages) == [
        f"content/exercises/bird-dog.yaml:{at(project, 'exercises/bird-dog.yaml', line, 'en')}: "
        "steps[0].en: missing text in English"
    ]


def test_unknown_field_suggests_the_right_one(
    project: Path, languages: tuple[Language, ...]
) -> None:
    line = edit(project, "programmes/back/self_care.yaml", "intro:", "intr:")
    # A missing field points at its parent: here the file's first field, after the schema line.
    assert (
        (project / "content" / "programmes" / "back" / "self_care.yaml")
        .read_text(encoding="utf-8")
        .startswith(
            "# yaml-language-server: $schema=../../../schemas/self_care.schema.json\nreview:"
        )
    )
    first = at(project, "programmes/back/self_care.yaml", 2, "review")
    assert problems(project, languages) == [
        f"content/programmes/back/self_care.yaml:{first}: intro: missing required field",
        f"{BACK}/self_care.yaml:{line}:1: intr: unknown field (did you mean 'intro'? "
        "expected one of: review, sources, title, intro, items)",
    ]


def test_wrong_type(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    assert problems(project, languages) == [
        f"{BACK}/programme.yaml:{line}:1: sessions_per_week: expected a whole number (got 'two')"
    ]


def test_duplicate_id(project: Path, languages: tuple[Language, ...]) -> None:
    text = (project / "content" / "programmes" / "back" / "symptoms.yaml").read_text(
        encoding="utf-8"
    )
    first = text.split("- id: ", 1)[1].split("\n", 1)[0]
    second = text.split("- id: ", 2)[2].split("\n", 1)[0]
    line = edit(project, "programmes/back/symptoms.yaml", f"- id: {second}", f"- id: {first}")
    assert problems(project, languages) == [
        f"{BACK}/symptoms.yaml:{at(project, P + 'symptoms.yaml', line, 'id')}: items[1].id: "
        f"duplicate id '{first}' (also at items[0])"
    ]


def test_id_differs_from_file_name(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(project, "exercises/bridge.yaml", "id: bridge", "id: bridges")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:1: id: id 'bridges' differs from the file name "
        "(expected 'bridge')",
    ]


def test_unknown_exercise_reference(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(project, "exercises/bridge.yaml", "easier: pelvic-tilt", "easier: pelvic-tlit")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:1: easier: unknown exercise 'pelvic-tlit' "
        "(no file content/exercises/pelvic-tlit.yaml)"
    ]


def test_html_in_text_is_refused(project: Path, languages: tuple[Language, ...]) -> None:
    path = project / "content" / "programmes" / "back" / "self_care.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("intro:")
    da = text.index("da: ", start)
    line = text[:da].count("\n") + 1
    path.write_text(
        text[: da + 4] + '"<script>alert(1)</script> Hej"' + text[text.index("\n", da) :],
        encoding="utf-8",
    )
    assert problems(project, languages) == [
        f"{BACK}/self_care.yaml:{at(project, P + 'self_care.yaml', line, 'da')}: intro.da: "
        "HTML is not allowed in texts "
        "(found '<s'); write plain text, with **strong** or *emphasis* at most"
    ]


def test_brackets_in_title_are_refused(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(
        project,
        "site.yaml",
        'title: {da: "Forside", en: "Home"}',
        'title: {da: "Forside", en: "Home > start"}',
    )
    assert problems(project, languages) == [
        f"content/site.yaml:{at(project, 'site.yaml', line, 'en')}: pages[0].title.en: "
        "titles cannot contain '<' or '>'"
    ]


def test_unknown_placeholder(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(project, "exercise_library.yaml", "Start med de lette.", "Start med {week}.")
    assert problems(project, languages) == [
        f"content/exercise_library.yaml:{at(project, 'exercise_library.yaml', line, 'da')}: "
        "intro.da: unknown placeholder '{week}' "
        "(expected one of: {clinic}, {clinic_phone}, {emergency}, "
        "{helpline}, {helpline_name}, {region})"
    ]


def test_a_programme_placeholder_in_a_shared_file_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    line = edit(project, "exercise_library.yaml", "Start med de lette.", "I {weeks} uger.")
    assert problems(project, languages) == [
        f"content/exercise_library.yaml:{at(project, 'exercise_library.yaml', line, 'da')}: "
        "intro.da: '{weeks}' is a programme's, and this file is shared by every programme; "
        "write the value in the programme's own files, or leave it out"
    ]


def test_number_in_prose_points_at_the_placeholder(
    project: Path, languages: tuple[Language, ...]
) -> None:
    line = edit(project, "exercise_library.yaml", "Start med de lette.", "Træn i 6-8 uger.")
    assert problems(project, languages) == [
        f"content/exercise_library.yaml:{at(project, 'exercise_library.yaml', line, 'da')}: "
        "intro.da: '6-8 uger' repeats a number that belongs in a structured field; "
        "use a placeholder such as {weeks} instead"
    ]


def test_service_number_in_prose(project: Path, languages: tuple[Language, ...]) -> None:
    line = edit(project, "exercise_library.yaml", "Start med de lette.", "Ring 112.")
    assert problems(project, languages) == [
        f"content/exercise_library.yaml:{at(project, 'exercise_library.yaml', line, 'da')}: "
        "intro.da: '112' is a phone number from site.yaml; use its placeholder instead"
    ]


def test_missing_file(project: Path, languages: tuple[Language, ...]) -> None:
    (project / "content" / "programmes" / "back" / "education.yaml").unlink()
    assert problems(project, languages) == [
        "content/programmes/back/education.yaml: file is missing"
    ]


def test_bad_clinic_email_and_phone(project: Path, languages: tuple[Language, ...]) -> None:
    phone = edit(project, "clinic.yaml", 'phone: "+45 12 34 56 78"', 'phone: "ring os"')
    email = edit(project, "clinic.yaml", 'email: "kontakt@eksempelklinik.dk"', 'email: "kontakt"')
    assert problems(project, languages) == [
        f"content/clinic.yaml:{phone}:1: phone: unexpected format (got 'ring os', "
        "expected a phone number of digits and spaces, like +45 12 34 56 78)",
        f"content/clinic.yaml:{email}:1: email: unexpected format (got 'kontakt', "
        "expected an e-mail address like info@example.dk)",
    ]


def test_every_problem_is_reported_at_once(project: Path, languages: tuple[Language, ...]) -> None:
    edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    edit(project, "exercises/bridge.yaml", "id: bridge", "id: bridges")
    edit(project, "programmes/back/self_care.yaml", "intro:", "intr:")
    files = [p.split(":")[0] for p in problems(project, languages)]
    assert files == [
        "content/exercises/bridge.yaml",
        "content/programmes/back/programme.yaml",
        "content/programmes/back/self_care.yaml",
        "content/programmes/back/self_care.yaml",
    ]


def test_a_content_error_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    line = edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    result = build(project)
    assert result.returncode == 1
    assert (
        f"{BACK}/programme.yaml:{line}:1: sessions_per_week: expected a whole number (got 'two')"
        in result.log
    )
    assert "1 content problem found; nothing was built." in result.log
    assert "Traceback" not in result.log
    assert not result.site.exists()
    assert not list((project / "docs").rglob("*.md"))


def test_positions_are_line_and_column_of_the_key(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "# a comment\nname:\n  da: Hej\nsteps:\n  - {da: a, en: b}\n  - da: c\n    da: d\n",
        encoding="utf-8",
    )
    doc, found = read_yaml(path, "x.yaml")
    assert doc is not None
    assert doc.position_of(("name", "da")) == (3, 3)
    assert doc.position_of(("steps", 0, "en")) == (5, 13)
    assert doc.position_of(("steps", 1)) == (6, 5)
    assert doc.position_of(("steps", 1, "not-there")) == (6, 5)
    assert [str(p) for p in found] == ["x.yaml:7:5: steps[1].da: duplicate key"]


def test_a_file_is_parsed_again_only_when_its_text_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from patientsite import yamlsource

    parsed: list[str] = []
    read_text = yamlsource._read_text

    def counting(text: str, display: str) -> yamlsource.Parsed:
        parsed.append(text)
        return read_text(text, display)

    monkeypatch.setattr(yamlsource, "_read_text", counting)
    path = tmp_path / "x.yaml"
    path.write_text("name: {da: Hej, en: Hi}\nname: again\n", encoding="utf-8")
    first, problems = read_yaml(path, "x.yaml")
    problems.clear()  # what a caller does with its list does not reach the next caller
    again, found = read_yaml(path, "x.yaml")
    assert again is first and len(parsed) == 1
    assert [str(p) for p in found] == ["x.yaml:2:1: name: duplicate key"]
    path.write_text("name: {da: Hej, en: Hello}\n", encoding="utf-8")
    edited, found = read_yaml(path, "x.yaml")
    assert edited is not None and edited.data == {"name": {"da": "Hej", "en": "Hello"}}
    assert found == [] and len(parsed) == 2


def test_check_command_prints_file_line_column(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit(
        project, "programmes/back/programme.yaml", "sessions_per_week: 2", "sessions_per_week: two"
    )
    status = main(["check", str(project / "content"), "--config", str(ROOT / "mkdocs.yml")])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert err[0].endswith(
        f"{BACK}/programme.yaml:{line}:1: sessions_per_week: expected a whole number (got 'two')"
    )
    assert err[-1] == "1 content problem found; nothing was built."
