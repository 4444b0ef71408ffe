"""Plausibility of an exercise's drawings: range of motion, floor, chair, wall, support, position.

The ranges of motion are data with their source (data/rom.yaml). The other rules are read
from the posed skeleton (figure.skeleton): nothing below the floor, nothing through the
chair's seat or the wall, the body's weight over what it rests on, and the start drawing
resting the way the exercise's `position:` says.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from patientsite import model as m
from patientsite.figure import (
    CONTACT,
    Skeleton,
    angles,
    direction,
    draw_pair,
    radius,
    skeleton,
)
from patientsite.problems import Problem
from patientsite.yamlsource import YamlDocument, problem_at

TOLERANCE = 0.5  # drawing units a part may sink into the floor, seat or wall (rounding)
BALANCE = 3.0  # how far the weight may lie beyond the parts the body rests on
# Share of the body's weight carried by each part (rounded from the usual tables).
MASS = {
    "lower_back": 0.26,
    "upper_back": 0.24,
    "head": 0.08,
    "arm": 0.05,
    "leg": 0.16,
}
TRUNK = ("pelvis", "hip_near", "hip_far", "mid_back", "shoulder", "shoulder_near", "shoulder_far")


@cache
def limits() -> dict[str, float]:
    """Each movement's largest angle: the table's degrees plus its allowance."""
    text = resources.files("patientsite").joinpath("data/rom.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {k: float(v["degrees"]) + float(data["allowance"]) for k, v in data["limits"].items()}


def _wrap(angle: float, low: float) -> float:
    """angle moved by whole turns into [low, low + 360)."""
    return (angle - low) % 360.0 + low


def movements(a: dict[str, Any]) -> Iterator[tuple[str, str, float]]:
    """(movement in rom.yaml, pose field to blame, degrees) for every joint of a pose."""
    upper = a["torso"] - a["upper_back"]
    neck = _wrap(upper - a["head"], -180)
    yield ("neck_flexion" if neck >= 0 else "neck_extension"), "head", abs(neck)
    yield "neck_rotation", "neck_turn", abs(a["neck_turn"])
    yield "neck_side_bend", "neck_side", abs(a["neck_side"])
    back = a["upper_back"]
    yield ("back_flexion" if back >= 0 else "back_extension"), "upper_back", abs(back)
    for part in ("lower_back", "upper_back"):
        yield "back_side_bend", f"{part}_side", abs(a[f"{part}_side"])
    yield "back_rotation", "upper_back_turn", abs(a["lower_back_turn"] + a["upper_back_turn"])
    for suffix in ("", "_far"):
        yield from _limb_movements(a, suffix, upper)


def _limb_movements(
    a: dict[str, Any], suffix: str, upper: float
) -> Iterator[tuple[str, str, float]]:
    arm_out = a[f"arm{suffix}_out"]
    if abs(arm_out) < 45:
        shoulder = _wrap(a["arm" + suffix] - (upper - 180), -120)
        kind = "shoulder_flexion" if shoulder >= 0 else "shoulder_extension"
        yield kind, "arm" + suffix, abs(shoulder)
    kind = "shoulder_abduction" if arm_out >= 0 else "shoulder_adduction"
    yield kind, f"arm{suffix}_out", abs(arm_out)
    arm = direction(a["arm" + suffix], arm_out)
    forearm = direction(a["forearm" + suffix], a[f"forearm{suffix}_out"])
    cos = max(-1.0, min(1.0, sum(p * q for p, q in zip(arm, forearm, strict=True))))
    yield "elbow_flexion", "forearm" + suffix, math.degrees(math.acos(cos))
    hip = _wrap(a["thigh" + suffix] - (a["torso"] - 180), -90)
    yield ("hip_flexion" if hip >= 0 else "hip_extension"), "thigh" + suffix, abs(hip)
    out = a[f"thigh{suffix}_out"]
    yield ("hip_abduction" if out >= 0 else "hip_adduction"), f"thigh{suffix}_out", abs(out)
    knee = _wrap(a["thigh" + suffix] - a["shin" + suffix], -90)
    yield ("knee_flexion" if knee >= 0 else "knee_hyperextension"), "shin" + suffix, abs(knee)


def check(exercise: m.Exercise, doc: YamlDocument) -> Iterator[Problem]:
    """Every rule a drawing of the exercise breaks, at the pose (or the position) it concerns."""
    for which in ("start", "end"):
        pose = getattr(exercise.illustration, which).pose
        if pose is None:
            continue
        loc = ("illustration", which, "pose")
        for message, field in _pose_problems(pose):
            yield problem_at(doc, (*loc, field) if field else loc, message)
        if which == "start" and not rests_as(skeleton(pose), exercise.position):
            yield problem_at(doc, ("position",), _position_message(pose, exercise.position))
    yield from _still_arrow(exercise, doc)


def _still_arrow(exercise: m.Exercise, doc: YamlDocument) -> Iterator[Problem]:
    """An arrow the exercise puts at a part that does not move in its drawings' view."""
    ill = exercise.illustration
    if ill.arrow is None or ill.start.pose is None or ill.end.pose is None:
        return
    if exercise.dosage.reps is None:
        return  # a held exercise shows a stopwatch, not an arrow
    end = draw_pair(ill.start.pose, ill.end.pose, ill.view, False, ill.arrow)[1]
    if end.arrow is None:
        yield problem_at(
            doc,
            ("illustration", "arrow"),
            f"the {ill.arrow} does not move between the start and end drawings in the "
            f"{end.view} view (got '{ill.arrow}', expected a part that moves)",
        )


