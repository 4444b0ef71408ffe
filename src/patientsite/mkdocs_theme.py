"""The theme's Jinja environments, made cheaper to create: the only code that wraps MkDocs' Theme.

MkDocs makes a new environment (`Theme.get_env`) for every build, and mkdocs-static-i18n runs
one build per language (`mkdocs serve` two more for each change). Each build then
- lists every file of the theme to find its static files (`Files.add_files_from_theme`):
  Material ships about 14,500, nearly all icons, so this was a fifth of a rebuild;
- compiles Material's templates again, in the page environment and in the three that
  Material's search plugin makes in its `on_config` to read its language settings.

`cache_theme_environments` wraps the theme's `get_env` so that every environment it makes
lists an installed theme's files once per process (the project's own `custom_dir` is
listed afresh each time, so a file added during `mkdocs serve` is seen) and shares the
project's compiled templates (patientsite.cache.TemplateCodeCache).
tests/test_theme_bridge.py fails loudly if MkDocs changes what this relies on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from patientsite.mkdocs_content import project_root, template_code

# An installed theme folder (and whether links are followed) -> the names of its files.
_LISTED: dict[tuple[str, bool], frozenset[str]] = {}


class ThemeLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader, listing each installed theme folder only once per process."""

    def __init__(self, searchpath: list[str], project: Path) -> None:
        super().__init__(searchpath)
        self._project = os.path.abspath(project)

    def list_templates(self) -> list[str]:
        """Every file name in the theme folders, as jinja2.FileSystemLoader lists them."""
        found: set[str] = set()
        for folder in self.searchpath:
            if _is_inside(os.path.abspath(folder), self._project):
                found |= _names(folder, self.followlinks)
            else:
                key = (folder, self.followlinks)
                if key not in _LISTED:
                    _LISTED[key] = _names(folder, self.followlinks)
                found |= _LISTED[key]
        return sorted(found)


class _ThemeEnvironments:
    """A theme's `get_env`, with the project's loader and compiled templates."""

    def __init__(self, get_env: Callable[[], jinja2.Environment], config: Any) -> None:
        self._get_env = get_env
        self._code = template_code(config)
        self._project = project_root(config)

    def __call__(self) -> jinja2.Environment:
        env = self._get_env()
        loader = env.loader
        if not isinstance(loader, jinja2.FileSystemLoader):
            raise TypeError(f"the theme's templates loader is {type(loader).__name__}")
        env.loader = ThemeLoader(list(loader.searchpath), self._project)
        env.bytecode_cache = self._code
        return env


def cache_theme_environments(config: Any) -> None:
    """Make every Jinja environment of config's theme cheaper to create (see module doc)."""
    theme = config.theme
    if not isinstance(theme.get_env, _ThemeEnvironments):
        theme.get_env = _ThemeEnvironments(theme.get_env, config)


def _names(folder: str, followlinks: bool) -> frozenset[str]:
    """The files below folder, '/'-separated and relative to it, as Jinja names templates."""
    names = set()
    for dirpath, _, filenames in os.walk(folder, followlinks=followlinks):
        rel = os.path.relpath(dirpath, folder)
        for filename in filenames:
            name = filename if rel == "." else os.path.join(rel, filename)
            names.add(name.replace(os.sep, "/"))
    return frozenset(names)


def _is_inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)
