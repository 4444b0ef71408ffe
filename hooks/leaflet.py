"""Make each language's printed files before the pages, and write them to site/downloads/.

A thin adapter: layout and the overflow check live in patientsite.leaflet. The files are made
first (before hooks/content.py writes the pages), so the pages can show each file's size and
page count as built (patientsite.printfacts); they are written after every language is built.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from patientsite import printfacts
from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.adapters.content import content_for
from patientsite.leaflet import LeafletError, make_print
from patientsite.paths import DOWNLOADS
from patientsite.publish import PublishError, write_files

log = logging.getLogger("mkdocs.hooks.leaflet")
_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: the preview skips the leaflets to stay fast."""
    _command["name"] = command


@event_priority(10)  # before hooks/content.py writes the pages that show their size
def on_pre_build(config: Any) -> None:
    """Lay out the leaflets and booklets; text that does not fit stops the build."""
    if mkdocs_i18n.is_building_other_languages(config):
        return  # made once, by the first language's build
    printfacts.forget()
    if _command["name"] == "serve":
        return
    start = time.perf_counter()
    try:
        made = make_print(
            content_for(config), Path(config.theme.custom_dir) / "leaflet", config.site_url or "/"
        )
    except LeafletError as error:
        raise PluginError("\n" + str(error)) from None
    printfacts.keep({path: printfacts.Printed(doc.pdf, doc.pages) for path, doc in made.items()})
    log.info(f"Leaflets laid out in {time.perf_counter() - start:.2f} s")


@event_priority(-300)  # after every language is built (i18n runs its builds at -100)
def on_post_build(config: Any) -> None:
    """Write the leaflets and booklets made before the pages."""
    if mkdocs_i18n.is_building_other_languages(config):
        return
    if _command["name"] == "serve":
        log.info("Leaflets are not made by `mkdocs serve`; `make site` makes them.")
        return
    files = {Path(path).name: printed.data for path, printed in printfacts.held().items()}
    try:
        paths = write_files(Path(config.site_dir) / DOWNLOADS, files)
    except PublishError as error:
        raise PluginError(str(error)) from None
    log.info(f"Leaflets written: {', '.join(p.name for p in paths)}")
