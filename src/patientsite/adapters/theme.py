"""The theme's Jinja environments, made cheaper to create: the only code that wraps MkDocs' Theme.

MkDocs makes a new environment (`Theme.get_env`) for every build, and mkdocs-static-i18n runs
one build per language (`mkdocs serve` two more for each change). Each build then
- lists every file of the theme to find its static files (`Files.add_files_from_theme`)
  and drops the hidden ones: Material ships about 14,500 files, nearly all icons in its
  hidden `.icons` folder, so listing and filtering them was a fifth of a rebuild;
- compiles Material's templates again, in the page environment and in the three that
  Material's search plugin makes in its `on_config` to read its language settings.

`cache_theme_environments` wraps the theme's `get_env` so that every environment it makes
lists the theme's files without walking hidden folders (templates are still found there:
Material includes its icons from `.icons`) and shares the project's compiled templates
(patientsite.cache.TemplateCodeCache). tests/test_theme_bridge.py fails loudly if MkDocs
changes what this relies on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import jinja2

from patientsite.adapters.content import template_code


class ThemeLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader, listing only the files MkDocs may copy: none hidden."""

    def list_templates(self) -> list[str]:
        """The files of the theme folders, named as jinja2.FileSystemLoader names them, but
        none in a hidden folder or hidden itself (`add_files_from_theme` drops those)."""
        found: set[str] = set()
        for folder in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(folder, followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                rel = os.path.relpath(dirpath, folder)
                for filename in filenames:
                    if not filename.startswith("."):
                        name = filename if rel == "." else os.path.join(rel, filename)
                        found.add(name.replace(os.sep, "/"))
        return sorted(found)


class _ThemeEnvironments:
    """A theme's `get_env`, with the lighter loader and the project's compiled templates."""

    def __init__(self, get_env: Callable[[], jinja2.Environment], config: Any) -> None:
        self._get_env = get_env
        self._code = template_code(config)

    def __call__(self) -> jinja2.Environment:
        env = self._get_env()
        loader = env.loader
        if not isinstance(loader, jinja2.FileSystemLoader):
            raise TypeError(f"the theme's templates loader is {type(loader).__name__}")
        env.loader = ThemeLoader(list(loader.searchpath), loader.encoding, loader.followlinks)
        env.bytecode_cache = self._code
        return env


def cache_theme_environments(config: Any) -> None:
    """Make every Jinja environment of config's theme cheaper to create (see module doc)."""
    theme = config.theme
    if not isinstance(theme.get_env, _ThemeEnvironments):
        theme.get_env = _ThemeEnvironments(theme.get_env, config)
