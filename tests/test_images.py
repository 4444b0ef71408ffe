"""A clinic's own images: only files inside their folder, only real images, SVG without active
content, and nothing fetched from a network while the leaflet is laid out."""

from __future__ import annotations

import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from patientsite import images
from patientsite.leaflet import LeafletError, build_leaflet, render_document
from patientsite.loader import Content, load_content, with_clinic
from patientsite.model import Language
from patientsite.problems import ContentError
from patientsite.render import render_figures
from tests.conftest import ROOT
from tests.test_leaflet import TEMPLATES, run_leaflet_command
from tests.test_validation import problems

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'
RECT = '<rect width="5" height="5" fill="red"/>'


def png(size: tuple[int, int] = (4, 3), mode: str = "RGB", kind: str = "PNG") -> bytes:
    """A small image file's bytes."""
    out = io.BytesIO()
    Image.new(mode, size).save(out, kind)
    return out.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder, inside tmp_path/project."""
    shutil.copytree(ROOT / "content", tmp_path / "project" / "content")
    return tmp_path / "project"


def use_image(project: Path, name: str) -> int:
    """Make the bridge's start figure the image name; return the line of its `image:`."""
    path = project / "content" / "exercises" / "bridge.yaml"
    text = path.read_text(encoding="utf-8")
    pose = text.index("pose:", text.index("illustration:"))
    path.write_text(text[:pose] + f'image: "{name}"' + text[text.index("\n", pose) :], "utf-8")
    return text[:pose].count("\n") + 1


def exercises(project: Path) -> Path:
    """The exercises folder of the project."""
    return project / "content" / "exercises"


BAD_SVGS = {
    "script": (
        SVG.format("<script>alert(1)</script>" + RECT),
        "'own.svg' has a script (<script>), which images may not have",
    ),
    "onload": (
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' + RECT + "</svg>",
        "'own.svg' has an event handler (onload), which is refused",
    ),
    "foreign-object": (
        SVG.format(
            '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        ),
        "'own.svg' embeds other markup (<foreignObject>), which is refused",
    ),
    "external-href": (
        SVG.format('<image href="http://127.0.0.1:9/x.png" width="5" height="5"/>'),
        "'own.svg' refers to something outside itself ('http://127.0.0.1:9/x.png'); only "
        "#ids inside the file and embedded PNG or JPEG data are allowed",
    ),
    "xlink-href": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<use xlink:href="other.svg#a"/></svg>',
        "'own.svg' refers to something outside itself ('other.svg#a'); only "
        "#ids inside the file and embedded PNG or JPEG data are allowed",
    ),
    "css-url": (
        SVG.format('<rect style="fill:url(https://evil.example/a)"/>'),
        "'own.svg' refers to something outside itself ('fill:url(https://evil.example/a)'); "
        "only #ids inside the file and embedded PNG or JPEG data are allowed",
    ),
    "javascript-link": (
        SVG.format('<a href="javascript:alert(1)">' + RECT + "</a>"),
        "'own.svg' refers to something outside itself ('javascript:alert(1)'); only "
        "#ids inside the file and embedded PNG or JPEG data are allowed",
    ),
    "entities": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        + SVG.format("<text>&b;</text>"),
        "'own.svg' has a DTD or entities, which SVG images may not have",
    ),
    "not-svg": (
        "<html><body>x</body></html>",
        "'own.svg' is not an SVG image (its root element is 'html')",
    ),
    "malformed": (
        "this is not XML",
        "'own.svg' is not a well-formed SVG image (syntax error: line 1, column 0)",
    ),
}


@pytest.mark.parametrize("case", list(BAD_SVGS))
def test_an_svg_with_active_content_is_refused(
    project: Path, languages: tuple[Language, ...], case: str
) -> None:
    source, message = BAD_SVGS[case]
    (exercises(project) / "own.svg").write_text(source, encoding="utf-8")
    line = use_image(project, "own.svg")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:5: illustration.start.image: {message}"
    ]


PATHS = {  # (the model already refuses other characters and suffixes in an exercise image)
    "parent": (
        "../outside.png",
        "'..' is not allowed: the file must be inside content/exercises/ (got '../outside.png')",
    ),
    "parent-inside": (
        "sub.png/../own.png",
        "'..' is not allowed: the file must be inside content/exercises/ "
        "(got 'sub.png/../own.png')",
    ),
    "absolute": (
        "/tmp/own.png",
        "expected a file name relative to content/exercises/ (got '/tmp/own.png')",
    ),
    "link-out": ("link.png", "'link.png' is a link to a file outside content/exercises/"),
    "folder": ("sub.png", "'sub.png' is not a file"),
    "missing": ("gone.png", "no file 'gone.png' (looked for content/exercises/gone.png)"),
}


