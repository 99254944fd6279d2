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
nlohmann::ordered_json report_data(const ReportRelation& rel, std::size_t max_tie_rows) {
    const Network& net = rel.scored->network;
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
    if (order.size() > max_tie_rows) order.resize(max_tie_rows);
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
    for (const auto& v : rel.views) {
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

/// One relation's part of the page: the network (views, search, toggles), the findings and the
/// tables, every id prefixed with `p`, in <div class="relation-page" data-prefix="p">.
std::string relation_html(const ReportRelation& rel, const std::string& p, bool shown,
                          std::size_t max_tie_rows) {
    const auto& s = *rel.scored;
    const Network& net = s.network;
    const auto summary = scoring::summary_json(s.cluster);
    std::string h =
        fmt::format("<div class=\"relation-page\" data-prefix=\"{}\" data-relation=\"{}\"{}>\n", p,
                    html_escape(s.cluster.relation), shown ? "" : " hidden");
    h += fmt::format(
        "<p class=\"sub\">{} actors, {} ties, relation “{}”, {}.</p>\n<nav "
        "aria-label=\"Sections\"><a href=\"#{p}network\">Network</a> <a "
        "href=\"#{p}findings\">Findings</a> <a href=\"#{p}actors\">Actors</a> <a "
        "href=\"#{p}ties\">Ties</a></nav>\n",
        net.actor_count(), net.tie_count(), html_escape(s.cluster.relation),
        net.directed() ? "directed" : "undirected", fmt::arg("p", p));

    // The network, explorable.
    h += fmt::format(
        "<section id=\"{p}network\" aria-labelledby=\"{p}network-h\">\n<h2 "
        "id=\"{p}network-h\">The network</h2>\n<div class=\"controls\">\n<div role=\"group\" "
        "aria-label=\"View\">",
        fmt::arg("p", p));
    for (const auto& v : rel.views)
        h += fmt::format(
            "<button class=\"view-button\" data-view=\"{}\" type=\"button\">{}</button>", v.name,
            html_escape(v.caption));
    h += fmt::format(
        "</div>\n<label>Search <input id=\"{p}search\" type=\"search\" placeholder=\"name or "
        "id\" autocomplete=\"off\"></label> <span id=\"{p}search-count\" "
        "aria-live=\"polite\"></span>\n<div role=\"group\" aria-label=\"Zoom\"><button "
        "id=\"{p}zoom-in\" type=\"button\" aria-label=\"Zoom in\">+</button><button "
        "id=\"{p}zoom-out\" type=\"button\" aria-label=\"Zoom out\">−</button><button "
        "id=\"{p}zoom-reset\" type=\"button\">Fit</button></div>\n</div>\n<fieldset "
        "class=\"toggles\"><legend>Show</legend>\n",
        fmt::arg("p", p));
    auto toggle = [&](const std::string& id, const std::string& label) {
        h += "<label><input type=\"checkbox\" id=\"" + p + id + "\" checked> " + label +
             "</label>\n";
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
    h += fmt::format(
        "</fieldset>\n<p><span id=\"{p}visible-ties\" aria-live=\"polite\"></span><span "
        "class=\"screen-only\"> · </span><span id=\"{p}selection\" aria-live=\"polite\">Click an "
        "actor (or search and press Enter) to see its ego network; Escape clears.</span></p>\n",
        fmt::arg("p", p));
    for (std::size_t k = 0; k < rel.views.size(); ++k) {
        const auto& v = rel.views[k];
        h += fmt::format("<figure class=\"view\" id=\"{}view-{}\"{}>\n<div class=\"canvas\">", p,
                         v.name, k == 0 ? "" : " hidden");
        h += inline_svg(v.diagram.bytes, p + v.name, v.description);
        h += fmt::format("</div>\n<figcaption>{} <span class=\"downloads\">Download {}</span>",
                         html_escape(v.description), figure_buttons(v.name));
        for (const auto& note : v.diagram.notes)
            h += "<br><small>" + html_escape(note) + "</small>";
        h += "</figcaption>\n</figure>\n";
    }
    h += "<div id=\"" + p +
         "tooltip\" role=\"tooltip\" class=\"tooltip\" hidden></div>\n</section>\n";

    h += findings_html(s, p);

    // Tables to work with (filled by the script from the data below).
    h += data_table_section(
        p + "actors", "Actors",
        "Every actor with its main scores (6 significant digits; actors.csv of clusterlens "
        "score has every digit and every score). Click a column to sort; the CSV holds the "
        "rows that match the filter, in the order shown.");
    const std::size_t listed = std::min(net.tie_count(), max_tie_rows);
    h += data_table_section(
        p + "ties", "Ties",
        listed < net.tie_count()
            ? fmt::format("The {} strongest of the {} ties (ties.csv of clusterlens score has "
                          "all). Click a column to sort.",
                          listed, net.tie_count())
            : std::string("Every tie with its weight, linkage and strength class. Click a "
                          "column to sort."));
    h += "<script type=\"application/json\" id=\"" + p + "report-data\">" +
         script_json(report_data(rel, max_tie_rows)) + "</script>\n</div>\n";
    return h;
}

}  // namespace

std::string report_html(const ReportPage& page) {
    const auto summary = scoring::summary_json(page.relations.front().scored->cluster);
    const std::string version = summary.value("clusterlens_version", std::string());
    std::string h;
    h.reserve(1 << 20);
    h += page_head(page.title, report_css());
    h += "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n";
    h += "<header>\n<h1>" + html_escape(page.title) + "</h1>\n";
    h += fmt::format(
        "<p class=\"sub\">Made by clusterlens {} from <code>{}</code>: "
        "<code>{}</code></p>\n",
        html_escape(version), html_escape(page.input), html_escape(page.command));
    if (page.relations.size() > 1) {
        h += "<fieldset class=\"relations\"><legend>Relation (each scored on its own)</legend>\n";
        for (std::size_t k = 0; k < page.relations.size(); ++k) {
            const auto& name = page.relations[k].scored->cluster.relation;
            h += fmt::format(
                "<label><input type=\"radio\" name=\"relation\" class=\"toggle-relation\" "
                "data-relation=\"{}\"{}> {}</label>\n",
                html_escape(name), k == 0 ? " checked" : "", html_escape(name));
        }
        h += "</fieldset>\n";
    }
    h += "</header>\n<main>\n";
    for (std::size_t k = 0; k < page.relations.size(); ++k)
        h += relation_html(page.relations[k], k == 0 ? "" : fmt::format("r{}-", k), k == 0,
                           page.max_tie_rows);
    h += "</main>\n<footer><p>clusterlens " + html_escape(version) +
         ". This file needs no network connection: share it as it is (e-mail, USB stick); it "
         "opens in any current browser and prints to PDF.</p></footer>\n";
    h +=
        std::string("<script>\n") + report_kit_js() + report_js() + "</script>\n</body>\n</html>\n";
    return h;
}

}  // namespace clusterlens::app
