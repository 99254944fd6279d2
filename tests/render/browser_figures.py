#!/usr/bin/python3
"""Every figure kind, looked at the way a reader does: in a real browser.

Until e750187 every SVG clusterlens wrote was cropped (Graphviz 2.43 scaled the drawing by
dpi/72 but kept a 72-dpi view box), and no test noticed, because none looked at a figure. This
test makes each figure kind from the bundled examples, shows the SVG in headless Chromium and
in rsvg-convert, and compares what they draw with Graphviz's own PNG of the same figure (the
same command with -o x.png; Graphviz lays it out and rasterises it without any SVG viewer in
between, so it is the reference for where the drawing is).

Per figure:
  (a) the SVG's declared width/height equal its viewBox size (within 1 pt), and Graphviz's
      page (the background polygon) under the root group's transform fills the view box;
  (b) the drawn extent (bounding box of non-background pixels, as fractions of the canvas) in
      Chromium's screenshot matches the reference within TOLERANCE_PNG (rsvg: TOLERANCE_SVG),
      and so does the coarse distribution of ink over the canvas (INK_TOLERANCE);
  (c) nothing is cut: no drawn pixel lies in the outer half of the figure's pad;
  (d) the title and every legend text (the <g id="title"> and <g id="legend_N"> groups that
      render/diagram.cpp's Builder names), and every other text, lie inside the view box, their
      extents taken from the SVG coordinates under the root group's transform and the font's
      advance widths.
A self-check first makes cropped copies of one good figure (the old bug, a consistent crop
that hides the legend) and asserts the checks reject them.

The explain figure (render/explain_chart.hpp) is drawn by EXPLAIN_FIGURE, a test-only writer
of a fixed chart (tests/render/explain_fixture.hpp), in SVG and Graphviz PNG, at its natural
size (panels side by side), at 17 cm (stacked) and in greys.

Usage: browser_figures.py CLUSTERLENS REPO_ROOT OUT_DIR [EXPLAIN_FIGURE]
Artefacts (SVGs, Graphviz PNGs, Chromium and rsvg screenshots) stay in OUT_DIR.
Exit 0 when every figure passes, 1 on any breach (each named), 2 on a setup error.
"""
import concurrent.futures
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET

from PIL import Image, ImageChops, ImageFont

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = "/usr/bin/chromium"
RSVG = "/usr/bin/rsvg-convert"

# (b) Tolerance on each side of the drawn extent, as a fraction of the canvas.
# Against Graphviz's PNG, 3 %: the geometry agrees to 0.6 % on every figure here (pixel
# rounding, 110 dpi against 96 dpi); what differs is text, and a figure's right edge is
# usually the end of a legend line. Cairo lays text out narrower than Skia does: on the
# narrowest figure (circo, 584 pt) the legend ends 1.7 % of the canvas further right in
# Chromium than in the PNG (about 10 pt on a 45-character line). 3 % keeps 1.8x headroom
# for longer legend lines; a drawing shifted or shrunk by more fails.
# Against rsvg's picture of the same SVG, 1 %: same file, same text positions, both honour the
# view box; measured at most 0.1 % apart.
# Outright cuts need no tolerance: (c) and (d) catch them.
TOLERANCE_PNG = 0.03
TOLERANCE_SVG = 0.01
# (b) Ink distribution: the non-background pixels pooled onto an INK_GRID x INK_GRID grid of
# the canvas, normalised to sum 1; the distance is the total variation (half the L1 sum: the
# share of ink that would have to move to another cell). Same figure, other rasteriser: text
# antialiasing and line widths move a few per cent; the old 1.53x crop moves over 30 %.
INK_GRID = 12
INK_TOLERANCE = 0.12
# A pixel is drawn when any channel is darker than this (the faintest tie, #7f7f7f at 9 %
# opacity on white, is 243).
INK_LEVEL = 250
# (c) Every page keeps a margin of max(6 pt, font size) (Composer in render/diagram.cpp;
# labels stay out of its outer half): the smallest, 6 pt, is what is checked.
PAD_PT = 6.0
CSS_PX_PER_PT = 4 / 3
FONT_DIR = "/usr/share/fonts/truetype/liberation2"


