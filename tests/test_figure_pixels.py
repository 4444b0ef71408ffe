"""Every exercise's two pictures, rasterised as the site publishes them, visibly differ.

The SVG files are the ones render_figures writes for the site, drawn at the size the pages
show them (WeasyPrint, then pdftoppm; tests/raster.py), in the view each exercise uses.
MIN_SHARE comes from measuring all 24 exercises (see the README's "The exercise library").
"""

from __future__ import annotations

import dataclasses

import pytest
from PIL import Image

from patientsite.loader import Content
from patientsite.model import Exercise
from patientsite.render import drawings, figure_files, render_figures
from tests.conftest import ROOT
from tests.raster import changed_share, rasterise

EXERCISE_IDS = sorted(p.stem for p in (ROOT / "content" / "exercises").glob("*.yaml"))
PAGES = ROOT / "overrides" / "content"
MIN_SHARE = 0.05  # of the body's pixels (inked in either picture, red marks left out)


@pytest.fixture(scope="module")
def pictures(content: Content) -> dict[str, tuple[Image.Image, Image.Image]]:
    """Every exercise's start and end picture as pixels, by exercise id."""
    data, files = render_figures(content, PAGES), figure_files(content)
    ids = sorted(content.exercises)
    svgs = [(data[files[i, w].path], files[i, w].size) for i in ids for w in ("start", "end")]
    images = rasterise([(svg, size) for svg, size in svgs if size is not None])
    return {i: (images[2 * k], images[2 * k + 1]) for k, i in enumerate(ids)}


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_start_and_end_pictures_differ(
    content: Content, pictures: dict[str, tuple[Image.Image, Image.Image]], exercise_id: str
) -> None:
    start, end = pictures[exercise_id]
    share = changed_share(start, end)
    view = drawings(content.exercises[exercise_id])["end"].view
    assert share >= MIN_SHARE, f"{exercise_id}: {share:.1%} of the body differs in the {view} view"


def _still(exercise: Exercise) -> Exercise:
    """The exercise with its end pose made the same as its start pose."""
    ill = exercise.illustration
    still = ill.model_copy(update={"end": ill.end.model_copy(update={"pose": ill.start.pose})})
    return exercise.model_copy(update={"illustration": still})


@pytest.mark.parametrize("exercise_id", ["neck-rotation", "bridge", "front-plank"])
def test_the_measure_fails_when_the_end_pose_is_the_start_pose(
    content: Content, exercise_id: str
) -> None:
    exercise = _still(content.exercises[exercise_id])
    changed = dataclasses.replace(content, exercises={exercise_id: exercise})
    data, files = render_figures(changed, PAGES), figure_files(changed)
    pair = [files[exercise_id, w] for w in ("start", "end")]
    start, end = rasterise([(data[f.path], f.size) for f in pair if f.size is not None])
    assert changed_share(start, end) < MIN_SHARE
