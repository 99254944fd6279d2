#!/usr/bin/python3
"""compare --report in a real browser: opens OUTDIR/report.html in headless Chromium
(networking off) and checks it against the files compare wrote next to it. For every table
(one per CSV file): the CSV download equals the file, row for row and cell for cell; a filter
leaves exactly the file's rows that contain the text, and the download then holds those rows;
a numeric column sorts ascending, then descending. For every figure: zoom in changes the
viewBox and Fit restores it; the SVG download is XML with as many nodes and edges as the file
compare wrote; the PNG download is a PNG. No console error, no request leaving the file.

    browser_compare.py OUTDIR SHOT_DIR [--timeout S]

The expected values come from the CSV and SVG files in OUTDIR, read here with Python's csv
and xml modules. Prints `ok ...` per check; exit 0 when everything holds, 1 on the first
failure (SHOT_DIR/failure.png shows the page).
"""

import argparse
import csv
import io
import os
import pathlib
import re
import signal
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_report as br  # noqa: E402
import cdp  # noqa: E402
from browser_report import Failure, check, js, real_click, wait  # noqa: E402

HELPERS = br.HELPERS + """
window.__c = {
  count(id) { return __t.text("#" + id + "-count"); },
  column(id, k) { return __t.rows("#" + id + "-table").map(r => r[k]); },
  viewBox(stem) {
    return document.querySelector("#figure-" + stem + " svg").getAttribute("viewBox"); },
};"""


def read_csv(text):
    return [r for r in csv.reader(io.StringIO(text)) if r]


def download_table(browser, page, table_id):
    path, name = browser.download(lambda: real_click(page, f"#{table_id}-csv"), timeout=30)
    check(name == f"{table_id}.csv", f"#{table_id}-csv downloads {name!r}")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return read_csv(f.read())


def number(cell):
    try:
        return float(cell)
    except ValueError:
        return None


def check_table(browser, page, out_dir, table_id):
    with open(os.path.join(out_dir, table_id + ".csv"), encoding="utf-8", newline="") as f:
        expected = read_csv(f.read())
    header, rows = expected[0], expected[1:]
    check(len(rows) <= 20000, f"{table_id}.csv has {len(rows)} rows; the page lists 20,000")
    got = download_table(browser, page, table_id)
    check(got[0] == header, f"{table_id}: the page's header {got[0]} is not the file's {header}")
    diff = next((i for i, (a, b) in enumerate(zip(got[1:], rows)) if a != b),
                min(len(got) - 1, len(rows)))
    check(got[1:] == rows, f"{table_id}: the CSV from the page differs from {table_id}.csv "
                           f"(first at data row {diff})")
    count = page.evaluate(f"__c.count({js(table_id)})")
    check(re.match(rf"\s*{len(rows)} of {len(rows)} rows", count or ""),
          f"#{table_id}-count reads {count!r}, not '{len(rows)} of {len(rows)} rows'")
    # Filter: a word from the text cells that keeps some rows but not all.
    query, keep = None, []
    words = dict.fromkeys(w for r in rows[:200] for c in r for w in re.findall(r"[A-Za-z_]{3,}", c))
    for w in words:
        kept = [r for r in rows if any(w.lower() in c.lower() for c in r)]
        if 0 < len(kept) < len(rows) and len(kept) > len(keep):
            query, keep = w, kept
    if query:
        br.type_into(page, f"#{table_id}-filter", query)
        wait(page, f"/^\\s*{len(keep)} of {len(rows)} rows/.test(__c.count({js(table_id)}))",
             f"filtering {table_id} by {query!r} does not leave the file's {len(keep)} rows "
             f"holding it (count reads {page.evaluate(f'__c.count({js(table_id)})')!r})")
        got = download_table(browser, page, table_id)
        check(got[1:] == keep, f"{table_id} filtered by {query!r}: the CSV differs from the "
                               f"file's {len(keep)} rows holding it")
        br.clear_input(page, f"#{table_id}-filter")
    # Sort: the first numeric column with two distinct values.
    numeric = [k for k in range(len(header))
               if all(number(r[k]) is not None or r[k] == "" for r in rows)
               and len({r[k] for r in rows if r[k] != ""}) >= 2]
    sorted_col = None
    if numeric and len(rows) >= 2:
        k = numeric[0]
        button = f"#{table_id}-table thead th:nth-child({k + 1}) button.sort"
        for order, ok in (("ascending", lambda a, b: a <= b), ("descending", lambda a, b: a >= b)):
            real_click(page, button)
            wait(page, f"document.querySelector({js(button)}).closest('th')"
                       f".getAttribute('aria-sort') === {js(order)}",
                 f"{table_id}: no aria-sort={order} on {header[k]!r}")
            values = [number(v) for v in page.evaluate(f"__c.column({js(table_id)}, {k})")]
            values = [v for v in values if v is not None]
            want = sorted(number(r[k]) for r in rows[:1000] if r[k] != "")
            check(all(ok(values[i], values[i + 1]) for i in range(len(values) - 1)),
                  f"{table_id}: {header[k]!r} sorted {order} is out of order")
            check(len(values) == min(len(want), 1000) or len(rows) > 1000,
                  f"{table_id}: {len(values)} numbers shown in {header[k]!r}, the file has "
                  f"{len(want)}")
        sorted_col = header[k]
    print(f"ok table {table_id}: CSV = file ({len(rows)} rows)"
          + (f"; filter {query!r} -> {len(keep)} rows, CSV = those" if query else "")
          + (f"; sorted by {sorted_col!r} both ways" if sorted_col else ""))


