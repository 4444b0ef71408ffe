"""The printable tri-fold leaflet: HTML from a Jinja template, PDF from WeasyPrint.

Each panel has a fixed size. Text that does not fit is an error that names the
language, the panel and how much is too long; WeasyPrint alone would clip it or
add a third page.
"""

from __future__ import annotations

import base64
import io
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
import segno
from markupsafe import Markup, escape

from patientsite import bodymap, images, paths, printmarks, registry
from patientsite.builddate import source_date
from patientsite.loader import Content
from patientsite.publish import write_files
from patientsite.render import body_map_svg, declared, page_environment, text_helpers

PANELS = {
    "outside-left": "outside, left (the flap that folds in)",
    "outside-middle": "outside, middle (the back)",
    "outside-right": "outside, right (the cover)",
    "inside-left": "inside, left",
    "inside-middle": "inside, middle",
    "inside-right": "inside, right",
}
PAGES = 2

# Which panels a reader sees at the same time. Folded in three (a letter fold), the leaflet
# shows the cover; opening the cover shows the inside's left panel beside the outside of the
# flap; opening the flap shows the whole inside at once. The back is only seen by turning the
# leaflet over. A card may go on from one panel to another only where both are seen together.
SEEN_TOGETHER = (
    frozenset({"inside-left", "outside-left"}),
    frozenset({"inside-left", "inside-middle", "inside-right"}),
)
# The panels whose foot may say "continues →" (the inside flow's columns but the last).
CONTINUED = ("inside-left", "inside-middle")
PX_PER_MM = 96 / 25.4


class LeafletError(Exception):
    """A leaflet cannot be made as asked: its text does not fit, or its input is wrong."""


@dataclass(frozen=True)
class Leaflet:
    """One language's leaflet."""

    lang: str
    pdf: bytes
    pages: int


def font_folder() -> Path:
    """The folder of the leaflet's font files (a Python package)."""
    return Path(str(resources.files("fontpkg_atkinson_hyperlegible") / "files"))


def font_files() -> dict[str, str]:
    """File URLs of the leaflet's font (Atkinson Hyperlegible, SIL Open Font License)."""
    folder = font_folder()
    names = {
        "regular": "Regular",
        "bold": "Bold",
        "italic": "Italic",
        "bold_italic": "BoldItalic",
    }
    return {
        key: (folder / f"AtkinsonHyperlegible-{name}.ttf").as_uri() for key, name in names.items()
    }


