"""A clinic's own image (an exercise picture, the logo): found in its folder, checked, made safe.

The only way content images reach the site or the leaflet. A path is relative and stays inside
its folder (links included); a PNG or JPEG must decode with Pillow within the size limits and
is published re-encoded (no metadata, nothing but the picture); an SVG is parsed with
defusedxml (no DTD, no entities), refused if it holds active content or refers outside itself,
and published as cleaned by svg-hush (an allow-list sanitiser), never as it was written.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException
from py_svg_hush import filter_svg

SUFFIXES = {".svg": "SVG", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
MAX_BYTES = 2_000_000
MAX_PIXELS = 16_000_000  # e.g. 4000 × 4000
SVG_NS = "{http://www.w3.org/2000/svg}"
# Embedded pictures an SVG may keep (data: URIs); everything else it refers to is refused.
SVG_DATA_IMAGES = {"image": ["png", "jpeg"]}
_HREF = re.compile(r"^\s*(#|data:image/(png|jpeg)[;,])", re.IGNORECASE)
_CSS_REFERENCE = re.compile(r"url\(\s*(?!['\"]?\s*#)|@import", re.IGNORECASE)


class ImageError(Exception):
    """A content image that cannot be published; the message is for the editor."""


@dataclass(frozen=True)
class Image:
    """A checked image: what is published and the size it is shown at."""

    data: bytes
    suffix: str  # ".svg", ".png" or ".jpg"
    size: tuple[int, int] | None  # pixels; None for SVG

    @property
    def media_type(self) -> str:
        """The image's MIME type."""
        return {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}[self.suffix]


def resolve(folder: Path, name: str, shown: str) -> Path:
    """The file name refers to inside folder (shown to editors as `shown`); ImageError if none."""
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or "\\" in name:
        raise ImageError(f"expected a file name relative to {shown}/ (got '{name}')")
    if ".." in PurePosixPath(name).parts:
        raise ImageError(f"'..' is not allowed: the file must be inside {shown}/ (got '{name}')")
    path = folder / name
    if not path.exists():
        raise ImageError(f"no file '{name}' (looked for {shown}/{name})")
    if not path.resolve().is_relative_to(folder.resolve()):
        raise ImageError(f"'{name}' is a link to a file outside {shown}/")
    if not path.is_file():
        raise ImageError(f"'{name}' is not a file")
    if path.suffix.lower() not in SUFFIXES:
        raise ImageError(f"expected an .svg, .png or .jpg image (got '{path.name}')")
    return path.resolve()


def load(folder: Path, name: str, shown: str) -> Image:
    """The checked, publishable image that name refers to inside folder; ImageError if none."""
    path = resolve(folder, name, shown)
    stat = path.stat()
    return _load(path, stat.st_mtime_ns, stat.st_size, name)


@functools.lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int, size: int, name: str) -> Image:
    if size > MAX_BYTES:
        raise ImageError(f"'{name}' is {size} bytes (at most {MAX_BYTES})")
    data = path.read_bytes()
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "SVG":
        return Image(sanitise_svg(data, name), ".svg", None)
    return _raster(data, kind, name)


def _raster(data: bytes, kind: str, name: str) -> Image:
    """A PNG or JPEG decoded and written anew (no metadata), within the pixel limit."""
    from PIL import ImageFile

    # WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES when it is imported; a
    # truncated file must be refused whatever was imported before, so the flag is off here.
    truncated_allowed = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        return _decoded(data, kind, name)
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated_allowed


def _decoded(data: bytes, kind: str, name: str) -> Image:
    """_raster's work, with truncated files refused."""
    from PIL import Image as Pillow
    from PIL import ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pillow.DecompressionBombWarning)
            with Pillow.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as opened:
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise ImageError(
                        f"'{name}' is {width} × {height} pixels (at most {MAX_PIXELS} in all)"
                    )
                if opened.format != kind:
                    raise ImageError(f"'{name}' holds a {opened.format} image, not {kind}")
                picture = ImageOps.exif_transpose(opened)
                picture.load()
    except (UnidentifiedImageError, Pillow.DecompressionBombError, Pillow.DecompressionBombWarning):
        raise ImageError(f"'{name}' is not a {kind} image") from None
    except (OSError, SyntaxError, ValueError):
        raise ImageError(f"'{name}' is not a complete {kind} image") from None
    out = io.BytesIO()
    if kind == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=90)
        return Image(out.getvalue(), ".jpg", picture.size)
    picture.save(out, "PNG")
    return Image(out.getvalue(), ".png", picture.size)


def sanitise_svg(data: bytes, name: str) -> bytes:
    """The SVG as svg-hush cleans it; ImageError if it is malformed or holds what is refused."""
    original = _parse(data, name)
    if original.tag != f"{SVG_NS}svg":
        raise ImageError(f"'{name}' is not an SVG image (its root element is '{original.tag}')")
    _refuse_active(original, name)
    try:
        cleaned = filter_svg(data, keep_data_url_mime_types=SVG_DATA_IMAGES)
    except ValueError as error:
        raise ImageError(f"'{name}' is not a usable SVG image ({error})") from None
    _refuse_active(_parse(cleaned, name), name)  # what is published holds nothing refused
    return cleaned


def _parse(data: bytes, name: str) -> Element:
    try:
        root: Element = safe_xml.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImageError(f"'{name}' has a DTD or entities, which SVG images may not have") from None
    except ParseError as error:
        raise ImageError(f"'{name}' is not a well-formed SVG image ({error})") from None
    return root


def _refuse_active(root: Element, name: str) -> None:
    """ImageError for the first script, embedded document, event handler or outside reference."""
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "script":
            raise ImageError(f"'{name}' has a script (<script>), which images may not have")
        if tag == "foreignObject":
            raise ImageError(f"'{name}' embeds other markup (<foreignObject>), which is refused")
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            if local.lower().startswith("on"):
                raise ImageError(f"'{name}' has an event handler ({local}), which is refused")
            if (local == "href" and not _HREF.match(value)) or _CSS_REFERENCE.search(value):
                raise ImageError(_reference(name, value))
        if tag == "style" and _CSS_REFERENCE.search(element.text or ""):
            raise ImageError(_reference(name, (element.text or "").strip()))


def _reference(name: str, value: Any) -> str:
    shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "..."
    return (
        f"'{name}' refers to something outside itself ('{shown}'); only #ids inside the file "
        "and embedded PNG or JPEG data are allowed"
    )


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def data_uri(image: Image) -> str:
    """The image as a data: URI (the leaflet embeds the logo this way)."""
    import base64

    return f"data:{image.media_type};base64," + base64.b64encode(image.data).decode("ascii")
