"""The body picture: the programme's body regions marked on a body seen from behind."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from patientsite.bodymap import body_map, placements, programme_regions
from patientsite.loader import Content
from patientsite.render import render_figures, render_site
from tests.conftest import ROOT
from tests.raster import rasterise

PAGES = ROOT / "overrides" / "content"
PATH = "figures/body-neck-thoracic-back-low-back.svg"  # the back programme's regions


def _with_regions(content: Content, ids: list[str]) -> Content:
    """The content with the programme covering only these of its regions."""
    back = content.programmes["back"]
    group = back.programme.target_group
    regions = [r for r in group.regions if r.id in ids]
    programme = back.programme.model_copy(
        update={"target_group": group.model_copy(update={"regions": regions})}
    )
    changed = dataclasses.replace(back, files={**back.files, "programme": programme})
    return dataclasses.replace(content, programmes={"back": changed})


def _marked(content: Content) -> list[str]:
    regions = programme_regions(content.programmes["back"].programme)
    svg = render_figures(content, PAGES)[body_map(regions).path].decode("utf-8")
    return sorted(re.findall(r'data-region="([^"]+)"', svg))


def test_the_picture_marks_exactly_the_programmes_regions(content: Content) -> None:
    assert _marked(content) == sorted(["neck", "thoracic", "back", "low-back"])
    assert _marked(content) == sorted(programme_regions(content.programmes["back"].programme))


@pytest.mark.parametrize("ids", [["neck"], ["low-back"], ["neck", "thoracic"]])
def test_a_programme_with_fewer_regions_marks_only_those(content: Content, ids: list[str]) -> None:
    assert _marked(_with_regions(content, ids)) == sorted(ids)


def test_the_neck_is_above_the_upper_back_and_that_above_the_lower_back() -> None:
    areas = dict(body_map(("neck", "thoracic", "low-back")).areas)

    def middle(points: str) -> float:
        ys = [float(p.split(",")[1]) for p in points.split()]
        return (min(ys) + max(ys)) / 2

    assert middle(areas["neck"]) < middle(areas["thoracic"]) < middle(areas["low-back"])


def test_every_body_region_of_the_red_flag_catalogue_has_its_place(content: Content) -> None:
    assert {r.id for r in content.red_flags.body_regions} <= set(placements())


def test_the_marked_areas_stay_dark_and_the_body_light_in_black_and_white(
    content: Content,
) -> None:
    drawn = body_map(("thoracic",))
    svg = render_figures(_with_regions(content, ["thoracic"]), PAGES)[drawn.path]
    (picture,) = rasterise([(svg, drawn.size)])
    grey = picture.convert("L")
    assert grey.width == 120
    left, top, width, _ = (float(v) for v in drawn.viewbox.split())
    xs = [float(p.split(",")[0]) for p in dict(drawn.areas)["thoracic"].split()]
    ys = [float(p.split(",")[1]) for p in dict(drawn.areas)["thoracic"].split()]
    scale = grey.width / width
    centre = ((sum(xs) / len(xs) - left) * scale, ((min(ys) + max(ys)) / 2 - top) * scale)
    head = ((0 - left) * scale, 4.5 * scale)  # the head, just below the picture's top
    assert grey.getpixel(centre) < 80 < 150 < grey.getpixel(head)


def test_the_home_page_shows_it_with_the_regions_named_in_each_language(
    content: Content,
) -> None:
    pages = render_site(content, PAGES, date(2026, 12, 2))
    expected = {
        "index.md": "Tegning af en krop set bagfra. Disse områder er markeret: nakke, "
        "brystryg (mellem skulderbladene), ryg, lænd.",
        "index.en.md": "Drawing of a body seen from behind. These areas are marked: neck, "
        "upper back (between the shoulder blades), back, lower back.",
    }
    for name, alt in expected.items():
        page = pages[name]
        assert f'<img src="{"" if name == "index.md" else "../"}{PATH}" alt="{alt}"' in page
