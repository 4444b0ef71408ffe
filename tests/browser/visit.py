"""Load every page in Chromium and record requests, errors, axe-core's findings, a keyboard walk
and where the language switcher leads.

The pages are visited a few at a time in one browser (asyncio), once per screen width; the
per-page tests then read what was recorded. A walk with the keyboard waits for the page at
every step, so visiting pages one after another would take most of the time budget.
"""

from __future__ import annotations

import asyncio
import functools
import traceback
from collections.abc import Iterable

from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    async_playwright,
)

from tests.browser.site import (
    AXE_JS,
    AXE_TAGS,
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    Keyboard,
    SitePage,
    Stop,
    Viewport,
    Visit,
)

CONCURRENT_PAGES = 4
MAX_TABS = 400

# Records Content-Security-Policy violations; an init script is not subject to the policy.
CSP_RECORDER = """
window.__psCsp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__psCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""

# Search has loaded its index and language support when it offers to take words.
SEARCH_READY = """
() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  return !meta || meta.textContent.trim() === config.translations["search.result.placeholder"];
}
"""

# How an element is named in a failure: tag, id or classes, href and the start of its text.
DESCRIBE = """
(el) => {
  const cls = (el.getAttribute("class") || "").split(/\\s+/)
    .filter((c) => c && c !== "focus-visible");
  let s = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls.map((c) => "." + c).join("");
  if (el.getAttribute("href") !== null) s += `[href="${el.getAttribute("href")}"]`;
  const text = (el.innerText || el.getAttribute("aria-label")
    || el.getAttribute("placeholder") || "").trim().replace(/\\s+/g, " ").slice(0, 40);
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

# Where the focus is: is a focus ring drawn, and can the element be seen (on screen and not
# entirely covered: WCAG 2.4.7, 2.4.11)? Scripts may move things on focus (the search opens
# on a phone), so an element not seen at once is looked at again for a few frames.
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
  // A link that wraps has a box per line: any point of any of them will do.
  const isSeen = () => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0
    && points.some(([fx, fy]) => {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    }));
  let seen = isSeen();
  for (let frame = 0; !seen && frame < 60; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    seen = isSeen();
  }
  let why = "";
  if (!seen) {  // what a reader sees there instead
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight
      ? document.elementFromPoint(x, y) : null;
    const at = [r.left, r.top, r.width, r.height].map(Math.round);
    const where = `off screen at ${at[0]},${at[1]} (${at[2]}x${at[3]})`;
    why = hit ? `covered by ${describe(hit)}` : where;
  }
  const first = el.dataset.psFirst === "1";
  if (!document.querySelector("[data-ps-first]")) el.dataset.psFirst = "1";
  // On a phone Material locks the page's scrolling while the search is open and unlocks it
  // 100 ms after it closes; a focus move in between could not scroll the page. A reader's
  // next key comes later than that: the walk waits for it too.
  const settled = () => document.getElementById("__search")?.checked
    || !document.body.hasAttribute("data-md-scrolllock");
  for (let frame = 0; !settled() && frame < 60; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return { tab: el.dataset.psTab || null, what: describe(el), ring, seen, why, first };
}
"""
)

# After Enter on the skip link: where it led, and whether the target can be seen (not under
# the sticky header).
SKIP_TARGET = """
() => {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return { hash: location.hash, found: false };
  const r = target.getBoundingClientRect();
  const x = Math.min(r.left + 10, innerWidth - 1), y = r.top + Math.min(r.height / 2, 10);
  const hit = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
  const seen = hit !== null && (hit === target || target.contains(hit));
  return { hash: location.hash, found: true, seen };
}
"""
# ... and then, one Tab later, whether the focus moved on from the target, past the chrome.
AFTER_SKIP = (
    """
