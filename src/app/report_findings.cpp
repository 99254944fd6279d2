// The report's findings in words and tables, from summary.json's values (summary_json) and the
// scored network: every number with a line a non-specialist can follow and the method's source.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "graphs/attributes.hpp"
#include "src/app/report.hpp"
#include "src/score/summary_json.hpp"

namespace clusterlens::app {
namespace {

using Json = nlohmann::ordered_json;

/// A JSON number as the tables print it (3 significant digits; integers whole), null as "–".
std::string num(const Json& v, int digits = 3) {
    if (v.is_null() || !v.is_number()) return "–";
    const double x = v.get<double>();
    if (!std::isfinite(x)) return "–";
    if (v.is_number_integer() || (x == std::floor(x) && std::fabs(x) < 1e9) || std::fabs(x) >= 100)
        return fmt::format("{:.0f}", x);
    return fmt::format("{:.{}g}", x, digits);
}

std::string pct(const Json& v) {
    if (!v.is_number()) return "–";
    return fmt::format("{:.1f} %", 100 * v.get<double>());
}

/// A value at a path of keys, null when any is missing.
const Json& at(const Json& j, std::initializer_list<const char*> keys) {
    static const Json null;
    const Json* p = &j;
    for (const char* k : keys) {
        if (!p->is_object() || !p->contains(k)) return null;
        p = &(*p)[k];
    }
    return *p;
}

struct Row {
    std::string what, value, meaning;
};

std::string table(const std::string& id, const std::string& caption, const std::vector<Row>& rows) {
    std::string h = fmt::format(
        "<table id=\"{}\" class=\"findings\"><caption>{}</caption><thead><tr><th "
        "scope=\"col\">Measure</th><th scope=\"col\">Value</th><th scope=\"col\">What it "
        "means</th></tr></thead><tbody>\n",
        id, caption);
    for (const auto& r : rows)
        h += "<tr><th scope=\"row\">" + r.what + "</th><td class=\"num\">" + r.value + "</td><td>" +
             r.meaning + "</td></tr>\n";
    return h + "</tbody></table>\n";
}

std::string note(const std::string& text) { return "<aside class=\"note\">" + text + "</aside>\n"; }

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
            h += "<td class=\"num\">" + num(v) + "</td>";
        }
        h += "</tr>\n";
    }
    if (who.empty())
        h += fmt::format("<tr><td colspan=\"{}\">no actor scores above 0</td></tr>\n",
                         3 + cols.size());
    return h + "</tbody></table>\n";
}

}  // namespace

