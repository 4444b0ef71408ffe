"""The examples in CONTRIBUTING.md work as the guide says."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from patientsite.loader import load_content
from patientsite.model import Language
from patientsite.schema import modeline
from tests.conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    """Every ```yaml block of the guide."""
    return re.findall(r"```yaml\n(.*?)```", GUIDE, re.DOTALL)


def test_the_complete_exercise_in_the_guide_is_valid(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    example = next(b for b in yaml_blocks() if b.startswith(modeline("exercise")))
    ex_id = re.search(r"^id: (\S+)$", example, re.MULTILINE)
    assert ex_id is not None
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "exercises" / f"{ex_id[1]}.yaml").write_text(example, "utf-8")
    content = load_content(tmp_path / "content", languages, tmp_path)
    assert ex_id[1] in content.exercises


def test_the_guide_names_the_translation_marker_the_report_uses() -> None:
    from patientsite.report import TRANSLATION_MARKER

    assert f"start it with `{TRANSLATION_MARKER}`" in GUIDE
