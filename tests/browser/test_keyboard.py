"""Keyboard: on one page of each kind, Tab reaches every control the page shows, and each
control shows that it has focus: its outline or box shadow (or its label's) changes.
Transitions are switched off, so nothing depends on time.
"""

from __future__ import annotations

import re
from typing import Any

from .browsing import Site

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# A control's own box and its labels: Material's palette radios are invisible and show their
# focus on the label that follows them.
PARTS = """(el) => [el, ...(el.labels || []),
  ...(el.nextElementSibling && el.nextElementSibling.tagName === "LABEL"
      ? [el.nextElementSibling] : [])]"""

# Every element the page shows that should take focus by Tab, numbered (data-shuttle-kb),
# with how it and its labels look unfocused. A radio group counts once (Tab enters it at
# one of its radios); a control inside closed <details>, or not rendered, does not count.
MARK_CONTROLS = """() => {
  const partsOf = PARTS_OF;
  const selector = "a[href], area[href], button, input, select, textarea, summary, iframe, " +
    "[tabindex], [contenteditable=''], [contenteditable='true']";
  const look = (el) => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0
      ? "none" : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(" ");
    return outline + " | " + s.boxShadow;
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true });
  const controls = [];
  const groups = new Map();
  window.__shuttleLook = new Map();
  for (const el of document.querySelectorAll(selector)) {
    if (el.tabIndex < 0 || el.disabled || el.closest("[inert]") || !shown(el)) continue;
    if (el.type === "hidden") continue;
    window.__shuttleLook.set(el, partsOf(el).map(look));
    const group = el.type === "radio" && el.name ? el.name : null;
    if (group !== null && groups.has(group)) {
      el.setAttribute("data-shuttle-kb", String(groups.get(group)));
      continue;
    }
    const n = controls.length;
    if (group !== null) groups.set(group, n);
    el.setAttribute("data-shuttle-kb", String(n));
    controls.push({
      n,
      what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.getAttribute("href") ? " " + el.getAttribute("href") : "") +
        " " + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    });
  }
  window.__shuttleLookOf = look;
  return controls;
}""".replace("PARTS_OF", PARTS)

# What each Tab press leaves focused, recorded as the next Tab goes down (so whatever
# the page's own focus handlers do has been done): which control it is, whether it or a
# label can be seen, and whether its focus indicator differs from its unfocused look.
RECORD_STOPS = """() => {
  const partsOf = PARTS_OF;
  const describe = (el) => {
    if (!el || el === document.body || el === document.documentElement) return null;
    const n = el.getAttribute("data-shuttle-kb");
    const parts = partsOf(el);
    const seen = parts.filter((p) => {
      const box = p.getBoundingClientRect();
      return box.width > 0 && box.height > 0 &&
        p.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
    const before = window.__shuttleLook.get(el) || [];
    const now = parts.map(window.__shuttleLookOf);
    const indicated = parts.some((p, i) => seen.includes(p) && now[i] !== before[i] &&
      !now[i].startsWith("none | none"));
    return {
      n: n === null ? null : Number(n),
      what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " +
        (el.getAttribute("href") || el.className || ""),
      visible: seen.length > 0,
      indicated,
    };
  };
  window.__shuttleStops = [];
  window.__shuttleDescribe = describe;
  window.addEventListener("keydown", (event) => {
    if (event.key === "Tab") window.__shuttleStops.push(describe(document.activeElement));
  }, true);
}""".replace("PARTS_OF", PARTS)
STOPS = """() => [...window.__shuttleStops, window.__shuttleDescribe(document.activeElement)]"""


def page_kinds(site: Site) -> dict[str, str]:
    """One page of each kind: {kind: path}; an article or a trip stands for all of its kind."""
    kinds: dict[str, str] = {}
    for path in sorted(site.pages, key=lambda p: len(site.text(p))):  # the shortest of each
        kind = re.sub(r"^/sources/[^/]+/$", "/sources/*/", path)
        kind = re.sub(r"^/trips/[^/]+/$", "/trips/*/", kind)
        kinds.setdefault(kind, path)
    return kinds


def test_every_control_is_reached_and_shows_focus(new_context: Any, site: Site) -> None:
    problems: list[str] = []
    context, watch = new_context()
    page = context.new_page()
    for path in page_kinds(site).values():
        page.goto(site.url(path))
        page.add_style_tag(content=NO_MOTION)
        problems += tab_through(page, path)
    offsite, errors = watch.clear()
    assert not problems and not offsite and not errors, "\n".join(problems + offsite + errors)


def tab_through(page: Any, path: str) -> list[str]:
    controls = page.evaluate(MARK_CONTROLS)
    page.evaluate(RECORD_STOPS)
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
    stops = page.evaluate(STOPS)
    while stops and stops[0] is None:  # focus starts on the document
        stops.pop(0)
    problems: list[str] = []
    reached: set[int] = set()
    for focused in stops:
        if focused is None or focused["n"] in reached:
            break  # back round to the start: every stop has been visited
        where = f"{path}: {focused['what']}"
        if focused["n"] is None:
            problems.append(f"{where}: Tab stops on an element that is not shown")
            continue
        reached.add(focused["n"])
        if not focused["visible"]:
            problems.append(f"{where}: focused but not visible")
        elif not focused["indicated"]:
            problems.append(f"{where}: no visible focus indicator")
    else:
        problems.append(f"{path}: Tab never came back round: a keyboard trap?")
    for control in controls:
        if control["n"] not in reached:
            problems.append(f"{path}: {control['what']}: never reached by Tab")
    return problems
