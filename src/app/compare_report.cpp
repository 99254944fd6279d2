// compare_report_html: the comparison report's page, the tables' data read back from the CSV
// bytes compare writes (so the page and the files cannot disagree), the figures inline, and
// the page's own small script on top of the kit the network report uses.
#include "src/app/compare_report.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <filesystem>

#include "graphs/csv.hpp"
#include "graphs/source.hpp"
#include "graphs/text_input.hpp"
#include "src/app/report.hpp"
#include "src/app/report_parts.hpp"

namespace clusterlens::app {
namespace {

using Json = nlohmann::ordered_json;

const char* compare_js() {
    return R"JS(
(function () {
  "use strict";
  const {$, $$, figure, panZoom, zoom, fit, downloadButtons, makeTable} = window.clusterlensKit;
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const figures = {};
  for (const fig of $$("figure.view")) {
    const v = figure(fig.dataset.figure, fig);
    if (!v) continue;
    const c = v.svg.parentElement;  // as tall as the figure's shape needs, at most 85 % of the window
    c.classList.add("fitted"); c.style.aspectRatio = v.vb0[2] + " / " + v.vb0[3];
    panZoom(v);
    figures[v.name] = v;
  }
  for (const b of $$("button.zoom")) b.addEventListener("click", () => {
    const v = figures[b.dataset.figure];
    if (b.dataset.zoom === "fit") fit(v); else zoom(v, Number(b.dataset.zoom));
  });
  downloadButtons(figures, document);
  // On the screen numbers have 6 significant digits; the CSV download has the file's text.
  const short = (v) => { const n = Number(v); return v === "" || Number.isInteger(n) ? v : String(Number(n.toPrecision(6))); };
  for (const [id, t] of Object.entries(data.tables))
    makeTable(id, t.columns, t.rows, {numeric: t.numeric, noun: t.noun, show: (v, k) => (t.numeric[k] ? short(v) : v)});
  window.clusterlensReady = true;
})();
)JS";
}

/// True when `cell` is a whole finite number as compare writes them.
bool is_number(const std::string& cell) {
    if (cell.empty()) return false;
    double v = 0;
    const auto* end = cell.data() + cell.size();
    const auto [p, ec] = std::from_chars(cell.data(), end, v);
    return ec == std::errc() && p == end && std::isfinite(v);
}

/// A CSV output as the script's table: columns, rows of cell texts (the first
/// kCompareReportRows), which columns sort as numbers, and the file's row count.
Json table_data(const CompareReportPage::Table& t, std::size_t& total) {
    LineReader lines(Source::buffer(t.csv, t.file));
    CsvReader reader(lines, ',');
    std::vector<CsvField> fields;
    Json d;
    auto& columns = d["columns"] = Json::array();
    if (reader.next(fields))
        for (const auto& f : fields) columns.push_back(f.text);
    std::vector<char> numeric(columns.size(), 1), any(columns.size(), 0);
    auto& rows = d["rows"] = Json::array();
    total = 0;
    while (reader.next(fields)) {
        ++total;
        for (std::size_t k = 0; k < fields.size() && k < numeric.size(); ++k)
            if (!fields[k].text.empty()) {
                any[k] = 1;
                if (!is_number(fields[k].text)) numeric[k] = 0;
            }
        if (rows.size() >= kCompareReportRows) continue;
        Json row = Json::array();
        for (const auto& f : fields) row.push_back(f.text);
        rows.push_back(std::move(row));
    }
    auto& num = d["numeric"] = Json::array();
    for (std::size_t k = 0; k < numeric.size(); ++k) num.push_back(numeric[k] && any[k]);
    d["noun"] = "rows";
    return d;
}

std::string stem_of(const std::string& file) { return std::filesystem::path(file).stem().string(); }

std::string kind_name(CompareKind k) {
    switch (k) {
        case CompareKind::local_global:
            return "local buzz versus global pipelines of one cluster";
        case CompareKind::two_networks:
            return "two networks (two clusters, or two waves of one cluster)";
        case CompareKind::many_clusters:
            return "many clusters side by side";
    }
    return {};
}

}  // namespace

