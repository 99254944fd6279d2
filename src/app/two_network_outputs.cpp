#include "src/app/two_network_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/write.hpp"
#include "src/app/compare_report.hpp"
#include "src/app/summary_reads.hpp"
#include "src/app/tables.hpp"

namespace clusterlens::app {
namespace {

nlohmann::ordered_json tie_set_json(const scoring::TieSetStability& s) {
    return {{"actors", s.actors},
            {"dyads", s.dyads},
            {"ties_a", s.ties_a},
            {"ties_b", s.ties_b},
            {"ties_kept", s.kept},
            {"ties_gained", s.gained},
            {"ties_lost", s.lost},
            {"jaccard", json_number(s.jaccard)},
            {"hamming", s.hamming},
            {"hamming_normalised", json_number(s.hamming_normalised)},
            {"strong_ties_a", s.strong_a},
            {"strong_ties_kept", s.strong_kept},
            {"strong_kept_share", json_number(s.strong_kept_share)},
            {"weak_ties_a", s.weak_a},
            {"weak_ties_kept", s.weak_kept},
            {"weak_kept_share", json_number(s.weak_kept_share)}};
}

/// A's strong/weak rule in words.
std::string strong_rule(const scoring::TieStability& t) {
    return fmt::format("A's strength_class (score's): strong when the weight is {} {}",
                       t.threshold_is_median ? ">" : ">=", format_number(t.strong_threshold)) +
           (t.threshold_is_median ? " (A's median weight)" : " (--strong-threshold)");
}

/// Adds comparison.json's tie_stability and actor_stability blocks to `j`.
void add_stability(nlohmann::ordered_json& j, const scoring::TwoNetworkComparison& cmp) {
    const auto& t = cmp.tie_stability;
    nlohmann::ordered_json measures = nlohmann::ordered_json::array();
    for (const auto& m : cmp.actor_stability.measures)
        measures.push_back({{"measure", m.measure},
                            {"actors", m.actors},
                            {"mean_change", json_number(m.mean_change)},
                            {"pearson", json_number(m.pearson)},
                            {"spearman", json_number(m.spearman)}});
    j["tie_stability"] = {
        {"kept_actors", tie_set_json(t.kept_actors)},
        {"all_actors", tie_set_json(t.all_actors)},
        {"kept_tie_weights",
         {{"ties", t.weight_pairs}, {"pearson", json_number(t.weight_pearson)}}},
        {"strong_ties", strong_rule(t)},
        {"definition",
         "over the actors kept in both waves (kept_actors) and over the union of the waves' "
         "actors (all_actors, where an absent actor has no tie): jaccard = ties kept / ties in "
         "A or B; hamming = dyads that differ (ties gained + lost); hamming_normalised = "
         "hamming / possible dyads (n(n-1)/2 undirected, n(n-1) directed, no diagonal); "
         "strong (weak) kept share = A's strong (weak) ties also in B; kept_tie_weights: "
         "Pearson r of the kept ties' weights in A and B (null when undefined)"}};

    j["actor_stability"] = {
        {"actors", cmp.actors_kept},
        {"file", "actor_changes.csv"},
        {"measures", measures},
        {"definition",
         "per numeric score of actors.csv and network.graphml (not the input's attributes, not "
         "the community number), over the kept actors with a value in both waves: mean change "
         "(b - a), Pearson r and Spearman rho (average ranks) of the A and B values; null with "
         "fewer than 2 actors or when a wave's values are all equal"}};
}

/// "0.42", or "undefined" for NaN.
std::string number_or_undefined(double v) {
    return std::isfinite(v) ? fmt::format("{:.3g}", v) : "undefined";
}

/// "61% of A's strong ties kept", or "A has no strong tie there".
std::string kept_share(double share, const char* kind, const char* whose) {
    return std::isfinite(share)
               ? fmt::format("{:.0f}% of {} {} ties kept", 100 * share, whose, kind)
               : fmt::format("A has no {} tie there", kind);
}

}  // namespace

std::vector<std::string> write_two_networks(const scoring::ScoredRelation& b,
                                            const scoring::TwoNetworkComparison& cmp,
                                            const scoring::TwoNetworkOptions& to,
                                            const std::string& out_dir,
                                            const FigureOptions& figure_options,
                                            const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    FigureSet figures(out_dir, figure_options);
    std::vector<std::string> files = {(fs::path(out_dir) / "comparison.csv").string(),
                                      (fs::path(out_dir) / "comparison.json").string(),
                                      (fs::path(out_dir) / "actors.csv").string(),
                                      (fs::path(out_dir) / "ties.csv").string(),
                                      (fs::path(out_dir) / "actor_changes.csv").string()};
    for (const auto& f : figures.paths({"change"})) files.push_back(f);
    if (figure_options.report.wanted) files.push_back(report_path(out_dir));
    OutputSet out(inputs);
    out.refuse_inputs(files);
    render::RenderOptions ro;
    ro.color_by = "change";
    ro.tie_colour_by = "change";
    ro.relation = cmp.change.relations().front();
    ro.page = figure_options.page;
    ro.title = fmt::format(
        "What changed from {} to {} (title numbers: {})", fs::path(to.path_a).filename().string(),
        fs::path(to.path_b).filename().string(), fs::path(to.path_b).filename().string());
    const auto headline = headline_from_summary(b.cluster);
    figures.add("change", [&](const std::string& format) {
        return render::render_network(cmp.change, headline, ro, format).bytes;
    });
    create_output_folder(out_dir);
    TextSet texts;
    auto& csv = texts.add(files[0]);
    auto& json = texts.add(files[1]);
    auto& actors = texts.add(files[2]);
    auto& ties = texts.add(files[3]);
    auto& changes = texts.add(files[4]);
    csv << "metric,a,b,change\n";
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    for (const auto& m : cmp.metrics) {
        csv << m.metric << ',' << csv_number(m.a) << ',' << csv_number(m.b) << ','
            << csv_number(m.change) << '\n';
        metrics.push_back({{"metric", m.metric},
                           {"a", json_number(m.a)},
                           {"b", json_number(m.b)},
                           {"change", json_number(m.change)}});
    }
    actors << "id,label,status,ext_share_a,ext_share_b,brokerage_total_a,"
              "brokerage_total_b,gatekeeper_a,gatekeeper_b,typology_a,typology_b\n";
    for (const auto& x : cmp.actors)
        actors << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ',' << x.status << ','
               << csv_number(x.ext_share_a) << ',' << csv_number(x.ext_share_b) << ','
               << csv_number(x.brokerage_a) << ',' << csv_number(x.brokerage_b) << ','
               << csv_number(x.gatekeeper_a) << ',' << csv_number(x.gatekeeper_b) << ','
               << x.typology_a << ',' << x.typology_b << '\n';
    ties << "source,target,status,weight_a,weight_b\n";
    for (const auto& t : cmp.ties)
        ties << csv_text_cell(t.source) << ',' << csv_text_cell(t.target) << ',' << t.status << ','
             << csv_number(t.weight_a) << ',' << csv_number(t.weight_b) << '\n';
    changes << "id,label,measure,a,b,change\n";
    for (const auto& x : cmp.actor_stability.rows)
        changes << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ','
                << csv_text_cell(x.measure) << ',' << csv_number(x.a) << ',' << csv_number(x.b)
                << ',' << csv_number(x.change) << '\n';
    nlohmann::ordered_json j = {
        {"clusterlens_version", kVersion},
        {"a", to.path_a},
        {"b", to.path_b},
        {"metrics", metrics},
        {"actors",
         {{"kept", cmp.actors_kept}, {"gained", cmp.actors_gained}, {"lost", cmp.actors_lost}}},
        {"ties", {{"kept", cmp.ties_kept}, {"gained", cmp.ties_gained}, {"lost", cmp.ties_lost}}},
        {"typology_changes", cmp.typology_changes},
        {"matching", cmp.matching + "; ties by their ends' " +
                         (cmp.matched_by_label ? "labels" : "ids") +
                         " (unordered when undirected)"},
        {"matched_by", cmp.matched_by_label ? "label" : "id"}};
    if (cmp.communities.present) {
        const auto& c = cmp.communities;
        j["communities"] = {
            {"actors", c.actors},
            {"communities_a", c.communities_a},
            {"communities_b", c.communities_b},
            {"nmi", json_number(c.nmi)},
            {"adjusted_rand", json_number(c.adjusted_rand)},
            {"definition",
             "agreement of A's and B's `community` over the kept actors with a community in both: "
             "normalised mutual information (Danon et al. 2005) and adjusted Rand index (Hubert "
             "& Arabie 1985); 1 = grouped alike"}};
    }
    add_stability(j, cmp);
    json << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    texts.stage(out);
    figures.stage(out);
    if (figure_options.report.wanted) {
        auto page = report_page(CompareKind::two_networks, figure_options.report, j);
        page.tables = {
            {"comparison.csv", "The headline measures, A and B",
             "One row per measure: its value in A, in B, and the change (B − A).",
             texts.text(files[0])},
            {"actors.csv", "Actors kept, gained and lost",
             "One row per actor of either network: kept, gained or lost, with its openness, "
             "brokerage and role in A and in B.",
             texts.text(files[2])},
            {"ties.csv", "Ties kept, gained and lost",
             "One row per tie of either network with its weight in A and in B.",
             texts.text(files[3])},
            {"actor_changes.csv", "Every score of every kept actor",
             "One row per kept actor and score: its value in A, in B, and the change.",
             texts.text(files[4])}};
        page.figures = {{"change", ro.title, figures.svg("change")}};
        out.add(files.back()) << compare_report_html(page);
    }
    out.commit_all();
    return files;
}

void print_two_networks(const scoring::TwoNetworkComparison& cmp,
                        const scoring::TwoNetworkOptions& to, const std::vector<std::string>& files,
                        std::ostream& out) {
    out << cmp.matching << '\n';
    out << fmt::format(
        "A {} -> B {}: actors kept {}, gained {}, lost {}; ties kept {}, gained {}, lost {}; "
        "typology changed for {} firm(s)\n",
        to.path_a, to.path_b, cmp.actors_kept, cmp.actors_gained, cmp.actors_lost, cmp.ties_kept,
        cmp.ties_gained, cmp.ties_lost, cmp.typology_changes);
    const auto& k = cmp.tie_stability.kept_actors;
    const auto& u = cmp.tie_stability.all_actors;
    out << fmt::format(
        "ties: Jaccard {} over the {} kept actors (Hamming {} of {} dyads, {}); {}, {}; over all "
        "{} actors Jaccard {} (Hamming {} of {} dyads, {})\n",
        number_or_undefined(k.jaccard), k.actors, k.hamming, k.dyads,
        number_or_undefined(k.hamming_normalised), kept_share(k.strong_kept_share, "strong", "A's"),
        kept_share(k.weak_kept_share, "weak", "its"), u.actors, number_or_undefined(u.jaccard),
        u.hamming, u.dyads, number_or_undefined(u.hamming_normalised));
    std::string ranks;
    for (const auto& m : cmp.actor_stability.measures)
        if (m.measure == "betweenness" || m.measure == "ext_share" ||
            m.measure == "learning_capacity")
            ranks += fmt::format("{} {}, ", m.measure, number_or_undefined(m.spearman));
    if (!ranks.empty())
        out << "scores: rank stability (Spearman) over the kept actors: " << ranks
            << "every score per actor in actor_changes.csv\n";
    if (cmp.communities.present)
        out << fmt::format(
            "communities: over the {} kept actors (in {} of A's communities, {} of B's) NMI "
            "{:.4g}, adjusted Rand {:.4g} (1 = grouped alike)\n",
            cmp.communities.actors, cmp.communities.communities_a, cmp.communities.communities_b,
            cmp.communities.nmi, cmp.communities.adjusted_rand);
    for (const auto& f : files) out << "wrote " << f << '\n';
}

}  // namespace clusterlens::app
