// write_scored (score.hpp): actors.csv, ties.csv, summary.json and network.graphml, together.
#include "src/score/score.hpp"

#include <filesystem>

#include "graphs/atomic_file.hpp"
#include "graphs/text_input.hpp"
#include "graphs/write.hpp"
#include "src/score/summary_json.hpp"

namespace clusterlens::scoring {

std::vector<std::string> write_scored(const ScoredRelation& scored, const std::string& outdir,
                                      const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    const Network& net = scored.network;
    std::vector<std::string> files = {(fs::path(outdir) / "actors.csv").string(),
                                      (fs::path(outdir) / "ties.csv").string(),
                                      (fs::path(outdir) / "summary.json").string(),
                                      (fs::path(outdir) / "network.graphml").string()};
    if (!scored.communities.empty())
        files.push_back((fs::path(outdir) / "communities.csv").string());
    OutputSet out(inputs);
    out.refuse_inputs(files);
    create_output_folder(outdir);

    // actors.csv: the model fields, then every score in the documented order.
    auto& a = out.add(files[0]);
    auto acols = actor_columns();
    if (net.actor_attributes().find("betweenness_se") != nullptr)
        acols.push_back("betweenness_se");  // only with --betweenness-samples
    if (net.actor_attributes().find("closeness_se") != nullptr)
        acols.push_back("closeness_se");                           // only with --closeness-samples
    for (const char* name : {"ei_groups", "ei_groups_valued",      // only with --groups ATTR
                             "community", "community_stability"})  // --communities
        if (net.actor_attributes().find(name) != nullptr) acols.push_back(name);
    // Then the model fields actors.csv has no column for, when some actor has them, and the
    // input's own attributes (ScoredRelation::input_attributes).
    bool focal = false, stage = false, group = false;
    for (const auto& x : net.actors()) {
        focal |= x.focal;
        stage |= !x.stage.empty();
        group |= !x.group.empty();
    }
    for (std::size_t k = 0; k < acols.size(); ++k) a << (k ? "," : "") << acols[k];
    if (focal) a << ",focal";
    if (stage) a << ",stage";
    if (group) a << ",group";
    for (const auto& name : scored.input_attributes) a << ',' << csv_text_cell(name);
    a << '\n';
    const auto& attrs = net.actor_attributes();
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const Actor& x = net.actor(i);
        a << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ',' << to_string(x.part) << ','
          << x.type << ',' << to_string(x.locality);
        for (std::size_t k = 5; k < acols.size(); ++k) {
            const auto* col = attrs.find(acols[k]);
            a << ',' << (col ? csv_text_cell(col->as_text(i)) : std::string());
        }
        if (focal) a << ',' << (x.focal ? "true" : "false");
        if (stage) a << ',' << csv_text_cell(x.stage);
        if (group) a << ',' << csv_text_cell(x.group);
        for (const auto& name : scored.input_attributes)
            a << ',' << csv_text_cell(attrs.find(name)->as_text(i));
        a << '\n';
    }
    // ties.csv
    auto& t = out.add(files[1]);
    const auto& tcols = tie_columns();
    for (std::size_t k = 0; k < tcols.size(); ++k) t << (k ? "," : "") << tcols[k];
    t << '\n';
    const auto& tattrs = net.tie_attributes();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        t << csv_text_cell(net.actor(net.source(e)).id) << ','
          << csv_text_cell(net.actor(net.target(e)).id) << ','
          << csv_text_cell(net.relations()[net.relation(e)]) << ',' << format_number(net.weight(e));
        for (std::size_t k = 4; k < tcols.size(); ++k) {
            const auto* col = tattrs.find(tcols[k]);
            t << ',' << (col ? csv_text_cell(col->as_text(e)) : std::string());
        }
        t << '\n';
    }
    out.add(files[2]) << summary_json(scored.cluster)
                             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                      << '\n';
    write_graphml(net, out.add(files[3]));
    if (!scored.communities.empty()) {
        const auto* dims = tattrs.find("learning_dimension");
        std::vector<std::string> dimension(net.tie_count());
        for (std::size_t e = 0; dims && e < net.tie_count(); ++e) dimension[e] = dims->as_text(e);
        write_community_table(net, scored.communities, dimension, out.add(files[4]));
    }
    out.commit_all();
    return files;
}

}  // namespace clusterlens::scoring