std::string report_path(const std::string& out_dir) {
    return (std::filesystem::path(out_dir) / "report.html").string();
}

CompareReportPage report_page(CompareKind kind, const CompareReportOptions& options,
                              nlohmann::ordered_json summary) {
    CompareReportPage page;
    page.kind = kind;
    page.title = options.title;
    page.command = options.command;
    page.inputs = options.inputs;
    page.summary = std::move(summary);
    return page;
}

std::string compare_report_html(const CompareReportPage& page) {
    const std::string version = page.summary.value("clusterlens_version", std::string());
    std::string h;
    h.reserve(1 << 20);
    h += page_head(page.title, report_css());
    h += "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n";
    h += "<header>\n<h1>" + html_escape(page.title) + "</h1>\n";
    std::string inputs;
    for (const auto& in : page.inputs)
        inputs += (inputs.empty() ? "" : ", ") + ("<code>" + html_escape(in) + "</code>");
    h += fmt::format(
        "<p class=\"sub\">Comparison of {}: {}. Made by clusterlens {}: <code>{}</code></p>\n"
        "</header>\n",
        kind_name(page.kind), inputs, html_escape(version), html_escape(page.command));
    h += "<nav aria-label=\"Sections\"><a href=\"#findings\">Findings</a> <a "
         "href=\"#figures\">Figures</a>";
    for (const auto& t : page.tables)
        h += fmt::format(" <a href=\"#{}\">{}</a>", stem_of(t.file), html_escape(t.title));
    h += "</nav>\n<main>\n";
    h += compare_findings_html(page);

    h += "<section id=\"figures\" aria-labelledby=\"figures-h\">\n<h2 "
         "id=\"figures-h\">Figures</h2>\n<p>Drag to pan, the wheel or the buttons to zoom; each "
         "figure downloads as SVG (as compare wrote it) or PNG.</p>\n";
    for (const auto& f : page.figures) {
        h += fmt::format(
            "<figure class=\"view\" id=\"figure-{0}\" data-figure=\"{0}\">\n<div "
            "class=\"canvas\">",
            f.stem);
        h += inline_svg(f.svg, f.stem, f.description);
        h += fmt::format(
            "</div>\n<figcaption>{1} <span class=\"downloads\"><button class=\"zoom\" "
            "data-figure=\"{0}\" data-zoom=\"1.5\" type=\"button\" aria-label=\"Zoom in\">+"
            "</button><button class=\"zoom\" data-figure=\"{0}\" data-zoom=\"0.6667\" "
            "type=\"button\" aria-label=\"Zoom out\">−</button><button class=\"zoom\" "
            "data-figure=\"{0}\" data-zoom=\"fit\" type=\"button\">Fit</button> Download {2}"
            "</span></figcaption>\n</figure>\n",
            f.stem, html_escape(f.description), figure_buttons(f.stem));
    }
    h += "</section>\n";

    Json data;
    auto& tables = data["tables"] = Json::object();
    for (const auto& t : page.tables) {
        std::size_t total = 0;
        auto d = table_data(t, total);
        const std::size_t listed = d["rows"].size();
        std::string note = html_escape(t.note);
        note += listed < total ? fmt::format(" The first {} of {} rows; <code>{}</code> has all.",
                                             listed, total, html_escape(t.file))
                               : fmt::format(" <code>{}</code> as a table.", html_escape(t.file));
        note +=
            " Click a column to sort; the CSV holds the rows that match the filter, in the "
            "order shown.";
        h += data_table_section(stem_of(t.file), html_escape(t.title), note);
        tables[stem_of(t.file)] = std::move(d);
    }
    h += "</main>\n<footer><p>clusterlens " + html_escape(version) +
         ". This file needs no network connection: share it as it is (e-mail, USB stick); it "
         "opens in any current browser and prints to PDF.</p></footer>\n";
    h +=
        "<script type=\"application/json\" id=\"report-data\">" + script_json(data) + "</script>\n";
    h += std::string("<script>\n") + report_kit_js() + compare_js() +
         "</script>\n</body>\n</html>\n";
    return h;
}

}  // namespace clusterlens::app