# ---- running things ----------------------------------------------------------------------

def run(cmd, timeout, what):
    """Runs cmd in its own process group; kills that group (and only it) on timeout."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        raise RuntimeError(f"{what}: timed out after {timeout} s: {' '.join(cmd)}")
    if p.returncode != 0:
        raise RuntimeError(f"{what}: exit {p.returncode}: {' '.join(cmd)}\n{out}{err}")
    return out + err


def chromium_screenshot(svg, png, w_px, h_px):
    """Headless Chromium's picture of svg at w_px x h_px. The networking flags keep it from
    waiting on services it cannot reach on a closed network."""
    for attempt in (1, 2):
        profile = tempfile.mkdtemp(prefix="clusterlens-chromium-")
        try:
            if os.path.exists(png):
                os.remove(png)
            run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 f"--user-data-dir={profile}", f"--window-size={w_px},{h_px}",
                 f"--screenshot={png}", "file://" + os.path.abspath(svg)], 90, "chromium")
            if os.path.exists(png):
                return
            err = "no screenshot written"
        except RuntimeError as e:
            err = str(e)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        print(f"  chromium attempt {attempt} on {os.path.basename(svg)} failed: "
              f"{err.splitlines()[0]}", flush=True)
    raise RuntimeError(f"chromium: no screenshot of {svg}")


def rsvg_picture(svg, png):
    run([RSVG, "--dpi-x", "96", "--dpi-y", "96", "--background-color", "white", "-o", png, svg],
        60, "rsvg-convert")


# ---- reading an SVG ----------------------------------------------------------------------

def length_pt(value):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(pt|px|in)?\s*", value or "")
    if not m:
        raise ValueError(f"unreadable length '{value}'")
    v = float(m.group(1))
    return {"pt": v, None: v * 0.75, "px": v * 0.75, "in": v * 72}[m.group(2)]


class SvgFigure:
    def __init__(self, path):
        self.path = path
        self.root = ET.parse(path).getroot()
        self.width = length_pt(self.root.get("width"))
        self.height = length_pt(self.root.get("height"))
        vb = [float(t) for t in self.root.get("viewBox").replace(",", " ").split()]
        self.vb_x, self.vb_y, self.vb_w, self.vb_h = vb
        self.graph = next(g for g in self.root.iter(SVG + "g") if g.get("class") == "graph")
        self.sx, self.sy, self.tx, self.ty = parse_transform(self.graph.get("transform", ""))

    def to_view(self, x, y):
        """A point in the root group's coordinates, in view-box units."""
        return self.sx * (x + self.tx), self.sy * (y + self.ty)

    def page(self):
        """Graphviz's page, the background polygon first in the root group, as
        (x0, y0, x1, y1) in view-box units; None when there is none."""
        poly = self.graph.find(SVG + "polygon")
        if poly is None:
            return None
        xs, ys = [], []
        for pair in poly.get("points", "").split():
            x, y = self.to_view(*(float(v) for v in pair.split(",")))
            xs.append(x)
            ys.append(y)
        return min(xs), min(ys), max(xs), max(ys)

    def texts(self):
        """(group id, text, x0, y0, x1, y1) in view-box units for each <text> of a node or tie
        group."""
        for g in self.graph.iter(SVG + "g"):
            gid = g.get("id", "")
            if g.get("class") not in ("node", "edge"):
                continue
            for t in g.iter(SVG + "text"):
                s = "".join(t.itertext())
                if not s.strip():
                    continue
                size = float(t.get("font-size", "14"))
                w = text_width(s, size, t.get("font-weight") == "bold",
                               t.get("font-style") == "italic")
                x, y = float(t.get("x")), float(t.get("y"))
                anchor = t.get("text-anchor", "start")
                x0 = x - {"start": 0, "middle": w / 2, "end": w}[anchor]
                # Liberation Sans: ascent 0.905 em, descent 0.212 em.
                ax, ay = self.to_view(x0, y - 0.905 * size)
                bx, by = self.to_view(x0 + w, y + 0.212 * size)
                yield gid, s, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def parse_transform(text):
    sx = sy = 1.0
    tx = ty = 0.0
    m = re.search(r"scale\(\s*([-0-9.e]+)(?:[ ,]+([-0-9.e]+))?\s*\)", text)
    if m:
        sx = float(m.group(1))
        sy = float(m.group(2)) if m.group(2) else sx
    m = re.search(r"translate\(\s*([-0-9.e]+)(?:[ ,]+([-0-9.e]+))?\s*\)", text)
    if m:
        tx = float(m.group(1))
        ty = float(m.group(2)) if m.group(2) else 0.0
    return sx, sy, tx, ty


