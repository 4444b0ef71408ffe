"""How much and how often: worded to be read aloud, not as a line of × and ·."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from patientsite.loader import Content
from patientsite.model import Dosage, Language
from patientsite.render import render_site, text_helpers
from tests.conftest import ROOT
from tests.test_exercises import project  # noqa: F401 (a fixture)
from tests.test_validation import at, edit, problems

TEMPLATES = ROOT / "overrides" / "content"


@pytest.fixture(scope="module")
def pages(content: Content) -> dict[str, str]:
    """Every generated page of the project's own content, by its file under docs/."""
    return render_site(content, TEMPLATES, content.site.review.reviewed_on)


def page_name(path: str, lang: str) -> str:
    """The generated file of a page path in one language."""
    return f"{path}index.md" if lang == "da" else f"{path}index.en.md"


def dosage_html(html: str) -> str:
    """The first dosage on a page, as written."""
    found = re.search(r'<span class="ps-dosage">(.*?)</span>', html, re.S)
    assert found, "no dosage on the page"
    return found.group(1)


def dosage_text(html: str) -> str:
    """The first dosage on a page, as read (a non-breaking space read as a space)."""
    return dosage_html(html).replace("&nbsp;", " ")


@pytest.mark.parametrize(
    ("ex_id", "lang", "expected"),
    [
        ("bird-dog", "da", "2 gange 8 gentagelser på hver side, 3 dage om ugen"),
        ("bird-dog", "en", "2 sets of 8 repetitions on each side, 3 days a week"),
        ("bridge", "da", "3 gange 10 gentagelser, 3 dage om ugen"),
        ("bridge", "en", "3 sets of 10 repetitions, 3 days a week"),
        ("cat-camel", "da", "2 gange 10 gentagelser, 7 dage om ugen"),
        ("cat-camel", "en", "2 sets of 10 repetitions, 7 days a week"),
        ("front-plank", "da", "Hold stillingen i 20 sekunder. Gør det 3 gange, 3 dage om ugen"),
        ("front-plank", "en", "Hold the position for 20 seconds. Do this 3 times, 3 days a week"),
        (
            "side-plank",
            "da",
            "Hold stillingen i 20 sekunder. Gør det 3 gange på hver side, 3 dage om ugen",
        ),
        (
            "side-plank",
            "en",
            "Hold the position for 20 seconds. Do this 3 times on each side, 3 days a week",
        ),
        (
            "bird-dog-hold",
            "da",
            "2 gange 5 gentagelser på hver side, 3 dage om ugen. "
            "Hold stillingen i 10 sekunder hver gang",
        ),
        (
            "bird-dog-hold",
            "en",
            "2 sets of 5 repetitions on each side, 3 days a week. "
            "Hold the position for 10 seconds each time",
        ),
    ],
)
def test_an_exercise_page_says_the_dosage_as_it_is_read_aloud(
    pages: dict[str, str], ex_id: str, lang: str, expected: str
) -> None:
    assert dosage_text(pages[page_name(f"exercises/{ex_id}/", lang)]) == expected


@pytest.mark.parametrize(
    ("ex_id", "lang", "expected"),
    [
        ("bird-dog", "da", "2&nbsp;gange 8&nbsp;gentagelser på hver side, 3&nbsp;dage om ugen"),
        (
            "front-plank",
            "en",
            "Hold the position for 20&nbsp;seconds. Do this 3&nbsp;times, 3&nbsp;days a week",
        ),
    ],
)
def test_a_number_stays_on_the_line_of_its_word(
    pages: dict[str, str], ex_id: str, lang: str, expected: str
) -> None:
    assert dosage_html(pages[page_name(f"exercises/{ex_id}/", lang)]) == expected


@pytest.mark.parametrize(
    ("dosage", "lang", "expected"),
    [
        (
            Dosage(sets=1, reps=8, per_side=False, times_per_week=1),
            "da",
            "8 gentagelser, 1 dag om ugen",
        ),
        (
            Dosage(sets=1, reps=8, per_side=False, times_per_week=1),
            "en",
            "8 repetitions, 1 day a week",
        ),
        (
            Dosage(sets=1, hold_seconds=30, per_side=True, times_per_week=7),
            "da",
            "Hold stillingen i 30 sekunder på hver side, 7 dage om ugen",
        ),
        (
            Dosage(sets=1, hold_seconds=30, per_side=True, times_per_week=7),
            "en",
            "Hold the position for 30 seconds on each side, 7 days a week",
        ),
    ],
    ids=[
        "one-set-one-day-da",
        "one-set-one-day-en",
        "one-held-set-da",
        "one-held-set-en",
    ],
)
def test_one_set_and_one_day_are_said_without_a_plural(
    content: Content, dosage: Dosage, lang: str, expected: str
) -> None:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("_dosage.html").render(**text_helpers(content, lang), dosage=dosage)
    assert dosage_text(html) == expected


def sheet_dosage(html: str, ex_id: str) -> str:
    """The dosage of one exercise on the programme sheet, each input shown as [its value]."""
    item = html[html.index(f'data-id="{ex_id}"') :]
    found = re.search(r'<p class="ps-sheet__dosage">(.*?)</p>', item, re.S)
    assert found, f"no dosage for {ex_id} on the sheet"
    text = re.sub(r'<input [^>]*value="(\d+)">', r"[\1]", found.group(1))
    return " ".join(re.sub(r"</?label>", "", text).replace("&nbsp;", " ").split())


@pytest.mark.parametrize(
    ("ex_id", "lang", "expected"),
    [
        ("bird-dog", "da", "[2] gange [8] gentagelser på hver side, [3] dage om ugen"),
        ("bird-dog", "en", "[2] sets of [8] repetitions on each side, [3] days a week"),
        (
            "side-plank",
            "da",
            "Hold stillingen i [20] sekunder. Gør det [3] gange på hver side, [3] dage om ugen",
        ),
        (
            "side-plank",
            "en",
            "Hold the position for [20] seconds. Do this [3] times on each side, [3] days a week",
        ),
        (
            "bird-dog-hold",
            "da",
            "[2] gange [5] gentagelser på hver side, [3] dage om ugen. "
            "Hold stillingen i 10 sekunder hver gang",
        ),
    ],
)
def test_the_programme_sheet_says_the_dosage_around_its_inputs(
    pages: dict[str, str], ex_id: str, lang: str, expected: str
) -> None:
    assert sheet_dosage(pages[page_name("my-programme/", lang)], ex_id) == expected


def test_the_sheet_allows_at_most_seven_days_a_week(pages: dict[str, str]) -> None:
    days = re.findall(r'<input [^>]*max="(\d+)" name="times"', pages["my-programme/index.md"])
    assert days and set(days) == {"7"}


def test_more_than_seven_days_a_week_is_refused(
    project: Path,  # noqa: F811 (the fixture imported above)
    languages: tuple[Language, ...],
) -> None:
    rel = "exercises/bridge.yaml"
    line = edit(project, rel, "times_per_week: 3", "times_per_week: 8")
    assert problems(project, languages) == [
        f"content/{rel}:{at(project, rel, line, 'times_per_week')}: "
        "dosage.times_per_week: input should be less than or equal to 7 (got 8)"
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "mere end 30 dage. Det er over en måned."),
        ("en", "more than 30 days. That is over a month."),
    ],
)
def test_the_days_of_pain_are_also_said_in_months(
    pages: dict[str, str], lang: str, expected: str
) -> None:
    assert expected in pages[page_name("programme/", lang)]
