"""The programme sheet reads its address defensively: odd, repeated, too many, too long."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, Route

from patientsite.loader import Content
from tests.browser.conftest import PAGES, Served

SHEET_PATH = next(p.path for p in PAGES if p.template == "sheet")
MOST_EXERCISES = 20  # the cap in programme.js
# As if the site were published in a folder with a very long name: no QR code holds its address.
LONG_FOLDER = "a-folder-with-a-very-long-name/" * 40


@dataclass
class Sheet:
    """The programme sheet of one language in a phone-sized tab, and the errors it raised."""

    page: Page
    errors: list[str] = field(default_factory=list)

    def shown(self) -> list[str]:
        """Ids of the exercises on the sheet, in order."""
        return self.page.eval_on_selector_all(
            ".ps-sheet__item:not([hidden])", "items => items.map(i => i.dataset.id)"
        )

    def number(self, ex_id: str, name: str) -> str:
        return self.page.input_value(f".ps-sheet__item[data-id={ex_id}] input[name={name}]")

    def address(self) -> str:
        return str(self.page.evaluate("window.location.href"))

    def entries(self) -> list[str]:
        """The `e` entries of the address the page shows now."""
        return list(self.page.evaluate("new URLSearchParams(window.location.search).getAll('e')"))


Opener = Callable[..., Sheet]


@pytest.fixture(params=["da", "en"])
def open_sheet(
    request: pytest.FixtureRequest, browser: Browser, served: Served
) -> Iterator[Opener]:
    """Opens the sheet of one language with the given `e` entries, collecting page errors."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    prefix = "" if request.param == served.default else f"{request.param}/"

    def forward(route: Route) -> None:
        route.continue_(url=route.request.url.replace(LONG_FOLDER, "", 1))

    def open_(entries: list[str], folder: str = "") -> Sheet:
        if folder:
            context.route(f"{served.base_url}{folder}**", forward)
        sheet = Sheet(context.new_page())
        sheet.page.on("pageerror", lambda error: sheet.errors.append(str(error)))
        query = urlencode([("e", e) for e in entries])
        sheet.page.goto(f"{served.base_url}{folder}{prefix}{SHEET_PATH}?{query}")
        return sheet

    yield open_
    context.close()


@pytest.mark.parametrize(
    "odd",
    [
        ["toString", "hasOwnProperty.1.1.1", "valueOf.2.2.2"],
        ["__proto__", "constructor.3.10.3"],
        ["__proto__.3.10.3", "constructor", "isPrototypeOf", "__defineGetter__"],
    ],
    ids=["toString-hasOwnProperty-valueOf", "__proto__-constructor", "more-object-names"],
)
def test_object_property_names_are_skipped_and_the_known_exercise_shown(
    open_sheet: Opener, odd: list[str]
) -> None:
    sheet = open_sheet([odd[0], "bridge.4.10.3", *odd[1:]])
    assert sheet.errors == []
    assert sheet.shown() == ["bridge"]
    assert sheet.number("bridge", "sets") == "4"
    assert sheet.entries() == ["bridge.4.10.3"]
    assert sheet.page.is_visible("[data-ps-skipped]")
    assert sheet.page.is_visible("[data-ps-qr] svg")


def test_only_object_property_names_give_the_empty_sheet(open_sheet: Opener) -> None:
    sheet = open_sheet(["__proto__.3.10.3", "constructor.3.10.3", "toString"])
    assert sheet.errors == []
    assert sheet.shown() == []
    assert sheet.page.is_visible("[data-ps-empty]")
    assert sheet.page.is_visible("[data-ps-skipped]")
    assert not sheet.page.is_visible("[data-ps-share]")


def test_repeated_entries_are_merged_and_the_first_counts(open_sheet: Opener) -> None:
    sheet = open_sheet(["bridge.4.10.3"] * 300 + ["bird-dog.2.8.3", "bridge.1.1.1"])
    assert sheet.errors == []
    assert sheet.shown() == ["bridge", "bird-dog"]
    assert sheet.number("bridge", "sets") == "4"
    assert sheet.entries() == ["bridge.4.10.3", "bird-dog.2.8.3"]
    assert not sheet.page.is_visible("[data-ps-skipped]")
    assert sheet.page.is_visible("[data-ps-qr] svg")


def test_more_exercises_than_the_cap_show_the_first_ones(
    open_sheet: Opener, content: Content
) -> None:
    ids = sorted(content.exercises)
    assert len(ids) > MOST_EXERCISES, "the library is too small to test the cap"
    sheet = open_sheet([f"{ex_id}.2.5.3" for ex_id in ids])
    assert sheet.errors == []
    assert sheet.shown() == ids[:MOST_EXERCISES]
    assert len(sheet.entries()) == MOST_EXERCISES
    assert sheet.page.is_visible("[data-ps-skipped]")
    assert sheet.page.is_visible("[data-ps-qr] svg")


def test_numbers_are_kept_to_what_the_inputs_allow(open_sheet: Opener) -> None:
    sheet = open_sheet(["bridge.999.0.99999999999999999999", "side-plank.-3.1e3.x"])
    assert sheet.errors == []
    assert sheet.shown() == ["bridge", "side-plank"]
    bridge = [sheet.number("bridge", name) for name in ("sets", "amount", "times")]
    assert bridge == ["20", "1", "7"]
    defaults = [
        sheet.page.get_attribute(f".ps-sheet__item[data-id=side-plank] input[name={name}]", "value")
        for name in ("sets", "amount", "times")
    ]
    plank = [sheet.number("side-plank", name) for name in ("sets", "amount", "times")]
    assert plank == defaults
    assert sheet.entries() == ["bridge.20.1.7", "side-plank." + ".".join(plank)]


def test_an_address_too_long_for_a_qr_code_shows_a_message_instead(open_sheet: Opener) -> None:
    sheet = open_sheet(["bridge.3.10.3", "bird-dog.2.8.3"], folder=LONG_FOLDER)
    assert LONG_FOLDER in sheet.address()
    assert sheet.errors == []
    assert sheet.shown() == ["bridge", "bird-dog"]
    assert sheet.page.is_visible("[data-ps-qr-too-long]")
    assert not sheet.page.is_visible("[data-ps-qr]")
    assert sheet.page.get_attribute("[data-ps-link]", "href") == sheet.address()

    sheet.page.fill(".ps-sheet__item[data-id=bridge] input[name=sets]", "5")
    assert sheet.entries() == ["bridge.5.10.3", "bird-dog.2.8.3"]
    assert sheet.page.text_content("[data-ps-link]") == sheet.address()
    sheet.page.emulate_media(media="print")
    assert sheet.page.is_visible("[data-ps-qr-too-long]")
    assert sheet.page.is_visible(".ps-sheet__item[data-id=bird-dog]")
    assert sheet.errors == []