def local_url(url: str, folders: tuple[Path, ...]) -> bool:
    """True for a data: URI or a file: URL of a file inside one of folders (links resolved)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in {"", "localhost"}:
        return False
    path = Path(url2pathname(parts.path)).resolve()
    return any(path.is_relative_to(folder.resolve()) for folder in folders)


def render_document(html: str, templates: Path) -> Any:
    """Lay out html with WeasyPrint, which may read only the templates, the font and data: URIs.

    Nothing is fetched from a network or from elsewhere on the disk; a refused or failed
    fetch stops the layout with a LeafletError that names the address.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    folders = (templates, font_folder())

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """WeasyPrint's fetcher, for the allowed folders and data: URIs only."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not local_url(url, folders):
                raise LeafletError(f"refused to load '{_short(url)}'")
            return super().fetch(url, headers)

    fetcher = LocalFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    try:
        return HTML(string=html, base_url=str(templates), url_fetcher=fetcher).render()
    except FatalURLFetchingError as error:
        cause = error.__cause__
        reason = str(cause) if isinstance(cause, LeafletError) else f"could not load: {cause}"
        raise LeafletError(
            f"leaflet: {reason} (it may use only files in {templates.as_posix()}, its font "
            "and data: URIs; nothing from a network)"
        ) from None


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."


def web_address(site_url: str, content: Content, lang: str, programme: str | None = None) -> str:
    """The address of the web version in one language (of a programme's pages, if given)."""
    home = paths.web_address(site_url, lang, content.languages[0].code)
    return home + paths.programme_prefix(programme, list(content.programmes))


def qr_data_uri(url: str) -> str:
    """A QR code for url as an SVG data URI."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", border=0, dark="#000")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def issue_date(content: Content, programme: str | None = None) -> date:
    """The leaflet's date: SOURCE_DATE_EPOCH if set, else the newest review of what it shows
    (without a programme: of every programme's leaflet)."""
    when = source_date()
    if when is not None:
        return when.date()
    shown = [content.programmes[programme]] if programme else content.programmes.values()
    reviews = [content.site.review]
    reviews += [r for p in shown for r in (p.programme.review, p.warning_signs.review)]
    return max(r.reviewed_on for r in reviews)


def print_environment(templates: Path) -> jinja2.Environment:
    """The Jinja environment of a printed document's templates (autoescaped, strict)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# What a printed document shows: every file of its programme and the shared ones it needs.
PRINT_USES = ("site", "clinic", "exercise_library", *(k.name for k in registry.PROGRAMME_FILES))


def render_html(
    content: Content,
    lang: str,
    templates: Path,
    site_url: str,
    mode: str = "print",
    template: str = "leaflet.html",
    programme: str | None = None,
    continues: tuple[str, ...] = CONTINUED,
) -> str:
    """The leaflet's (or with template="booklet.html", the booklet's) HTML in one language.

    programme: whose leaflet (default: the first programme); continues: the panels whose
    foot says that a card goes on in the next one."""
    programme = programme or next(iter(content.programmes))
    env = print_environment(templates)
    url = web_address(site_url, content, lang, programme)
    shown = content.programmes[programme]
    files = [shown.programme, shown.warning_signs, shown.condition, shown.self_care]
    reviewed = min(f.review.reviewed_on for f in files)
    helpers = text_helpers(content, lang, programme)
    context: dict[str, Any] = {
        **helpers,
        **declared(content, PRINT_USES, programme, helpers["fill"]),
        "t": _whole_numbers(helpers["t"], _phone_numbers(content)),
        "mode": mode,
        "continues": continues,
        "fonts": font_files(),
        "qr": qr_data_uri(url),
        "web_url": url,
        "logo": _logo_uri(content),
        "body_map": lambda: _body_map(shown.programme, templates.parent / "content"),
        "issued": issue_date(content, programme).isoformat(),
        "review": {"reviewed_on": reviewed},
    }
    return env.get_template(template).render(context)


def _phone_numbers(content: Content) -> list[str]:
    """The phone numbers a printed text may hold: the clinic's, the helpline's, the services'."""
    numbers = [content.clinic.phone, content.health_region().helpline.number]
    return [n for n in numbers + [s.number for s in content.site.services] if " " in n]


def _whole_numbers(t: Callable[[Any], Markup], numbers: list[str]) -> Callable[[Any], Markup]:
    """The text helper t, with no line break inside a phone number (no-break spaces)."""

    def whole(text: Any) -> Markup:
        out = str(t(text))
        for number in numbers:
            written = str(escape(number))
            out = out.replace(written, written.replace(" ", "\u00a0"))
        return Markup(out)  # t escaped it; only spaces inside phone numbers changed

    return whole


def build_leaflet(
    content: Content, lang: str, templates: Path, site_url: str, programme: str | None = None
) -> Leaflet:
    """Lay out and write one language's leaflet; raise LeafletError if any panel overflows."""
    programme = programme or next(iter(content.programmes))
    html = render_html(content, lang, templates, site_url, programme=programme)
    document = render_document(html, templates)  # WeasyPrint takes about a second to import
    layout = _measure(document)
    if (continued := layout.continued()) != layout.continues:  # a card ends at a column's foot
        html = render_html(
            content, lang, templates, site_url, programme=programme, continues=continued
        )
        document = render_document(html, templates)
        layout = _measure(document)
    full = [
        panel for panel, height in layout.heights.items() if height > layout.available[panel] - 0.5
    ]
    which = f"{programme}, {lang}" if content.several else lang
    problems = _too_wide_report(which, layout.too_wide) + _torn_report(which, layout)
    if len(document.pages) != PAGES or full or layout.overflow:
        too_long = measure_overflow(content, lang, templates, site_url, layout.available, programme)
        too_long.update({panel: round(px / PX_PER_MM, 1) for panel, px in layout.overflow.items()})
        problems.append(
            _overflow_report(content, programme, which, too_long, len(document.pages), layout)
        )
    if problems:
        raise LeafletError("\n".join(problems))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)
    return Leaflet(lang, pdf, len(document.pages))


def build_booklet(
    content: Content, lang: str, templates: Path, site_url: str, programme: str | None = None
) -> Leaflet:
    """Lay out one language's large-print booklet (A4 portrait, 16 pt and more)."""
    html = render_html(
        content, lang, templates, site_url, template="booklet.html", programme=programme
    )
    document = render_document(html, templates)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)
    return Leaflet(lang, pdf, len(document.pages))


