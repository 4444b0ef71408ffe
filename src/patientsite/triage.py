"""Clinical-safety rules: warning signs checked against the red-flag catalogue.

The catalogue (`content/red_flags.yaml`) gives each kind of red flag the lowest level it
may be filed at, the body regions whose warning signs must include it, and words that
show a text is about it. These checks make a content mistake that could send a patient
to the wrong place fail the build, with the file, line and column of the mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from patientsite import model as m
from patientsite.placeholders import fill
from patientsite.problems import Problem, field_path
from patientsite.yamlsource import Loc, YamlDocument, problem_at

if TYPE_CHECKING:
    from patientsite.loader import Content, Programme

NONE = "none"  # a sign that is no red flag (the brochure's "contact the clinic" items)
EMERGENCY = "{emergency}"
HELPLINE = "{helpline}"
REQUIRED_NUMBER = {"emergency": EMERGENCY, "urgent": HELPLINE}  # the number each card must give


def check(
    content: Content, programme: Programme, docs: Mapping[str, YamlDocument | None]
) -> Iterator[Problem]:
    """Every clinical-safety problem of one programme (docs: its files and the shared ones)."""
    signs_doc, programme_doc = docs.get("warning_signs"), docs.get("programme")
    assert signs_doc and programme_doc
    yield from levels(content, programme, signs_doc)
    yield from signs(content, programme, signs_doc)
    yield from regions_covered(content, programme, programme_doc)
    yield from misleading_words(content, programme, programme_doc)


def check_library(content: Content, docs: Mapping[str, YamlDocument | None]) -> Iterator[Problem]:
    """Every clinical-safety problem of the shared files (catalogue, clinic, exercise library)."""
    flags_doc, library_doc, clinic_doc = (
        docs.get("red_flags"),
        docs.get("exercise_library"),
        docs.get("clinic"),
    )
    assert flags_doc and library_doc and clinic_doc
    yield from clinic_region(content.clinic, content.regions, clinic_doc)
    yield from catalogue(content.red_flags, flags_doc)
    yield from stop_rules(content, library_doc)


def rank(urgency: str) -> int:
    """How urgent a level is: the higher, the more urgent."""
    return m.URGENCY_RANK[urgency]


def keyword_pattern(word: str) -> re.Pattern[str]:
    """A keyword matches at the start of a word: 'tisse' finds 'tisse' and 'tisser'."""
    return re.compile(rf"(?<!\w){re.escape(word)}", re.IGNORECASE)


def whole_word(word: str) -> re.Pattern[str]:
    """A whole word only: 'bryst' finds 'bryst' but not 'brystryggen'."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def catalogue(flags: m.RedFlags, doc: YamlDocument) -> Iterator[Problem]:
    """The catalogue names only body regions it lists, and 'none' is not a flag's id."""
    known = [r.id for r in flags.body_regions]
    for index, flag in enumerate(flags.red_flags):
        if flag.id == NONE:
            yield problem_at(
                doc, ("red_flags", index, "id"), "'none' is kept for signs that are no red flag"
            )
        for r_index, region in enumerate(flag.regions):
            if region not in known:
                yield problem_at(
                    doc,
                    ("red_flags", index, "regions", r_index),
                    f"unknown body region '{region}' (expected one of: {', '.join(known)})",
                )