std::string findings_html(const scoring::ScoredRelation& scored) {
    const Json j = scoring::summary_json(scored.cluster);
    const Network& net = scored.network;
    std::string h =
        "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">"
        "Findings</h2>\n";

    // Headline.
    const auto& part = at(j, {"actors_by_part"});
    const auto& loc = at(j, {"actors_by_locality"});
    const auto& ei = at(j, {"ei_locality"});
    const auto& lock = at(j, {"lock_in"});
    std::vector<Row> head = {
        {"Actors", num(j["actors"]),
         fmt::format("{} core firms, {} assisting institutes (universities, research, government, "
                     "intermediaries), {} external sources",
                     num(at(part, {"core"})), num(at(part, {"assisting"})),
                     num(at(part, {"external"})))},
        {"Local / global actors", num(at(loc, {"local"})) + " / " + num(at(loc, {"global"})),
         "local: in the cluster's region; global: partners outside it"},
        {"Ties", num(j["ties"]),
         fmt::format("density {}: the share of all possible pairs that are tied",
                     num(j["density"]))},
        {"Cluster openness", num(at(ei, {"cluster_openness"}), 2),
         "E-I index of the local actors' ties: −1 = every tie stays inside the region, +1 = "
         "every tie reaches outside"},
        {"Openness of the whole network", num(at(ei, {"whole_binary"}), 2),
         fmt::format("E-I index over all ties; a value this high or higher arose in {} of {} "
                     "random relabellings of local and global (one-sided p)",
                     pct(at(ei, {"p_upper_binary"})), num(at(ei, {"permutations"})))},
        {"Lock-in", at(lock, {"flag"}).is_boolean() && lock["flag"].get<bool>() ? "yes" : "no",
         fmt::format("{} of {} indicators fired; the diagnosis needs at least {} (table below)",
                     num(at(lock, {"fired"})), at(lock, {"indicators"}).size(),
                     num(at(lock, {"min_fired"})))}};
    h += table("headline", "The cluster at a glance", head);
    h += "<table id=\"lock-in\" class=\"findings\"><caption>Lock-in indicators</caption><thead>"
         "<tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th "
         "scope=\"col\">Fires when</th><th scope=\"col\">Fired</th></tr></thead><tbody>\n";
    for (const auto& ind : at(lock, {"indicators"}))
        h += "<tr><th scope=\"row\">" + html_escape(ind.value("name", std::string())) +
             "</th><td class=\"num\">" + num(ind["value"]) + "</td><td>" +
             html_escape(ind.value("rule", std::string())) + "</td><td>" +
             (ind.value("fired", false) ? "yes" : "no") + "</td></tr>\n";
    h += "</tbody></table>\n";
    h += note(
        "Openness is Krackhardt &amp; Stern's (1988) E-I index, (external − internal) / all ties, "
        "on the local/global partition, with UCINET's permutation test. Lock-in is a diagnosis, "
        "not a fact: an inward-looking cluster (E-I near −1), few or concentrated pipelines and a "
        "dense local core each point to it; the thresholds are options of clusterlens score.");

    // Buzz versus pipelines.
    const auto& link = at(j, {"linkage"});
    const auto& pipes = at(j, {"pipelines"});
    h += table(
        "buzz-pipelines", "Local buzz and global pipelines",
        {{"Local buzz", num(at(link, {"buzz"})),
          "ties between two local actors: the face-to-face exchange inside the cluster"},
         {"Global pipelines", num(at(link, {"pipeline"})),
          "ties from a local actor to a global one: the channels that bring outside knowledge in"},
         {"Ties outside the cluster", num(at(link, {"extra_local"})),
          "ties between two global actors (context: partners' partners)"},
         {"Pipelines per local actor", num(at(pipes, {"per_local_actor"})),
          "how many outside channels the cluster has for its size"},
         {"Pipeline concentration", num(at(pipes, {"concentration_hhi"})),
          "Herfindahl index of pipelines over local actors: 1 = one actor holds every pipeline"},
         {"Reach through gatekeepers", pct(at(pipes, {"gatekeeper_reach_share"})),
          "share of the global actors the cluster reaches that a technological gatekeeper "
          "reaches"}});
    h += note(
        "Buzz and pipelines: Bathelt, Malmberg &amp; Maskell (2004), Progress in Human "
        "Geography 28(1). Concentration as in Giuliani (2007).");

    // Firm typology.
    const auto& typ = at(j, {"typology"});
    std::vector<Row> types;
    for (const auto& [name, meaning] : std::vector<std::pair<std::string, std::string>>{
             {"technological_gatekeeper",
              "many local contacts and strong outside ties: absorbs and passes knowledge on"},
             {"mutual_exchanger", "many local contacts, weak outside ties"},
             {"external_star", "strong outside ties, few local contacts"},
             {"isolated", "few local contacts and weak outside ties"}})
        types.push_back(
            {name,
             num(at(typ, {"counts", name.c_str()}).is_null() ? Json(0)
                                                             : at(typ, {"counts", name.c_str()})),
             meaning});
    types.push_back(
        {"Thresholds",
         fmt::format("{} local contacts; {} outside tie weight",
                     num(at(typ, {"internal_threshold"})), num(at(typ, {"external_threshold"}))),
         "high means at or above the threshold (and above 0); " +
             html_escape(typ.value("thresholds", std::string()))});
    h += table("typology", fmt::format("Firm roles ({} cluster firms)", num(at(typ, {"firms"}))),
               types);
    h += note(
        "Typology of cognitive roles: Giuliani &amp; Bell (2005), Research Policy 34(1); "
        "Morrison (2008), Regional Studies 42(6). The literature fixes no thresholds: the mean "
        "over the cluster's firms is the default; --internal-threshold and --external-threshold "
        "set them.");

    // Brokers and gatekeepers.
    h += actor_table(net, "brokers", "Top brokers (betweenness: on how many shortest paths)",
                     top_by(net, "betweenness", 10),
                     {{"betweenness", "Betweenness"},
                      {"constraint", "Constraint"},
                      {"effective_size", "Effective size"}});
    h += actor_table(net, "gatekeepers",
                     "Top gatekeepers (brokerage roles between local and global actors)",
                     top_by(net, "gatekeeper", 10),
                     {{"gatekeeper", "Gatekeeper"},
                      {"representative", "Representative"},
                      {"ext_share", "External share"}});
    h += note(
        "Betweenness: Freeman (1977), computed with Brandes (2001), normalised. Constraint and "
        "effective size: Burt (1992) — low constraint means the actor spans structural holes. "
        "Gatekeeper and representative: Gould &amp; Fernandez (1989) brokerage counts, a "
        "gatekeeper brings outside knowledge to its own group, a representative carries its "
        "group's knowledge out.");

    // Learning capacity weights.
    const auto& lc = at(j, {"learning_capacity"});
    std::vector<Row> weights;
    for (const char* dim : {"centrality", "size", "openness", "tie_strength"})
        weights.push_back({dim, num(at(lc, {"weights", dim})),
                           html_escape(at(lc, {"indicators", dim}).is_string()
                                           ? at(lc, {"indicators", dim}).get<std::string>()
                                           : std::string())});
    for (const auto& [p, v] : at(lc, {"mean_by_part"}).items())
        weights.push_back({"mean, " + html_escape(p), num(v),
                           "mean learning capacity of the " + html_escape(p) + " actors (0–1)"});
    h += table("lc-weights", "Learning capacity: the weights used", weights);
    h += note("Learning capacity = Σ weight × indicator, each indicator scaled to 0–1. " +
              html_escape(lc.value("rationale", std::string())) +
              ". Seed: Wang (2013) on cluster innovation networks and learning capacity.");
    return h + "</section>\n";
}

}  // namespace clusterlens::app
