"""The browser's QR encoder (docs/assets/javascripts/qr.js) makes codes a real decoder reads."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image

from patientsite.qr import qr_tables
from tests.conftest import ROOT

QR_JS = ROOT / "docs" / "assets" / "javascripts" / "qr.js"
RUNNER = """
const qr = require(process.argv[1]);
const [tables, cases] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(([text, mask]) => {
  const code = qr.encode(text, tables, mask === null ? undefined : mask);
  return {version: code.version, mask: code.mask,
          rows: code.modules.map(row => row.map(dark => dark ? "1" : "0").join(""))};
});
process.stdout.write(JSON.stringify(out));
"""
URL = (
    "https://ryg.eksempelklinik.dk/en/my-programme/?e=bird-dog.2.8.3&e=bridge.3.10.3"
    "&e=side-plank.3.20.3&e=cat-camel.2.10.7&e=dead-bug.2.8.3&e=knee-rolls.2.8.7"
)
CASES = [
    ("a", None),
    ("Ryg og nakke: æøå", None),
    (URL, None),
    ("x" * 300, None),
    ("y" * 600, None),
]
CASES += [(f"https://example.test/my-programme/?e=bridge.3.10.{mask}", mask) for mask in range(8)]


def encode(cases: list[tuple[str, int | None]]) -> list[dict[str, object]]:
    """Run qr.js under Node for each (text, mask)."""
    result = subprocess.run(
        ["node", "-e", RUNNER, str(QR_JS)],
        input=json.dumps([qr_tables(), cases]),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(result.stdout))


def image(rows: list[str], scale: int = 4, quiet: int = 4) -> Image.Image:
    """The modules as a black-on-white picture with a quiet zone."""
    size = (len(rows) + 2 * quiet) * scale
    picture = Image.new("L", (size, size), 255)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark == "1":
                box = ((c + quiet) * scale, (r + quiet) * scale)
                picture.paste(0, (*box, box[0] + scale, box[1] + scale))
    return picture


@pytest.fixture(scope="module")
def encoded() -> list[dict[str, object]]:
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the browser's QR encoder")
    return encode(CASES)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{t[:24]}|mask={m}" for t, m in CASES])
def test_a_decoder_reads_back_the_text(encoded: list[dict[str, object]], index: int) -> None:
    text, mask = CASES[index]
    code = encoded[index]
    if mask is not None:
        assert code["mask"] == mask
    found = zxingcpp.read_barcodes(image(code["rows"]))  # type: ignore[arg-type]
    assert [barcode.text for barcode in found] == [text]


def test_long_texts_use_larger_versions(encoded: list[dict[str, object]]) -> None:
    versions = [code["version"] for code in encoded[:5]]
    assert versions == sorted(versions) and versions[0] == 1 and versions[-1] >= 7
