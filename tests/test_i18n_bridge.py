"""Fails loudly when mkdocs-static-i18n changes the internals patientsite.adapters.i18n uses."""

from __future__ import annotations

import inspect

from mkdocs.config import load_config
from mkdocs_static_i18n.plugin import I18n

from patientsite.adapters import i18n as mkdocs_i18n
from tests.conftest import ROOT


def test_the_plugin_still_has_the_attributes_we_read() -> None:
    source = inspect.getsource(I18n)
    assert "self.current_language" in source
    assert "self.building" in source


def test_the_plugin_events_still_run_at_the_priorities_we_order_around() -> None:
    assert I18n.on_config.mkdocs_priority == -100  # type: ignore[attr-defined]
    assert I18n.on_post_build.mkdocs_priority == -100  # type: ignore[attr-defined]


def test_languages_come_from_the_plugin_config_default_first() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    plugin.current_language = "en"
    plugin.building = False
    assert [lang.code for lang in mkdocs_i18n.languages(config)] == ["da", "en"]
    assert mkdocs_i18n.current_language(config) == "en"
    assert mkdocs_i18n.is_building_other_languages(config) is False
