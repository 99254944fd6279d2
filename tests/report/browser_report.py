#!/usr/bin/python3
"""The report in a real browser: opens a `clusterlens report` HTML file in headless Chromium
(networking off) and drives it as a user would, relying only on the DOM contract
(report_contract.md): ready flag, no errors, no request leaving the file, tooltip on hover,
search + Enter + Escape, the pipelines toggle and the tie count, table sorting, filter + CSV,
a figure's SVG and PNG downloads. Expected values come from #report-data and DOM counts.

    browser_report.py REPORT.html OUT_DIR [--ready-only] [--timeout S]

Prints `ready_ms N` (navigation start to window.clusterlensReady === true, from the page's
performance clock) and `ok ...` per check; screenshots go to OUT_DIR. Exit 0 when everything
holds, 1 with a message on the first failure (then OUT_DIR/failure.png shows the page).
"""

import argparse
import base64
import csv
import json
import os
import pathlib
import re
import signal
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Records when the page sets window.clusterlensReady = true (performance.now() counts from the
# navigation start), installed before any page script runs.
READY_HOOK = """(() => { let v; Object.defineProperty(window, "clusterlensReady", {
  configurable: true, enumerable: true, get() { return v; },
  set(x) { v = x; if (x === true && window.__clReadyAt === undefined)
    window.__clReadyAt = performance.now(); } }); })();"""

# Test-side helpers, evaluated in the page after it is ready.
HELPERS = """window.__t = {
  view() { return document.querySelector("#network figure.view:not([hidden])"); },
  shown(el) {
    for (; el && el.nodeType === 1; el = el.parentElement)
      if (el.hidden || getComputedStyle(el).display === "none") return false;
    return true; },
  box(el, scroll = true) {
    if (scroll) el.scrollIntoView({block: "center", inline: "center"});
    const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    const at = document.elementFromPoint(x, y);
    return {x, y, w: r.width, h: r.height, hit: !!at && (el === at || el.contains(at)),
            at: at ? at.outerHTML.slice(0, 80) : null}; },
  text(sel) { const e = document.querySelector(sel); return e ? e.textContent.trim() : null; },
  rows(table) { return [...document.querySelectorAll(`${table} tbody tr`)]
    .filter(r => __t.shown(r)).map(r => [...r.cells].map(c => c.textContent.trim())); },
  inView(sel) { return [...__t.view().querySelectorAll(sel)]; },
  pickNode() {  // an actor node the mouse can reach at its centre; scroll only if none can
    const gs = __t.inView("g.node[data-actor]").filter(__t.shown);
    const at = (g, scroll) => ({id: g.dataset.actor, ...__t.box(g, scroll)});
    return gs.map(g => at(g, false)).find(b => b.hit) ||
      gs.slice(0, 20).map(g => at(g, true)).find(b => b.hit) || (gs.length ? at(gs[0]) : null); },
};"""


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def js(value):
    return json.dumps(value)


def actor_names(data, actor_id):
    """The names #report-data gives one actor: its id and label. The one place that knows the
    data's layout: {"actor_columns": ["id", "label", ...], "actors": [[id, label, ...], ...]}
    (src/app/report.cpp, report_data); the fixture's {"actors": [{"id", "label"}]} too."""
    cols = data.get("actor_columns", []) if isinstance(data, dict) else []
    if "id" not in cols:
        record = next((a for a in data.get("actors", []) if str(a.get("id")) == actor_id), {})
        return [n for n in [actor_id, str(record.get("label") or "")] if n]
    i, l = cols.index("id"), cols.index("label") if "label" in cols else None
    record = next((a for a in data.get("actors", []) if str(a[i]) == actor_id), None)
    names = [actor_id] + ([str(record[l])] if record and l is not None and record[l] else [])
    return [n for n in names if n]


def names_in(text, names):
    return any(n.lower() in (text or "").lower() for n in names)


# ---- acting as a user ----------------------------------------------------------------------

def real_click(page, selector):
    """Clicks an element (or its <label>) with the mouse at its centre, after checking that a
    user could: nothing else is on top at that point."""
    box = page.evaluate(f"""(() => {{ const e = document.querySelector({js(selector)});
        if (!e) return null; let b = __t.box(e);
        if (!b.hit && e.labels && e.labels.length) b = __t.box(e.labels[0]);
        return b; }})()""")
    check(box is not None, f"{selector} is missing")
    check(box["hit"], f"{selector} cannot be clicked: {box['at']} is on top of it")
    page.click(box["x"], box["y"])


def type_into(page, selector, text):
    page.evaluate(f"document.querySelector({js(selector)}).focus()")
    page.insert_text(text)


def clear_input(page, selector):
    page.evaluate(f"""(() => {{ const e = document.querySelector({js(selector)});
        e.value = ""; e.dispatchEvent(new Event("input", {{bubbles: true}})); }})()""")


def wait(page, expression, what, timeout=5.0):
    try:
        return page.wait_for(expression, timeout=timeout)
    except cdp.CDPError:
        raise Failure(f"{what} (waited {timeout:g} s)")


def network_clip(page):
    r = page.evaluate("""(() => { const s = document.getElementById("network");
        const r = s.getBoundingClientRect();
        return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()""")
    return tuple(r)


def first_number(text):
    m = re.search(r"\d+", text or "")
    return int(m.group()) if m else (0 if text and text.lower().startswith("no ") else None)


def ties_shown(page):
    text = page.evaluate("__t.text('#visible-ties')")
    m = re.match(r"\s*(\d+)\s+of\s+(\d+)\s+ties? shown", text or "")
    check(m, f"#visible-ties reads {text!r}, not 'N of M ties shown'")
    return int(m.group(1)), int(m.group(2))


def number(cell):
    s = cell.replace("\u2212", "-").replace(",", "").replace("\u2009", "").rstrip("%").strip()
    return float(s) if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", s) else None


# ---- the checks ----------------------------------------------------------------------------

def check_hover(page, data, out_dir):
    node = page.evaluate("__t.pickNode()")
    check(node, "the default view shows no actor node (g.node[data-actor])")
    check(node["hit"], f"no actor node can be reached by the mouse at its centre: {node}")
    page.mouse_move(1, 1)
    page.mouse_move(node["x"], node["y"])
    text = wait(page, "(() => { const t = document.getElementById('tooltip');"
                " return t && __t.shown(t) && t.textContent.trim(); })()",
                f"hovering actor {node['id']} at ({node['x']:.0f}, {node['y']:.0f}) shows no "
                "#tooltip")
    names = actor_names(data, node["id"])
    check(names_in(text, names), f"tooltip of {node['id']} names none of {names}: {text!r}")
    check("betweenness" in text.lower(), f"tooltip of {node['id']} has no betweenness: {text!r}")
    page.screenshot(os.path.join(out_dir, "network_hover.png"), clip=network_clip(page))
    away = page.evaluate("""[[2, 2], [innerWidth - 3, 2], [2, innerHeight - 3]].find(([x, y]) => {
        const e = document.elementFromPoint(x, y); return !e || !e.closest("g.node"); })""")
    check(away, "found no point off the actor nodes to move the mouse to")
    page.mouse_move(*away)
    wait(page, "!__t.shown(document.getElementById('tooltip'))",
         "the tooltip stays shown after the mouse left the node")
    # Hovering a label (a node of its own in Graphviz's SVG) shows its actor's tooltip too.
    label = page.evaluate("""(() => { const v = __t.view();
        const ls = [...v.querySelectorAll("g.node[data-label-of] text")].filter(__t.shown);
        for (const t of ls) { const b = __t.box(t, false); if (b.hit) return {...b,
            of: t.closest("g.node").dataset.labelOf}; }
        return ls.length ? {...__t.box(ls[0]), of: ls[0].closest("g.node").dataset.labelOf} : null; })()""")
    if label is not None:  # a view with labelled actors (the fixture has none)
        check(label["hit"], f"no actor label can be reached by the mouse: {label}")
        page.mouse_move(*away)
        page.mouse_move(label["x"], label["y"])
        ltext = wait(page, "(() => { const t = document.getElementById('tooltip');"
                     " return t && __t.shown(t) && t.textContent.trim(); })()",
                     "hovering an actor's label shows no #tooltip")
        check("betweenness" in ltext.lower(), f"a label's tooltip has no scores: {ltext!r}")
        page.mouse_move(*away)
        print(f"ok hover on a label -> tooltip {ltext[:60]!r}")
    print(f"ok hover: actor {node['id']} -> tooltip {text[:100]!r}")


def check_search(page, data):
    candidates = page.evaluate("""__t.inView("g.node[data-actor]").map(g => g.dataset.actor)""")
    label = None
    for actor in candidates:
        names = actor_names(data, actor)
        if len(names) > 1 and len(names[1]) >= 3:
            label = names[1]
            break
    check(label, "no actor in the default view has a label of 3 characters or more in "
                 "#report-data")
    words = sorted(re.findall(r"\w{3,}", label), key=len, reverse=True) or [label]
    query = words[0][:6]
    if query.isascii():
        query = query.swapcase()  # the contract says case-insensitive
    type_into(page, "#search", query)
    count_text = wait(page, "__t.text('#search-count')", f"#search-count stays empty for {query!r}")
    n = first_number(count_text)
    check(n is not None and n >= 1, f"#search-count for {query!r} (from {label!r}) reads "
                                    f"{count_text!r}")
    marked = page.evaluate(f"__t.view().querySelector('g.node[data-actor=\"' + "
                           f"CSS.escape({js(actor)}) + '\"]').classList.contains('match')")
    check(marked, f"actor {actor} ({label!r}) lacks class match after searching {query!r}")
    page.press("Enter")
    wait(page, f"(() => {{ const s = __t.text('#selection') || '';"
               f" return s && document.querySelector('.ego') && s; }})()",
         f"Enter in the search box selected nothing (#selection empty or no .ego node)")
    selected = page.evaluate("__t.text('#selection')")
    first = page.evaluate("__t.view().querySelector('g.node.match').dataset.actor")
    check(names_in(selected, actor_names(data, first)),
          f"#selection {selected!r} does not name the first match {actor_names(data, first)}")
    page.press("Escape")
    wait(page, "!document.querySelector('.ego, .dimmed')", "Escape did not clear the selection")
    clear_input(page, "#search")
    print(f"ok search: {query!r} -> {count_text!r}; Enter -> {selected!r}; Escape clears")


def check_pipelines(page, out_dir):
    count = "__t.inView('g.edge.pipeline').filter(__t.shown).length"
    drawn = "__t.inView('g.edge[data-source]').filter(__t.shown).length"
    before, (shown0, total0) = page.evaluate(count), ties_shown(page)
    check(before > 0, "the default view shows no g.edge.pipeline, so the toggle cannot be tested")
    check(shown0 == page.evaluate(drawn), f"#visible-ties says {shown0} shown, the view shows "
                                          f"{page.evaluate(drawn)} ties")
    real_click(page, "#toggle-pipelines")
    wait(page, f"{count} === 0", f"pipelines still visible after unchecking #toggle-pipelines")
    shown1, total1 = ties_shown(page)
    check(shown1 < shown0 and total1 == total0,
          f"#visible-ties went from {shown0} of {total0} to {shown1} of {total1}")
    check(shown1 == page.evaluate(drawn), f"#visible-ties says {shown1} shown, the view shows "
                                          f"{page.evaluate(drawn)}")
    page.screenshot(os.path.join(out_dir, "network_pipelines_off.png"), clip=network_clip(page))
    real_click(page, "#toggle-pipelines")
    wait(page, f"{count} === {before}", "pipelines do not come back after checking the box")
    check(ties_shown(page) == (shown0, total0), f"#visible-ties is {ties_shown(page)} after "
                                                f"toggling back, was {(shown0, total0)}")
    print(f"ok pipelines: {before} pipeline ties; {shown0} of {total0} -> {shown1} -> back")


def table_state(page):
    return page.evaluate("""({heads: [...document.querySelectorAll("#actors-table thead th")]
        .map(th => th.textContent.trim()), rows: __t.rows("#actors-table")})""")


def check_sort(page):
    state = table_state(page)
    heads, rows = state["heads"], state["rows"]
    check(len(rows) >= 2, f"the actors table shows {len(rows)} rows; sorting needs 2")
    numeric = []
    for k in range(1, len(heads)):
        values = [number(r[k]) for r in rows if k < len(r)]
        if all(v is not None or r[k] in ("", "-", "\u2014", "n/a") for v, r in zip(values, rows)) \
                and len({v for v in values if v is not None}) >= 2:
            numeric.append(k)
    check(numeric, f"no numeric column with two distinct values in the actors table: {heads}")
    k = next((c for c in numeric if "betweenness" in heads[c].lower()), numeric[0])
    button = f"#actors-table thead th:nth-child({k + 1}) button.sort"
    for order, ok in (("ascending", lambda a, b: a <= b), ("descending", lambda a, b: a >= b)):
        real_click(page, button)
        wait(page, f"document.querySelector({js(button)}).closest('th')"
                   f".getAttribute('aria-sort') === {js(order)}",
             f"th of {heads[k]!r} has no aria-sort={order} after clicking its sort button")
        values = [number(r[k]) for r in table_state(page)["rows"]]
        values = [v for v in values if v is not None]
        bad = next((i for i in range(len(values) - 1) if not ok(values[i], values[i + 1])), None)
        check(bad is None, f"column {heads[k]!r} sorted {order} is out of order at row {bad}: "
                           f"{values[max(0, (bad or 0) - 2):(bad or 0) + 3]}")
    print(f"ok sort: column {heads[k]!r} ascending then descending over {len(rows)} rows")


def check_filter_csv(browser, page, data):
    # The filter text: a word from the first rows' cells that keeps as many rows as possible
    # but not all, counted alike by cell, by row textContent and by innerText (so the count
    # does not hang on how the page joins cells or on case). A table lists its first 1,000
    # matching rows: when #actors-count says there are more, the count comes from the text
    # cells of #report-data instead (a word of letters cannot match inside a number).
    rows = table_state(page)["rows"]
    m = re.match(r"\s*(\d+)\s+of\s+(\d+)\s+actors", page.evaluate("__t.text('#actors-count')") or "")
    check(m, "#actors-count does not read 'N of M actors'")
    total = int(m.group(2))
    paged = total > len(rows)
    full = [(a.lower(), b.lower()) for a, b in page.evaluate(
        """[...document.querySelectorAll("#actors-table tbody tr")]
        .map(r => [r.textContent, r.innerText])""")]
    data_rows = data.get("actors", []) if isinstance(data, dict) else []
    query, expected = None, 0
    for word in dict.fromkeys(w for r in rows[:50] for c in r for w in re.findall(r"[A-Za-z]{3,}", c)):
        w = word.lower()
        if paged:
            n = sum(any(isinstance(c, str) and w in c.lower() for c in r) for r in data_rows)
            if expected < n < total:
                query, expected = word, n
            continue
        by_cell = sum(any(w in c.lower() for c in row) for row in rows)
        if expected < by_cell < total and by_cell == sum(w in a for a, _ in full) \
                == sum(w in b for _, b in full):
            query, expected = word, by_cell
    check(query, "found no word in the actors table that keeps some rows but not all")
    type_into(page, "#actors-filter", query)
    listed = min(expected, 1000)
    wait(page, f"__t.rows('#actors-table').length === {listed}",
         f"filtering actors by {query!r} does not list the {listed} rows containing it")
    count = page.evaluate("__t.text('#actors-count')")
    check(re.match(rf"\s*{expected}\s+of\s+{total}\s+actors", count or ""),
          f"#actors-count reads {count!r}, expected '{expected} of {total} actors'")
    shown = table_state(page)["rows"]
    path, name = browser.download(lambda: real_click(page, "#actors-csv"), timeout=30)
    check(name == "actors.csv", f"#actors-csv downloads {name!r}, not actors.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = [r for r in csv.reader(f) if r]
    check(len(table) >= 1, "actors.csv is empty (no header row)")
    csv_rows = table[1:]
    check(len(csv_rows) == expected, f"actors.csv has {len(csv_rows)} data rows, {expected} "
                                     f"match (filter {query!r})")
    firsts, want = [r[0].strip() for r in csv_rows[:len(shown)]], [r[0] for r in shown]
    check(firsts == want, f"actors.csv's first cells {firsts[:5]} differ from the shown rows' "
                          f"{want[:5]}")
    clear_input(page, "#actors-filter")
    print(f"ok filter+csv: {query!r} -> {count!r}; actors.csv has the {expected} matching rows")


def check_figure_downloads(browser, page):
    names = page.evaluate("""[...document.querySelectorAll("button.download-svg")]
        .filter(b => __t.shown(b)).map(b => b.dataset.figure)""")
    check(names, "no visible button.download-svg")
    fig = names[0]
    svg_path, svg_name = browser.download(
        lambda: real_click(page, f'button.download-svg[data-figure="{fig}"]'), timeout=30)
    check(svg_name == f"{fig}.svg", f"the SVG button of {fig} downloads {svg_name!r}")
    try:
        root = ET.parse(svg_path).getroot()
    except ET.ParseError as e:
        raise Failure(f"{svg_name} is not XML: {e}")
    check(root.tag.endswith("svg"), f"{svg_name}'s root element is {root.tag}, not svg")
    png_path, png_name = browser.download(
        lambda: real_click(page, f'button.download-png[data-figure="{fig}"]'), timeout=60)
    check(png_name == f"{fig}.png", f"the PNG button of {fig} downloads {png_name!r}")
    with open(png_path, "rb") as f:
        head = f.read(24)
    check(head.startswith(PNG_SIGNATURE), f"{png_name} does not start with the PNG signature")
    w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    check(w > 0 and h > 0, f"{png_name} is {w} x {h} px")
    print(f"ok figure downloads: {svg_name} (XML, <svg>), {png_name} ({w} x {h} px)")


def check_relations(browser, page):
    """Several relations: each radio input.toggle-relation shows its relation's page alone; on
    it the tie count matches that relation's drawn ties, an actor's tooltip shows, and its
    actors table downloads as RELATION-actors.csv with every actor. Returns how many."""
    names = page.evaluate("""[...document.querySelectorAll("input.toggle-relation")]
        .map(r => r.dataset.relation)""")
    if len(names) < 2:
        return 0
    pages = page.evaluate("""[...document.querySelectorAll(".relation-page")]
        .map(p => ({relation: p.dataset.relation, prefix: p.dataset.prefix}))""")
    check([p["relation"] for p in pages] == names,
          f"the relation switch {names} and the relation pages {pages} differ")
    for k in list(range(1, len(names))) + [0]:
        rel, pre = names[k], pages[k]["prefix"]
        real_click(page, f'input.toggle-relation[data-relation={js(rel)}]')
        wait(page, f"""[...document.querySelectorAll(".relation-page")].every(p =>
            p.hidden === (p.dataset.relation !== {js(rel)}))""",
             f"choosing relation {rel!r} does not show its page alone")
        if k == 0:
            break
        rdata = json.loads(page.evaluate(f"__t.text('#{pre}report-data')"))
        first = page.evaluate(f"""document.querySelector(
            '.relation-page[data-prefix="{pre}"] figure.view:not([hidden])').id""")
        drawn = len(rdata["views"][first[len(pre) + 5:]]["ties"])
        text = page.evaluate(f"__t.text('#{pre}visible-ties')")
        check(re.match(rf"\s*{drawn} of {drawn} ties shown", text or ""),
              f"relation {rel!r}: #{pre}visible-ties reads {text!r}, its view draws {drawn} ties")
        node = page.evaluate(f"""(() => {{ const g = [...document.querySelectorAll(
            '.relation-page[data-prefix="{pre}"] figure.view:not([hidden]) g.node[data-actor]')]
            .find(__t.shown); return g ? {{id: g.dataset.actor, ...__t.box(g)}} : null; }})()""")
        check(node and node["hit"], f"relation {rel!r}: no actor node the mouse can reach")
        page.mouse_move(1, 1)
        page.mouse_move(node["x"], node["y"])
        tip = wait(page, f"""(() => {{ const t = document.getElementById('{pre}tooltip');
            return t && __t.shown(t) && t.textContent.trim(); }})()""",
                   f"relation {rel!r}: hovering {node['id']} shows no #{pre}tooltip")
        page.mouse_move(1, 1)
        path, name = browser.download(lambda: real_click(page, f"#{pre}actors-csv"), timeout=30)
        check(name == f"{rel}-actors.csv", f"relation {rel!r}: the CSV is named {name!r}")
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = [r for r in csv.reader(f) if r][1:]
        check(len(rows) == len(rdata["actors"]),
              f"relation {rel!r}: {name} has {len(rows)} rows, the relation {len(rdata['actors'])}")
        print(f"ok relation {rel!r}: its page alone, {text!r}, tooltip {tip[:40]!r}, {name} "
              f"with {len(rows)} actors")
    return len(names)


# A4 less 1 cm margins at 96 px per inch: portrait for the page, landscape for the data tables
# (the report's @page tables).
PRINT_WIDTH, PRINT_WIDTH_TABLES = 718, 1045


def check_print(page, out_dir):
    """Prints sensibly: in print media the controls are gone, every figure is shown (the hidden
    views too) and fits the portrait page, the data tables fit a landscape one, and Chromium's
    own Print to PDF gives a PDF."""
    measure = """(() => { const w = (e) => Math.ceil(e.getBoundingClientRect().width);
      const shown = (e) => { for (; e && e.nodeType === 1; e = e.parentElement)
        if (getComputedStyle(e).display === "none") return false; return true; };
      const controls = [...document.querySelectorAll("nav, .controls, .toggles, .downloads, "
        + "button:not(th button), input")].filter(shown).map(e => e.outerHTML.slice(0, 60));
      const figures = [...document.querySelectorAll("figure.view")];
      return {controls, hidden: figures.filter(f => !shown(f)).map(f => f.id),
        wide: [...document.querySelectorAll("figure.view svg, table")]
          .filter(e => !e.closest(".data-table")).filter(e => w(e) > innerWidth)
          .map(e => (e.id || e.tagName) + " " + w(e)),
        wideTables: [...document.querySelectorAll(".data-table table")]
          .filter(e => w(e) > innerWidth).map(e => e.id + " " + w(e)),
        figures: figures.length}; })()"""
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        page.send("Emulation.setDeviceMetricsOverride", {"width": PRINT_WIDTH, "height": 1000,
                                                          "deviceScaleFactor": 1, "mobile": False})
        a = page.evaluate(measure)
        page.send("Emulation.setDeviceMetricsOverride", {"width": PRINT_WIDTH_TABLES,
                                                          "height": 1000, "deviceScaleFactor": 1,
                                                          "mobile": False})
        b = page.evaluate(measure)
        pdf = page.send("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                            "marginTop": 0.39, "marginBottom": 0.39,
                                            "marginLeft": 0.39, "marginRight": 0.39}, timeout=120)
    finally:
        page.send("Emulation.setEmulatedMedia", {"media": ""})
        page.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900,
                                                          "deviceScaleFactor": 1, "mobile": False})
    check(not a["controls"], f"controls are printed: {a['controls'][:5]}")
    check(not a["hidden"], f"figures left out of the print: {a['hidden']}")
    check(not a["wide"], f"wider than an A4 portrait page ({PRINT_WIDTH} px): {a['wide'][:5]}")
    check(not b["wideTables"], f"data tables wider than an A4 landscape page "
                               f"({PRINT_WIDTH_TABLES} px): {b['wideTables'][:5]}")
    data = base64.b64decode(pdf["data"])
    check(data.startswith(b"%PDF-"), "Print to PDF gave no PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    with open(os.path.join(out_dir, "printed.pdf"), "wb") as f:
        f.write(data)
    print(f"ok print: no controls, {a['figures']} figures shown and within an A4 page, data "
          f"tables within A4 landscape; printed.pdf has {pages} pages ({len(data) // 1024} KiB)")


def check_clean(page, url):
    problems = page.problems()
    check(not problems, "the page reported errors:\n  " + "\n  ".join(problems[:20]))
    doc = page.evaluate("document.URL").split("#")[0]
    urls = page.request_urls()
    outside = [u for u in urls if u.split("#")[0] not in (url, doc)
               and not u.startswith(("data:", "blob:"))]
    check(not outside, "requests beyond the file itself:\n  " + "\n  ".join(outside[:20]))
    return len(urls)


# ---- main ----------------------------------------------------------------------------------

def run(args):
    report = os.path.abspath(args.report)
    check(os.path.isfile(report), f"{report}: no such file")
    os.makedirs(args.out_dir, exist_ok=True)
    url = pathlib.Path(report).as_uri()
    with cdp.Browser(timeout=args.timeout) as browser:
        print(f"chromium_start_ms {browser.startup_ms:.0f} ({browser.version['product']})")
        page = browser.new_page()
        try:
            page.send("Page.addScriptToEvaluateOnNewDocument", {"source": READY_HOOK})
            t0 = time.monotonic()
            page.navigate(url, timeout=args.timeout)
            wait(page, "window.clusterlensReady === true",
                 "window.clusterlensReady never became true", timeout=args.timeout)
            wall_ms = (time.monotonic() - t0) * 1000.0
            at = page.evaluate("window.__clReadyAt")
            print(f"ready_ms {round(at if at is not None else wall_ms)}")
            print(f"ready_wall_ms {round(wall_ms)}")
            if args.ready_only:
                for p in page.problems():
                    print(f"warning: {p}")
                return 0
            page.evaluate(HELPERS)
            check_clean(page, url)
            print("ok ready: no console errors or exceptions, no request outside the file")
            page.screenshot(os.path.join(args.out_dir, "page.png"), full_page=True)
            data = json.loads(page.evaluate("__t.text('#report-data')") or "null")
            check(data is not None, "no #report-data JSON in the page")
            check_hover(page, data, args.out_dir)
            check_search(page, data)
            check_pipelines(page, args.out_dir)
            check_sort(page)
            check_filter_csv(browser, page, data)
            check_figure_downloads(browser, page)
            check_relations(browser, page)
            if data.get("actor_columns"):  # the real report (the fixture is not laid out)
                check_print(page, args.out_dir)
            n = check_clean(page, url)
            print(f"ok clean at the end: no errors; {n} requests, all the file, data: or blob:")
        except (Failure, cdp.CDPError):
            try:
                page.screenshot(os.path.join(args.out_dir, "failure.png"))
            except cdp.CDPError:
                pass
            raise
    print("PASS")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report")
    ap.add_argument("out_dir")
    ap.add_argument("--ready-only", action="store_true", help="only measure ready_ms")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds for any one wait")
    args = ap.parse_args()
    for sig in (signal.SIGTERM, signal.SIGHUP):  # let `with Browser` kill chromium
        signal.signal(sig, lambda *_: sys.exit(1))
    try:
        return run(args)
    except (Failure, cdp.CDPError) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
