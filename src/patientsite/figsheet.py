"""The clinicians' review sheet of every exercise drawing (`make figures`).

One HTML page, and the same page as a PDF laid out by WeasyPrint, with each exercise's
start and end drawing side by side, its name, position and steps. The drawings are the
same SVG files the site publishes (render.render_figures), embedded as data: URIs so the
sheet is one self-contained file. The markup is overrides/figures/sheet.html.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from patientsite import images
from patientsite.leaflet import print_environment, render_document
from patientsite.loader import Content
from patientsite.render import drawings, figure_files, render_figures, text_helpers


@dataclass(frozen=True)
class SheetFigure:
    """One picture on the sheet: its data: URI and the size it is shown at."""

    uri: str
    size: tuple[int, int] | None


def sheet_html(content: Content, lang: str, templates: Path, page_templates: Path) -> str:
    """The review sheet's HTML in one language."""
    files = figure_files(content)
    data = render_figures(content, page_templates)
    figures = {
        key: SheetFigure(
            images.data_uri(images.Image(data[file.path], Path(file.path).suffix, None)),
            file.size,
        )
        for key, file in files.items()
    }
    env = print_environment(templates)
    exercises = sorted(content.exercises.values(), key=lambda e: e.id)
    views = {e.id: d["start"].view for e in exercises if (d := drawings(e)).get("start")}
    context = {
        **text_helpers(content, lang),
        "exercises": exercises,
        "figures": figures,
        "views": views,
    }
    return env.get_template("sheet.html").render(context)


def write_sheet(
    content: Content, lang: str, templates: Path, page_templates: Path, out: Path
) -> list[Path]:
    """Write figures-<lang>.html and figures-<lang>.pdf into out; return their paths.

    The PDF is laid out as the leaflets are: nothing is fetched but the templates, the font
    and data: URIs (leaflet.render_document).
    """
    html = sheet_html(content, lang, templates, page_templates)
    out.mkdir(parents=True, exist_ok=True)
    page = out / f"figures-{lang}.html"
    page.write_text(html, encoding="utf-8")
    pdf = out / f"figures-{lang}.pdf"
    pdf.write_bytes(render_document(html, templates).write_pdf())
    return [page, pdf]
