"""Pictures as pixels: SVG files laid out by WeasyPrint, one per PDF page, read back by pdftoppm.

WeasyPrint draws the SVG the way it draws the review sheet and the leaflets; pdftoppm
(poppler-utils) turns each page into a PNG at 96 dots per inch, one CSS pixel per pixel,
so a picture is compared at the size a page shows it.
"""

from __future__ import annotations

import base64
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

PAGE = (
    "<!DOCTYPE html><style>@page {{ margin: 0; size: {w}px {h}px }} body {{ margin: 0 }}"
    " img {{ display: block; width: {w}px; height: {h}px }}</style><img src='{uri}'>"
)


def rasterise(svgs: list[tuple[bytes, tuple[int, int]]]) -> list[Image.Image]:
    """Each SVG at its size in CSS pixels, as an RGB image of that many pixels."""
    from weasyprint import HTML, Document

    documents: list[Document] = []
    for data, (w, h) in svgs:
        uri = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        documents.append(HTML(string=PAGE.format(w=w, h=h, uri=uri)).render())
    pages = [page for document in documents for page in document.pages]
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "pictures.pdf"
        documents[0].copy(pages).write_pdf(pdf)
        subprocess.run(["pdftoppm", "-r", "96", "-png", pdf, Path(folder) / "p"], check=True)
        files = sorted(Path(folder).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        return [Image.open(f).convert("RGB") for f in files]


def changed_share(a: Image.Image, b: Image.Image, level: int = 64) -> float:
    """The share of the body's pixels (inked in either picture) that differ between them.

    A pixel differs when one of its colour channels differs by more than level (of 255), so
    the soft edges that anti-aliasing gives an outline do not count. The red marks (the
    arrow, the stopwatch) are left out: they are in one picture only, and the pictures must
    differ without them.
    """
    assert a.size == b.size, (a.size, b.size)
    inked = changed = 0
    for p, q in zip(a.get_flattened_data(), b.get_flattened_data(), strict=True):
        if _red(p) or _red(q):
            continue
        if min(p) < 250 or min(q) < 250:
            inked += 1
            if max(abs(x - y) for x, y in zip(p, q, strict=True)) > level:
                changed += 1
    return changed / inked if inked else 0.0


def _red(p: tuple[int, int, int]) -> bool:
    """Part of the red marks (#b3261e), or of their anti-aliased edge."""
    return p[0] - p[1] > 40 and p[0] - p[2] > 40
