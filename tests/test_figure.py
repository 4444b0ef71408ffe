"""Exercise drawings: the 3-D pose, the view, the arrow and the hold marker, every exercise."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from patientsite.figure import (
    PART_POINTS,
    arrow_part,
    choose_view,
    draw,
    draw_pair,
    largest_move,
    skeleton,
)
from patientsite.loader import Content
from patientsite.model import ARROW_PARTS, Language, Pose
from patientsite.render import drawings
from tests.conftest import ROOT
from tests.test_validation import edit, problems

EXERCISE_IDS = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.yaml"))
MIN_MOVE = 5.0  # drawing units (a standing figure is about 100 tall): 8 CSS pixels on the page


def _box(points: str) -> tuple[float, float, float, float]:
    pairs = [tuple(map(float, p.split(","))) for p in points.split()]
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    return min(xs), min(ys), max(xs), max(ys)


def test_a_standing_figure_is_tall_and_a_lying_one_is_long() -> None:
    standing, lying = draw(Pose(preset="standing")), draw(Pose(preset="supine"))
    assert standing.height > 1.5 * standing.width
    assert lying.width > 2 * lying.height


def test_an_angle_in_the_pose_overrides_the_preset_and_the_rest_stay() -> None:
    down, up = skeleton(Pose(preset="standing")), skeleton(Pose(preset="standing", arm=90))
    assert up.points["elbow_near"][1] > up.points["shoulder"][1] > down.points["elbow_near"][1]
    assert up.points["hand_far"] == down.points["hand_far"]


def test_the_figure_stands_on_the_floor() -> None:
    sk = skeleton(Pose(preset="standing"))
    lowest = min(p[1] for name, p in sk.points.items() if name.startswith(("ankle", "toe")))
    assert 0.5 < lowest < 2.5  # the foot's half-width above the floor line


def test_the_spine_bends_in_segments() -> None:
    cat = skeleton(Pose(preset="quadruped", torso=16, upper_back=36))
    pelvis, mid, shoulder = (cat.points[n] for n in ("pelvis", "mid_back", "shoulder"))
    assert mid[1] > pelvis[1] and mid[1] > shoulder[1]  # the back is rounded up


def test_a_head_turn_shows_from_the_front_not_from_the_side() -> None:
    ahead, turned = Pose(preset="sitting"), Pose(preset="sitting", neck_turn=65)
    side, front = largest_move(ahead, turned, "side"), largest_move(ahead, turned, "front")
    assert side[0] < 4.0 and front[0] > 5.0 and front[1] == "nose"
    assert choose_view(skeleton(ahead), skeleton(turned)) == "front"


def test_a_side_bend_tilts_the_head_towards_the_near_side() -> None:
    bent = skeleton(Pose(preset="sitting", neck_side=35))
    assert bent.points["head"][2] > 3.0


def test_a_side_lying_body_lies_along_the_floor_near_side_up() -> None:
    sk = skeleton(Pose(preset="side-lying"))
    assert abs(sk.points["shoulder"][2] - sk.points["pelvis"][2]) > 25
    assert sk.points["shoulder_near"][1] > sk.points["shoulder_far"][1] + 10


def test_an_editor_may_choose_the_view() -> None:
    start, end = Pose(preset="sitting"), Pose(preset="sitting", neck_turn=65)
    assert draw_pair(start, end, "top", False)[1].view == "top"


def test_the_end_drawing_carries_the_arrow_and_a_hold_the_marker() -> None:
    start, end = Pose(preset="standing"), Pose(preset="standing", arm=0)
    first, last = draw_pair(start, end, None, False)
    assert first.arrow is None and last.arrow is not None and last.hold is None
    first, last = draw_pair(start, end, None, True)
    assert first.hold is None and last.hold is not None and last.arrow is None


def test_a_turn_gets_a_curved_arrow_and_a_lift_a_straight_one() -> None:
    straight = draw_pair(Pose(preset="standing"), Pose(preset="standing", arm=0), None, False)
    turned = draw_pair(Pose(preset="sitting"), Pose(preset="sitting", neck_turn=65), None, False)
    assert straight[1].arrow is not None and turned[1].arrow is not None

    # a quadratic curve whose control point lies on the line from start to end is straight
    def bend(path: str) -> float:
        nums = [float(t) for t in path.replace("M", " ").replace("Q", " ").split()]
        (x0, y0, cx, cy, x1, y1) = nums
        return abs((x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0))

    assert bend(straight[1].arrow.path) < 1.0 < bend(turned[1].arrow.path)


def test_start_and_end_share_one_frame() -> None:
    first, last = draw_pair(Pose(preset="sitting"), Pose(preset="standing"), None, False)
    assert first.viewbox == last.viewbox


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_exercise_moves_visibly_in_its_view(content: Content, exercise_id: str) -> None:
    exercise = content.exercises[exercise_id]
    start, end = exercise.illustration.start.pose, exercise.illustration.end.pose
    assert start is not None and end is not None
    view = drawings(exercise)["end"].view
    moved, part = largest_move(start, end, view)
    assert moved >= MIN_MOVE, f"{exercise_id}: {part} moves {moved:.1f} in the {view} view"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_exercise_shows_how_it_moves(content: Content, exercise_id: str) -> None:
    exercise = content.exercises[exercise_id]
    end = drawings(exercise)["end"]
    if exercise.dosage.reps is None:
        assert end.hold is not None
    else:
        assert end.arrow is not None


@pytest.mark.parametrize(
    ("exercise_id", "part"),
    [
        ("cat-camel", "spine"),
        ("thoracic-extension-chair", "spine"),
        ("hip-hinge", "hip"),
        ("squat", "hip"),
        ("chin-tuck", "head"),
        ("neck-side-bend", "head"),
        ("bird-dog", "limb"),
        ("wall-angels", "limb"),
    ],
)
def test_the_arrow_goes_where_a_clinician_would_put_it(
    content: Content, exercise_id: str, part: str
) -> None:
    ill = content.exercises[exercise_id].illustration
    assert ill.start.pose is not None and ill.end.pose is not None
    assert arrow_part(ill.start.pose, ill.end.pose) == part


def _ends(path: str) -> list[tuple[float, float]]:
    nums = [float(t) for t in path.replace("M", " ").replace("Q", " ").split()]
    return [(nums[0], nums[1]), (nums[4], nums[5])]


def test_a_hip_hinge_gets_a_curved_arrow_around_the_hip_at_shoulder_height() -> None:
    start = Pose(preset="standing")
    end = Pose(preset="standing", torso=38, head=35)
    drawing = draw_pair(start, end, "side", False)[1]
    assert drawing.arrow is not None
    sk = skeleton(end)
    hip, shoulder = (sk.points[n] for n in ("pelvis", "shoulder"))
    reach = math.dist(hip[:2], shoulder[:2])
    for x, y in _ends(drawing.arrow.path):
        assert abs(math.dist((x, -y), hip[:2]) - reach) < 1.0


def test_an_exercise_may_name_the_part_the_arrow_is_at() -> None:
    start = Pose(preset="quadruped")
    end = Pose(preset="quadruped", arm=5, forearm=5, thigh_far=178, shin_far=178)
    sk = skeleton(end)
    hand, knee = sk.points["hand_near"][:2], sk.points["knee_far"][:2]
    for part, near, far in (("hand", hand, knee), ("knee", knee, hand)):
        arrow = draw_pair(start, end, "side", False, part)[1].arrow
        assert arrow is not None
        x, y = _ends(arrow.path)[1]  # the arrow's head
        assert math.dist((x, -y), near) < math.dist((x, -y), far), part


def test_an_unknown_arrow_part_is_refused_at_its_line(
    tmp_path: Path, languages: tuple[Language, ...]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    line = edit(tmp_path, "exercises/pelvic-tilt.yaml", "arrow: lower-back", "arrow: pelvis")
    assert problems(tmp_path, languages) == [
        f"content/exercises/pelvic-tilt.yaml:{line}:3: illustration.arrow: expected one of: "
        "'head', 'upper-back', 'back', 'lower-back', 'hip', 'hand', 'elbow', 'knee' or 'foot' "
        "(got 'pelvis')"
    ]


def test_every_part_an_exercise_may_name_has_its_points() -> None:
    assert set(PART_POINTS) == set(ARROW_PARTS)


def test_a_body_on_its_side_seen_from_the_top_lies_along_the_page() -> None:
    drawing = draw(Pose(preset="side-lying"), "top")
    assert drawing.width > 1.5 * drawing.height and drawing.view == "top"
    mat = next(s for s in drawing.shapes if s.kind == "mat")
    left, top, right, bottom = _box(mat.points)
    assert right - left > 2 * (bottom - top)


def test_the_face_shows_towards_the_viewer_and_moves_as_the_head_turns() -> None:
    ahead, turned = Pose(preset="sitting"), Pose(preset="sitting", neck_turn=65)
    first, last = draw_pair(ahead, turned, "front", False)
    faces = [next(s for s in d.shapes if s.kind == "face") for d in (first, last)]
    (l0, _, r0, _), (l1, _, r1, _) = (_box(f.points) for f in faces)
    assert r1 - l1 < 0.8 * (r0 - l0) and abs((l1 + r1) - (l0 + r0)) / 2 > 2.0
    assert not any(s.kind == "face" for s in draw(ahead, "side").shapes)


def test_the_chair_stays_when_the_body_stands_up() -> None:
    first, last = draw_pair(Pose(preset="sitting"), Pose(preset="standing"), "side", False)
    chair = [s.points for s in first.shapes if s.kind == "prop"]
    assert chair and chair == [s.points for s in last.shapes if s.kind == "prop"]
