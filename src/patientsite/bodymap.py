"""A picture of a body seen from behind with the areas a programme covers marked.

The areas are the programme's body regions (programme.yaml's target_group.regions, the same
ones the red-flag rules check, see triage.py), placed along the spine of the drawings'
skeleton by data/body_map.yaml. Written once as a shared file beside the exercise drawings
(render.render_figures), so the site and, later, print can use it; the SVG markup is
overrides/content/_body_map.html, the text alternative the page's (_body_map_img.html).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from patientsite import figure
from patientsite import model as m
from patientsite.model import Pose

FOLDER = "figures"  # below the site root, shared by the languages
WIDTH = 120  # CSS pixels: readable on a phone, and in print at about 3 cm
POSE = Pose(preset="standing", arm_out=22, forearm_out=18, arm_far_out=22, forearm_far_out=18)


@dataclass(frozen=True)
class BodyMap:
    """The body's outlines, the marked areas (by region id) and the picture's frame."""

    viewbox: str
    size: tuple[int, int]
    body: tuple[str, ...]  # SVG polygon points, far to near
    areas: tuple[tuple[str, str], ...]  # (region id, polygon points), largest first
    path: str  # one file per set of regions: programmes covering the same ones share it


@cache
def placements() -> dict[str, dict[str, Any]]:
    """Where each body region is drawn, from the data file shipped with the package."""
    text = resources.files("patientsite").joinpath("data/body_map.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def programme_regions(programme: m.Programme) -> tuple[str, ...]:
    """The body regions a programme covers (programme.yaml's target_group.regions)."""
    return tuple(region.id for region in programme.target_group.regions)


@cache
def body_map(regions: tuple[str, ...]) -> BodyMap:
    """The picture with these regions marked (a region body_map.yaml does not place is left
    out; tests/test_bodymap.py holds the file to red_flags.yaml's body regions)."""
    sk = figure.skeleton(POSE)
    body = [shape.points for shape in figure.body_outline(sk, "front")]
    areas = sorted(
        ((region, _band(sk, placements()[region])) for region in regions if region in placements()),
        key=lambda item: -placements()[item[0]]["width"],
    )
    points = [_pair(p) for outline in body for p in outline.split()]
    head_top = min(y for _, y in points)
    hips = -sk.points["pelvis"][1] + 9.0  # the top of the thighs: the areas are all above
    left, right = min(x for x, _ in points) - 2.0, max(x for x, _ in points) + 2.0
    top = head_top - 2.0
    width, height = right - left, hips - top
    return BodyMap(
        viewbox=f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}",
        size=(WIDTH, round(WIDTH * height / width)),
        body=tuple(body),
        areas=tuple(areas),
        path=f"{FOLDER}/body-{'-'.join(regions) or 'none'}.svg",
    )


def _pair(text: str) -> tuple[float, float]:
    x, y = text.split(",")
    return float(x), float(y)


def _band(sk: figure.Skeleton, place: dict[str, Any]) -> str:
    """A region's band along the spine, seen from behind, as polygon points."""
    a, b = sk.points[place["from"]], sk.points[place["to"]]
    ends = [
        figure.project(tuple(a[i] + (b[i] - a[i]) * k for i in range(3)), "front")[:2]
        for k in (place.get("start", 0.0), place.get("upto", 1.0))
    ]
    w = place["width"]
    circle = [
        (x + w * math.cos(2 * math.pi * k / 16), y + w * math.sin(2 * math.pi * k / 16))
        for x, y in ends
        for k in range(16)
    ]
    return figure.polygon(figure.hull(circle))
