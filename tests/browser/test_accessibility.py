"""Every page at phone and desktop width: axe-core finds nothing, the keyboard reaches everything.

WCAG 2.2 AA asks that everything works from a keyboard (2.1.1), that the focus is visible
(2.4.7) and not hidden behind other content (2.4.11), and that repeated blocks can be
skipped (2.4.1).
"""

from __future__ import annotations

from tests.browser.site import Visit

# Narrow exceptions to axe-core rules: (rule, page id or "*", CSS target as axe names it), why.
# None so far: keep each one next to the reason it is wrong for that page.
AXE_EXCEPTIONS: dict[tuple[str, str, str], str] = {}


def test_axe_core_finds_no_violation(visited: Visit) -> None:
    found = []
    for violation in visited.axe:
        for node in violation["nodes"]:
            key = (violation["id"], visited.page.id, node["target"])
            wildcard = (violation["id"], "*", node["target"])
            if key in AXE_EXCEPTIONS or wildcard in AXE_EXCEPTIONS:
                continue
            summary = " ".join(node["summary"].split())
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    element: {node['target']}\n    {summary}"
            )
    assert not found, f"{visited.id} ({visited.url}):\n" + "\n".join(found)


def test_the_first_tab_reaches_a_skip_link_that_works(visited: Visit) -> None:
    keyboard = visited.keyboard
    first = keyboard.stops[0].what if keyboard.stops else "nothing"
    assert "md-skip" in first, f"{visited.id}: the first Tab reaches {first}, not the skip link"
    skip = keyboard.skip
    assert skip.get("found"), (
        f"{visited.id}: the skip link leads to {skip.get('hash')!r}, no such id"
    )
    assert skip.get("seen"), f"{visited.id}: the skip link's target {skip['hash']} is not on screen"
    assert skip.get("follows"), (
        f"{visited.id}: after the skip link, Tab goes to {skip.get('what')}, before its target"
    )


def test_the_keyboard_reaches_every_link_the_language_switcher_and_search(visited: Visit) -> None:
    keyboard = visited.keyboard
    reached = {stop.tab for stop in keyboard.stops}
    missing = [
        f"{keyboard.kinds[number]}: {what}"
        for number, what in keyboard.expected.items()
        if number not in reached
    ]
    assert not missing, f"{visited.id}: not reached with Tab:\n" + "\n".join(missing)
    kinds = set(keyboard.kinds.values())
    assert {"switcher", "search", "nav"} <= kinds, f"{visited.id}: the page lacks {kinds}"


def test_the_focus_is_always_visible(visited: Visit) -> None:
    problems = [f"no focus ring: {stop.what}" for stop in visited.keyboard.stops if not stop.ring]
    problems += [
        f"focused but not seen: {stop.what}: {stop.why}"
        for stop in visited.keyboard.stops
        if not stop.seen
    ]
    assert not problems, f"{visited.id}:\n" + "\n".join(problems)
