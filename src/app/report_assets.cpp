// The report's style sheet and script, inline in the page (no external resource). The script
// reads the JSON of #report-data and wires the figures (hover, ego network, search, toggles,
// pan and zoom, downloads) and the tables (sort, filter, CSV of what is shown).
#include "src/app/report.hpp"

namespace clusterlens::app {

const char* report_css() {
    return R"CSS(
:root { --fg: #1a1a1a; --muted: #555; --line: #ccc; --accent: #0b5cad; --bg: #fff; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 0 16px 32px; }
h1 { font-size: 1.6em; margin: 16px 0 4px; } h2 { font-size: 1.3em; margin-top: 28px; }
.sub { color: var(--muted); margin: 0 0 8px; } code { font-size: 0.9em; }
nav a { margin-right: 12px; } a { color: var(--accent); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; }
button { font: inherit; padding: 2px 10px; border: 1px solid #666; border-radius: 4px;
  background: #f4f4f4; color: var(--fg); cursor: pointer; }
button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.toggles { border: 1px solid var(--line); margin: 8px 0; }
.toggles label { margin-right: 14px; white-space: nowrap; }
.view { margin: 0; border: 1px solid var(--line); }
.canvas { overflow: hidden; height: 70vh; min-height: 360px; background: #fff; cursor: grab; }
.canvas svg { width: 100%; height: 100%; display: block; }
.canvas.fitted { height: auto; min-height: 0; max-height: 85vh; }
figcaption { padding: 6px 8px; color: var(--muted); border-top: 1px solid var(--line); }
.downloads { float: right; }
g.node[data-actor] { cursor: pointer; }
g.off { display: none; }
svg.selecting g.node[data-actor]:not(.ego):not(.in-ego), svg.selecting g.edge[data-source]:not(.in-ego),
svg.selecting g.dimmed { opacity: 0.12; }
g.ego > :is(polygon, ellipse, path) { stroke: #e69f00; stroke-width: 4px; }
g.match > :is(polygon, ellipse, path) { stroke: #cc0000; stroke-width: 4px; }
.tooltip { position: fixed; z-index: 10; max-width: 340px; background: #fff; color: var(--fg);
  border: 1px solid #333; border-radius: 4px; padding: 6px 8px; font-size: 13px;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); pointer-events: none; }
.tooltip b { font-size: 14px; } .tooltip table { border-collapse: collapse; }
.tooltip td { padding: 0 6px 0 0; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
.findings th[scope="row"] { font-weight: 600; white-space: nowrap; }
.note { color: var(--muted); font-size: 0.9em; border-left: 3px solid var(--line); padding-left: 8px; }
.table-wrap { max-height: 70vh; overflow: auto; border: 1px solid var(--line); }
.table-wrap thead th { position: sticky; top: 0; background: #f4f4f4; }
.table-wrap th button { border: 0; background: none; padding: 0; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
footer { color: var(--muted); margin-top: 32px; border-top: 1px solid var(--line); }
.print-only { display: none; }
@page tables { size: A4 landscape; }
@media print {
  nav, .controls, .toggles, .relations, .downloads, .tooltip, .skip, button, label:has(input[type=search]),
  #selection, .screen-only { display: none !important; }
  .table-wrap th button.sort { display: inline !important; }
  .data-table { page: tables; }
  .table-wrap table { font-size: 6.5pt; }
  .table-wrap th, .table-wrap td { padding: 1px 3px; }
  .table-wrap th { overflow-wrap: anywhere; } .table-wrap td { white-space: nowrap; }
  .print-only { display: block; color: var(--muted); }
  .table-wrap tbody tr:nth-child(n+101) { display: none; }
  figure { break-inside: avoid; }
  .view[hidden], .relation-page[hidden] { display: block !important; break-before: page; }
  .canvas { height: auto; overflow: visible; } .canvas svg { height: auto; max-height: 24cm; }
  .table-wrap { max-height: none; overflow: visible; border: 0; }
  body { max-width: none; font-size: 10pt; } section { break-inside: auto; }
}
)CSS";
}

const char* report_kit_js() {
    return R"JS(
(function () {
  "use strict";
  const $ = (s, r) => (r || document).querySelector(s);
  const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  // ---- figures: the inline SVG sized by its viewBox, pan (drag) and zoom (wheel) --------------
  function figure(name, fig) {
    const svg = $("svg", fig);
    if (!svg) return null;
    const w = svg.getAttribute("width"), h = svg.getAttribute("height");
    svg.dataset.width = w; svg.dataset.height = h;
    svg.removeAttribute("width"); svg.removeAttribute("height");
    const vb = svg.getAttribute("viewBox").split(/[ ,]+/).map(Number);
    return {name, fig, svg, vb0: vb.slice(), vb: vb.slice(), drag: null};
  }
  function setViewBox(v) { v.svg.setAttribute("viewBox", v.vb.map((x) => x.toFixed(2)).join(" ")); }
  function zoom(v, f, cx, cy) {
    const [x, y, w, h] = v.vb;
    if (cx === undefined) { cx = x + w / 2; cy = y + h / 2; }
    const nw = Math.min(Math.max(w / f, v.vb0[2] / 40), v.vb0[2] * 4), k = nw / w;
    v.vb = [cx - (cx - x) * k, cy - (cy - y) * k, w * k, h * k];
    setViewBox(v);
  }
  function fit(v) { v.vb = v.vb0.slice(); setViewBox(v); }
  function svgPoint(v, ev) {
    const r = v.svg.getBoundingClientRect(), [x, y, w, h] = v.vb;
    const s = Math.max(w / r.width, h / r.height), ox = (r.width * s - w) / 2, oy = (r.height * s - h) / 2;
    return [x - ox + (ev.clientX - r.left) * s, y - oy + (ev.clientY - r.top) * s, s];
  }
  // v.dragged() is true while the click that ends a drag is handled (it must not select).
  function panZoom(v) {
    v.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [px, py] = svgPoint(v, ev);
      zoom(v, ev.deltaY < 0 ? 1.2 : 1 / 1.2, px, py);
    }, {passive: false});
    v.svg.addEventListener("pointerdown", (ev) => { v.drag = {x: ev.clientX, y: ev.clientY, vb: v.vb.slice(), moved: false}; });
    v.svg.addEventListener("pointermove", (ev) => {
      const d = v.drag;
      if (!d || !(ev.buttons & 1)) return;
      const [, , s] = svgPoint(v, ev), dx = ev.clientX - d.x, dy = ev.clientY - d.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
      if (!d.moved) return;
      v.vb = [d.vb[0] - dx * s, d.vb[1] - dy * s, d.vb[2], d.vb[3]];
      setViewBox(v);
    });
    v.svg.addEventListener("pointerup", () => { setTimeout(() => { v.drag = null; }, 0); });
    v.dragged = () => !!(v.drag && v.drag.moved);
  }

  // ---- downloads ----------------------------------------------------------------------------
  function download(filename, blob) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = filename;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  }
  // The figure as drawn, without the page's classes (hidden ties, selection, search marks).
  function figureSvg(v) {
    const c = v.svg.cloneNode(true);
    c.setAttribute("width", v.svg.dataset.width); c.setAttribute("height", v.svg.dataset.height);
    c.setAttribute("viewBox", v.vb0.join(" "));
    c.removeAttribute("class"); c.removeAttribute("data-width"); c.removeAttribute("data-height");
    for (const g of $$(".off, .ego, .in-ego, .match", c)) g.classList.remove("off", "ego", "in-ego", "match");
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(c);
  }
  function downloadButtons(figures, root) {
    for (const b of $$(".download-svg", root)) b.addEventListener("click", () => {
      const v = figures[b.dataset.figure];
      download(v.name + ".svg", new Blob([figureSvg(v)], {type: "image/svg+xml"}));
    });
    for (const b of $$(".download-png", root)) b.addEventListener("click", () => {
      const v = figures[b.dataset.figure], img = new Image();
      const url = URL.createObjectURL(new Blob([figureSvg(v)], {type: "image/svg+xml"}));
      img.onload = () => {
        const k = 2, cv = document.createElement("canvas");
        cv.width = Math.round(v.vb0[2] * k); cv.height = Math.round(v.vb0[3] * k);
        const ctx = cv.getContext("2d");
        ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, cv.width, cv.height);
        ctx.drawImage(img, 0, 0, cv.width, cv.height);
        URL.revokeObjectURL(url);
        cv.toBlob((blob) => download(v.name + ".png", blob), "image/png");
      };
      img.src = url;
    });
  }

  // ---- tables: sort, filter, CSV of the rows shown -------------------------------------------
  const csvCell = (v) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?inf$/i.test(s)) s = "'" + s;
    return /[",\n\r']/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const PAGE = 1000;
  // The table #WHAT-table with its #WHAT-filter, #WHAT-count and #WHAT-csv. opts: cell(v, k),
  // the text of a cell in the CSV (default: as it is, null as empty); show(v, k), on the screen
  // (default: the same); numeric[k], column k sorts as numbers (default: every cell a number or
  // null); noun, what the count counts (default WHAT); file, the CSV's name (WHAT.csv).
  function makeTable(what, columns, rows, opts) {
    opts = opts || {};
    const cell = opts.cell || ((v) => (v === null ? "" : v)), show = opts.show || cell;
    let numeric = opts.numeric;
    const noun = opts.noun || what, file = opts.file || what + ".csv";
    const table = $("#" + what + "-table"), thead = $("thead", table), tbody = $("tbody", table);
    const filter = $("#" + what + "-filter"), count = $("#" + what + "-count");
    numeric = numeric || columns.map((c, k) => rows.length > 0 && rows.every((r) => r[k] === null || typeof r[k] === "number"));
    const text = rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join("\u0001").toLowerCase());
    let order = rows.map((r, i) => i), shown = order, sortCol = -1, dir = 1;
    thead.innerHTML = "<tr>" + columns.map((c, k) => '<th scope="col"' + (numeric[k] ? ' class="num"' : "") +
      '><button class="sort" type="button" data-col="' + esc(c) + '">' + esc(c) + "</button></th>").join("") + "</tr>";
    function draw() {
      const q = filter.value.trim().toLowerCase();
      shown = q ? order.filter((i) => text[i].includes(q)) : order;
      const html = [];
      for (const i of shown.slice(0, PAGE))
        html.push("<tr>" + rows[i].map((v, k) => (numeric[k] ? '<td class="num">' : "<td>") + esc(show(v, k)) + "</td>").join("") + "</tr>");
      tbody.innerHTML = html.join("");
      count.textContent = shown.length + " of " + rows.length + " " + noun +
        (shown.length > PAGE ? " (the first " + PAGE + " listed; the CSV holds all " + shown.length + ")" : "");
    }
    for (const b of $$("button.sort", thead)) b.addEventListener("click", () => {
      const k = columns.indexOf(b.dataset.col);
      dir = sortCol === k ? -dir : 1; sortCol = k;
      const key = (i) => rows[i][k];
      order = rows.map((r, i) => i).sort((x, y) => {
        const a = key(x), c = key(y);
        if (a === null || a === "") return c === null || c === "" ? x - y : 1;
        if (c === null || c === "") return -1;
        const d = numeric[k] ? Number(a) - Number(c) : String(a).localeCompare(String(c));
        return d !== 0 ? dir * d : x - y;
      });
      for (const th of $$("th", thead)) th.removeAttribute("aria-sort");
      b.parentElement.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      draw();
    });
    filter.addEventListener("input", draw);
    $("#" + what + "-csv").addEventListener("click", () => {
      const lines = [columns.map(csvCell).join(",")];
      for (const i of shown) lines.push(rows[i].map((v, k) => csvCell(cell(v, k))).join(","));
      download(file, new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
    });
    draw();
  }

  window.clusterlensKit = {$, $$, esc, figure, panZoom, zoom, fit, download, downloadButtons, makeTable};
})();
)JS";
}

const char* report_js() {
    return R"JS(
(function () {
  "use strict";
  const {$, $$, esc, figure, panZoom, zoom, fit, downloadButtons, makeTable} = window.clusterlensKit;
  // One relation's page: its ids carry the page's prefix (none for the first relation).
  function initRelation(root) {
    const P = root.dataset.prefix || "", byId = (id) => document.getElementById(P + id);
    const data = JSON.parse(byId("report-data").textContent);
    const csvName = (what) => (P ? root.dataset.relation + "-" : "") + what + ".csv";
    const ac = data.actor_columns, actors = data.actors;
    const col = Object.fromEntries(ac.map((c, k) => [c, k]));
    const fmt = (v) => v === null || v === undefined || v === "" ? "–" : String(v);
    const name = (i) => actors[i][col.label] || actors[i][col.id];
    const kindClass = {buzz: "buzz", pipeline: "pipeline", extra_local: "outside"};

    // ---- the figures: what each node and tie stands for --------------------------------
    const views = {};
    for (const fig of $$("figure.view", root)) {
      const vname = fig.id.slice(P.length + 5), vd = data.views[vname], v = figure(vname, fig);
      if (!v || !vd) continue;
      const svg = v.svg;
      Object.assign(v, {nodes: [], ties: [], byActor: new Map(), adj: new Map()});
      const pre = P + vname + "-";
      for (const g of $$("g.node", svg)) {
        const m = /^(actor|group)_(\d+)$/.exec(g.id.slice(pre.length));
        if (!m) continue;
        const k = Number(m[2]), a = vd.nodes[k];
        if (a === undefined) continue;
        if (a >= 0) {
          g.dataset.actor = actors[a][col.id];
          g.dataset.index = a;
          g.dataset.part = actors[a][col.part];
          g.dataset.locality = actors[a][col.locality];
          v.byActor.set(a, g);
          g.setAttribute("role", "button");
          g.setAttribute("aria-label", name(a));
          const t = g.querySelector("title"); if (t) t.textContent = name(a);
        } else {
          g.dataset.group = vd.groups[String(k)] || "group";
          g.dataset.locality = "global"; g.dataset.part = "external";
          const t = g.querySelector("title"); if (t) t.textContent = g.dataset.group;
        }
        v.nodes[k] = g;
      }
      for (const g of $$("g.edge", svg)) {
        const m = /^tie_(\d+)$/.exec(g.id.slice(pre.length));
        if (!m) continue;
        const t = vd.ties[Number(m[1])];
        if (!t) continue;
        const ga = v.nodes[t[0]], gb = v.nodes[t[1]];
        g.dataset.source = ga ? (ga.dataset.actor || ga.dataset.group) : "";
        g.dataset.target = gb ? (gb.dataset.actor || gb.dataset.group) : "";
        g.classList.add(kindClass[t[2]] || "outside");
        const tt = g.querySelector("title"); if (tt) tt.textContent = g.dataset.source + " – " + g.dataset.target;
        const tie = {g, a: t[0], b: t[1], kind: kindClass[t[2]] || "outside"};
        v.ties.push(tie);
        for (const [x, y] of [[t[0], t[1]], [t[1], t[0]]]) {
          if (!v.adj.has(x)) v.adj.set(x, []);
          v.adj.get(x).push([y, tie]);
        }
      }
      // Only the labelled actors are tab stops (hundreds of stops help no one); search reaches all.
      for (const g of $$("g.node[id^='" + pre + "label_']", svg)) {
        const k = Number(g.id.slice((pre + "label_").length)), target = v.nodes[k];
        if (!target) continue;
        g.dataset.labelOf = k;  // hovering or clicking a label means its actor
        if (target.dataset.actor) target.setAttribute("tabindex", "0");
      }
      views[vname] = v;
    }
    let current = Object.keys(views)[0];

    // ---- tooltip --------------------------------------------------------------------------
    const tip = byId("tooltip");
    const tipRows = ac.slice(5);
    function showTip(g, x, y) {
      if (g.dataset.group) {
        tip.innerHTML = "<b>" + esc(g.dataset.group) + "</b><br>global actors drawn as one node";
      } else {
        const i = Number(g.dataset.index), r = actors[i];
        let h = "<b>" + esc(name(i)) + "</b>" + (r[col.label] && r[col.label] !== r[col.id] ? " <small>(" + esc(r[col.id]) + ")</small>" : "");
        h += "<br>part " + esc(fmt(r[col.part])) + " · type " + esc(fmt(r[col.type])) + " · " + esc(fmt(r[col.locality])) + "<table>";
        for (const c of tipRows) h += "<tr><td>" + esc(c) + "</td><td>" + esc(fmt(r[col[c]])) + "</td></tr>";
        tip.innerHTML = h + "</table>";
      }
      tip.hidden = false;
      const W = window.innerWidth, H = window.innerHeight, b = tip.getBoundingClientRect();
      tip.style.left = Math.max(4, Math.min(x + 14, W - b.width - 4)) + "px";
      tip.style.top = Math.max(4, Math.min(y + 14, H - b.height - 4)) + "px";
    }
    function hideTip() { tip.hidden = true; }

    // ---- selection: the ego network ---------------------------------------------------------
    const selText = byId("selection"), selDefault = selText.textContent;
    let selected = null;
    function clearSelection() {
      selected = null;
      for (const v of Object.values(views)) {
        v.svg.classList.remove("selecting");
        for (const g of $$(".ego, .in-ego", v.svg)) g.classList.remove("ego", "in-ego");
      }
      selText.textContent = selDefault;
    }
    function select(a) {
      clearSelection();
      const v = views[current], g = v.byActor.get(a);
      if (!g) { selText.textContent = name(a) + " is not drawn in this view"; return; }
      selected = a;
      const k = v.nodes.indexOf(g);
      v.svg.classList.add("selecting");
      g.classList.add("ego");
      let pipes = 0, buzz = 0;
      for (const [y, tie] of v.adj.get(k) || []) {
        if (tie.g.classList.contains("off")) continue;
        tie.g.classList.add("in-ego");
        if (v.nodes[y]) v.nodes[y].classList.add("in-ego");
        if (tie.kind === "pipeline") pipes++; else if (tie.kind === "buzz") buzz++;
      }
      const n = (v.adj.get(k) || []).length;
      selText.textContent = name(a) + ": " + n + " ties drawn (" + buzz + " local buzz, " + pipes + " pipelines); Escape clears";
    }

    // ---- toggles ---------------------------------------------------------------------------
    const toggles = $$("fieldset.toggles input[type=checkbox]", root);
    function applyToggles() {
      const on = (id) => { const t = byId(id); return !t || t.checked; };
      for (const v of Object.values(views)) {
        for (const g of v.nodes) {
          if (!g) continue;
          const hide = !on("toggle-" + g.dataset.locality) || !on("toggle-part-" + g.dataset.part);
          g.classList.toggle("off", hide);
        }
        let shown = 0;
        for (const t of v.ties) {
          const a = v.nodes[t.a], b = v.nodes[t.b];
          const hide = !on("toggle-" + (t.kind === "pipeline" ? "pipelines" : t.kind)) ||
            (a && a.classList.contains("off")) || (b && b.classList.contains("off"));
          t.g.classList.toggle("off", hide);
          if (!hide) shown++;
        }
        v.shown = shown;
      }
      const v = views[current];
      byId("visible-ties").textContent = v ? v.shown + " of " + v.ties.length + " ties shown" : "";
      if (selected !== null) select(selected);
    }
    for (const t of toggles) t.addEventListener("change", applyToggles);

    // ---- views, pan and zoom ---------------------------------------------------------------
    function showView(nameWanted) {
      if (!views[nameWanted]) return;
      current = nameWanted;
      for (const v of Object.values(views)) v.fig.hidden = v.name !== current;
      for (const b of $$(".view-button", root)) b.setAttribute("aria-pressed", String(b.dataset.view === current));
      hideTip();
      applyToggles();
      if (selected !== null) select(selected);
      runSearch();
    }
    for (const b of $$(".view-button", root)) b.addEventListener("click", () => showView(b.dataset.view));
    byId("zoom-in").addEventListener("click", () => zoom(views[current], 1.5));
    byId("zoom-out").addEventListener("click", () => zoom(views[current], 1 / 1.5));
    byId("zoom-reset").addEventListener("click", () => fit(views[current]));
    // The actor (or group) node an event's target belongs to, through its label if it is one.
    function actorOf(v, target, sel) {
      const g = target.closest(sel);
      if (g) return g;
      const l = target.closest("g.node[data-label-of]"), n = l && v.nodes[Number(l.dataset.labelOf)];
      return n && n.matches(sel) ? n : null;
    }
    for (const v of Object.values(views)) {
      panZoom(v);
      v.svg.addEventListener("click", (ev) => {
        if (v.dragged()) return;
        const g = actorOf(v, ev.target, "g.node[data-actor]");
        if (g) select(Number(g.dataset.index)); else clearSelection();
      });
      v.svg.addEventListener("mouseover", (ev) => {
        const g = actorOf(v, ev.target, "g.node[data-actor], g.node[data-group]");
        if (g) showTip(g, ev.clientX, ev.clientY);
      });
      v.svg.addEventListener("mouseout", (ev) => {
        const g = ev.target.closest("g.node");
        if (g && !g.contains(ev.relatedTarget)) hideTip();
      });
      v.svg.addEventListener("focusin", (ev) => {
        const g = ev.target.closest("g.node[data-actor]");
        if (g) { const b = g.getBoundingClientRect(); showTip(g, b.right, b.bottom); }
      });
      v.svg.addEventListener("focusout", hideTip);
      v.svg.addEventListener("keydown", (ev) => {
        const g = ev.target.closest("g.node[data-actor]");
        if (g && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(Number(g.dataset.index)); }
      });
    }
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { clearSelection(); hideTip(); } });

    // ---- search ----------------------------------------------------------------------------
    const search = byId("search"), searchCount = byId("search-count");
    let matches = [];
    function runSearch() {
      const q = search.value.trim().toLowerCase();
      for (const v of Object.values(views)) for (const g of $$(".match", v.svg)) g.classList.remove("match");
      matches = [];
      if (!q) { searchCount.textContent = ""; return; }
      for (let i = 0; i < actors.length; i++)
        if (String(actors[i][col.id]).toLowerCase().includes(q) || String(name(i)).toLowerCase().includes(q)) matches.push(i);
      const v = views[current];
      let drawn = 0;
      for (const i of matches) { const g = v && v.byActor.get(i); if (g) { g.classList.add("match"); drawn++; } }
      searchCount.textContent = matches.length === 0 ? "no actor matches" :
        matches.length + " actor" + (matches.length === 1 ? " matches" : "s match") + (drawn < matches.length ? " (" + drawn + " drawn here)" : "");
    }
    search.addEventListener("input", runSearch);
    search.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      const v = views[current], first = matches.find((i) => v.byActor.has(i));
      if (first !== undefined) select(first);
      else if (matches.length) selText.textContent = name(matches[0]) + " is not drawn in this view";
    });

    downloadButtons(views, root);

    // ---- tables ----------------------------------------------------------------------------
    makeTable(P + "actors", ac, actors, {noun: "actors", file: csvName("actors")});
    const tieRows = data.ties.map((t) => [actors[t[0]][col.id], actors[t[1]][col.id]].concat(t.slice(2)));
    makeTable(P + "ties", data.tie_columns, tieRows, {noun: "ties", file: csvName("ties")});

    showView(current);
  }

  const pages = $$(".relation-page");
  pages.forEach(initRelation);
  // Several relations: the switch shows one relation's page at a time.
  for (const r of $$("input.toggle-relation")) r.addEventListener("change", () => {
    for (const p of pages) p.hidden = p.dataset.relation !== r.dataset.relation;
  });
  window.clusterlensReady = true;
})();
)JS";
}

}  // namespace clusterlens::app
