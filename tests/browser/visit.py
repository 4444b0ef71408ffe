"""Load a page in Chromium and record requests, errors, axe-core's findings and a keyboard walk."""

from __future__ import annotations

import functools
from typing import Any

from playwright.sync_api import BrowserContext, ConsoleMessage, Request, Response

from tests.browser.site import AXE_JS, AXE_TAGS, Keyboard, SitePage, Stop, Viewport, Visit

# Records Content-Security-Policy violations; an init script is not subject to the policy.
CSP_RECORDER = """
window.__psCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__psCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""

# How an element is named in a failure: tag, id or classes, href and the start of its text.
DESCRIBE = """
(el) => {
  const cls = (el.getAttribute("class") || "").split(/\\s+/).filter((c) => c && c !== "focus-visible");
  let s = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls.map((c) => "." + c).join("");
  if (el.getAttribute("href") !== null) s += `[href="${el.getAttribute("href")}"]`;
  const text = (el.innerText || el.getAttribute("aria-label") || el.getAttribute("placeholder") || "")
    .trim().replace(/\\s+/g, " ").slice(0, 40);
  return text ? `${s} "${text}"` : s;
}
"""

# Marks what the keyboard must reach: every link a reader can see, the language links (shown
# when the language button has focus) and the search field. Returns number -> [kind, name].
MARK_EXPECTED = (
    """
() => {
  const describe = """
    + DESCRIBE
    + """;
  const out = {};
  let n = 0;
  const mark = (el, kind) => {
    if (el.dataset.psTab) return;
    el.dataset.psTab = String(++n);
    out[el.dataset.psTab] = [kind, describe(el)];
  };
  document.querySelectorAll(".md-select__link").forEach((el) => mark(el, "switcher"));
  document.querySelectorAll(".md-search__input").forEach((el) => mark(el, "search"));
  document.querySelectorAll("a[href]").forEach((el) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return;
    mark(el, el.closest(".md-nav--primary") ? "nav" : "link");
  });
  return out;
}
"""
)

# Where the focus is, once transitions (the drawer sliding in) have ended: is a focus ring
# drawn, and can the element be seen (on screen, not entirely covered: WCAG 2.4.7, 2.4.11)?
FOCUSED = (
    """
async () => {
  const describe = """
    + DESCRIBE
    + """;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const ring = el.matches(":focus-visible") && cs.outlineStyle !== "none"
    && parseFloat(cs.outlineWidth) >= 2 && !/^rgba\\(.*,\\s*0\\)$/.test(cs.outlineColor);
  const points = [[0.5, 0.5], [0.15, 0.5], [0.85, 0.5], [0.5, 0.2], [0.5, 0.8]];
  const isSeen = () => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && points.some(([fx, fy]) => {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  };
  // Scripts may move things on focus (the search opens): give them a few frames.
  let seen = isSeen();
  for (let frame = 0; !seen && frame < 20; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    seen = isSeen();
  }
  const first = el.dataset.psFirst === "1";
  if (!document.querySelector("[data-ps-first]")) el.dataset.psFirst = "1";
  return { tab: el.dataset.psTab || null, what: describe(el), ring, seen, first };
}
"""
)

# After Enter on the skip link: where it led, whether the target can be seen below the
# sticky header, and then (after one more Tab) whether the focus moved on from there.
SKIP_TARGET = """
() => {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return { hash: location.hash, found: false };
  const r = target.getBoundingClientRect();
  const x = Math.min(r.left + 10, innerWidth - 1), y = r.top + Math.min(r.height / 2, 10);
  const hit = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
  return { hash: location.hash, found: true, seen: hit !== null && (hit === target || target.contains(hit)) };
}
"""
AFTER_SKIP = (
    """
() => {
  const describe = """
    + DESCRIBE
    + """;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const el = document.activeElement;
  if (!target || !el || el === document.body) return { follows: false, what: "nothing" };
  const follows = el === target || Boolean(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return { follows, inContent: Boolean(el.closest(".md-content")), what: describe(el) };
}
"""
)

SEARCH_READY = """
() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  return !meta || meta.textContent.trim() === config.translations["search.result.placeholder"];
}
"""

RUN_AXE = """
async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
  }));
}
"""

MAX_TABS = 400


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8") + "\n;true"


def visit(context: BrowserContext, base_url: str, page: SitePage, viewport: Viewport) -> Visit:
    """Load one page and record everything the per-page checks look at."""
    tab = context.new_page()
    url = base_url.rstrip("/") + page.url_path
    record = Visit(page, viewport, url, status=0)

    def on_request(request: Request) -> None:
        record.requests.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            record.failed.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.console_errors.append(message.text)

    tab.on("request", on_request)
    tab.on("response", on_response)
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: record.page_errors.append(str(error)))
    try:
        tab.add_init_script(CSP_RECORDER)
        response = tab.goto(url, wait_until="load")
        # Search has loaded its index and language support when it offers to take words.
        tab.wait_for_function(SEARCH_READY, timeout=15_000)
        record.status = response.status if response else 0
        if page.is_404 and record.status == 200:
            # The 404 pages are loaded by their own address; a host serves them for unknown ones.
            record.failed = [f for f in record.failed if not f.endswith(page.url_path)]
        record.links = tab.eval_on_selector_all(
            "a[href], link[rel=alternate][hreflang]", "els => els.map(e => e.href)"
        )
        # Evaluated through the DevTools protocol: the page's policy forbids inline scripts.
        tab.evaluate(_axe_source())
        record.axe = tab.evaluate(RUN_AXE, AXE_TAGS)
        record.keyboard = _walk(tab)
        record.csp_violations = tab.evaluate("window.__psCsp")
    finally:
        tab.close()
    return record


def _walk(tab: Any) -> Keyboard:
    """Press Tab from the top of the page until the focus comes back to where it started."""
    keyboard = Keyboard()
    for number, (kind, what) in tab.evaluate(MARK_EXPECTED).items():
        keyboard.expected[number] = what
        keyboard.kinds[number] = kind
    empty = 0
    back_at_start = False
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUSED)
        if info is None:  # the focus left the document (browser chrome); the next Tab returns
            empty += 1
            if empty > 2:
                break
            continue
        if info["first"]:
            back_at_start = True
            break
        keyboard.stops.append(Stop(info["tab"], info["what"], info["ring"], info["seen"]))
    # The focus is on the first stop again: if that is the skip link, follow it.
    if back_at_start and "md-skip" in keyboard.stops[0].what:
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(50)
        keyboard.skip = tab.evaluate(SKIP_TARGET)
        tab.keyboard.press("Tab")
        keyboard.skip.update(tab.evaluate(AFTER_SKIP))
    return keyboard