def make_print(content: Content, templates: Path, site_url: str) -> dict[str, Leaflet]:
    """Every programme's leaflet and booklet in every language, by its path under the site root."""
    files: dict[str, Leaflet] = {}
    ids = list(content.programmes)
    for programme in ids:
        for lang in content.languages:
            path = paths.leaflet_path(programme, ids, lang.code)
            files[path] = build_leaflet(content, lang.code, templates, site_url, programme)
        for lang in content.languages:
            path = paths.booklet_path(programme, ids, lang.code)
            files[path] = build_booklet(content, lang.code, templates, site_url, programme)
    return files


def write_leaflets(
    content: Content,
    templates: Path,
    site_url: str,
    out: Path,
    made: dict[str, Leaflet] | None = None,
) -> list[Path]:
    """Make every programme's leaflet and booklet in every language (unless made is given),
    then move them all into out (none if one fails).

    Raises PublishError when out cannot be written (read-only, full disk).
    """
    made = made if made is not None else make_print(content, templates, site_url)
    return write_files(out, {Path(path).name: leaflet.pdf for path, leaflet in made.items()})


def measure_overflow(
    content: Content,
    lang: str,
    templates: Path,
    site_url: str,
    available: dict[str, float],
    programme: str | None = None,
) -> dict[str, float]:
    """Millimetres by which each panel's text is longer than its panel (only those too long).

    The panels are laid out once more on a very tall page, where nothing is cut off.
    """
    html = render_html(content, lang, templates, site_url, mode="measure", programme=programme)
    needed = _body_heights(render_document(html, templates))
    return {
        panel: round((needed[panel] - available[panel]) / PX_PER_MM, 1)
        for panel in PANELS
        if panel in needed and needed[panel] > available[panel]
    }


def _overflow_report(
    content: Content,
    programme: str,
    lang: str,
    too_long: dict[str, float],
    pages: int,
    layout: _Layout,
) -> str:
    lines = []
    for panel in PANELS:
        if panel not in too_long:
            continue
        folder = content.programmes[programme].folder  # the marked texts are a programme's
        marked = printmarks.places(folder, layout.marked.get(panel, []), content.root.parent)
        head = (
            f"leaflet ({lang}): panel '{panel}' ({PANELS[panel]}) is {too_long[panel]} mm too long"
        )
        if marked:
            lines.append(f"{head}; shorten its text or unmark one of the texts printed on it:")
            lines += [f"  {place}" for place in marked]
        else:
            lines.append(f"{head}; shorten its text (no text on it is marked print: true)")
    if not lines:
        lines = [f"leaflet ({lang}): the text does not fit: {pages} pages instead of {PAGES}"]
    return "\n".join(lines)


@dataclass
class _Layout:
    """What one walk through a laid-out leaflet finds, per panel."""

    available: dict[str, float] = field(default_factory=dict)  # CSS height less padding (px)
    heights: dict[str, float] = field(default_factory=dict)  # height its text takes up (px)
    too_wide: dict[tuple[str, str], float] = field(default_factory=dict)  # (panel, word): px
    overflow: dict[str, float] = field(default_factory=dict)  # text past a flow's last panel (px)
    marked: dict[str, list[str]] = field(default_factory=dict)  # data-print values per panel
    cards: dict[str, list[str]] = field(default_factory=dict)  # a card's panels, in text order
    continues: tuple[str, ...] = ()  # the panels whose foot says "continues →"

    def continued(self) -> tuple[str, ...]:
        """The panels a card goes on from, in the order of PANELS."""
        going_on = {panel for shown in self.cards.values() for panel in shown[:-1]}
        return tuple(panel for panel in PANELS if panel in going_on)

    def torn(self) -> dict[str, tuple[str, str]]:
        """Each card that goes on between two panels a reader never sees together."""
        return {
            card: (first, then)
            for card, shown in self.cards.items()
            for first, then in itertools.pairwise(shown)
            if not any({first, then} <= seen for seen in SEEN_TOGETHER)
        }


def _measure(document: Any) -> _Layout:
    """Each panel's room and text height, and every word that runs past its column, in one walk."""
    layout = _Layout()
    for page in document.pages:
        _walk(page._page_box, None, math.inf, layout)
    return layout


