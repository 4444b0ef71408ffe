"""Exercise drawings from a 3-D pose, projected to the view in which the movement shows.

A pose is a preset (data/poses.yaml) with any angle changed. The skeleton is posed in 3-D
(x forwards, y up, z towards the near side), put on the floor or the chair, and projected
orthographically: side (looking at the near side), front (looking at the face) or top.
Each body part becomes a filled outline (the hull of circles at its joints), drawn far to
near. The geometry is computed here; the SVG markup is in overrides/content/_drawing.html.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from patientsite.model import Pose

Vec = tuple[float, float, float]
Point = tuple[float, float]

# Segment lengths in drawing units (a standing figure is about 100 units tall).
LOWER_BACK, UPPER_BACK, NECK, HEAD_R = 14.0, 16.0, 4.0, 6.5
SHOULDER_W, HIP_W = 6.5, 4.5  # half the distance between the two shoulders, the two hips
UPPER_ARM, FOREARM = 15.0, 14.0
THIGH, SHIN, FOOT = 23.0, 22.0, 6.0
SEAT = 19.0  # height of the chair's seat: a sitting figure's feet rest on the floor
MARGIN = 5.0
CONTACT = 2.2  # how close to the floor, seat or wall a body part is said to touch it

# Half-widths at each end of a segment: tapered limbs, a torso wider at the chest.
WIDTH = {
    "lower_back": (5.0, 4.6),
    "upper_back": (4.6, 5.4),
    "neck": (2.2, 2.2),
    "upper_arm": (2.5, 2.0),
    "forearm": (2.0, 1.5),
    "thigh": (3.8, 2.7),
    "shin": (2.6, 1.8),
    "foot": (1.7, 1.1),
}
# Every angle a pose may name that a preset need not give (degrees, 0 = the rest position).
ZERO = (
    "upper_back",
    "lower_back_turn",
    "lower_back_side",
    "upper_back_turn",
    "upper_back_side",
    "neck_turn",
    "neck_side",
    "roll",
    "arm_out",
    "forearm_out",
    "arm_far_out",
    "forearm_far_out",
    "thigh_out",
    "shin_out",
    "thigh_far_out",
    "shin_far_out",
)
SIDES = (("near", 1.0, ""), ("far", -1.0, "_far"))
# The points an arrow may start from: the parts that move in an exercise.
MOVERS = (
    "hand_near",
    "hand_far",
    "elbow_near",
    "elbow_far",
    "knee_near",
    "knee_far",
    "toe_near",
    "toe_far",
    "head",
    "nose",
    "shoulder",
    "mid_back",
    "pelvis",
)
VIEW_WEIGHT = {"side": 1.1, "front": 1.0, "top": 0.7}  # ties go to the easiest view to read
# The points an arrow at a part (model.ARROW_PARTS) may follow; the one that moves most is used.
# upper_back and lower_back are the middles of those spine segments.
PART_POINTS = {
    "head": ("nose", "crown", "head"),
    "upper-back": ("upper_back",),
    "back": ("mid_back",),
    "lower-back": ("lower_back",),
    "hip": ("pelvis",),
    "hand": ("hand_near", "hand_far"),
    "elbow": ("elbow_near", "elbow_far"),
    "knee": ("knee_near", "knee_far"),
    "foot": ("toe_near", "toe_far"),
}
SPINE = ("upper_back", "lower_back_turn", "lower_back_side", "upper_back_turn", "upper_back_side")
BENDS = 10.0  # degrees: a joint that turns less than this between start and end is not "the" move


@dataclass(frozen=True)
class Skeleton:
    """A posed body in 3-D, on the floor: its points, its segments and its props."""

    points: dict[str, Vec]
    segments: tuple[tuple[str, tuple[str, ...], float, float], ...]  # kind, points, widths
    prop: str
    seat: float | None  # height of the chair's seat
    wall: float | None  # x of the wall behind the figure
    mat: bool


@dataclass(frozen=True)
class Shape:
    """One filled outline in the drawing: a body part, a head, a prop."""

    kind: str  # near, far, trunk, head, face, prop, wall, mat
    points: str  # SVG polygon points


@dataclass(frozen=True)
class Arrow:
    """Which way the part that moves goes: a (curved) path with a head."""

    path: str
    head: str


@dataclass(frozen=True)
class Drawing:
    """Everything the figure template needs."""

    viewbox: str
    width: float
    height: float
    shapes: tuple[Shape, ...]
    floor: tuple[float, float, float, float] | None
    face: tuple[float, float, float, str] | None  # where the nose or eye is drawn
    arrow: Arrow | None
    hold: tuple[float, float, float] | None  # a stopwatch: centre and radius
    view: str


@cache
def presets() -> dict[str, dict[str, Any]]:
    """The preset positions, from the data file shipped with the package."""
    text = resources.files("patientsite").joinpath("data/poses.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def angles(pose: Pose) -> dict[str, Any]:
    """The preset's angles with the pose's own angles put in their place."""
    values: dict[str, Any] = dict.fromkeys(ZERO, 0.0)
    values.update(presets()[pose.preset])
    values.update({k: v for k, v in pose.model_dump(exclude={"preset"}).items() if v is not None})
    return values


# --- vectors ----------------------------------------------------------------------------


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2]


def _sub(a: Vec, b: Vec) -> Vec:
    return a[0] - b[0], a[1] - b[1], a[2] - b[2]


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def _unit(a: Vec) -> Vec:
    n = math.sqrt(_dot(a, a)) or 1.0
    return a[0] / n, a[1] / n, a[2] / n


def direction(angle: float, out: float = 0.0, side: float = 1.0) -> Vec:
    """A unit vector at angle in the side view, tipped out towards its own side by out."""
    a, o = math.radians(angle), math.radians(out)
    return math.cos(o) * math.cos(a), math.cos(o) * math.sin(a), side * math.sin(o)


def _rotate(p: Vec, origin: Vec, axis: Vec, degrees: float) -> Vec:
    """p turned about the axis through origin (Rodrigues' formula)."""
    k, t = _unit(axis), math.radians(degrees)
    v = _sub(p, origin)
    c, s = math.cos(t), math.sin(t)
    kv, kxv = _dot(k, v), _cross(k, v)
    r = tuple(v[i] * c + kxv[i] * s + k[i] * kv * (1 - c) for i in range(3))
    return _add(origin, r)  # type: ignore[arg-type]


# --- the skeleton ----------------------------------------------------------------------

UPPER = ("mid_back",)
CHEST = ("shoulder", "head", "nose", "chest", "crown")
ARMS = tuple(f"{j}_{s}" for s in ("near", "far") for j in ("shoulder", "elbow", "hand"))


def _limbs(a: dict[str, Any], pts: dict[str, Vec]) -> None:
    """Arms from the shoulders and legs from the hips, each segment's direction from a."""
    for name, side, suffix in SIDES:
        shoulder = _add(pts["shoulder"], (0.0, 0.0, side * SHOULDER_W))
        elbow = _add(shoulder, direction(a["arm" + suffix], a[f"arm{suffix}_out"], side), UPPER_ARM)
        hand = _add(
            elbow, direction(a["forearm" + suffix], a[f"forearm{suffix}_out"], side), FOREARM
        )
        hip = (0.0, 0.0, side * HIP_W)
        knee = _add(hip, direction(a["thigh" + suffix], a[f"thigh{suffix}_out"], side), THIGH)
        ankle = _add(knee, direction(a["shin" + suffix], a[f"shin{suffix}_out"], side), SHIN)
        toe = _add(ankle, direction(a["foot" + suffix]), FOOT)
        pts.update(
            {
                f"shoulder_{name}": shoulder,
                f"elbow_{name}": elbow,
                f"hand_{name}": hand,
                f"hip_{name}": hip,
                f"knee_{name}": knee,
                f"ankle_{name}": ankle,
                f"toe_{name}": toe,
            }
        )


def _bend(pts: dict[str, Vec], names: tuple[str, ...], joint: str, child: str, a: Any) -> None:
    """Turn and side-bend the points above a joint of the spine about that joint."""
    turn, side = a
    origin = pts[joint]
    axis = _unit(_sub(pts[child], origin))
    for name in names:
        if side:
            pts[name] = _rotate(pts[name], origin, _cross(axis, (0.0, 0.0, 1.0)), side)
    for name in names:
        if turn:
            pts[name] = _rotate(pts[name], origin, axis, -turn)


@cache
def skeleton(pose: Pose) -> Skeleton:
    """The body posed in 3-D and put on the floor (or the seat of the chair)."""
    a = angles(pose)
    pelvis: Vec = (0.0, 0.0, 0.0)
    mid = _add(pelvis, direction(a["torso"]), LOWER_BACK)
    upper = a["torso"] - a["upper_back"]
    shoulder = _add(mid, direction(upper), UPPER_BACK)
    head = _add(shoulder, direction(a["head"]), NECK + HEAD_R)
    pts: dict[str, Vec] = {
        "pelvis": pelvis,
        "mid_back": mid,
        "shoulder": shoulder,
        "head": head,
        "nose": _add(head, direction(a["head"] - 90), HEAD_R),
        "crown": _add(head, direction(a["head"]), HEAD_R),
        "chest": _add(shoulder, direction(upper - 90), 1.0),
    }
    _limbs(a, pts)
    head_part = ("head", "nose", "crown")
    _bend(pts, head_part, "shoulder", "head", (a["neck_turn"], a["neck_side"]))
    chest = CHEST + ARMS
    _bend(pts, chest, "mid_back", "shoulder", (a["upper_back_turn"], a["upper_back_side"]))
    trunk = UPPER + chest
    _bend(pts, trunk, "pelvis", "mid_back", (a["lower_back_turn"], a["lower_back_side"]))
    if a["roll"]:
        pts = {k: _rotate(p, pelvis, (1.0, 0.0, 0.0), -a["roll"]) for k, p in pts.items()}
    return _placed(pts, a["prop"])


def _segments() -> tuple[tuple[str, tuple[str, ...], float, float], ...]:
    """The body parts: which points each joins, and its half-width at each end."""
    parts: list[tuple[str, tuple[str, ...], float, float]] = []
    for name, _, _ in SIDES:
        parts += [
            (name, (f"hip_{name}", f"knee_{name}"), *WIDTH["thigh"]),
            (name, (f"knee_{name}", f"ankle_{name}"), *WIDTH["shin"]),
            (name, (f"ankle_{name}", f"toe_{name}"), *WIDTH["foot"]),
            (name, (f"shoulder_{name}", f"elbow_{name}"), *WIDTH["upper_arm"]),
            (name, (f"elbow_{name}", f"hand_{name}"), *WIDTH["forearm"]),
        ]
    parts += [
        ("trunk", ("hip_near", "hip_far", "mid_back"), *WIDTH["lower_back"]),
        ("trunk", ("mid_back", "shoulder_near", "shoulder_far"), *WIDTH["upper_back"]),
        ("trunk", ("shoulder", "head"), *WIDTH["neck"]),
    ]
    return tuple(parts)


SEGMENTS = _segments()
RADIUS = {"pelvis": 5.0, "mid_back": 4.6, "shoulder": 5.4, "head": HEAD_R, "crown": 0.0}


def _widths(ends: tuple[str, ...], w0: float, w1: float) -> list[float]:
    """The half-width at each point of a part (a torso part's pair of hips or shoulders
    shares one)."""
    if len(ends) == 2:
        return [w0, w1]
    return [w0, w0, w1] if ends[0].startswith("hip") else [w0, w1, w1]


@cache
def radius(name: str) -> float:
    """How far the outline reaches beyond a point: the widest part that ends there."""
    if name in RADIUS:
        return RADIUS[name]
    found = [
        w
        for _, ends, w0, w1 in SEGMENTS
        for e, w in zip(ends, _widths(ends, w0, w1), strict=True)
        if e == name
    ]
    return max(found, default=1.5)


def _placed(pts: dict[str, Vec], prop: str) -> Skeleton:
    """Put the body on the floor, or with its pelvis on the chair's seat."""
    seat = None
    if prop == "chair":
        seat = SEAT
        dy = SEAT + RADIUS["pelvis"] - pts["pelvis"][1]
    else:
        dy = -min(p[1] - radius(n) for n, p in pts.items())
    placed = {k: (p[0], p[1] + dy, p[2]) for k, p in pts.items()}
    wall = None
    if prop == "wall":
        wall = min(placed[n][0] - RADIUS[n] for n in ("pelvis", "mid_back", "shoulder", "head"))
    return Skeleton(placed, SEGMENTS, prop, seat, wall, prop == "mat")


# --- projection -------------------------------------------------------------------------


def project(p: Vec, view: str) -> tuple[float, float, float]:
    """Screen x, screen y (down) and depth (larger is nearer) of a point in a view."""
    if view == "front":
        return -p[2], -p[1], p[0]
    if view == "top":
        return p[0], p[2], p[1]
    if view == "top-along":
        return p[2], -p[0], p[1]
    return p[0], -p[1], p[2]


def screen(sk: Skeleton, view: str) -> str:
    """The projection a view is drawn in: from the top, a body that lies along the page's
    height (on its side) is turned to lie along its width, as a body on a mat is seen."""
    pelvis, shoulder = sk.points["pelvis"], sk.points["shoulder"]
    along = abs(shoulder[2] - pelvis[2]) > abs(shoulder[0] - pelvis[0])
    return "top-along" if view == "top" and along else view


def choose_view(start: Skeleton, end: Skeleton) -> str:
    """The view in which start and end differ most, and the body is least foreshortened."""
    scores = {
        view: displacement(start, end, view) * extent(start, view) * w
        for view, w in VIEW_WEIGHT.items()
    }
    return max(scores, key=lambda v: scores[v])


def extent(sk: Skeleton, view: str) -> float:
    """How large the body shows in a view: the diagonal of its outline's box."""
    pts = [project(p, view) for p in sk.points.values()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return math.hypot(max(xs) - min(xs), max(ys) - min(ys))


def displacement(start: Skeleton, end: Skeleton, view: str) -> float:
    """How far the moving parts travel on the page between start and end, summed."""
    total = 0.0
    for name in MOVERS:
        p, q = project(start.points[name], view), project(end.points[name], view)
        total += math.hypot(p[0] - q[0], p[1] - q[1])
    return total


def _circle(c: Point, r: float, n: int = 8) -> list[Point]:
    return [
        (c[0] + r * math.cos(2 * math.pi * i / n), c[1] + r * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def _hull(points: list[Point]) -> list[Point]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _num(v: float) -> str:
    """A coordinate with one decimal at most: 12.0 is 12, -0.0 is 0."""
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _poly(points: list[Point]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _body(sk: Skeleton, view: str) -> list[tuple[float, Shape]]:
    """Every body part as an outline with its depth."""
    out: list[tuple[float, Shape]] = []
    for kind, ends, w0, w1 in sk.segments:
        proj = [project(sk.points[e], view) for e in ends]
        widths = _widths(ends, w0, w1)
        circles = [
            pt for (x, y, _), w in zip(proj, widths, strict=True) for pt in _circle((x, y), w)
        ]
        depth = sum(p[2] for p in proj) / len(proj)
        out.append((depth, Shape(kind, _poly(_hull(circles)))))
    hx, hy, hd = project(sk.points["head"], view)
    out.append((hd, Shape("head", _poly(_circle((hx, hy), HEAD_R, 20)))))
    face = _face_patch(sk, view)
    if face is not None:
        out.append((hd + 0.01, Shape("face", _poly(face))))
    return out


def body_outline(sk: Skeleton, view: str) -> list[Shape]:
    """The body's parts (head included, face left out) as outlines, far to near."""
    parts = sorted(_body(sk, view), key=lambda item: item[0])
    return [shape for _, shape in parts if shape.kind != "face"]


def hull(points: list[Point]) -> list[Point]:
    """The convex hull of points, counter-clockwise."""
    return _hull(points)


def polygon(points: list[Point]) -> str:
    """SVG polygon points, one decimal at most."""
    return _poly(points)


def _face_patch(sk: Skeleton, view: str) -> list[Point] | None:
    """The face as a light disc on the front of the head, where it faces the viewer.

    It slides to the side and narrows as the head turns, so a turn shows from the front.
    """
    head, nose = sk.points["head"], sk.points["nose"]
    forward = _unit(_sub(nose, head))
    toward = project(_add(head, forward), view)[2] - project(head, view)[2]
    if toward < 0.3:
        return None  # seen edge-on or from behind: the nose shows instead
    centre = _add(head, forward, 0.45 * HEAD_R)
    crown = _unit(_sub(sk.points["crown"], head))
    across = _cross(forward, crown)
    rim = [
        _add(_add(centre, crown, 0.72 * HEAD_R * math.sin(t)), across, 0.62 * HEAD_R * math.cos(t))
        for t in (2 * math.pi * i / 16 for i in range(16))
    ]
    return [project(p, view)[:2] for p in rim]


def _props(sk: Skeleton, view: str, pair: tuple[Skeleton, Skeleton]) -> list[Shape]:
    """Chair, mat and wall, in the same projection, behind the body; the mat under both
    poses of the pair (one mat in both pictures)."""
    shapes: list[Shape] = []
    boxes: list[tuple[str, Vec, Vec]] = []
    if sk.seat is not None:
        px = sk.points["pelvis"][0]
        back, front = px - 9.0, px + 8.0
        boxes += [
            ("prop", (back, sk.seat - 2.5, -9.0), (front, sk.seat, 9.0)),
            ("prop", (front - 1.5, 0.0, -9.0), (front, sk.seat, -7.5)),
            ("prop", (front - 1.5, 0.0, 7.5), (front, sk.seat, 9.0)),
            ("prop", (back, 0.0, -9.0), (back + 1.5, sk.seat + 22.0, -7.5)),
            ("prop", (back, 0.0, 7.5), (back + 1.5, sk.seat + 22.0, 9.0)),
            ("prop", (back, sk.seat + 12.0, -9.0), (back + 1.5, sk.seat + 22.0, 9.0)),
        ]
    if sk.mat:
        xs = [p[0] for one in pair if one.mat for p in one.points.values()]
        zs = [p[2] for one in pair if one.mat for p in one.points.values()]
        lo_z, hi_z = min(min(zs) - 4.0, -11.0), max(max(zs) + 4.0, 11.0)
        boxes.append(("mat", (min(xs) - 4.0, -1.2, lo_z), (max(xs) + 4.0, 0.0, hi_z)))
    if sk.wall is not None:
        boxes.append(("wall", (sk.wall - 3.0, 0.0, -16.0), (sk.wall, 105.0, 16.0)))
    for kind, lo, hi in boxes:
        corners = [
            project((x, y, z), view)
            for x in (lo[0], hi[0])
            for y in (lo[1], hi[1])
            for z in (lo[2], hi[2])
        ]
        shapes.append(Shape(kind, _poly(_hull([(c[0], c[1]) for c in corners]))))
    return shapes


def _point(sk: Skeleton, name: str, view: str) -> tuple[float, float, float]:
    """A point of the skeleton projected, or the middle of a spine segment."""
    if name == "upper_back":
        a, b = project(sk.points["mid_back"], view), project(sk.points["shoulder"], view)
    elif name == "lower_back":
        a, b = project(sk.points["pelvis"], view), project(sk.points["mid_back"], view)
    else:
        return project(sk.points[name], view)
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2


def _moved(start: Skeleton, end: Skeleton, name: str, view: str) -> float:
    p, q = _point(start, name, view), _point(end, name, view)
    return math.hypot(p[0] - q[0], p[1] - q[1])


def _change(a: dict[str, Any], b: dict[str, Any], key: str) -> float:
    """How many degrees an angle turns between two poses (the short way round)."""
    return abs((float(b[key]) - float(a[key]) + 180.0) % 360.0 - 180.0)


def arrow_part(start: Pose, end: Pose) -> str:
    """Where a clinician puts the arrow when the exercise does not say: the spine when it bends
    or turns, the hip when the trunk tips, the head when the neck moves, else a limb."""
    a, b = angles(start), angles(end)
    for key in (a, b):  # the head's direction from the upper back's, not from the page's
        key["neck"] = key["head"] - key["torso"] + key["upper_back"]
    if max(_change(a, b, k) for k in SPINE) >= BENDS:
        return "spine"
    if _change(a, b, "torso") >= BENDS:
        return "hip"
    if max(_change(a, b, k) for k in ("neck", "neck_turn", "neck_side")) >= BENDS:
        return "head"
    return "limb"


def _arrow(start: Skeleton, end: Skeleton, view: str, turning: bool, part: str) -> Arrow | None:
    """An arrow at the part that moves, from where it was to where it goes, beside the body.

    part is one of model.ARROW_PARTS, or "spine" (the spine segment that moves most) or
    "limb" (the hand, elbow, knee or foot that moves most). A hip that stays where it is
    while the trunk tips over it (a hinge) gets a curved arrow around it."""
    if part == "spine":
        names: tuple[str, ...] = ("lower_back", "mid_back", "upper_back")
    elif part == "limb":
        names = tuple(n for k in ("hand", "elbow", "knee", "foot") for n in PART_POINTS[k])
    else:
        names = PART_POINTS[part]
    dist, name = max((_moved(start, end, n, view), n) for n in names)
    if part == "hip" and dist < 4.0:
        return _hinge(start, end, view, ("pelvis", "shoulder"))
    if dist < 1.0:
        return None
    p, q = _point(start, name, view), _point(end, name, view)
    u = (q[0] - p[0]) / dist, (q[1] - p[1]) / dist
    gap = radius(name if name in end.points else "mid_back") + 3.0
    length = 10.0
    ahead = (q[0] + u[0] * gap, q[1] + u[1] * gap)  # just beyond where the part goes
    behind = (q[0] - u[0] * (gap + length), q[1] - u[1] * (gap + length))  # pointing at it
    straight = [] if turning else [_line(ahead, u, length), _line(behind, u, length)]
    beside = []
    mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
    half = max(dist, 12.0) / 2 * 0.8
    bulge = half * 0.7 if turning else 0.0
    for n in ((-u[1], u[0]), (u[1], -u[0])):  # on either side of the way it goes
        s0 = (mx - u[0] * half + n[0] * gap, my - u[1] * half + n[1] * gap)
        e0 = (mx + u[0] * half + n[0] * gap, my + u[1] * half + n[1] * gap)
        beside.append((s0, (mx + n[0] * (gap + bulge), my + n[1] * (gap + bulge)), e0))
    # a short move shows best as a short arrow at the part; a long one along its way
    first = straight + beside if dist < 14.0 or name in SPINE_POINTS else beside + straight
    shown = [c for c in first if view in ("top", "top-along") or max(c[0][1], c[2][1]) < 0.0]
    best = max(shown or first, key=lambda c: _clearance(end, view, c) - 0.5 * first.index(c))
    return _arrow_with_head(*best)


SPINE_POINTS = ("lower_back", "mid_back", "upper_back")


def _line(s: Point, u: Point, length: float) -> tuple[Point, Point, Point]:
    e = s[0] + u[0] * length, s[1] + u[1] * length
    return s, ((s[0] + e[0]) / 2, (s[1] + e[1]) / 2), e


def _clearance(sk: Skeleton, view: str, curve: tuple[Point, Point, Point]) -> float:
    """How far the arrow stays from the body's outline (negative: it crosses the body),
    capped: beyond a few units every place is as good."""
    (x0, y0), (cx, cy), (x1, y1) = curve
    samples = [
        (
            (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
            (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1,
        )
        for t in (0.0, 0.25, 0.5, 0.75, 1.0)
    ]
    parts = [(ends, w0, w1) for _, ends, w0, w1 in sk.segments]
    parts.append((("head", "head"), HEAD_R, HEAD_R))
    nearest = 4.0
    for ends, w0, _ in parts:
        pts = [project(sk.points[e], view) for e in ends]
        for a, b in itertools.pairwise(pts):
            for pt in samples:
                nearest = min(nearest, _to_segment(pt, a[:2], b[:2]) - w0)
    return nearest


def _to_segment(p: Point, a: Point, b: Point) -> float:
    """The distance from p to the segment from a to b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _hinge(start: Skeleton, end: Skeleton, view: str, bone: tuple[str, str]) -> Arrow | None:
    """A curved arrow around a joint (the hip) at the height of the point beyond it (the
    shoulders), from where that was to just short of where it is."""
    joint, tip = bone
    hip = project(end.points[joint], view)
    was = project(start.points[tip], view)
    was0 = project(start.points[joint], view)
    now = project(end.points[tip], view)
    reach = math.hypot(now[0] - hip[0], now[1] - hip[1])
    a0 = math.atan2(was[1] - was0[1], was[0] - was0[0])
    a1 = math.atan2(now[1] - hip[1], now[0] - hip[0])
    turn = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
    short = (radius(tip) + 3.0) / reach  # clear of the trunk's outline
    if abs(turn) <= short + 0.1:
        return None
    a1 = a0 + turn - math.copysign(short, turn)
    mid, half = (a0 + a1) / 2, abs(a1 - a0) / 2

    def at(angle: float, r: float) -> Point:
        return hip[0] + r * math.cos(angle), hip[1] + r * math.sin(angle)

    return _arrow_with_head(at(a0, reach), at(mid, reach / math.cos(half)), at(a1, reach))


def _arrow_with_head(s: Point, c: Point, e: Point) -> Arrow:
    """A quadratic curve from s to e (control point c) and its head at e."""
    tx, ty = e[0] - c[0], e[1] - c[1]
    tn = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tn, ty / tn
    size = 3.2
    ex, ey = e
    head = [
        (ex + tx * size, ey + ty * size),
        (ex - ty * size * 0.8, ey + tx * size * 0.8),
        (ex + ty * size * 0.8, ey - tx * size * 0.8),
    ]
    path = f"M{_num(s[0])} {_num(s[1])} Q{_num(c[0])} {_num(c[1])} {_num(ex)} {_num(ey)}"
    return Arrow(path, _poly(head))


def _face(sk: Skeleton, view: str) -> tuple[float, float, float, str] | None:
    """The nose where it shows beyond the head's outline (a face seen from the front is the
    light patch of _face_patch)."""
    hx, hy, hd = project(sk.points["head"], view)
    nx, ny, nd = project(sk.points["nose"], view)
    if nd < hd - 0.2 * HEAD_R:
        return None  # the face looks away
    off = math.hypot(nx - hx, ny - hy)
    if off > 0.75 * HEAD_R:
        k = (HEAD_R + 0.6) / off
        return round(hx + (nx - hx) * k, 1), round(hy + (ny - hy) * k, 1), 1.8, "nose"
    return None


def draw_pair(
    start: Pose, end: Pose, view: str | None, hold: bool, arrow: str | None = None
) -> tuple[Drawing, Drawing]:
    """The start and end drawings of an exercise, in one view and one frame.

    arrow names the part the arrow is drawn at (model.ARROW_PARTS); None: arrow_part's choice.
    """
    return _draw_pair(start, end, view, hold, arrow)


@cache
def _draw_pair(
    start: Pose, end: Pose, view: str | None, hold: bool, part: str | None
) -> tuple[Drawing, Drawing]:
    s, e = skeleton(start), skeleton(end)
    e = _anchored(s, e)
    chosen = view or choose_view(s, e)
    proj = screen(s, chosen)
    turning = any(
        angles(start)[k] != angles(end)[k] for k in ZERO if k.endswith(("_turn", "_side"))
    )
    arrow = None if hold else _arrow(s, e, proj, turning, part or arrow_part(start, end))
    bodies = [_body(s, proj), _body(e, proj)]
    props = [_props(s, proj, (s, e)), _props(e, proj, (s, e))]
    if s.seat is not None and e.seat is None:  # standing up: the chair stays where it was
        props[1] = [shape for shape in props[0] if shape.kind == "prop"] + props[1]
    pts = [pt for part in bodies for _, shape in part for pt in _points(shape.points)]
    pts += [pt for part in props for shape in part for pt in _points(shape.points)]
    if arrow is not None:
        pts += _points(arrow.head)
        nums = [float(t) for t in arrow.path.replace("M", " ").replace("Q", " ").split()]
        pts += list(zip(nums[::2], nums[1::2], strict=True))
    left = min(x for x, _ in pts) - MARGIN
    right = max(x for x, _ in pts) + MARGIN
    top = min(y for _, y in pts) - MARGIN - (10.0 if hold else 0.0)
    bottom = max(y for _, y in pts) + MARGIN
    if chosen != "top":
        bottom = max(bottom, MARGIN * 0.6)
    box = (left, top, right, bottom)
    return (
        _assemble(s, bodies[0], props[0], (chosen, proj), box, None, False),
        _assemble(e, bodies[1], props[1], (chosen, proj), box, arrow, hold),
    )


ANCHORS = ("ankle_near", "toe_near", "knee_near", "hand_near", "head")


def _anchored(start: Skeleton, end: Skeleton) -> Skeleton:
    """The end pose moved forwards or back so that a part resting on the floor in both poses
    (feet first, then knees, hands, head) stays where it was: what moves shows as moving."""
    for name in ANCHORS:
        if all(sk.points[name][1] - radius(name) <= CONTACT for sk in (start, end)):
            dx = start.points[name][0] - end.points[name][0]
            points = {k: (p[0] + dx, p[1], p[2]) for k, p in end.points.items()}
            wall = None if end.wall is None else end.wall + dx
            return dataclasses.replace(end, points=points, wall=wall)
    return end


def _points(text: str) -> list[Point]:
    return [(float(x), float(y)) for x, y in (pair.split(",") for pair in text.split())]


def _assemble(
    sk: Skeleton,
    body: list[tuple[float, Shape]],
    props: list[Shape],
    views: tuple[str, str],
    box: tuple[float, float, float, float],
    arrow: Arrow | None,
    hold: bool,
) -> Drawing:
    """One drawing: props behind, then the body far to near, the floor, the marks.

    views: the view's name and the projection it is drawn in (screen)."""
    name, view = views
    left, top, right, bottom = box
    floor = None if name == "top" else (round(left, 1), 0.0, round(right, 1), 0.0)
    centre = project(sk.points["mid_back"], view)[2]
    ordered = [
        Shape("far" if d < centre - 2.5 else "near", shape.points)
        if shape.kind in ("near", "far")
        else shape
        for d, shape in sorted(body, key=lambda item: item[0])
    ]
    width, height = right - left, bottom - top
    marker = (round(right - 8.0, 1), round(top + 8.0, 1), 5.5) if hold else None
    return Drawing(
        viewbox=f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}",
        width=round(width, 1),
        height=round(height, 1),
        shapes=tuple(props + ordered),
        floor=floor,
        face=_face(sk, view),
        arrow=arrow,
        hold=marker,
        view=name,
    )


def draw(pose: Pose, view: str = "side") -> Drawing:
    """One pose drawn on its own, with no arrow."""
    return _draw_pair(pose, pose, view, False, None)[0]


def largest_move(start: Pose, end: Pose, view: str) -> tuple[float, str]:
    """How far (in drawing units) the part that moves most travels in a view, and which."""
    s, e = skeleton(start), skeleton(end)
    return max(
        (math.dist(project(s.points[n], view)[:2], project(e.points[n], view)[:2]), n)
        for n in MOVERS
    )
