// The report's findings in words and tables, from summary.json's values (summary_json) and the
// scored network: every number with a line a non-specialist can follow and the method's source.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "graphs/attributes.hpp"
#include "src/app/report.hpp"
#include "src/app/report_parts.hpp"
#include "src/score/summary_json.hpp"

namespace clusterlens::app {
namespace {

using Json = nlohmann::ordered_json;

/// The n actors with the largest value of `col` (ties broken by input order), as rows.
std::vector<std::size_t> top_by(const Network& net, const std::string& col, std::size_t n) {
    const auto* c = net.actor_attributes().find(col);
    std::vector<std::size_t> order;
    if (!c || c->kind != AttributeColumn::Kind::number) return order;
    for (std::size_t i = 0; i < net.actor_count(); ++i)
        if (std::isfinite(c->numbers[i]) && c->numbers[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return c->numbers[a] > c->numbers[b]; });
    if (order.size() > n) order.resize(n);
    return order;
}

std::string actor_table(const Network& net, const std::string& id, const std::string& caption,
                        const std::vector<std::size_t>& who,
                        const std::vector<std::pair<std::string, std::string>>& cols) {
    std::string h = fmt::format(
        "<table id=\"{}\" class=\"findings\"><caption>{}</caption><thead><tr><th "
        "scope=\"col\">Actor</th><th scope=\"col\">Part</th><th scope=\"col\">Locality</th>",
        id, caption);
    for (const auto& [name, label] : cols) h += "<th scope=\"col\">" + label + "</th>";
    h += "</tr></thead><tbody>\n";
    for (const auto i : who) {
        const Actor& a = net.actor(i);
        h += "<tr><th scope=\"row\">" + html_escape(a.label.empty() ? a.id : a.label) +
             "</th><td>" + std::string(to_string(a.part)) + "</td><td>" +
             std::string(to_string(a.locality)) + "</td>";
        for (const auto& [name, label] : cols) {
            const auto* c = net.actor_attributes().find(name);
            Json v = c && c->kind == AttributeColumn::Kind::number ? Json(c->numbers[i]) : Json();
            h += "<td class=\"num\">" + report_num(v) + "</td>";
        }
        h += "</tr>\n";
    }
    if (who.empty())
        h += fmt::format("<tr><td colspan=\"{}\">no actor scores above 0</td></tr>\n",
                         3 + cols.size());
    return h + "</tbody></table>\n";
}

}  // namespace

std::string findings_html(const scoring::ScoredRelation& scored, const std::string& p) {
    const Json j = scoring::summary_json(scored.cluster);
    const Network& net = scored.network;
    std::string h = "<section id=\"" + p + "findings\" aria-labelledby=\"" + p +
                    "findings-h\">\n<h2 id=\"" + p +
                    "findings-h\">"
                    "Findings</h2>\n";

    // Headline.
    const auto& part = json_at(j, {"actors_by_part"});
    const auto& loc = json_at(j, {"actors_by_locality"});
    const auto& ei = json_at(j, {"ei_locality"});
    const auto& lock = json_at(j, {"lock_in"});
    std::vector<ReportRow> head = {
        {"Actors", report_num(j["actors"]),
         fmt::format("{} core firms, {} assisting institutes (universities, research, government, "
                     "intermediaries), {} external sources",
                     report_num(json_at(part, {"core"})), report_num(json_at(part, {"assisting"})),
                     report_num(json_at(part, {"external"})))},
        {"Local / global actors",
         report_num(json_at(loc, {"local"})) + " / " + report_num(json_at(loc, {"global"})),
         "local: in the cluster's region; global: partners outside it"},
        {"Ties", report_num(j["ties"]),
         fmt::format("density {}: the share of all possible pairs that are tied",
                     report_num(j["density"]))},
        {"Cluster openness", report_num(json_at(ei, {"cluster_openness"}), 2),
         "E-I index of the local actors' ties: −1 = every tie stays inside the region, +1 = "
         "every tie reaches outside"},
        {"Openness of the whole network", report_num(json_at(ei, {"whole_binary"}), 2),
         fmt::format("E-I index over all ties; a value this high or higher arose in {} of {} "
                     "random relabellings of local and global (one-sided p)",
                     report_pct(json_at(ei, {"p_upper_binary"})),
                     report_num(json_at(ei, {"permutations"})))},
        {"Lock-in", json_at(lock, {"flag"}).is_boolean() && lock["flag"].get<bool>() ? "yes" : "no",
         fmt::format("{} of {} indicators fired; the diagnosis needs at least {} (table below)",
                     report_num(json_at(lock, {"fired"})), json_at(lock, {"indicators"}).size(),
                     report_num(json_at(lock, {"min_fired"})))}};
    h += findings_table(p + "headline", "The cluster at a glance", head);
    h += "<table id=\"" + p +
         "lock-in\" class=\"findings\"><caption>Lock-in indicators</caption><thead>"
         "<tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th "
         "scope=\"col\">Fires when</th><th scope=\"col\">Fired</th></tr></thead><tbody>\n";
    for (const auto& ind : json_at(lock, {"indicators"}))
        h += "<tr><th scope=\"row\">" + html_escape(ind.value("name", std::string())) +
             "</th><td class=\"num\">" + report_num(ind["value"]) + "</td><td>" +
             html_escape(ind.value("rule", std::string())) + "</td><td>" +
             (ind.value("fired", false) ? "yes" : "no") + "</td></tr>\n";
    h += "</tbody></table>\n";
    h += report_note(
        "Openness is Krackhardt &amp; Stern's (1988) E-I index, (external − internal) / all ties, "
        "on the local/global partition, with UCINET's permutation test. Lock-in is a diagnosis, "
        "not a fact: an inward-looking cluster (E-I near −1), few or concentrated pipelines and a "
        "dense local core each point to it; the thresholds are options of clusterlens score.");

    // Buzz versus pipelines.
    const auto& link = json_at(j, {"linkage"});
    const auto& pipes = json_at(j, {"pipelines"});
    h += findings_table(
        p + "buzz-pipelines", "Local buzz and global pipelines",
        {{"Local buzz", report_num(json_at(link, {"buzz"})),
          "ties between two local actors: the face-to-face exchange inside the cluster"},
         {"Global pipelines", report_num(json_at(link, {"pipeline"})),
          "ties from a local actor to a global one: the channels that bring outside knowledge in"},
         {"Ties outside the cluster", report_num(json_at(link, {"extra_local"})),
          "ties between two global actors (context: partners' partners)"},
         {"Pipelines per local actor", report_num(json_at(pipes, {"per_local_actor"})),
          "how many outside channels the cluster has for its size"},
         {"Pipeline concentration", report_num(json_at(pipes, {"concentration_hhi"})),
          "Herfindahl index of pipelines over local actors: 1 = one actor holds every pipeline"},
         {"Reach through gatekeepers", report_pct(json_at(pipes, {"gatekeeper_reach_share"})),
          "share of the global actors the cluster reaches that a technological gatekeeper "
          "reaches"}});
    h += report_note(
        "Buzz and pipelines: Bathelt, Malmberg &amp; Maskell (2004), Progress in Human "
        "Geography 28(1). Concentration as in Giuliani (2007).");

    // Firm typology.
    const auto& typ = json_at(j, {"typology"});
    std::vector<ReportRow> types;
    for (const auto& [name, meaning] : std::vector<std::pair<std::string, std::string>>{
             {"technological_gatekeeper",
              "many local contacts and strong outside ties: absorbs and passes knowledge on"},
             {"mutual_exchanger", "many local contacts, weak outside ties"},
             {"external_star", "strong outside ties, few local contacts"},
             {"isolated", "few local contacts and weak outside ties"}})
        types.push_back({name,
                         report_num(json_at(typ, {"counts", name.c_str()}).is_null()
                                        ? Json(0)
                                        : json_at(typ, {"counts", name.c_str()})),
                         meaning});
    types.push_back({"Thresholds",
                     fmt::format("{} local contacts; {} outside tie weight",
                                 report_num(json_at(typ, {"internal_threshold"})),
                                 report_num(json_at(typ, {"external_threshold"}))),
                     "high means at or above the threshold (and above 0); " +
                         html_escape(typ.value("thresholds", std::string()))});
    h += findings_table(
        p + "typology",
        fmt::format("Firm roles ({} cluster firms)", report_num(json_at(typ, {"firms"}))), types);
    h += report_note(
        "Typology of cognitive roles: Giuliani &amp; Bell (2005), Research Policy 34(1); "
        "Morrison (2008), Regional Studies 42(6). The literature fixes no thresholds: the mean "
        "over the cluster's firms is the default; --internal-threshold and --external-threshold "
        "set them.");

    // Brokers and gatekeepers.
    h += actor_table(net, p + "brokers", "Top brokers (betweenness: on how many shortest paths)",
                     top_by(net, "betweenness", 10),
                     {{"betweenness", "Betweenness"},
                      {"constraint", "Constraint"},
                      {"effective_size", "Effective size"}});
    h += actor_table(net, p + "gatekeepers",
                     "Top gatekeepers (brokerage roles between local and global actors)",
                     top_by(net, "gatekeeper", 10),
                     {{"gatekeeper", "Gatekeeper"},
                      {"representative", "Representative"},
                      {"ext_share", "External share"}});
    h += report_note(
        "Betweenness: Freeman (1977), computed with Brandes (2001), normalised. Constraint and "
        "effective size: Burt (1992) — low constraint means the actor spans structural holes. "
        "Gatekeeper and representative: Gould &amp; Fernandez (1989) brokerage counts, a "
        "gatekeeper brings outside knowledge to its own group, a representative carries its "
        "group's knowledge out.");

    // Learning capacity weights.
    const auto& lc = json_at(j, {"learning_capacity"});
    std::vector<ReportRow> weights;
    for (const char* dim : {"centrality", "size", "openness", "tie_strength"})
        weights.push_back({dim, report_num(json_at(lc, {"weights", dim})),
                           html_escape(json_at(lc, {"indicators", dim}).is_string()
                                           ? json_at(lc, {"indicators", dim}).get<std::string>()
                                           : std::string())});
    for (const auto& [part_name, v] : json_at(lc, {"mean_by_part"}).items())
        weights.push_back(
            {"mean, " + html_escape(part_name), report_num(v),
             "mean learning capacity of the " + html_escape(part_name) + " actors (0–1)"});
    h += findings_table(p + "lc-weights", "Learning capacity: the weights used", weights);
    h += report_note("Learning capacity = Σ weight × indicator, each indicator scaled to 0–1. " +
                     html_escape(lc.value("rationale", std::string())) +
                     ". Seed: Wang (2013) on cluster innovation networks and learning capacity.");
    return h + "</section>\n";
}

}  // namespace clusterlens::app
