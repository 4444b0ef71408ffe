"""The drawings' plausibility rules: range of motion, floor, chair, wall, support, position."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from patientsite.model import Language
from patientsite.posecheck import limits
from tests.conftest import ROOT
from tests.test_validation import edit, problems

ROM = "see src/patientsite/data/rom.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _column(project: Path, rel: str, line: int, key: str) -> int:
    text = (project / "content" / rel).read_text(encoding="utf-8").splitlines()[line - 1]
    return text.index(key) + 1


def test_a_joint_beyond_its_range_of_motion_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/neck-rotation.yaml"
    line = edit(project, rel, "neck_turn: 65", "neck_turn: 120")
    col = _column(project, rel, line, "neck_turn")
    assert problems(project, languages) == [
        f"content/{rel}:{line}:{col}: illustration.end.pose.neck_turn: neck rotation is beyond "
        f"the human range (got 120 degrees, expected at most 90; {ROM})"
    ]


def test_a_body_part_through_the_floor_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/chin-tuck.yaml"
    line = edit(
        project, rel, "{preset: sitting, head: 62}", "{preset: sitting, head: 62, thigh: -10}"
    )
    assert problems(project, languages) == [
        f"content/{rel}:{line}:5: illustration.start.pose: the body goes through the floor: "
        "near ankle, near toe (by up to 3.8 units)",
    ]


def test_a_body_part_through_the_chair_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/chin-tuck.yaml"
    line = edit(
        project,
        rel,
        "{preset: sitting, head: 62}",
        "{preset: sitting, head: 62, thigh: -60, shin: 180}",
    )
    assert problems(project, languages) == [
        f"content/{rel}:{line}:5: illustration.start.pose: the body goes through the chair's seat: "
        "near thigh",
    ]


def test_a_body_part_through_the_wall_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/wall-angels.yaml"
    line = edit(project, rel, "arm: -90, arm_out: 85,", "arm: -150, arm_out: 0,")
    assert problems(project, languages) == [
        f"content/{rel}:{line}:5: illustration.start.pose: the body goes through the wall: "
        "near elbow, near hand (by up to 8.5 units)",
    ]


def test_a_body_that_would_fall_is_refused(project: Path, languages: tuple[Language, ...]) -> None:
    rel = "exercises/hip-hinge.yaml"
    line = edit(
        project,
        rel,
        "{preset: standing, torso: 38, head: 35,",
        "{preset: standing, torso: 0, head: 0,",
    )
    assert problems(project, languages) == [
        f"content/{rel}:{line}:5: illustration.end.pose: the body would fall: its weight is not "
        "over the parts it rests on (it rests on: far ankle, far toe, near ankle, near toe)",
    ]


def test_a_start_drawing_that_does_not_show_the_position_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/thoracic-rotation.yaml"
    line = edit(project, rel, "position: side-lying", "position: supine")
    assert problems(project, languages) == [
        f"content/{rel}:{line}:1: position: the start drawing does not show 'supine' "
        "(it rests on: far hip, far shoulder; the chest faces sideways)",
    ]


def test_every_range_of_motion_names_its_source() -> None:
    data = yaml.safe_load((ROOT / "src/patientsite/data/rom.yaml").read_text(encoding="utf-8"))
    for movement, limit in data["limits"].items():
        assert limit["source"] in data["sources"], movement
    assert set(limits()) == set(data["limits"])


def test_an_arrow_at_a_part_that_does_not_move_is_refused(
    project: Path, languages: tuple[Language, ...]
) -> None:
    rel = "exercises/pelvic-tilt.yaml"
    line = edit(project, rel, "arrow: lower-back", "arrow: hand")
    assert problems(project, languages) == [
        f"content/{rel}:{line}:3: illustration.arrow: the hand does not move between the start "
        "and end drawings in the side view (got 'hand', expected a part that moves)"
    ]