@pytest.mark.parametrize("case", list(PATHS))
def test_an_image_path_must_stay_inside_the_exercises_folder(
    project: Path, languages: tuple[Language, ...], case: str
) -> None:
    name, message = PATHS[case]
    (project / "outside.png").write_bytes(png())
    (exercises(project) / "own.png").write_bytes(png())
    (exercises(project) / "sub.png").mkdir()
    (exercises(project) / "link.png").symlink_to(project / "outside.png")
    line = use_image(project, name)
    found = problems(project, languages)
    # The pictures this case does not name are reported as unused, each on its own.
    assert [p for p in found if "names this image" not in p] == [
        f"content/exercises/bridge.yaml:{line}:5: illustration.start.image: {message}"
    ]


def test_a_link_inside_the_folder_is_accepted(
    project: Path, languages: tuple[Language, ...]
) -> None:
    (exercises(project) / "own.png").write_bytes(png())
    (exercises(project) / "link.png").symlink_to(exercises(project) / "own.png")
    use_image(project, "link.png")
    assert load_content(project / "content", languages, project).exercises["bridge"]


RASTERS = {
    "text": (lambda: b"this is text, not a picture\n", "'own.png' is not a PNG image"),
    "truncated": (lambda: png((64, 64))[:60], "'own.png' is not a complete PNG image"),
    "jpeg-named-png": (
        lambda: png(kind="JPEG"),
        "'own.png' holds a JPEG image, not PNG",
    ),
    "too-many-bytes": (
        lambda: b"\x89PNG" + bytes(images.MAX_BYTES),
        f"'own.png' is {images.MAX_BYTES + 4} bytes (at most {images.MAX_BYTES})",
    ),
    "too-many-pixels": (
        lambda: png((5000, 4000), mode="1"),
        "'own.png' is 5000 × 4000 pixels (at most 16000000 in all)",
    ),
}


@pytest.mark.parametrize("case", list(RASTERS))
def test_a_raster_image_must_be_a_real_image_within_the_limits(
    project: Path, languages: tuple[Language, ...], case: str
) -> None:
    make, message = RASTERS[case]
    (exercises(project) / "own.png").write_bytes(make())
    line = use_image(project, "own.png")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:5: illustration.start.image: {message}"
    ]


def test_an_svg_is_published_as_cleaned(project: Path, languages: tuple[Language, ...]) -> None:
    source = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/'
        'namespaces/inkscape" inkscape:version="1.3" width="10" height="10">'
        "<metadata>made by hand</metadata>"
        '<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/></svg>'
    )
    (exercises(project) / "own.svg").write_text(source, encoding="utf-8")
    use_image(project, "own.svg")
    content = load_content(project / "content", languages, project)
    published = render_figures(content, ROOT / "overrides" / "content")["figures/bridge-start.svg"]
    assert published != source.encode()
    assert b"inkscape" not in published and b"metadata" not in published
    assert b'fill="url(#g)"' in published


def test_a_png_is_published_written_anew_without_its_metadata(
    project: Path, languages: tuple[Language, ...]
) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    picture = Image.new("RGB", (8, 6), "white")
    picture.save(exercises(project) / "own.png", pnginfo=info)
    use_image(project, "own.png")
    content = load_content(project / "content", languages, project)
    published = render_figures(content, ROOT / "overrides" / "content")["figures/bridge-start.png"]
    assert b"<script>" not in published
    with Image.open(io.BytesIO(published)) as again:
        assert again.size == (8, 6) and again.tobytes() == picture.tobytes()


# --- the clinic's logo -------------------------------------------------------------------


def profile_with_logo(folder: Path, logo: str) -> tuple[Path, int]:
    """A clinic profile in folder whose logo is logo; the line of `logo:`."""
    source = (ROOT / "content" / "clinic.yaml").read_text(encoding="utf-8")
    line = source[: source.index("logo: null")].count("\n") + 1
    profile = folder / "clinic.yaml"
    profile.write_text(source.replace("logo: null", f'logo: "{logo}"'), encoding="utf-8")
    return profile, line


