// report_html: the page skeleton, the data the script reads (actors, ties, what each drawn node
// and tie stands for) and the figures inline.
#include "src/app/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "graphs/attributes.hpp"
#include "graphs/network.hpp"
#include "src/app/report_parts.hpp"
#include "src/score/summary_json.hpp"

namespace clusterlens::app {

namespace {

/// The actor columns the report shows (those the network has), in this order: who the actor
/// is, then the scores a reader asks about first.
const std::vector<std::string>& report_actor_columns() {
    static const std::vector<std::string> cols = {
        "country",           "degree",         "strength",   "betweenness",
        "closeness",         "eigenvector",    "ego_size",   "ext_share",
        "constraint",        "effective_size", "gatekeeper", "representative",
        "coordinator",       "itinerant",      "liaison",    "typology",
        "learning_capacity", "community"};
    return cols;
}

/// A number in at most 6 significant digits (the tables and tooltips; the CSV outputs of score
/// keep every digit), NaN as null.
nlohmann::ordered_json number(double v) {
    if (!std::isfinite(v)) return nullptr;
    const double r = std::stod(fmt::format("{:.6g}", v));
    if (r == std::floor(r) && std::fabs(r) < 1e15) return static_cast<long long>(r);
    return r;
}

/// The JSON the script reads: actors (columnar rows), the listed ties, and per view what each
/// drawn node (actor index, or -1 and a label for a merged group) and tie stands for.
nlohmann::ordered_json report_data(const ReportPage& page) {
    const Network& net = page.scored->network;
    const auto& attrs = net.actor_attributes();
    nlohmann::ordered_json d;
    std::vector<const AttributeColumn*> cols;
    nlohmann::ordered_json names = {"id", "label", "part", "type", "locality"};
    for (const auto& name : report_actor_columns())
        if (const auto* c = attrs.find(name)) {
            cols.push_back(c);
            names.push_back(name);
        }
    d["actor_columns"] = names;
    auto& rows = d["actors"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const Actor& a = net.actor(i);
        nlohmann::ordered_json row = {a.id, a.label.empty() ? a.id : a.label, to_string(a.part),
                                      a.type, to_string(a.locality)};
        for (const auto* c : cols) {
            if (c->kind == AttributeColumn::Kind::number)
                row.push_back(number(c->numbers[i]));
            else
                row.push_back(c->texts[i]);
        }
        rows.push_back(std::move(row));
    }
    // Ties: the strongest max_tie_rows, strongest first (ties of equal weight in input order).
    std::vector<std::size_t> order(net.tie_count());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return net.weight(x) > net.weight(y); });
    if (order.size() > page.max_tie_rows) order.resize(page.max_tie_rows);
    const auto& tattrs = net.tie_attributes();
    const auto* linkage = tattrs.find("linkage");
    const auto* strength = tattrs.find("strength_class");
    const auto* dimension = tattrs.find("learning_dimension");
    d["tie_columns"] = {"source",  "target",         "weight",
                        "linkage", "strength_class", "learning_dimension"};
    d["ties_total"] = net.tie_count();
    auto& ties = d["ties"] = nlohmann::ordered_json::array();
    auto text = [](const AttributeColumn* c, std::size_t e) {
        return c ? c->as_text(e) : std::string();
    };
    for (const auto e : order)
        ties.push_back({net.source(e), net.target(e), number(net.weight(e)), text(linkage, e),
                        text(strength, e), text(dimension, e)});
    auto& views = d["views"] = nlohmann::ordered_json::object();
    for (const auto& v : page.views) {
        nlohmann::ordered_json nodes = nlohmann::ordered_json::array(),
                               groups = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < v.diagram.nodes.size(); ++i) {
            const auto& n = v.diagram.nodes[i];
            if (n.actor == static_cast<std::size_t>(-1)) {
                nodes.push_back(-1);
                groups[std::to_string(i)] = n.label;
            } else {
                nodes.push_back(n.actor);
            }
        }
        nlohmann::ordered_json drawn = nlohmann::ordered_json::array();
        for (const auto& t : v.diagram.ties) drawn.push_back({t.a, t.b, t.kind});
        views[v.name] = {{"nodes", nodes}, {"groups", groups}, {"ties", drawn}};
    }
    return d;
}

}  // namespace