def levels(content: Content, programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """Cards run from the most urgent down, one card per level, each with the right number."""
    seen: dict[str, int] = {}
    previous = 99
    reserved = {r.helpline.number for r in content.regions.regions} | {
        s.number for s in content.site.services
    }
    for index, level in enumerate(programme.warning_signs.levels):
        loc: Loc = ("levels", index, "urgency")
        if level.urgency in seen:
            yield problem_at(
                doc,
                loc,
                f"a second card at level '{level.urgency}' (also levels[{seen[level.urgency]}]); "
                "put its signs on that card",
            )
        elif rank(level.urgency) > previous:
            yield problem_at(
                doc,
                loc,
                f"level '{level.urgency}' comes after a less urgent card; most urgent first",
            )
        seen.setdefault(level.urgency, index)
        previous = min(previous, rank(level.urgency))
        numbers = [c.number for c in level.contacts]
        required = REQUIRED_NUMBER.get(level.urgency)
        if required and required not in numbers:
            yield problem_at(
                doc,
                ("levels", index, "contacts"),
                f"a card at level '{level.urgency}' must give the number {required} "
                f"(got {', '.join(numbers)})",
            )
        for c_index, contact in enumerate(level.contacts):
            if not contact.number.startswith("{") and contact.number in reserved:
                yield problem_at(
                    doc,
                    ("levels", index, "contacts", c_index, "number"),
                    f"write the placeholder, not the number '{contact.number}': the number "
                    "depends on the clinic's region",
                )


def signs(content: Content, programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """Each sign is a known red flag, filed no lower than the flag (or its words) allow."""
    flags = {flag.id: flag for flag in content.red_flags.red_flags}
    expected = ", ".join([NONE, *flags])
    placed: dict[str, tuple[str, Loc]] = {}  # red flag -> the level and sign it was first on
    for l_index, level in enumerate(programme.warning_signs.levels):
        for s_index, sign in enumerate(level.signs):
            loc: Loc = ("levels", l_index, "signs", s_index)
            flag = flags.get(sign.red_flag)
            if sign.red_flag != NONE and flag is None:
                yield problem_at(
                    doc,
                    (*loc, "red_flag"),
                    f"unknown red flag '{sign.red_flag}' (expected one of: {expected})",
                )
            if flag is not None:
                if rank(level.urgency) < rank(flag.lowest_level):
                    yield problem_at(
                        doc,
                        (*loc, "red_flag"),
                        f"a '{flag.id}' sign belongs at level '{flag.lowest_level}' or more "
                        f"urgent (red_flags.yaml); this card is '{level.urgency}'",
                    )
                first = placed.setdefault(flag.id, (level.urgency, loc))
                if first[0] != level.urgency:
                    yield problem_at(
                        doc,
                        (*loc, "red_flag"),
                        f"red flag '{flag.id}' is on two levels: '{first[0]}' "
                        f"({field_path(first[1])}) and '{level.urgency}'; keep it on one",
                    )
            yield from _words_at_level(content, doc, sign, level, loc)


def _words_at_level(
    content: Content, doc: YamlDocument, sign: m.Sign, level: m.Level, loc: Loc
) -> Iterator[Problem]:
    """A sign whose words belong to a more urgent red flag cannot sit on this card."""
    for lang, text in sign.text.root.items():
        for flag in content.red_flags.red_flags:
            if rank(level.urgency) >= rank(flag.lowest_level):
                continue
            for word in flag.keywords.root.get(lang, []):
                if keyword_pattern(word).search(text):
                    yield problem_at(
                        doc,
                        (*loc, "text", lang),
                        f"'{word}' is a sign of '{flag.id}', which belongs at level "
                        f"'{flag.lowest_level}' or more urgent (red_flags.yaml); this card is "
                        f"'{level.urgency}': move the sign or reword it",
                    )
                    break


def regions_covered(content: Content, programme: Programme, doc: YamlDocument) -> Iterator[Problem]:
    """Every body region the programme covers has a sign for each of its red flags."""
    catalogue = content.red_flags
    known = [r.id for r in catalogue.body_regions]
    named = {sign.red_flag for level in programme.warning_signs.levels for sign in level.signs}
    for index, region in enumerate(programme.programme.target_group.regions):
        loc: Loc = ("target_group", "regions", index, "id")
        if region.id not in known:
            yield problem_at(
                doc,
                loc,
                f"unknown body region '{region.id}' (expected one of: {', '.join(known)}; "
                "red_flags.yaml lists their red flags)",
            )
            continue
        missing = [
            f.id for f in catalogue.red_flags if region.id in f.regions and f.id not in named
        ]
        if missing:
            yield problem_at(
                doc,
                loc,
                f"the programme covers '{region.id}', but warning_signs.yaml has no sign for "
                f"its red flags: {', '.join(missing)} (red_flags.yaml)",
            )


def misleading_words(
    content: Content, programme: Programme, doc: YamlDocument
) -> Iterator[Problem]:
    """Where the programme says where its patients have pain, no word may mislead."""
    group = programme.programme.target_group
    texts: list[tuple[Loc, m.Text]] = [
        *((("target_group", "regions", i, "name"), r.name) for i, r in enumerate(group.regions)),
        *((("target_group", "criteria", i), text) for i, text in enumerate(group.criteria)),
    ]
    for loc, text in texts:
        for lang, value in text.root.items():
            for rule in content.red_flags.misleading_words:
                for word in rule.words.root.get(lang, []):
                    if whole_word(word).search(value):
                        yield problem_at(
                            doc,
                            (*loc, lang),
                            f"'{word}' can be read as a place of pain that it is not "
                            f"({rule.why.split('.')[0].strip()}); write "
                            f"'{rule.instead.get(lang)}' instead",
                        )
                        break


def stop_rules(content: Content, doc: YamlDocument) -> Iterator[Problem]:
    """An exercise's stop-and-call rule names a known flag and, for an emergency, 112."""
    flags = {flag.id: flag for flag in content.red_flags.red_flags}
    areas = [c.id for c in content.exercise_library.regions]
    for index, rule in enumerate(content.exercise_library.stop_and_call.rules):
        loc: Loc = ("stop_and_call", "rules", index)
        flag = flags.get(rule.red_flag)
        if flag is None:
            yield problem_at(
                doc,
                (*loc, "red_flag"),
                f"unknown red flag '{rule.red_flag}' (expected one of: {', '.join(flags)})",
            )
        elif flag.lowest_level == "emergency" and rule.call != EMERGENCY:
            yield problem_at(
                doc,
                (*loc, "call"),
                f"'{flag.id}' is an emergency: the rule must say call {EMERGENCY} "
                f"(got {rule.call or 'nothing'})",
            )
        for a_index, area in enumerate(rule.regions):
            if area not in areas:
                yield problem_at(
                    doc,
                    (*loc, "regions", a_index),
                    f"unknown body area '{area}' (expected one of: {', '.join(areas)})",
                )


def clinic_region(clinic: m.Clinic, regions: m.Regions, doc: YamlDocument) -> Iterator[Problem]:
    """The clinic's region is one of regions.yaml's, so its helpline number is known."""
    known = [r.id for r in regions.regions]
    if clinic.region not in known:
        yield problem_at(
            doc,
            ("region",),
            f"unknown region '{clinic.region}' (expected one of: {', '.join(known)})",
        )


def review_table(content: Content, lang: str) -> list[str]:
    """The whole triage on one page, as Markdown: for a clinician to review (`make report`)."""
    flags = {flag.id: flag for flag in content.red_flags.red_flags}
    out = [
        "## Clinical safety",
        "",
        "Every warning sign by level, its red flag, the lowest level the catalogue "
        "(red_flags.yaml) allows, the body regions the flag covers, and the sources of the sign "
        f"(warning_signs.yaml) and of the flag (red_flags.yaml). Texts in '{lang}'.",
    ]
    for programme in content.programmes.values():
        out += _programme_table(content, programme, lang, flags)
    out += ["", "### Why each red flag has its level", ""]
    out += [f"- **{f.id}** ({f.lowest_level}): {' '.join(f.why.split())}" for f in flags.values()]
    home = content.health_region()
    out += [
        "",
        "### Numbers to call",
        "",
        f"The clinic is in **{home.id}**: {{helpline}} is {home.helpline.number} "
        f"({home.helpline.name.get(lang)}); {{emergency}} is "
        f"{content.placeholders(lang).get('emergency', '–')}.",
        "",
        "| region | helpline | sources | note |",
        "| --- | --- | --- | --- |",
    ]
    out += [
        f"| {r.id} | {r.helpline.number} ({r.helpline.name.get(lang)}) | {', '.join(r.sources)} "
        f"| {' '.join((r.note or '–').split())} |"
        for r in content.regions.regions
    ]
    return [*out, ""]


def _programme_table(
    content: Content, programme: Programme, lang: str, flags: Mapping[str, m.RedFlag]
) -> list[str]:
    """One programme's signs by level, and its body regions' red flags."""
    values = content.placeholders(lang, programme.id)

    def text(value: m.Text) -> str:
        return fill(value.get(lang), values).replace("|", "\\|")

    out = [
        "",
        f"### Programme '{programme.id}': {text(programme.programme.name)}",
        "",
        "| level | sign | red flag | lowest level | regions | sign sources | flag sources |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for level in programme.warning_signs.levels:
        for sign in level.signs:
            flag = flags.get(sign.red_flag)
            out.append(
                f"| {level.urgency}: {text(level.heading)} | {text(sign.text)} "
                f"| {sign.red_flag} | {flag.lowest_level if flag else '–'} "
                f"| {', '.join(flag.regions) if flag else '–'} "
                f"| {', '.join(sign.sources) or '–'} "
                f"| {', '.join(flag.sources) if flag else '–'} |"
            )
    out += ["", "Red flags by body region of the programme:", ""]
    named = {sign.red_flag for level in programme.warning_signs.levels for sign in level.signs}
    for region in programme.programme.target_group.regions:
        required = [f.id for f in flags.values() if region.id in f.regions]
        shown = [f"{f} ({'present' if f in named else '**missing**'})" for f in required]
        out.append(f"- **{region.id}**: {', '.join(shown) or 'no red flags listed'}")
    return out
