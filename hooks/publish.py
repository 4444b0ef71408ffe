"""Build into a new folder beside the site and swap it in only when the whole build succeeded.

A thin adapter: the folder handling lives in patientsite.publish. Any failure (a content
error, a leaflet that does not fit, a warning in strict mode, a full disk) leaves the last
good site as it was. `mkdocs serve` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.publish import PublishError, discard, new_folder, swap_into_place

log = logging.getLogger("mkdocs.hooks.publish")


class _Warnings(logging.Handler):
    """Counts warnings like MkDocs' strict mode does, which aborts only after the last event."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


# A serve rebuild loads the hooks afresh without on_startup: an unknown command is left alone.
_state: dict[str, Any] = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    """Remember the command: only `mkdocs build` (and gh-deploy) publish through a new folder."""
    _state["command"] = command


@event_priority(110)  # first of all: nothing may be written into the old site
def on_config(config: Any) -> Any:
    """Point the build at a new, empty folder beside the site."""
    if _state["command"] not in {"build", "gh-deploy"} or "new" in _state:
        return config  # serve, or i18n's nested build of another language (already redirected)
    target = Path(config.site_dir)
    try:
        _state["new"] = new_folder(target)
    except PublishError as error:
        raise PluginError(str(error)) from None
    _state["target"] = target
    _state["config"] = config
    _state["warnings"] = _Warnings()
    logging.getLogger("mkdocs").addHandler(_state["warnings"])
    config.site_dir = str(_state["new"])
    return config


@event_priority(-400)  # after the search split (-200) and the leaflets (-300)
def on_post_build(config: Any) -> None:
    """Swap the new site in, unless strict mode is about to abort the build."""
    if "new" not in _state or mkdocs_i18n.is_building_other_languages(config):
        return
    new, target = _state["new"], _state["target"]
    if config.strict and _state["warnings"].count:
        log.info(f"Strict mode: {target} is left as it was")
        _finish()
        return
    try:
        swap_into_place(new, target)
    except PublishError as error:
        raise PluginError(str(error)) from None
    finally:
        _finish()


def on_build_error(error: Exception) -> None:
    """Remove the unfinished new site; the old one was never touched."""
    _finish()


def on_shutdown() -> None:
    """Remove whatever an interrupted build left behind."""
    _finish()


def _finish() -> None:
    """Forget the new folder (removed if still there) and point the config at the site again."""
    if "new" in _state:
        discard(_state.pop("new"))
        logging.getLogger("mkdocs").removeHandler(_state.pop("warnings"))
        _state.pop("config").site_dir = str(_state.pop("target"))