std::string report_html(const ReportPage& page) {
    const auto& s = *page.scored;
    const Network& net = s.network;
    const auto summary = scoring::summary_json(s.cluster);
    const std::string version = summary.value("clusterlens_version", std::string());
    std::string h;
    h.reserve(1 << 20);
    h += page_head(page.title, report_css());
    h += "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n";
    h += "<header>\n<h1>" + html_escape(page.title) + "</h1>\n";
    h += fmt::format(
        "<p class=\"sub\">{} actors, {} ties, relation “{}”, {}. Made by clusterlens {} from "
        "<code>{}</code>: <code>{}</code></p>\n</header>\n",
        net.actor_count(), net.tie_count(), html_escape(s.cluster.relation),
        net.directed() ? "directed" : "undirected", html_escape(version), html_escape(page.input),
        html_escape(page.command));
    h += "<nav aria-label=\"Sections\"><a href=\"#network\">Network</a> <a "
         "href=\"#findings\">Findings</a> <a href=\"#actors\">Actors</a> <a "
         "href=\"#ties\">Ties</a></nav>\n<main>\n";

    // The network, explorable.
    h += "<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">The "
         "network</h2>\n<div class=\"controls\">\n<div role=\"group\" aria-label=\"View\">";
    for (const auto& v : page.views)
        h += fmt::format(
            "<button class=\"view-button\" data-view=\"{}\" type=\"button\">{}</button>", v.name,
            html_escape(v.caption));
    h += "</div>\n<label>Search <input id=\"search\" type=\"search\" placeholder=\"name or id\" "
         "autocomplete=\"off\"></label> <span id=\"search-count\" aria-live=\"polite\"></span>\n"
         "<div role=\"group\" aria-label=\"Zoom\"><button id=\"zoom-in\" type=\"button\" "
         "aria-label=\"Zoom in\">+</button><button id=\"zoom-out\" type=\"button\" "
         "aria-label=\"Zoom out\">−</button><button id=\"zoom-reset\" type=\"button\">Fit</button>"
         "</div>\n</div>\n<fieldset class=\"toggles\"><legend>Show</legend>\n";
    auto toggle = [&](const std::string& id, const std::string& label) {
        h += "<label><input type=\"checkbox\" id=\"" + id + "\" checked> " + label + "</label>\n";
    };
    toggle("toggle-buzz", "local buzz (ties inside the region)");
    toggle("toggle-pipelines", "global pipelines (local–global ties)");
    toggle("toggle-outside", "ties outside the cluster");
    toggle("toggle-local", "local actors");
    toggle("toggle-global", "global actors");
    const auto& parts = summary.at("actors_by_part");
    for (const auto& [part, label] :
         std::vector<std::pair<std::string, std::string>>{{"core", "core firms"},
                                                          {"assisting", "assisting institutes"},
                                                          {"external", "external sources"}})
        if (parts.contains(part) && parts.at(part).get<std::size_t>() > 0)
            toggle("toggle-part-" + part, label);
    h += "</fieldset>\n<p><span id=\"visible-ties\" aria-live=\"polite\"></span><span "
         "class=\"screen-only\"> · </span><span "
         "id=\"selection\" aria-live=\"polite\">Click an actor (or search and press Enter) to "
         "see its ego network; Escape clears.</span></p>\n";
    for (std::size_t k = 0; k < page.views.size(); ++k) {
        const auto& v = page.views[k];
        h += fmt::format("<figure class=\"view\" id=\"view-{}\"{}>\n<div class=\"canvas\">", v.name,
                         k == 0 ? "" : " hidden");
        h += inline_svg(v.diagram.bytes, v.name, v.description);
        h += fmt::format("</div>\n<figcaption>{} <span class=\"downloads\">Download {}</span>",
                         html_escape(v.description), figure_buttons(v.name));
        for (const auto& note : v.diagram.notes)
            h += "<br><small>" + html_escape(note) + "</small>";
        h += "</figcaption>\n</figure>\n";
    }
    h += "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n</section>\n";

    h += findings_html(s);

    // Tables to work with (filled by the script from the data below).
    h += data_table_section(
        "actors", "Actors",
        "Every actor with its main scores (6 significant digits; actors.csv of clusterlens "
        "score has every digit and every score). Click a column to sort; the CSV holds the "
        "rows that match the filter, in the order shown.");
    const std::size_t listed = std::min(net.tie_count(), page.max_tie_rows);
    h += data_table_section(
        "ties", "Ties",
        listed < net.tie_count()
            ? fmt::format("The {} strongest of the {} ties (ties.csv of clusterlens score has "
                          "all). Click a column to sort.",
                          listed, net.tie_count())
            : std::string("Every tie with its weight, linkage and strength class. Click a "
                          "column to sort."));
    h += "</main>\n<footer><p>clusterlens " + html_escape(version) +
         ". This file needs no network connection: share it as it is (e-mail, USB stick); it "
         "opens in any current browser and prints to PDF.</p></footer>\n";
    h += "<script type=\"application/json\" id=\"report-data\">" + script_json(report_data(page)) +
         "</script>\n";
    h +=
        std::string("<script>\n") + report_kit_js() + report_js() + "</script>\n</body>\n</html>\n";
    return h;
}

}  // namespace clusterlens::app
