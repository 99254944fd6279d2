#include "src/app/two_network_outputs.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "clusterlens/version.hpp"
#include "graphs/atomic_file.hpp"
#include "graphs/write.hpp"
#include "src/app/summary_reads.hpp"
#include "src/app/tables.hpp"

namespace clusterlens::app {

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
                                      (fs::path(out_dir) / "ties.csv").string()};
    for (const auto& f : figures.paths({"change"})) files.push_back(f);
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
    auto& csv = out.add(files[0]);
    auto& json = out.add(files[1]);
    auto& actors = out.add(files[2]);
    auto& ties = out.add(files[3]);
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
    json << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    figures.stage(out);
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
    if (cmp.communities.present)
        out << fmt::format(
            "communities: over the {} kept actors (in {} of A's communities, {} of B's) NMI "
            "{:.4g}, adjusted Rand {:.4g} (1 = grouped alike)\n",
            cmp.communities.actors, cmp.communities.communities_a, cmp.communities.communities_b,
            cmp.communities.nmi, cmp.communities.adjusted_rand);
    for (const auto& f : files) out << "wrote " << f << '\n';
}

}  // namespace clusterlens::app