_fonts = {}


def text_width(s, size, bold, italic):
    """Advance width in points of s in Liberation Sans (what the figures name and the
    machines have); 0.55 em per character when the font file is missing."""
    name = "LiberationSans-" + ({(False, False): "Regular", (True, False): "Bold",
                                 (False, True): "Italic", (True, True): "BoldItalic"}
                                [(bold, italic)]) + ".ttf"
    path = os.path.join(FONT_DIR, name)
    if not os.path.exists(path):
        return 0.55 * size * len(s)
    if name not in _fonts:
        _fonts[name] = ImageFont.truetype(path, 100)
    return _fonts[name].getlength(s) * size / 100


# ---- reading a picture -------------------------------------------------------------------

def ink_mask(path):
    """A 1-bit mask (255 = drawn) of a picture: any channel darker than INK_LEVEL, after
    flattening transparency onto white."""
    im = Image.open(path)
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, "white")
        im = Image.alpha_composite(bg, im)
    im = im.convert("RGB")
    r, g, b = im.split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    return darkest.point(lambda v: 255 if v < INK_LEVEL else 0)


def extent(mask):
    """Bounding box of the drawn pixels as fractions of the canvas (left, top, right, bottom)."""
    box = mask.getbbox()
    if box is None:
        return None
    w, h = mask.size
    return box[0] / w, box[1] / h, box[2] / w, box[3] / h


def ink_grid(mask):
    small = mask.resize((INK_GRID, INK_GRID), Image.BOX)
    cells = list(small.getdata())
    total = sum(cells) or 1
    return [c / total for c in cells]


def ink_distance(a, b):
    return 0.5 * sum(abs(x - y) for x, y in zip(ink_grid(a), ink_grid(b)))


# ---- the checks --------------------------------------------------------------------------

SIDES = ("left", "top", "right", "bottom")