def _pose_problems(pose: m.Pose) -> Iterator[tuple[str, str | None]]:
    """(message, pose field or None) for each rule the pose breaks."""
    allowed = limits()
    for movement, field, degrees in movements(angles(pose)):
        if degrees > allowed[movement] + 0.01:
            name = movement.replace("_", " ")
            yield (
                f"{name} is beyond the human range (got {degrees:.0f} degrees, expected "
                f"at most {allowed[movement]:.0f}; see src/patientsite/data/rom.yaml)",
                field,
            )
    sk = skeleton(pose)
    yield from ((msg, None) for msg in _through(sk))
    if not _balanced(sk):
        yield (
            "the body would fall: its weight is not over the parts it rests on "
            f"(it rests on: {', '.join(_names(contacts(sk))) or 'nothing'})",
            None,
        )


def _through(sk: Skeleton) -> Iterator[str]:
    """Body parts below the floor, behind the wall or through the chair's seat, one line each."""
    floor: dict[str, float] = {}
    wall: dict[str, float] = {}
    for name, p in sk.points.items():
        r = _r(name)
        if p[1] - r < -TOLERANCE:
            floor[_name(name)] = r - p[1]
        if sk.wall is not None and p[0] - r < sk.wall - TOLERANCE:
            wall[_name(name)] = sk.wall - p[0] + r
    for obstacle, found in (("floor", floor), ("wall", wall)):
        if found:
            yield (
                f"the body goes through the {obstacle}: {', '.join(sorted(found))} "
                f"(by up to {max(found.values()):.1f} units)"
            )
    seat = sorted(_through_seat(sk))
    if seat:
        yield f"the body goes through the chair's seat: {', '.join(seat)}"


LIMB_NAMES = {
    "knee": "thigh",
    "ankle": "shin",
    "toe": "foot",
    "elbow": "upper arm",
    "hand": "forearm",
}


def _through_seat(sk: Skeleton) -> Iterator[str]:
    """The limbs that cross the chair's seat (sampled along each limb)."""
    if sk.seat is None:
        return
    px = sk.points["pelvis"][0]
    for kind, ends, w0, w1 in sk.segments:
        if kind == "trunk":
            continue
        a, b = sk.points[ends[0]], sk.points[ends[1]]
        for step in range(11):
            t = step / 10
            x, y, z = (a[i] + (b[i] - a[i]) * t for i in range(3))
            r = w0 + (w1 - w0) * t
            inside = px - 9.0 < x < px + 8.0 and abs(z) < 9.0
            if inside and sk.seat - 2.5 + TOLERANCE < y + r and y - r < sk.seat - TOLERANCE:
                base, _, side = ends[1].partition("_")
                yield f"{side} {LIMB_NAMES[base]}"
                break


def _r(name: str) -> float:
    return 0.0 if name in ("nose", "chest", "crown") else radius(name)


