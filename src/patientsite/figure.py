"""Side-view stick figures for exercises, computed from a few joint angles.

The geometry is computed here; the SVG markup is in overrides/content/_drawing.html.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from patientsite.model import Pose

# Segment lengths in drawing units (a standing figure is about 100 units tall).
TORSO, NECK, HEAD_R = 30.0, 4.0, 6.5
UPPER_ARM, FOREARM = 15.0, 14.0
THIGH, SHIN, FOOT = 23.0, 22.0, 6.0
LIMB_WIDTH, TORSO_WIDTH = 5.0, 8.0
MARGIN = 6.0

Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    """A body segment or a prop line, in SVG coordinates (y grows downwards)."""

    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # near, far, torso, prop


@dataclass(frozen=True)
class Drawing:
    """Everything the figure template needs."""

    viewbox: str
    width: float
    height: float
    lines: tuple[Line, ...]
    head: tuple[float, float, float]
    floor: Line
    mat: tuple[float, float, float, float] | None


@cache
def presets() -> dict[str, dict[str, Any]]:
    """The preset positions, from the data file shipped with the package."""
    text = resources.files("patientsite").joinpath("data/poses.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def angles(pose: Pose) -> dict[str, Any]:
    """The preset's angles with the pose's own angles put in their place."""
    values = dict(presets()[pose.preset])
    values.update({k: v for k, v in pose.model_dump(exclude={"preset"}).items() if v is not None})
    return values


def _step(origin: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad)


@cache
def draw(pose: Pose) -> Drawing:
    """Lay out a figure for pose: joints from the hip outwards, then onto the floor."""
    a = angles(pose)
    hip: Point = (0.0, 0.0)
    shoulder = _step(hip, a["torso"], TORSO)
    head = _step(shoulder, a["head"], NECK + HEAD_R)
    segments: list[tuple[Point, Point, str]] = []
    for side, kind in (("_far", "far"), ("", "near")):
        elbow = _step(shoulder, a[f"arm{side}"], UPPER_ARM)
        hand = _step(elbow, a[f"forearm{side}"], FOREARM)
        knee = _step(hip, a[f"thigh{side}"], THIGH)
        ankle = _step(knee, a[f"shin{side}"], SHIN)
        toe = _step(ankle, a[f"foot{side}"], FOOT)
        segments += [(hip, knee, kind), (knee, ankle, kind), (ankle, toe, kind)]
        if kind == "far":
            segments += [(shoulder, elbow, kind), (elbow, hand, kind)]
        else:
            segments.insert(len(segments) - 3, (hip, shoulder, "torso"))
            segments += [(shoulder, elbow, kind), (elbow, hand, kind)]
    points = [p for seg in segments for p in seg[:2]]
    floor = min([y - LIMB_WIDTH / 2 for _, y in points] + [head[1] - HEAD_R])
    if a["prop"] == "chair":
        floor = min(floor, hip[1] - 22)
    return _to_svg(segments, head, floor, a["prop"], hip)


def _to_svg(
    segments: list[tuple[Point, Point, str]], head: Point, floor: float, prop: str, hip: Point
) -> Drawing:
    lines = [Line(p[0], -p[1], q[0], -q[1], kind) for p, q, kind in segments]
    xs = [x for ln in lines for x in (ln.x1, ln.x2)] + [head[0] - HEAD_R, head[0] + HEAD_R]
    ys = [y for ln in lines for y in (ln.y1, ln.y2)] + [-head[1] - HEAD_R]
    ground = -floor
    if prop == "chair":
        seat_y = -hip[1] + LIMB_WIDTH
        front, back = hip[0] + 7, hip[0] - 9
        lines += [
            Line(back, seat_y, front, seat_y, "prop"),
            Line(front, seat_y, front, ground, "prop"),
            Line(back, seat_y - 22, back, ground, "prop"),
        ]
        xs += [back, front]
        ys += [seat_y - 22]
    if prop == "wall":
        wall_x = min(xs) - 4
        lines.append(Line(wall_x, ground, wall_x, min(ys) - 6, "prop"))
        xs.append(wall_x)
    left, right = min(xs) - MARGIN, max(xs) + MARGIN
    top, bottom = min(ys) - MARGIN, ground + MARGIN
    mat = (left + 2, ground - 0.5, right - left - 4, 2.5) if prop == "mat" else None
    width, height = right - left, bottom - top
    return Drawing(
        viewbox=f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}",
        width=round(width, 1),
        height=round(height, 1),
        lines=tuple(_rounded(ln) for ln in lines),
        head=(round(head[0], 1), round(-head[1], 1), HEAD_R),
        floor=_rounded(Line(left, ground, right, ground, "floor")),
        mat=tuple(round(v, 1) for v in mat) if mat else None,  # type: ignore[arg-type]
    )


def _rounded(line: Line) -> Line:
    return Line(
        round(line.x1, 1), round(line.y1, 1), round(line.x2, 1), round(line.y2, 1), line.kind
    )