LOGOS = {
    "parent": ("../logo.png", "'..' is not allowed: the file must be inside {folder}/ (got "),
    "absolute": ("{outside}/logo.png", "expected a file name relative to {folder}/ (got "),
    "link-out": ("link.png", "'link.png' is a link to a file outside {folder}/"),
    "script": ("script.svg", "'script.svg' has a script (<script>), which images may not have"),
    "text": ("text.png", "'text.png' is not a PNG image"),
    "backslash": ("..\\\\logo.png", "expected a file name relative to {folder}/ (got "),
    "suffix": ("clinic.yaml", "expected an .svg, .png or .jpg image (got 'clinic.yaml')"),
}


@pytest.mark.parametrize("case", list(LOGOS))
def test_a_clinic_logo_must_be_a_safe_image_in_the_profiles_folder(
    tmp_path: Path, content: Content, case: str
) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (tmp_path / "logo.png").write_bytes(png())
    (folder / "link.png").symlink_to(tmp_path / "logo.png")
    (folder / "script.svg").write_text(SVG.format("<script>alert(1)</script>"), "utf-8")
    (folder / "text.png").write_text("not a picture", "utf-8")
    name, message = LOGOS[case]
    name = name.format(outside=tmp_path.as_posix())
    profile, line = profile_with_logo(folder, name)
    with pytest.raises(ContentError) as caught:
        with_clinic(content, profile, tmp_path)
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 1
    assert found[0].startswith(
        f"clinic/clinic.yaml:{line}:1: logo: " + message.format(folder=folder.as_posix())
    )


def test_a_clinic_logo_reaches_the_leaflet_cleaned(tmp_path: Path, content: Content) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/'
        'namespaces/inkscape" inkscape:label="x" width="40" height="20">' + RECT + "</svg>",
        encoding="utf-8",
    )
    profile, _ = profile_with_logo(tmp_path, "logo.svg")
    other = with_clinic(content, profile, tmp_path)
    leaflet = build_leaflet(other, "da", TEMPLATES, "https://example.test/")
    assert leaflet.pages == 2


# --- nothing is fetched from a network ----------------------------------------------------


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on a free port: its address and the paths requested from it."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(png())

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requested
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_the_server_answers_so_a_missing_request_means_something(
    server: tuple[str, list[str]],
) -> None:
    import urllib.request

    address, requested = server
    with urllib.request.urlopen(f"{address}/probe.png", timeout=5) as response:
        assert response.status == 200
    assert requested == ["/probe.png"]


def test_a_logo_that_refers_to_a_server_is_refused_and_nothing_is_fetched(
    tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    address, requested = server
    (tmp_path / "logo.svg").write_text(
        SVG.format(f'<image href="{address}/x.png" width="5" height="5"/>'), "utf-8"
    )
    profile, line = profile_with_logo(tmp_path, "logo.svg")
    result = run_leaflet_command("--clinic", str(profile), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (
        f"clinic.yaml:{line}:1: logo: 'logo.svg' refers to something outside itself "
        f"('{address}/x.png')"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert requested == []


@pytest.mark.parametrize(
    ("markup", "file"),
    [
        ('<img src="{address}/x.png" alt="">', "x.png"),
        ('<link rel="stylesheet" href="{address}/x.css">', "x.css"),
        ('<p style="background: url({address}/x.png)">x</p>', "x.png"),
    ],
    ids=["img", "stylesheet", "css-url"],
)
def test_the_leaflet_layout_fetches_nothing_from_a_network(
    server: tuple[str, list[str]], markup: str, file: str
) -> None:
    address, requested = server
    html = f"<!DOCTYPE html><html><body>{markup.format(address=address)}</body></html>"
    with pytest.raises(LeafletError) as caught:
        render_document(html, TEMPLATES)
    assert str(caught.value) == (
        f"leaflet: refused to load '{address}/{file}' "
        f"(it may use only files in {TEMPLATES.as_posix()}, its font and data: URIs; "
        "nothing from a network)"
    )
    assert requested == []


def test_the_leaflet_layout_reads_no_file_outside_its_folders(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(png())
    html = f'<img src="{(tmp_path / "x.png").as_uri()}" alt="">'
    with pytest.raises(LeafletError, match="refused to load 'file://"):
        render_document(html, TEMPLATES)


def test_a_truncated_png_is_refused_even_after_weasyprint_is_imported(
    project: Path, languages: tuple[Language, ...]
) -> None:
    """WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES; the check must not care."""
    import weasyprint  # noqa: F401  (sets the flag, as a leaflet build in the same process does)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    (exercises(project) / "own.png").write_bytes(png((64, 64))[:60])
    line = use_image(project, "own.png")
    assert problems(project, languages) == [
        f"content/exercises/bridge.yaml:{line}:5: illustration.start.image: "
        "'own.png' is not a complete PNG image"
    ]
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # left as it was