def check_figure(name, svg_path, reference, out_dir):
    """All checks on one figure; returns (problems, one-line summary). reference is
    ("graphviz", png) or ("rsvg", None): rsvg's own picture is made here in any case."""
    problems = []
    fig = SvgFigure(svg_path)
    # (a) declared size against the view box.
    if abs(fig.width - fig.vb_w) > 1 or abs(fig.height - fig.vb_h) > 1:
        share = min(fig.vb_w / fig.width, fig.vb_h / fig.height) * 100
        problems.append(f"(a) declared size {fig.width:.0f} x {fig.height:.0f} pt but view box "
                        f"{fig.vb_w:.0f} x {fig.vb_h:.0f} pt: the page is scaled, the drawing "
                        f"under the root transform is not (a browser shows ~{share:.0f} %)")
    # (a) Graphviz's page (the white background polygon, drawn under the root transform)
    # must fill the view box. Graphviz 2.43 writes the scale with two decimals, so a scaled
    # page may overrun by a few points; up to half the pad only blank pad is lost, beyond
    # that the drawing is cut (scale(0.09) for 0.085 draws 5.7 % past the view box).
    page = fig.page()
    if page is not None:
        over = max(page[2] - (fig.vb_x + fig.vb_w), page[3] - (fig.vb_y + fig.vb_h),
                   fig.vb_x - page[0], fig.vb_y - page[1])
        under = max(fig.vb_w - (page[2] - page[0]), fig.vb_h - (page[3] - page[1]))
        if over > max(1.0, PAD_PT / 2) or under > 1.0:
            pw, ph = page[2] - page[0], page[3] - page[1]
            problems.append(f"(a) the drawing's page under the root transform scale({fig.sx:g}) "
                            f"is {pw:.0f} x {ph:.0f} pt, the view box {fig.vb_w:.0f} x "
                            f"{fig.vb_h:.0f} pt ({pw / fig.vb_w - 1:+.1%}): "
                            + ("drawn past the view box" if over > 1 else "does not fill it"))
    w_px = math.ceil(fig.width * CSS_PX_PER_PT - 1e-6)
    h_px = math.ceil(fig.height * CSS_PX_PER_PT - 1e-6)
    base = os.path.join(out_dir, name)
    shot = base + ".chromium.png"
    chromium_screenshot(svg_path, shot, w_px, h_px)
    rsvg_png = base + ".rsvg.png"
    rsvg_picture(svg_path, rsvg_png)
    browser = ink_mask(shot)
    if browser.size != (w_px, h_px):
        problems.append(f"chromium's screenshot is {browser.size[0]} x {browser.size[1]} px, "
                        f"asked for {w_px} x {h_px}")
    got = extent(browser)
    if got is None:
        return problems + ["(b) chromium drew nothing"], ""
    # (b) extent and ink against the reference(s).
    refs = [("rsvg", rsvg_png)]
    if reference[0] == "graphviz":
        refs.insert(0, ("graphviz png", reference[1]))
    worst = 0.0
    ink_worst = 0.0
    for ref_name, ref_png in refs:
        ref_mask = ink_mask(ref_png)
        want = extent(ref_mask)
        if want is None:
            problems.append(f"(b) {ref_name} drew nothing")
            continue
        for side, g, w in zip(SIDES, got, want):
            worst = max(worst, abs(g - w))
            if abs(g - w) > (TOLERANCE_SVG if ref_name == "rsvg" else TOLERANCE_PNG):
                problems.append(f"(b) {side} edge of the drawing at {g:.1%} of the canvas in "
                                f"chromium, {w:.1%} in {ref_name}")
        d = ink_distance(browser, ref_mask)
        ink_worst = max(ink_worst, d)
        if d > INK_TOLERANCE:
            problems.append(f"(b) {d:.0%} of the ink is elsewhere in chromium than in "
                            f"{ref_name} (the drawing is cropped, shifted or scaled)")
    # (c) the outer half of the pad is blank.
    pad_px = (PAD_PT * CSS_PX_PER_PT) / 2
    box = browser.getbbox()
    margins = (box[0], box[1], w_px - box[2], h_px - box[3])
    for side, m in zip(SIDES, margins):
        if m < pad_px:
            where = f"the {side} edge" if m <= 0 else f"{m} px from the {side} edge"
            problems.append(f"(c) drawing reaches {where} (pad "
                            f"{PAD_PT * CSS_PX_PER_PT:.0f} px): cut off")
    # (d) title and legend texts inside the view box; every other text too (actor labels,
    # axis titles, quadrant names), reported as a label.
    named = 0
    others = 0
    x_lo, y_lo = fig.vb_x, fig.vb_y
    x_hi, y_hi = fig.vb_x + fig.vb_w, fig.vb_y + fig.vb_h
    for gid, s, x0, y0, x1, y1 in fig.texts():
        if gid == "title" or gid.startswith("legend_"):
            named += 1
            what = gid
        else:
            others += 1
            what = f"label {gid}"
        cut = []
        if x0 < x_lo - 0.5:
            cut.append(f"left by {x_lo - x0:.0f} pt")
        if x1 > x_hi + 0.5:
            cut.append(f"right by {x1 - x_hi:.0f} pt")
        if y0 < y_lo - 0.5:
            cut.append(f"top by {y_lo - y0:.0f} pt")
        if y1 > y_hi + 0.5:
            cut.append(f"bottom by {y1 - y_hi:.0f} pt")
        if cut:
            problems.append(f"(d) {what} text '{s[:40]}' sticks out of the view box "
                            f"({fig.vb_w:.0f} x {fig.vb_h:.0f} pt) at the " + ", ".join(cut))
    if not any(gid == "title" for gid, *_ in fig.texts()):
        problems.append("(d) no <g id=\"title\"> text found")
    summary = (f"{w_px}x{h_px} px, extent "
               f"{got[0]:.3f},{got[1]:.3f}-{got[2]:.3f},{got[3]:.3f}, worst side diff "
               f"{worst:.1%}, ink diff {ink_worst:.1%}, margins {min(margins)} px, "
               f"{named} title/legend + {others} other texts checked, against "
               + " + ".join(r for r, _ in refs))
    return problems, summary


