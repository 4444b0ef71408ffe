"""The personal programme sheet, in a real browser: choose, adjust, reopen from the address."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page

from patientsite.loader import Content
from tests.browser.conftest import Served

CHOSEN = ["bird-dog", "bridge", "side-plank"]


@pytest.fixture(params=["da", "en"])
def page(request: pytest.FixtureRequest, browser: Browser, served: Served) -> Iterator[Page]:
    """A phone-sized page on the exercises index of one language."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    prefix = "" if request.param == served.default else f"{request.param}/"
    tab.goto(f"{served.base_url}{prefix}exercises/")
    yield tab
    context.close()


def address_of(page: Page) -> str:
    """The address the page shows now."""
    return str(page.evaluate("window.location.href"))


def shown_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".ps-sheet__item:not([hidden])", "items => items.map(i => i.dataset.id)"
    )


def test_three_chosen_exercises_make_a_sheet_that_reopens_from_its_address(page: Page) -> None:
    for ex_id in CHOSEN:
        page.check(f"input[name=select][value={ex_id}]")
    page.click("[data-ps-choose] a")
    page.wait_for_selector(".ps-sheet__item:not([hidden])")
    assert shown_ids(page) == CHOSEN

    page.fill(".ps-sheet__item[data-id=bridge] input[name=sets]", "4")
    page.fill(".ps-sheet__item[data-id=side-plank] input[name=amount]", "30")
    address = address_of(page)  # page.url follows history.replaceState only later
    assert "e=bridge.4.10." in address and "e=side-plank.3.30." in address

    page.goto(address)
    page.wait_for_selector(".ps-sheet__item:not([hidden])")
    assert shown_ids(page) == CHOSEN
    assert page.input_value(".ps-sheet__item[data-id=bridge] input[name=sets]") == "4"
    assert page.input_value(".ps-sheet__item[data-id=side-plank] input[name=amount]") == "30"
    assert page.is_visible(".ps-sheet__warning")


def test_the_qr_code_on_the_sheet_opens_the_same_selection(page: Page) -> None:
    for ex_id in CHOSEN:
        page.check(f"input[name=select][value={ex_id}]")
    page.click("[data-ps-choose] a")
    qr = page.wait_for_selector("[data-ps-qr] svg")
    assert qr is not None
    picture = Image.open(io.BytesIO(qr.screenshot())).convert("L")
    found = zxingcpp.read_barcodes(picture)
    assert [barcode.text for barcode in found] == [address_of(page)]
    assert page.get_attribute("[data-ps-link]", "href") == address_of(page)


def test_filters_narrow_the_list_and_count_what_is_shown(page: Page, content: Content) -> None:
    neck = sorted(e.id for e in content.exercises.values() if "neck" in e.regions)
    page.check("input[name=region][value=neck]")
    visible = page.eval_on_selector_all(
        ".ps-exercise-list__item:not([hidden])", "items => items.map(i => i.dataset.id)"
    )
    assert sorted(visible) == neck
    assert page.text_content("[data-ps-count]") == str(len(neck))
    page.uncheck("input[name=region][value=neck]")
    assert page.text_content("[data-ps-count]") == str(len(content.exercises))


def test_without_a_selection_the_sheet_says_what_to_do(browser: Browser, served: Served) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{served.base_url}my-programme/")
    assert tab.is_visible("[data-ps-empty]")
    assert shown_ids(tab) == []
    context.close()