def contacts(sk: Skeleton) -> list[str]:
    """The parts that rest on the floor, the chair's seat or the wall."""
    found = [n for n, p in sk.points.items() if p[1] - _r(n) <= CONTACT and n not in ("nose",)]
    if sk.seat is not None:
        found.append("seat")
    wall = sk.wall
    if wall is not None and any(p[0] - _r(n) <= wall + CONTACT for n, p in sk.points.items()):
        found.append("wall")
    return found


def _balanced(sk: Skeleton) -> bool:
    """Whether the body's weight lies over what it rests on (a chair or a wall holds it)."""
    touching = contacts(sk)
    if "seat" in touching or "wall" in touching:
        return True
    floor = [sk.points[n] for n in touching]
    if not floor:
        return False
    cx, cz = _centre_of_mass(sk)
    xs, zs = [p[0] for p in floor], [p[2] for p in floor]
    return (
        min(xs) - BALANCE <= cx <= max(xs) + BALANCE
        and min(zs) - BALANCE <= cz <= max(zs) + BALANCE
    )


def _centre_of_mass(sk: Skeleton) -> tuple[float, float]:
    """Where the body's weight lies on the floor (x and z)."""
    pts = sk.points
    parts: list[tuple[float, tuple[float, float, float]]] = [
        (MASS["lower_back"], _mid(pts["pelvis"], pts["mid_back"])),
        (MASS["upper_back"], _mid(pts["mid_back"], pts["shoulder"])),
        (MASS["head"], pts["head"]),
    ]
    for side in ("near", "far"):
        parts.append((MASS["arm"], _mid(pts[f"shoulder_{side}"], pts[f"hand_{side}"])))
        parts.append((MASS["leg"], _mid(pts[f"hip_{side}"], pts[f"ankle_{side}"])))
    total = sum(w for w, _ in parts)
    return (
        sum(w * p[0] for w, p in parts) / total,
        sum(w * p[2] for w, p in parts) / total,
    )


def _mid(
    p: tuple[float, float, float], q: tuple[float, float, float]
) -> tuple[float, float, float]:
    return (p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2


def _facing(sk: Skeleton) -> tuple[float, float]:
    """How much the chest faces up (1) or down (-1), and how upright the side-to-side axis is."""
    chest = sk.points["chest"][1] - sk.points["shoulder"][1]
    near, far = sk.points["shoulder_near"], sk.points["shoulder_far"]
    across = math.dist(near, far) or 1.0
    return chest, (near[1] - far[1]) / across


def rests_as(sk: Skeleton, position: str) -> bool:
    """Whether the skeleton rests the way the position says."""
    touching = set(contacts(sk))
    chest, side = _facing(sk)
    on_floor = touching - {"seat", "wall"}
    lying = bool(on_floor & {"pelvis", "mid_back", "head", *TRUNK})
    if position == "standing":
        feet = {n for n in on_floor if n.startswith(("ankle", "toe"))}
        return bool(feet) and feet == on_floor and "seat" not in touching
    if position == "sitting":
        return "seat" in touching
    if position == "supine":
        return lying and chest > 0.5
    if position == "prone":
        return lying and chest < -0.5
    if position == "side-lying":
        return lying and abs(side) > 0.5
    hands = {n for n in on_floor if n.startswith("hand")}
    knees = {n for n in on_floor if n.startswith("knee")}
    return bool(hands) and bool(knees) and not lying and chest < -0.3


def _position_message(pose: m.Pose, position: str) -> str:
    sk = skeleton(pose)
    chest, _ = _facing(sk)
    faces = "up" if chest > 0.5 else "down" if chest < -0.5 else "sideways"
    rests = ", ".join(_names(contacts(sk))) or "nothing"
    return (
        f"the start drawing does not show '{position}' (it rests on: {rests}; "
        f"the chest faces {faces})"
    )


def _names(parts: list[str]) -> list[str]:
    return sorted({_name(p) for p in parts})


def _name(point: str) -> str:
    """A point's name as an editor reads it: hand_far is 'far hand'."""
    base, _, side = point.partition("_")
    if side in ("near", "far"):
        return f"{side} {base}"
    return point.replace("_", " ")