def svg_counts(root):
    ns = "{http://www.w3.org/2000/svg}"
    classes = [g.get("class", "").split() for g in root.iter(ns + "g")]
    return sum("node" in c for c in classes), sum("edge" in c for c in classes)


def check_figure(browser, page, out_dir, stem):
    before = page.evaluate(f"__c.viewBox({js(stem)})")
    real_click(page, f'button.zoom[data-figure="{stem}"][data-zoom="1.5"]')
    zoomed = page.evaluate(f"__c.viewBox({js(stem)})")
    w0, w1 = float(before.split()[2]), float(zoomed.split()[2])
    check(abs(w1 * 1.5 - w0) < 1e-6 * max(1.0, w0) + 0.02,
          f"{stem}: zoom in took the viewBox width from {w0} to {w1}, not {w0 / 1.5:.2f}")
    real_click(page, f'button.zoom[data-figure="{stem}"][data-zoom="fit"]')
    fitted = [float(x) for x in page.evaluate(f"__c.viewBox({js(stem)})").split()]
    check(all(abs(a - float(b)) < 0.01 for a, b in zip(fitted, before.split())),
          f"{stem}: Fit gives the viewBox {fitted}, not {before}")
    path, name = browser.download(
        lambda: real_click(page, f'button.download-svg[data-figure="{stem}"]'), timeout=30)
    check(name == f"{stem}.svg", f"the SVG button of {stem} downloads {name!r}")
    try:
        got = svg_counts(ET.parse(path).getroot())
    except ET.ParseError as e:
        raise Failure(f"{name} from the page is not XML: {e}")
    file_svg = os.path.join(out_dir, stem + ".svg")
    if os.path.exists(file_svg):
        want = svg_counts(ET.parse(file_svg).getroot())
        check(got == want, f"{stem}.svg from the page has (nodes, edges) {got}, the file {want}")
    png, png_name = browser.download(
        lambda: real_click(page, f'button.download-png[data-figure="{stem}"]'), timeout=60)
    with open(png, "rb") as f:
        check(f.read(8) == br.PNG_SIGNATURE, f"{png_name} is not a PNG")
    print(f"ok figure {stem}: zoom and Fit; SVG download has the file's {got[0]} nodes and "
          f"{got[1]} edges; PNG")


def run(args):
    report = os.path.abspath(os.path.join(args.out_dir, "report.html"))
    check(os.path.isfile(report), f"{report}: no such file")
    os.makedirs(args.shot_dir, exist_ok=True)
    url = pathlib.Path(report).as_uri()
    with cdp.Browser(timeout=args.timeout) as browser:
        page = browser.new_page()

        def load():  # afresh for each table and figure: Chromium stops a page's downloads at 10
            page.navigate(url, timeout=args.timeout)
            wait(page, "window.clusterlensReady === true",
                 "window.clusterlensReady never became true", timeout=args.timeout)
            page.evaluate(HELPERS)

        try:
            load()
            br.check_clean(page, url)
            print("ok ready: no console errors or exceptions, no request outside the file")
            page.screenshot(os.path.join(args.shot_dir, "page.png"), full_page=True)
            tables = page.evaluate("[...document.querySelectorAll('table[id$=\"-table\"]')]"
                                   ".map(t => t.id.slice(0, -6))")
            csvs = sorted(p.stem for p in pathlib.Path(args.out_dir).glob("*.csv"))
            check(sorted(tables) == csvs,
                  f"the page's tables {tables} are not the CSV files {csvs}")
            figures = page.evaluate("[...document.querySelectorAll('figure.view')]"
                                    ".map(f => f.dataset.figure)")
            check(figures, "the page has no figure")
            for t in tables:
                load()
                check_table(browser, page, args.out_dir, t)
                br.check_clean(page, url)
            for stem in figures:
                load()
                check_figure(browser, page, args.out_dir, stem)
                br.check_clean(page, url)
            load()
            br.check_print(page, args.shot_dir)
            print("ok clean after every check: no errors, no request outside the file")
        except (Failure, cdp.CDPError):
            try:
                page.screenshot(os.path.join(args.shot_dir, "failure.png"))
            except cdp.CDPError:
                pass
            raise
    print("PASS")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", help="the folder compare --report wrote")
    ap.add_argument("shot_dir", help="where the screenshots go")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds for any one wait")
    args = ap.parse_args()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(1))
    try:
        return run(args)
    except (Failure, cdp.CDPError) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