# ---- making the figures ------------------------------------------------------------------

def make_figures(cl, root, out, explain=None):
    """Runs clusterlens (and the explain figure writer, when given) for every figure kind;
    returns [(name, svg, reference)]."""
    ee = os.path.join(root, "examples/cordis_ee_climate")
    baltics = os.path.join(root, "examples/cordis_sc5_baltics")
    score_dir = os.path.join(out, "ee_score")
    run([cl, "score", ee + "/data", "--map", ee + "/cordis.toml", "-o", score_dir,
         "--permutations", "0"], 300, "score")
    net = os.path.join(score_dir, "network.graphml")
    renders = {
        "render_concentric": [],
        "render_sfdp": ["--layout", "sfdp", "--top-ties", "400"],
        "render_neato": ["--layout", "neato", "--top-ties", "400"],
        # No fdp: Graphviz 2.43's fdp gives another layout now and then on a loaded machine
        # (README, "Diagrams"), so its SVG and PNG, two runs, could show two figures.
        "render_dot": ["--layout", "dot", "--top-ties", "400"],
        "render_circo": ["--layout", "circo", "--ego", "919399660", "--top-ties", "40"],
        "render_ego": ["--ego", "999421653"],
        "render_position_map": ["--position-map"],
        "render_collapse_country": ["--collapse-external", "country"],
        "render_overview": ["--max-actors", "50"],
        # Leiden computed on the fly (the scored network has no community attribute).
        "render_communities": ["--color-by", "community"],
        "render_community_graph": ["--community-graph"],
    }
    jobs = []
    for name, extra in renders.items():
        for ext in ("svg", "png"):
            jobs.append(([cl, "render", net, "-o", os.path.join(out, f"{name}.{ext}")] + extra,
                         f"render {name}.{ext}"))

    # compare writes each figure as SVG and as Graphviz's PNG (--figure-format): both are
    # checked like render's.
    compare_png = True
    fmt = ["--figure-format", "svg,png"]
    one, two, many = (os.path.join(out, d) for d in ("compare_one", "compare_two",
                                                     "compare_many"))
    jobs.append(([cl, "compare", ee + "/data", "--map", ee + "/cordis.toml", "-o", one] + fmt,
                 "compare one network"))
    jobs.append(([cl, "compare", baltics + "/EE", baltics + "/LT", "--map",
                  baltics + "/cordis.toml", "-o", two] + fmt, "compare two networks"))
    jobs.append(([cl, "compare", baltics + "/EE", baltics + "/LV", baltics + "/LT", "--map",
                  baltics + "/cordis.toml", "-o", many] + fmt, "compare three networks"))
    with open(os.path.join(baltics, "cordis.toml"), "rb") as f:
        baltic_patterns = "patterns" in tomllib.load(f)
    # No bundled mapping has a [patterns] section (CORDIS carries no ability or trigger
    # scores), so patterns.svg is drawn from four tiny clusters made here, the ones of
    # tests/src/compare_many_test.cpp's PatternsByHand.
    pat = os.path.join(out, "compare_patterns")
    pat_in = os.path.join(out, "patterns_input")
    rows = [("4,4,4,4", "4,2,4,2"), ("4,4,1,1", "4,4,1,1"), ("1,1,1,1", "1,2,2,1"),
            ("1,1,4,4", "2,1,4,4")]
    cmd = [cl, "compare"]
    for c, (f1, f2) in enumerate(rows, 1):
        d = os.path.join(pat_in, f"c{c}")
        os.makedirs(d)
        with open(os.path.join(d, "nodes.csv"), "w") as f:
            f.write(f"Id,type,locality,m,d,l,s\nf1,firm,local,{f1}\nf2,firm,local,{f2}\n"
                    "g,firm,global,9,9,9,9\n")
        with open(os.path.join(d, "edges.csv"), "w") as f:
            f.write("Source,Target,Weight\nf1,f2,1\nf1,g,2\n")
        cmd.append(d)
    with open(os.path.join(pat_in, "map.toml"), "w") as f:
        f.write('[patterns]\nability = ["m", "d"]\ntrigger = ["l", "s"]\n')
    jobs.append((cmd + ["--map", os.path.join(pat_in, "map.toml"), "-o", pat] + fmt,
                 "compare four clusters with patterns"))

    explain_dir = os.path.join(out, "explain")
    explain_pages = ("explain_natural", "explain_17cm", "explain_grey")
    if explain:
        os.makedirs(explain_dir)
        jobs.append(([explain, explain_dir], "explain figures"))

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(run, c, 300, what) for c, what in jobs]:
            f.result()

    figures = []
    for name in renders:
        figures.append((name, os.path.join(out, name + ".svg"),
                        ("graphviz", os.path.join(out, name + ".png"))))
    compare_figs = [(one, "buzz"), (one, "pipelines"), (one, "local_global"),
                    (one, "position_map"), (two, "change"), (many, "linkage"), (pat, "patterns")]
    if baltic_patterns:
        compare_figs.append((many, "patterns"))
    for d, stem in compare_figs:
        svg = os.path.join(d, stem + ".svg")
        name = f"{os.path.basename(d)}_{stem}"
        if compare_png:
            figures.append((name, svg, ("graphviz", os.path.join(d, stem + ".png"))))
        else:
            figures.append((name, svg, ("rsvg", None)))
    if explain:
        for name in explain_pages:
            figures.append((name, os.path.join(explain_dir, name + ".svg"),
                            ("graphviz", os.path.join(explain_dir, name + ".png"))))
    for _, svg, ref in figures:
        for path in (svg, ref[1]):
            if path and not os.path.exists(path):
                raise RuntimeError(f"expected figure {path} was not written")
    return figures, compare_png, baltic_patterns


