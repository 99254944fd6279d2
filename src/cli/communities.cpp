// clusterlens communities: cohesive subgroups of one relation (issue 13), with each community's
// composition, and optionally the maximal cliques.
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "graphs/write.hpp"
#include "src/app/relations.hpp"
#include "src/app/summary_reads.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"
#include "src/communities/profile.hpp"
#include "src/roles/learning_dimension.hpp"
#include "src/score/summary_json.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage = "usage: clusterlens communities NETWORK... -o OUTDIR [options]";

constexpr const char* kHelp =
    R"(Finds communities: groups of actors more densely tied among themselves than their overall
activity predicts (Newman's modularity), candidate communities of practice or a cluster's
"core group". Writes, atomically:
  OUTDIR/communities.csv one row per community, 1 = the largest: size; actors by part, type
                         and locality; focal firms; internal density; mean tie strength inside
                         and to other communities; the community's E-I (-1: all its ties
                         inside); its share of the modularity; its top brokers (betweenness);
                         its internal ties per learning dimension
  OUTDIR/members.csv     one row per actor: community, community_stability (the share of its
                         community that stays with it over the runs), betweenness
  OUTDIR/summary.json    method, resolution, seeds, modularity, stability between runs (NMI,
                         adjusted Rand) and agreement with locality, type and part
  OUTDIR/cliques.csv     with --clique-min K: the maximal cliques of K or more actors
The same seed gives the same communities on any machine and thread count. Ties are read as
undirected (arc weights summed). `clusterlens score --communities METHOD` adds the same to the
full scoring, and `render --color-by community` draws them.

Example (the bundled Estonian climate cluster):
  clusterlens communities examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee_communities
)";

}  // namespace

int cmd_communities(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    std::string out_dir, relation;
    CommunityCli cc;
    std::uint64_t seed = 1;
    std::size_t clique_min = 0;
    po::options_description visible("communities options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_dir)->value_name("OUTDIR"),
        "folder for communities.csv, members.csv and summary.json")(
        "relation", po::value(&relation)->value_name("NAME"),
        "the relation to use when the network has several")(
        "seed", count_value(&seed)->default_value(1)->value_name("S"),
        "seed of the first run (igraph's RNG is seeded before every run)")(
        "clique-min", count_value(&clique_min, 2, 1000)->value_name("K"),
        "also list the maximal cliques of at least K actors in cliques.csv");
    visible.add(community_options(cc, true));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty())
        throw UsageError("communities needs a NETWORK; see clusterlens communities --help");
    if (out_dir.empty())
        throw UsageError("communities needs -o OUTDIR; see clusterlens communities --help");
    const auto options = community_from(cc, seed).value();
    const auto load = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, load).all();
    check_output_folder(out_dir, with_given_paths(inputs, c));  // before the long work
    const auto whole = load_with_progress(c.inputs, load, io);
    print_warnings(whole, io);
    const Network net = app::pick_relation(whole, relation);

    if (progress_wanted(io)) io.err << "clusterlens: communities ...\n";
    const auto found = scoring::detect_communities(net, options);
    if (progress_wanted(io)) io.err << "clusterlens: betweenness of the members ...\n";
    scoring::CentralityOptions co;
    co.seed = seed;
    const auto between = scoring::centrality(net, co).betweenness;
    const auto dimensions = scoring::learning_dimensions(net).learning_dimension;
    const auto profiles = scoring::community_profiles(net, found, options, between, dimensions);
    const auto summary = scoring::community_summary(net, found, options);

    namespace fs = std::filesystem;
    std::vector<std::string> files = {(fs::path(out_dir) / "communities.csv").string(),
                                      (fs::path(out_dir) / "members.csv").string(),
                                      (fs::path(out_dir) / "summary.json").string()};
    std::vector<std::vector<std::size_t>> cliques;
    if (clique_min > 0) {
        cliques = scoring::maximal_cliques(net, clique_min);
        files.push_back((fs::path(out_dir) / "cliques.csv").string());
    }
    OutputSet out(inputs);
    out.refuse_inputs(files);
    create_output_folder(out_dir);
    scoring::write_community_table(net, profiles, dimensions, out.add(files[0]));
    auto& m = out.add(files[1]);
    m << "id,label,part,type,locality,community,community_stability,betweenness\n";
    auto num = [](double v) { return std::isnan(v) ? std::string() : format_number(v); };
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const Actor& x = net.actor(i);
        m << csv_text_cell(x.id) << ',' << csv_text_cell(x.label) << ',' << to_string(x.part) << ','
          << x.type << ',' << to_string(x.locality) << ',' << found.membership[i] + 1 << ','
          << num(found.co_assignment[i]) << ',' << num(between[i]) << '\n';
    }
    auto json = scoring::communities_json(summary);
    json["relation"] = net.relations().front();
    json["actors"] = net.actor_count();
    json["ties"] = net.tie_count();
    json["files"] = clique_min > 0 ? "communities.csv, members.csv, cliques.csv"
                                   : "communities.csv, members.csv";
    if (clique_min > 0) json["cliques"] = {{"min_size", clique_min}, {"count", cliques.size()}};
    out.add(files[2]) << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                      << '\n';
    if (clique_min > 0) {
        auto& q = out.add(files[3]);
        q << "clique,size,members\n";
        for (std::size_t k = 0; k < cliques.size(); ++k) {
            std::string members;
            for (const auto i : cliques[k])
                members += (members.empty() ? "" : "; ") + net.actor(i).id;
            q << k + 1 << ',' << cliques[k].size() << ',' << csv_text_cell(members) << '\n';
        }
    }
    out.commit_all();
    io.out << fmt::format("{} actors, {} ties\n", net.actor_count(), net.tie_count());
    app::print_community_summary(summary, io.out);
    if (clique_min > 0)
        io.out << fmt::format("  maximal cliques of {} or more actors: {}\n", clique_min,
                              cliques.size());
    for (const auto& f : files) io.out << "wrote " << f << '\n';
    return 0;
}

}  // namespace clusterlens::cli
