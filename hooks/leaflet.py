"""Write each language's printable leaflet to site/downloads/ after the site is built.

A thin adapter: layout and the overflow check live in patientsite.leaflet.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.adapters.content import content_for
from patientsite.leaflet import LeafletError, write_leaflets
from patientsite.paths import DOWNLOADS
from patientsite.publish import PublishError

log = logging.getLogger("mkdocs.hooks.leaflet")
_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: the preview skips the leaflets to stay fast."""
    _command["name"] = command


@event_priority(-300)  # after every language is built (i18n runs its builds at -100)
def on_post_build(config: Any) -> None:
    """Lay out and write the leaflets; text that does not fit stops the build."""
    if mkdocs_i18n.is_building_other_languages(config):
        return
    if _command["name"] == "serve":
        log.info("Leaflets are not made by `mkdocs serve`; `make site` makes them.")
        return
    content = content_for(config)
    start = time.perf_counter()
    try:
        paths = write_leaflets(
            content,
            Path(config.theme.custom_dir) / "leaflet",
            config.site_url or "/",
            Path(config.site_dir) / DOWNLOADS,
        )
    except LeafletError as error:
        raise PluginError("\n" + str(error)) from None
    except PublishError as error:
        raise PluginError(str(error)) from None
    names = ", ".join(p.name for p in paths)
    log.info(f"Leaflets written in {time.perf_counter() - start:.2f} s: {names}")