# ---- the self-check ----------------------------------------------------------------------

def rescale(text, fig, k):
    """text with the root group's scale(...) multiplied by k."""
    return re.sub(r'(<g id="graph0" class="graph" transform=")scale\([^)]*\)',
                  lambda m: f"{m.group(1)}scale({fig.sx * k:.5f} {fig.sy * k:.5f})", text, 1)


def cropped_copies(svg_path, out):
    """Broken copies of a good figure, each with the checks that must reject it."""
    text = open(svg_path, encoding="utf-8").read()
    fig = SvgFigure(svg_path)
    copies = []

    # The old bug (Graphviz 2.43, dpi 110 in the SVG): page size scaled by 110/72, view box
    # left at 72 dpi, the drawing under scale(1.53): the browser shows the top-left 65 %.
    k = 110 / 72
    t = re.sub(r'<svg width="[^"]*" height="[^"]*"',
               f'<svg width="{fig.width * k:.0f}pt" height="{fig.height * k:.0f}pt"', text, 1)
    t = rescale(t, fig, k)
    copies.append(("selfcheck_old_dpi_bug", t, ["(a)", "(b)", "(c)", "(d)"]))

    # A consistent crop: declared size and view box both 25 % narrower, so the size check
    # cannot see it; the legend (right of the drawing) is cut off.
    w2 = fig.vb_w * 0.75
    t = re.sub(r'<svg width="[^"]*"', f'<svg width="{w2:.0f}pt"', text, 1)
    t = re.sub(r'viewBox="[^"]*"', f'viewBox="{fig.vb_x:.2f} {fig.vb_y:.2f} {w2:.2f} '
               f'{fig.vb_h:.2f}"', t, 1)
    copies.append(("selfcheck_legend_cut", t, ["(b)", "(c)", "(d)"]))

    # The drawing shrunk into the top-left corner (a scale the page does not follow): nothing
    # is cut, but the browser's drawing is not Graphviz's.
    t = rescale(text, fig, 0.8)
    copies.append(("selfcheck_shrunk", t, ["(b)"]))
    paths = []
    for name, t, must in copies:
        if t == text:
            raise RuntimeError(f"self-check: could not make {name} from {svg_path}")
        p = os.path.join(out, name + ".svg")
        with open(p, "w", encoding="utf-8") as f:
            f.write(t)
        paths.append((name, p, must))
    return paths


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__)
        return 2
    cl, root, out = sys.argv[1:4]
    explain = sys.argv[4] if len(sys.argv) == 5 else None
    for tool in (CHROMIUM, RSVG):
        if not os.access(tool, os.X_OK):
            print(f"browser_figures: {tool} is missing (bash .ci/deps.sh --test installs it)")
            return 2
    started = time.monotonic()
    out = os.path.abspath(out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    figures, compare_png, baltic_patterns = make_figures(cl, root, out, explain)
    compare_ref = "Graphviz PNG" if compare_png else "rsvg (compare has no --figure-format yet)"
    patterns = "yes" if baltic_patterns else "no (patterns.svg from a made-up set)"
    print(f"browser_figures: {len(figures)} figures made in {time.monotonic() - started:.0f} s; "
          f"compare figures against {compare_ref}; Baltic mapping has [patterns]: {patterns}",
          flush=True)

    good_name, good_svg, good_ref = figures[0]
    tasks = [(name, svg, ref, None) for name, svg, ref in figures]
    tasks += [(name, p, good_ref, must) for name, p, must in cropped_copies(good_svg, out)]

    def one(task):
        name, svg, ref, _ = task
        try:
            return check_figure(name, svg, ref, out)
        except Exception as e:  # a figure that cannot be read or shown is a failure too
            return [f"could not check: {e}"], ""

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(one, tasks))

    failed = 0
    for (name, svg, ref, must), (problems, summary) in zip(tasks, results):
        if must is None:
            if problems:
                failed += 1
                print(f"FAIL {name}: {len(problems)} problem(s)")
                for p in problems:
                    print(f"     {p}")
            else:
                print(f"ok   {name}: {summary}")
        else:
            caught = [m for m in must if any(p.startswith(m) for p in problems)]
            missed = [m for m in must if m not in caught]
            if missed:
                failed += 1
                print(f"FAIL self-check {name}: checks {' '.join(missed)} did not reject a "
                      f"cropped copy of {good_name}")
                for p in problems:
                    print(f"     (found) {p}")
            else:
                print(f"ok   self-check {name}: rejected by {' '.join(caught)} "
                      f"({len(problems)} problems; {summary})")
    print(f"browser_figures: screenshots, PNGs and SVGs in {out}")
    total = len(tasks)
    print(f"browser_figures: {time.monotonic() - started:.0f} s")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"browser_figures: {e}")
        sys.exit(2)
