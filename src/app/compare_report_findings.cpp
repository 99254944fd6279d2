// The comparison report's findings in words, from comparison.json (or clusters.json): what was
// compared, the numbers a reader asks about first, each with a line of meaning, and the sources.
#include <fmt/format.h>

#include "src/app/compare_report.hpp"
#include "src/app/report_parts.hpp"

namespace clusterlens::app {
namespace {

using Json = nlohmann::ordered_json;

std::string text(const Json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? html_escape(j[key].get<std::string>()) : "";
}

/// The metric rows of comparison.json by name.
const Json& metric(const Json& summary, const std::string& name) {
    static const Json null;
    for (const auto& m : json_at(summary, {"metrics"}))
        if (m.value("metric", std::string()) == name) return m;
    return null;
}

std::string lock_in_table(const Json& lock) {
    std::string h =
        "<table id=\"lock-in\" class=\"findings\"><caption>Lock-in indicators</caption><thead>"
        "<tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th scope=\"col\">Fires "
        "when</th><th scope=\"col\">Fired</th></tr></thead><tbody>\n";
    for (const auto& ind : json_at(lock, {"indicators"}))
        h += "<tr><th scope=\"row\">" + text(ind, "name") + "</th><td class=\"num\">" +
             report_num(ind["value"]) + "</td><td>" + text(ind, "rule") + "</td><td>" +
             (ind.value("fired", false) ? "yes" : "no") + "</td></tr>\n";
    return h + "</tbody></table>\n";
}

std::string local_global(const Json& j) {
    auto side = [&](const char* name, const char* which) {
        return report_num(json_at(metric(j, name), {which}));
    };
    const auto& lock = json_at(j, {"lock_in"});
    std::vector<ReportRow> rows = {
        {"Local / global actors",
         report_num(j["local_actors"]) + " / " + report_num(j["global_actors"]),
         fmt::format("local: in the cluster's region; global: partners outside it ({} actors "
                     "without a locality)",
                     report_num(j["unspecified_actors"]))},
        {"Buzz ties", side("ties", "local"),
         "ties between two local actors: the exchange inside the cluster"},
        {"Pipelines", side("ties", "global"),
         "ties from a local actor to a global one: the channels that bring outside knowledge in"},
        {"Density: buzz / pipelines", side("density", "local") + " / " + side("density", "global"),
         "buzz: share of the possible local pairs that are tied; pipelines: share of the possible "
         "local–global pairs"},
        {"Strong-tie share: buzz / pipelines",
         side("strong_tie_share", "local") + " / " + side("strong_tie_share", "global"),
         "share of the ties stronger than the median weight (" +
             text(json_at(j, {"options"}), "strong_rule") + ")"},
        {"Pipeline concentration", side("pipeline_concentration_hhi", "cluster"),
         "Herfindahl index of the local actors' shares of the pipelines: 1 = one actor holds "
         "every pipeline"},
        {"Gatekeeper dependence", side("gatekeeper_dependence", "cluster"),
         "share of the global actors reached only through technological gatekeepers: the outside "
         "reach lost if the gatekeepers went"},
        {"Lock-in", json_at(lock, {"flag"}).is_boolean() && lock["flag"].get<bool>() ? "yes" : "no",
         fmt::format("{} of {} indicators fired; the diagnosis needs at least {} (table below)",
                     report_num(json_at(lock, {"fired"})), json_at(lock, {"indicators"}).size(),
                     report_num(json_at(lock, {"min_fired"})))}};
    std::string h = findings_table("headline", "Buzz and pipelines at a glance", rows);
    h += lock_in_table(lock);
    h += "<table id=\"holders\" class=\"findings\"><caption>Who holds the pipelines</caption>"
         "<thead><tr><th scope=\"col\">Actor</th><th scope=\"col\">Pipelines</th><th "
         "scope=\"col\">Share</th><th scope=\"col\">Role</th></tr></thead><tbody>\n";
    for (const auto& a : json_at(j, {"top_pipeline_holders"}))
        h += "<tr><th scope=\"row\">" + text(a, "id") + "</th><td class=\"num\">" +
             report_num(a["pipelines"]) + "</td><td class=\"num\">" + report_pct(a["share"]) +
             "</td><td>" + (text(a, "typology").empty() ? "–" : text(a, "typology")) +
             "</td></tr>\n";
    h += "</tbody></table>\n";
    h += report_note(
        "Buzz and pipelines: Bathelt, Malmberg &amp; Maskell (2004), Progress in Human Geography "
        "28(1). Roles (technological gatekeeper, mutual exchanger, external star, isolated): "
        "Giuliani &amp; Bell (2005), Research Policy 34(1). Lock-in is a diagnosis, not a fact; "
        "its thresholds are options of clusterlens compare.");
    return h;
}

std::string two_networks(const Json& j) {
    auto count = [&](const char* what) {
        return fmt::format("{} kept, {} gained, {} lost", report_num(json_at(j, {what, "kept"})),
                           report_num(json_at(j, {what, "gained"})),
                           report_num(json_at(j, {what, "lost"})));
    };
    auto ab = [&](const std::string& name) {
        const auto& m = metric(j, name);
        return report_num(json_at(m, {"a"})) + " → " + report_num(json_at(m, {"b"}));
    };
    const auto& kept = json_at(j, {"tie_stability", "kept_actors"});
    const auto& all = json_at(j, {"tie_stability", "all_actors"});
    std::vector<ReportRow> rows = {
        {"Actors", count("actors"), text(j, "matching")},
        {"Ties", count("ties"), "a tie is kept when both waves tie the same two actors"},
        {"Actors, A → B", ab("actors"), "the size of each network"},
        {"Density, A → B", ab("density"), "share of the possible pairs that are tied"},
        {"Cluster openness, A → B", ab("cluster_openness_local_ei"),
         "E-I index of the local actors' ties: −1 = every tie stays inside the region, +1 = "
         "every tie reaches outside"},
        {"Pipelines per local actor, A → B", ab("pipelines_per_local_actor"),
         "outside channels for the cluster's size"},
        {"Tie stability (kept actors)", report_num(json_at(kept, {"jaccard"})),
         fmt::format("Jaccard: ties in both waves / ties in either, over the {} actors in both",
                     report_num(json_at(kept, {"actors"})))},
        {"Tie stability (all actors)", report_num(json_at(all, {"jaccard"})),
         "the same over every actor of either wave (an actor absent from a wave has no tie)"},
        {"Strong ties kept", report_pct(json_at(kept, {"strong_kept_share"})),
         "share of A's strong ties between kept actors that B has too; " +
             text(json_at(j, {"tie_stability"}), "strong_ties")},
        {"Weak ties kept", report_pct(json_at(kept, {"weak_kept_share"})),
         "the same for A's weak ties"},
        {"Kept ties' weights",
         report_num(json_at(j, {"tie_stability", "kept_tie_weights", "pearson"})),
         "Pearson correlation of the kept ties' weights in A and B"}};
    const auto& comm = json_at(j, {"communities"});
    if (comm.is_object() && comm.contains("nmi"))
        rows.push_back({"Communities agree", report_num(comm["nmi"]),
                        "normalised mutual information; adjusted Rand index " +
                            report_num(json_at(comm, {"adjusted_rand"})) + ". " +
                            text(comm, "definition")});
    std::string h = findings_table("headline", "What changed at a glance", rows);
    std::vector<ReportRow> ranks;
    for (const auto& m : json_at(j, {"actor_stability", "measures"})) {
        const auto name = m.value("measure", std::string());
        if (name != "degree" && name != "betweenness" && name != "closeness" &&
            name != "ext_share" && name != "brokerage_total" && name != "learning_capacity")
            continue;
        ranks.push_back({html_escape(name), report_num(m["spearman"]),
                         fmt::format("Spearman rank correlation over {} kept actors (Pearson {}; "
                                     "mean change {})",
                                     report_num(m["actors"]), report_num(m["pearson"]),
                                     report_num(m["mean_change"]))});
    }
    h += findings_table("rank-stability", "Do the same actors lead? Rank stability of the scores",
                        ranks);
    h += report_note(
        "Tie stability as in the longitudinal network literature (Snijders, van de Bunt &amp; "
        "Steglich 2010, Social Networks 32(1)): Jaccard index and Hamming distance of the tie "
        "sets. " +
        text(json_at(j, {"tie_stability"}), "definition") +
        ". Rank stability: " + text(json_at(j, {"actor_stability"}), "definition") + ".");
    return h;
}

std::string many_clusters(const Json& j) {
    std::string h =
        "<p>One row per cluster in the table below; the linkage chart places each "
        "cluster by its pipelines per local actor (global linkage) and the density "
        "among its local actors (buzz), with lines at the clusters' means.</p>\n";
    std::vector<ReportRow> rows;
    for (const auto& c : json_at(j, {"clusters"}))
        rows.push_back(
            {text(c, "cluster"),
             report_num(c["actors"]) + " actors, " + report_num(c["ties"]) + " ties",
             fmt::format("pipelines per local actor {}, local density {}, openness (E-I) {}, "
                         "lock-in {}",
                         report_num(c["pipelines_per_local_actor"]), report_num(c["local_density"]),
                         report_num(c["cluster_openness_local_ei"]),
                         report_num(c["lock_in_flag"]) == "1" ? "yes" : "no")});
    h += findings_table("headline", "The clusters at a glance", rows);
    const auto& patterns = json_at(j, {"patterns"});
    if (patterns.is_string())
        h += "<p>Learning patterns: " + html_escape(patterns.get<std::string>()) + ".</p>\n";
    else if (patterns.is_object())
        h += fmt::format(
            "<p>Learning patterns (Lin, Chen &amp; Chen 2018): high ability from {}, high trigger "
            "from {} ({}).</p>\n",
            report_num(json_at(patterns, {"ability_threshold"})),
            report_num(json_at(patterns, {"trigger_threshold"})), text(patterns, "thresholds"));
    h += report_note(
        "Buzz and pipelines: Bathelt, Malmberg &amp; Maskell (2004). Cluster openness: "
        "Krackhardt &amp; Stern's (1988) E-I index on the local/global partition.");
    return h;
}

}  // namespace

std::string compare_findings_html(const CompareReportPage& page) {
    std::string h =
        "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">"
        "Findings</h2>\n";
    switch (page.kind) {
        case CompareKind::local_global:
            h += local_global(page.summary);
            break;
        case CompareKind::two_networks:
            h += two_networks(page.summary);
            break;
        case CompareKind::many_clusters:
            h += many_clusters(page.summary);
            break;
    }
    return h + "</section>\n";
}

}  // namespace clusterlens::app
