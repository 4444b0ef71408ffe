"""A drawn pose: a preset and joint angles in three planes (see figure.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    Field,
)

from patientsite.model.text import Strict, describe

Angle = Annotated[float, Field(ge=-360, le=360)]
PRESETS = (
    "standing",
    "sitting",
    "supine",
    "hook-lying",
    "prone",
    "quadruped",
    "side-lying",
    "side-plank",
)
PROPS = ("none", "mat", "chair", "wall")
VIEWS = ("side", "front", "top")
ARROW_PARTS = (
    "head",
    "upper-back",
    "back",
    "lower-back",
    "hip",
    "hand",
    "elbow",
    "knee",
    "foot",
)
POSITIONS = ("standing", "sitting", "supine", "prone", "side-lying", "quadruped")


def _turn_field(da: str, en: str) -> Any:
    """An optional angle in degrees that keeps the preset's value when left out."""
    return Field(
        default=None,
        description=describe(da + " Uden: stillingens egen.", en + " Without: the preset's own."),
    )


class Pose(Strict):
    """A figure's 3-D pose: a preset position, with any angle changed (figure.py draws it).

    Angles are in degrees, counter-clockwise from pointing right (0 = right, 90 = up,
    -90 = down). Each names the direction of a body segment from its upper joint:
    torso from hip to shoulder, head from shoulder, arm from shoulder to elbow,
    forearm from elbow to hand, thigh from hip to knee, shin from knee to ankle.
    `_far` is the limb further from the viewer (drawn lighter). The spine, the limbs out of
    the side plane and the roll of the whole body are the fields after `foot_far`.
    """

    preset: Literal[PRESETS] = Field(  # type: ignore[valid-type]
        description=describe(
            "Udgangsstilling: standing, sitting, supine (på ryggen), hook-lying (på ryggen med "
            "bøjede knæ), prone (på maven), quadruped (på alle fire), side-lying (på siden) "
            "eller side-plank.",
            "Starting position: standing, sitting, supine (on the back), hook-lying (on the "
            "back, knees bent), prone (on the front), quadruped (on all fours), side-lying "
            "(on the side) or side-plank.",
        )
    )
    prop: Literal[PROPS] | None = Field(  # type: ignore[valid-type]
        default=None,
        description=describe(
            "Udstyr på tegningen: none, mat, chair eller wall. Uden: stillingens eget.",
            "Equipment in the drawing: none, mat, chair or wall. Without: the preset's own.",
        ),
    )
    torso: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af overkroppen (fra hofte til skulder) i grader. Uden: stillingens egen.",
            "Direction of the torso (from hip to shoulder) in degrees. Without: the preset's own.",
        ),
    )
    head: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af hovedet (fra skulderen) i grader. Uden: stillingens egen.",
            "Direction of the head (from the shoulder) in degrees. Without: the preset's own.",
        ),
    )
    arm: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af overarmen (fra skulder til albue) i grader. Uden: stillingens egen.",
            "Direction of the upper arm (from shoulder to elbow) in degrees. "
            "Without: the preset's own.",
        ),
    )
    forearm: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af underarmen (fra albue til hånd) i grader. Uden: stillingens egen.",
            "Direction of the forearm (from elbow to hand) in degrees. Without: the preset's own.",
        ),
    )
    arm_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne overarm i grader. Uden: stillingens egen.",
            "Direction of the far upper arm in degrees. Without: the preset's own.",
        ),
    )
    forearm_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne underarm i grader. Uden: stillingens egen.",
            "Direction of the far forearm in degrees. Without: the preset's own.",
        ),
    )
    thigh: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af låret (fra hofte til knæ) i grader. Uden: stillingens egen.",
            "Direction of the thigh (from hip to knee) in degrees. Without: the preset's own.",
        ),
    )
    shin: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af underbenet (fra knæ til ankel) i grader. Uden: stillingens egen.",
            "Direction of the shin (from knee to ankle) in degrees. Without: the preset's own.",
        ),
    )
    thigh_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af det fjerne lår i grader. Uden: stillingens egen.",
            "Direction of the far thigh in degrees. Without: the preset's own.",
        ),
    )
    shin_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af det fjerne underben i grader. Uden: stillingens egen.",
            "Direction of the far shin in degrees. Without: the preset's own.",
        ),
    )
    foot: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af foden (fra anklen) i grader. Uden: stillingens egen.",
            "Direction of the foot (from the ankle) in degrees. Without: the preset's own.",
        ),
    )
    foot_far: Angle | None = Field(
        default=None,
        description=describe(
            "Retningen af den fjerne fod i grader. Uden: stillingens egen.",
            "Direction of the far foot in degrees. Without: the preset's own.",
        ),
    )

    upper_back: Angle | None = _turn_field(
        "Hvor meget den øvre ryg bøjer frem i forhold til lænden (negativ: bagover), i grader.",
        "How far the upper back bends forwards from the lower back (negative: backwards), "
        "in degrees.",
    )
    lower_back_turn: Angle | None = _turn_field(
        "Drejning af lænden (positiv: mod den nære side), i grader.",
        "Rotation of the lower back (positive: towards the near side), in degrees.",
    )
    lower_back_side: Angle | None = _turn_field(
        "Sidebøjning af lænden (positiv: mod den nære side), i grader.",
        "Side bend of the lower back (positive: towards the near side), in degrees.",
    )
    upper_back_turn: Angle | None = _turn_field(
        "Drejning af den øvre ryg (positiv: mod den nære side), i grader.",
        "Rotation of the upper back (positive: towards the near side), in degrees.",
    )
    upper_back_side: Angle | None = _turn_field(
        "Sidebøjning af den øvre ryg (positiv: mod den nære side), i grader.",
        "Side bend of the upper back (positive: towards the near side), in degrees.",
    )
    neck_turn: Angle | None = _turn_field(
        "Drejning af hovedet (positiv: mod den nære side), i grader.",
        "Rotation of the head (positive: towards the near side), in degrees.",
    )
    neck_side: Angle | None = _turn_field(
        "Sidebøjning af nakken (positiv: mod den nære side), i grader.",
        "Side bend of the neck (positive: towards the near side), in degrees.",
    )
    roll: Angle | None = _turn_field(
        "Hele kroppen vippet om sin længdeakse: 90 er på siden med den nære side opad.",
        "The whole body tipped about its long axis: 90 is on the side, near side up.",
    )
    arm_out: Angle | None = _turn_field(
        "Overarmen ud til siden (negativ: ind over kroppen), i grader.",
        "The upper arm out to the side (negative: across the body), in degrees.",
    )
    forearm_out: Angle | None = _turn_field(
        "Underarmen ud til siden (negativ: ind over kroppen), i grader.",
        "The forearm out to the side (negative: across the body), in degrees.",
    )
    arm_far_out: Angle | None = _turn_field(
        "Den fjerne overarm ud til siden, i grader.",
        "The far upper arm out to the side, in degrees.",
    )
    forearm_far_out: Angle | None = _turn_field(
        "Den fjerne underarm ud til siden, i grader.",
        "The far forearm out to the side, in degrees.",
    )
    thigh_out: Angle | None = _turn_field(
        "Låret ud til siden (negativ: ind over det andet ben), i grader.",
        "The thigh out to the side (negative: across the other leg), in degrees.",
    )
    shin_out: Angle | None = _turn_field(
        "Underbenet ud til siden, i grader.",
        "The shin out to the side, in degrees.",
    )
    thigh_far_out: Angle | None = _turn_field(
        "Det fjerne lår ud til siden, i grader.",
        "The far thigh out to the side, in degrees.",
    )
    shin_far_out: Angle | None = _turn_field(
        "Det fjerne underben ud til siden, i grader.",
        "The far shin out to the side, in degrees.",
    )