() => {
  const describe = """
    + DESCRIBE
    + """;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const el = document.activeElement;
  if (!target || !el || el === document.body) return { follows: false, what: "nothing" };
  const follows = el === target
    || Boolean(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return { follows, what: describe(el) };
}
"""
)

RUN_AXE = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
  }));
}
"""


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def visit_all(
    base_url: str, pages: Iterable[SitePage], viewports: Iterable[Viewport]
) -> dict[tuple[SitePage, Viewport], Visit]:
    """Visit every page at every width, a few at a time, in one Chromium."""
    return asyncio.run(_visit_all(base_url, list(pages), list(viewports)))


async def _visit_all(
    base_url: str, pages: list[SitePage], viewports: list[Viewport]
) -> dict[tuple[SitePage, Viewport], Visit]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            contexts = {v: await _context(browser, v) for v in viewports}
            queue: asyncio.Queue[tuple[SitePage, Viewport]] = asyncio.Queue()
            for viewport in viewports:
                for page in pages:
                    queue.put_nowait((page, viewport))
            done: dict[tuple[SitePage, Viewport], Visit] = {}

            async def worker() -> None:
                tabs: dict[Viewport, Tab] = {}  # one browser tab per width, reused
                try:
                    while not queue.empty():
                        page, viewport = queue.get_nowait()
                        if viewport not in tabs:
                            tabs[viewport] = await Tab.open(contexts[viewport])
                        done[(page, viewport)] = await _visit(
                            tabs[viewport], base_url, page, viewport
                        )
                finally:
                    for tab in tabs.values():
                        await tab.page.close()

            await asyncio.gather(*(worker() for _ in range(CONCURRENT_PAGES)))
            return done
        finally:
            await browser.close()


async def _context(browser: Browser, viewport: Viewport) -> BrowserContext:
    context = await browser.new_context(
        viewport={"width": viewport.width, "height": viewport.height},
        service_workers="block",
        # Material then drops its transitions: what is measured is where things end up.
        reduced_motion="reduce",
    )
    # Injected by the browser into every page it loads: no page policy applies to these.
    await context.add_init_script(CSP_RECORDER)
    await context.add_init_script(_axe_source())
    return context


class Tab:
    """A browser tab that records what the page in it requests and reports, visit by visit."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.record: Visit | None = None

    @classmethod
    async def open(cls, context: BrowserContext) -> Tab:
        tab = cls(await context.new_page())
        tab.page.on("request", tab._on_request)
        tab.page.on("response", tab._on_response)
        tab.page.on("console", tab._on_console)
        tab.page.on("pageerror", tab._on_error)
        return tab

    def _on_request(self, request: Request) -> None:
        if self.record:
            self.record.requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if self.record and response.status >= 400:
            self.record.failed.append(f"{response.status} {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if self.record and message.type == "error":
            self.record.console_errors.append(message.text)

    def _on_error(self, error: Exception) -> None:
        if self.record:
            self.record.page_errors.append(str(error))


async def _visit(tab: Tab, base_url: str, page: SitePage, viewport: Viewport) -> Visit:
    url = base_url.rstrip("/") + page.url_path
    record = tab.record = Visit(page, viewport, url, status=0)
    try:
        response = await tab.page.goto(url, wait_until="load")
        record.status = response.status if response else 0
        # axe-core runs while the search loads its index in its worker.
        axe, _ = await asyncio.gather(
            tab.page.evaluate(RUN_AXE, AXE_TAGS),
            tab.page.wait_for_function(SEARCH_READY, timeout=20_000),
        )
        record.axe = axe
        record.links = await tab.page.eval_on_selector_all(
            "a[href], link[rel=alternate][hreflang]", "els => els.map(e => e.href)"
        )
        record.keyboard = await _walk(tab.page)
        record.csp_violations = await tab.page.evaluate("window.__psCsp")
        if viewport == PHONE:
            record.switches = await _switch(tab.page, page)
    except Exception:  # recorded, so that the page's tests fail and name it
        record.error = traceback.format_exc(limit=3)
    finally:
        tab.record = None
    return record


async def _walk(tab: Page) -> Keyboard:
    """Press Tab from the top of the page until the focus comes back to where it started."""
    keyboard = Keyboard()
    for number, (kind, what) in (await tab.evaluate(MARK_EXPECTED)).items():
        keyboard.expected[number] = what
        keyboard.kinds[number] = kind
    empty = 0
    back_at_start = False
    for _ in range(MAX_TABS):
        await tab.keyboard.press("Tab")
        info = await tab.evaluate(FOCUSED)
        if info is None:  # the focus left the document (browser chrome); the next Tab returns
            empty += 1
            if empty > 2:
                break
            continue
        if info["first"]:
            back_at_start = True
            break
        keyboard.stops.append(
            Stop(info["tab"], info["what"], info["ring"], info["seen"], info["why"])
        )
    # The focus is on the first stop again: if that is the skip link, follow it.
    if back_at_start and "md-skip" in keyboard.stops[0].what:
        await tab.keyboard.press("Enter")
        await tab.wait_for_function("() => location.hash !== ''", timeout=5_000)
        await tab.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
        keyboard.skip = await tab.evaluate(SKIP_TARGET)
        await tab.keyboard.press("Tab")
        keyboard.skip.update(await tab.evaluate(AFTER_SKIP))
    return keyboard


async def _switch(tab: Page, page: SitePage) -> list[str]:
    """Choose each other language with the switcher: where each choice led.

    The way back is the other language's page choosing this one, which its own visit checks.
    """
    steps = []
    languages = await tab.eval_on_selector_all(
        ".md-select__link", "links => links.map(a => a.hreflang)"
    )
    for n, other in enumerate(lang for lang in languages if lang != page.lang):
        if n:
            await tab.go_back()  # to the page being visited, for the next language
        await tab.click(".md-select > button")  # opens the list, as a tap does
        async with tab.expect_navigation() as navigation:
            await tab.click(f'.md-select__link[hreflang="{other}"]')
        response = await navigation.value
        redirected = response is not None and response.request.redirected_from is not None
        html_lang = await tab.get_attribute("html", "lang")
        steps.append(f"{other} {tab.url} lang={html_lang}{' redirected' if redirected else ''}")
    return steps