def _walk(box: Any, panel: str | None, edge: float, layout: _Layout) -> None:
    element = getattr(box, "element", None)
    if element is not None:
        if (name := element.get("data-panel")) and box.element_tag == "section":
            style = box.style
            if style["height"] != "auto":  # auto while measuring on a tall page
                inner = (
                    style["height"].value
                    - style["padding_top"].value
                    - style["padding_bottom"].value
                )
                layout.available.setdefault(name, inner)
            panel, edge = name, box.content_box_x() + box.width
        elif (names := element.get("data-flow")) and panel is None:
            _walk_flow(box, names.split(), layout)
            return
        if name := element.get("data-body"):
            layout.heights[name] = max(layout.heights.get(name, 0.0), box.margin_height())
        if panel and (card := element.get("data-card")):
            shown = layout.cards.setdefault(card, [])
            shown += [] if shown[-1:] == [panel] else [panel]
        if mark := element.get("data-continues"):
            layout.continues += (mark,)
        if panel and (mark := element.get("data-print")):
            marks = layout.marked.setdefault(panel, [])
            marks += [] if mark in marks else [mark]
    _walk_children(box, panel, edge, layout)


def _walk_children(box: Any, panel: str | None, edge: float, layout: _Layout) -> None:
    for child in getattr(box, "children", ()):
        if type(child).__name__ == "LineBox":
            _check_line(child, panel, min(edge, box.content_box_x() + box.width), layout)
        else:
            _walk(child, panel, edge, layout)


def _walk_flow(box: Any, panels: list[str], layout: _Layout) -> None:
    """A flow's columns, one per panel; a column past the last panel is text too long for it."""
    columns = [c for c in box.children if getattr(c, "element", None) is box.element]
    for index, column in enumerate(columns):
        panel = panels[min(index, len(panels) - 1)]
        if index >= len(panels):
            used = max((c.position_y + c.margin_height() for c in column.children), default=0.0)
            layout.overflow[panel] = layout.overflow.get(panel, 0.0) + max(
                0.0, used - column.content_box_y()
            )
        _walk_children(column, panel, column.content_box_x() + column.width, layout)


def _check_line(line: Any, panel: str | None, edge: float, layout: _Layout) -> None:
    """Record a word of the line that ends more than half a pixel past edge."""
    for box in line.descendants():
        if panel and type(box).__name__ == "TextBox":
            over = box.position_x + box.width - edge
            if over > 0.5:
                word = max(box.text.split() or [box.text], key=len)
                key = (panel, word)
                layout.too_wide[key] = max(over, layout.too_wide.get(key, 0.0))


def _too_wide_report(lang: str, too_wide: dict[tuple[str, str], float]) -> list[str]:
    return [
        f"leaflet ({lang}): panel '{panel}' ({PANELS[panel]}): a word is "
        f"{over / PX_PER_MM:.1f} mm wider than the panel ({_start(word)!r}); "
        "shorten it or add a hyphen"
        for (panel, word), over in too_wide.items()
    ]


def _torn_report(lang: str, layout: _Layout) -> list[str]:
    return [
        f"leaflet ({lang}): the warning card '{card}' goes on from panel '{first}' "
        f"({PANELS[first]}) to '{then}' ({PANELS[then]}), which are not seen together; "
        "keep it on one panel or on the inside"
        for card, (first, then) in layout.torn().items()
    ]


def _start(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[:length] + "…"


def _body_heights(document: Any) -> dict[str, float]:
    """The height each panel's text takes up (cut off at the page end if it runs over)."""
    return _measure(document).heights


@dataclass(frozen=True)
class _BodyMap:
    """The programme's body picture for print: a data: URI and its size in CSS pixels."""

    uri: str
    size: tuple[int, int]


def _body_map(programme: Any, pages: Path) -> _BodyMap:
    """The body picture the programme's pages show, drawn by their template (in pages)."""
    drawn = bodymap.body_map(bodymap.programme_regions(programme))
    svg = body_map_svg(page_environment(pages), drawn)
    return _BodyMap(images.data_uri(images.Image(svg, ".svg", None)), drawn.size)


def _logo_uri(content: Content) -> str | None:
    """The clinic's logo as a data: URI of its checked, cleaned bytes (never the file itself)."""
    logo = content.clinic.logo
    if not logo:
        return None
    try:
        image = images.load(content.clinic_dir, logo, content.clinic_dir.as_posix())
    except images.ImageError as error:
        raise LeafletError(f"logo: {error}") from None
    return images.data_uri(image)
