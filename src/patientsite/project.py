"""Facts about the project that live in mkdocs.yml, read without running MkDocs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from patientsite.model import Language


class _ConfigLoader(yaml.SafeLoader):
    """A YAML loader that tolerates MkDocs' !ENV tags (their default value is used)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env)


def project_languages(config_file: Path) -> tuple[Language, ...]:
    """The languages configured for the i18n plugin in mkdocs.yml, the default one first."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            langs.sort(key=lambda lang: not lang.get("default", False))
            return tuple(Language(code=lang["locale"], name=lang["name"]) for lang in langs)
    raise ValueError(f"{config_file}: no i18n plugin with languages is configured")


def project_site_url(config_file: Path) -> str:
    """The site's address: SITE_URL if set, else site_url (or its !ENV default) in mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return os.environ.get("SITE_URL") or str(config.get("site_url") or "/")
