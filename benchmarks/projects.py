"""Temporary projects to measure: ours without leaflets, plain Material, many exercises.

Every function works on a copy in a temporary folder; the work tree is never touched.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from patientsite.inline import render_plain
from patientsite.loader import Content, load_content
from patientsite.project import project_languages
from patientsite.render import source_name
from tests.conftest import copy_project

LEAFLET_HOOK = "hooks/leaflet.py"


def copy_of_project(dest: Path, *, leaflets: bool) -> Path:
    """A copy of everything a build reads; without leaflets, mkdocs.yml omits the leaflet hook."""
    project = copy_project(dest)
    if not leaflets:
        config = project / "mkdocs.yml"
        lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if line.strip() != f"- {LEAFLET_HOOK}"]
        if len(kept) != len(lines) - 1:
            raise SystemExit(f"mkdocs.yml: expected one line '- {LEAFLET_HOOK}' under hooks")
        config.write_text("".join(kept), encoding="utf-8")
    return project


def project_content(project: Path) -> Content:
    """The validated content of a project copy."""
    return load_content(project / "content", project_languages(project / "mkdocs.yml"), project)


def plain_project(ours: Path, dest: Path) -> Path:
    """Plain Material + i18n over the Markdown our hooks generated in ours/docs, without hooks.

    Same theme settings, palette, features, CSS, Markdown extensions, i18n languages and
    navigation; no `custom_dir` (our overrides need our hooks), no hooks, no watch list.
    The site name of each language goes where i18n takes it from: its `site_name`.
    Call it after a build of `ours`, so that docs/ holds the generated pages.
    """
    if not any((ours / "docs").rglob("*.md")):
        raise RuntimeError(f"{ours}/docs holds no generated Markdown; build it first")
    shutil.copytree(ours / "docs", dest / "docs")
    config: dict[str, Any] = yaml_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    content = project_content(ours)
    default = content.languages[0].code
    config.pop("hooks", None)
    config.pop("watch", None)
    config["theme"].pop("custom_dir", None)
    config["site_name"] = render_plain(content.site.name.get(default))
    config["nav"] = [source_name(page.path, default, default) for page in content.site.pages]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                lang["site_name"] = render_plain(content.site.name.get(lang["locale"]))
                lang["site_description"] = render_plain(
                    content.site.description.get(lang["locale"])
                )
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return dest


_REF = re.compile(r"^(id|easier|harder):[ \t]*([\"']?)([A-Za-z0-9_-]+)\2[ \t]*$", re.MULTILINE)


def add_exercises(project: Path, total: int) -> int:
    """Fill content/exercises/ up to `total` exercises with renamed copies of the existing ones.

    Copy k of exercise X is `X-copyk`; its easier/harder references point to the copies k of
    the exercises they named (or to the originals when that copy is not made), so every level
    and progression rule still holds. Returns the number of exercises afterwards.
    """
    folder = project / "content" / "exercises"
    originals = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}
    if total < len(originals):
        raise ValueError(f"{total} exercises asked for; the project already has {len(originals)}")
    ids = list(originals)
    made: dict[str, str] = {}
    for index in range(total - len(originals)):
        made[f"{ids[index % len(ids)]}-copy{index // len(ids) + 1}"] = ids[index % len(ids)]

    def renamed(copy: str, original: str) -> str:
        suffix = copy[len(original) :]

        def swap(match: re.Match[str]) -> str:
            key, quote, ref = match.groups()
            new = ref + suffix if ref + suffix in made or key == "id" else ref
            return f"{key}: {quote}{new}{quote}"

        return _REF.sub(swap, originals[original])

    for copy, original in made.items():
        text = renamed(copy, original)
        if f"id: {copy}" not in text and f'id: "{copy}"' not in text:
            raise SystemExit(f"{original}.yaml: expected a line 'id: {original}'")
        (folder / f"{copy}.yaml").write_text(text, encoding="utf-8")
    return len(originals) + len(made)
