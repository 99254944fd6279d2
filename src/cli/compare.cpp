// clusterlens compare: local versus global linkage of one cluster, two networks compared, or
// many clusters side by side, with their figures.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/local_global_outputs.hpp"
#include "src/app/many_cluster_outputs.hpp"
#include "src/app/relations.hpp"
#include "src/app/two_network_outputs.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage =
    "usage: clusterlens compare NETWORK [NETWORK_B [NETWORK_C ...]] -o OUTDIR [options]";

constexpr const char* kHelp =
    R"(Splits one cluster's network into its local sub-network (ties among local actors: buzz)
and its pipelines (ties between local and global actors) and reports them side by side:
  OUTDIR/comparison.csv    tidy table: metric, local (buzz), global (pipelines), cluster, definition
  OUTDIR/comparison.json   the same, the pipeline holders, lock-in indicators, options
  OUTDIR/local_actors.csv  per local actor: local degree and betweenness (within the buzz
                           sub-network), pipelines, pipeline strength and share, typology
  OUTDIR/buzz.svg, pipelines.svg, position_map.svg   the two sides drawn, and the firm roles
  OUTDIR/local_global.svg  both sides overlaid (partners abroad merged per type)
  OUTDIR/report.html       with --report (any form): everything above in one file to share
Gatekeeper dependence = share of the global actors reached only through technological
gatekeepers: the external reach lost if the gatekeepers were removed.

With two networks A B (two clusters, or two waves of one cluster; give a CSV pair as its
folder, and Pajek partitions after their .net: A.net A.clu B.net B.clu), both are scored and
compared. Actors are matched by id, or by label when either
network's ids are positions (Pajek vertex numbers; n0, n1, ...; 1..n in order) and every actor
has a label unique within its network (--match id|label|auto); ties by their ends:
  OUTDIR/comparison.csv    metric, a, b, change (b - a) for every headline measure
  OUTDIR/actors.csv        each actor kept, gained or lost, with openness (ext_share),
                           brokerage and typology in A and in B
  OUTDIR/ties.csv          each tie kept, gained or lost, with its weights
  OUTDIR/actor_changes.csv per kept actor and numeric score (betweenness, closeness, ext_share,
                           brokerage roles, learning_capacity, ...): id, label, measure, a, b,
                           change; actors.csv stays as it was
  OUTDIR/comparison.json   the same counts and metrics; tie_stability: Jaccard and Hamming
                           distance of the tie sets over the kept actors and over all actors,
                           the share of A's strong and weak ties kept in B; actor_stability: per
                           score the mean change and the Pearson and Spearman correlation of the
                           kept actors' A and B values (rank stability)
  OUTDIR/change.svg        the figure
With --communities METHOD both waves' communities are found (seeds 1..R) and comparison.json
"communities" says how far they agree over the kept actors (NMI, adjusted Rand index); without
it, the same for a `community` attribute both inputs carry (two scored network.graphml).

With three or more networks (many clusters), one row per cluster, ready for a paper's table:
  OUTDIR/clusters.csv, clusters.json   the headline measures of each cluster
  OUTDIR/linkage.svg   each cluster by pipelines per local actor (global linkage) and
                       density among local actors (buzz), lines at the clusters' means
When the mapping names ability and trigger columns ([patterns] ability = [...], trigger =
[...]; Lin, Chen & Chen 2018), each cluster's mean ability and trigger and its pattern (I sustainable
development, II ability-oriented, III newborn, IV leader-oriented) are added, with the
thresholds used, and OUTDIR/patterns.svg draws the quadrant chart.

Example (the bundled Estonian climate cluster):
  clusterlens compare examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee_compare
)";

/// What compare's own options say.
struct CompareCli {
    std::string out_dir, relation, match = "auto";
    double ability_threshold = std::nan(""), trigger_threshold = std::nan("");
    std::size_t top = 5;
    bool report = false;
};

po::options_description compare_options(CompareCli& k) {
    po::options_description visible("compare options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&k.out_dir)->value_name("OUTDIR"),
        "folder for comparison.csv, comparison.json, local_actors.csv and the figures")(
        "relation", po::value(&k.relation)->value_name("NAME"),
        "compare this relation (required when there are several)")(
        "match", po::value(&k.match)->value_name("id|label|auto"),
        "two networks: match actors by id, by label, or auto (default): by label when either "
        "network's ids are positions (Pajek vertex numbers, n0, n1, ...) and labels are unique")(
        "top", count_value(&k.top)->default_value(5)->value_name("N"),
        "pipeline holders listed in the report")(
        "report", po::bool_switch(&k.report),
        "also write OUTDIR/report.html: the findings in words, the figures (pan, zoom, SVG and "
        "PNG downloads) and the tables (sort, filter, CSV download) in one self-contained file")(
        "ability-threshold", po::value(&k.ability_threshold)->value_name("X"),
        "many clusters: high ability from X (default: the mean over the clusters)")(
        "trigger-threshold", po::value(&k.trigger_threshold)->value_name("X"),
        "many clusters: high trigger from X (default: the mean over the clusters)");
    return visible;
}

/// Loads and scores each network compare names, in order, saying what loading and scoring
/// warn about; `inputs` gets every input file (outputs may not overwrite them).
std::vector<scoring::ScoredRelation> load_and_score(
    const std::vector<std::vector<std::string>>& networks, const LoadOptions& options,
    const std::string& relation, const scoring::ScoreOptions& so, std::vector<std::string>& inputs,
    Streams io) {
    std::vector<scoring::ScoredRelation> scored;
    for (const auto& group : networks) {
        const auto& in = group[0];
        for (const auto& f : resolve_inputs(group, options).all()) inputs.push_back(f);
        const auto net = load_with_progress(group, options, io);
        print_warnings(net, io);
        app::require_locality(net, in);
        scored.push_back(scoring::score_relation(app::pick_relation(net, relation), so));
        print_scoring_warnings(scored.back().warnings, io);
    }
    return scored;
}

/// Every file and path of `networks` (as given and as resolved) and the mapping: what the
/// output folder must keep apart from.
std::vector<std::string> paths_of(const std::vector<std::vector<std::string>>& networks,
                                  const LoadOptions& options, const InputCli& c) {
    std::vector<std::string> files;
    for (const auto& group : networks)
        for (const auto& f : resolve_inputs(group, options).all()) files.push_back(f);
    return with_given_paths(files, c);
}

int compare_two_networks(const InputCli& c, const CompareCli& k, const scoring::ScoreOptions& so,
                         const app::FigureOptions& figures, Streams io) {
    scoring::TwoNetworkOptions to;
    if (k.match == "id")
        to.match = scoring::ActorMatch::id;
    else if (k.match == "label")
        to.match = scoring::ActorMatch::label;
    else if (k.match != "auto")
        throw UsageError("--match takes id, label or auto, not '" + k.match + "'");
    const auto networks = app::networks_of(c.inputs);
    to.path_a = networks[0][0];
    to.path_b = networks[1][0];
    const auto options = load_options(c);
    check_output_folder(k.out_dir, paths_of(networks, options, c));  // before the long work
    std::vector<std::string> inputs;
    const auto scored = load_and_score(networks, options, k.relation, so, inputs, io);
    const auto cmp = scoring::compare_two(scored[0], scored[1], to);
    const auto files = app::write_two_networks(scored[1], cmp, to, k.out_dir, figures, inputs);
    app::print_two_networks(cmp, to, files, io.out);
    return 0;
}

int compare_many_networks(const InputCli& c, const CompareCli& k, const scoring::ScoreOptions& so,
                          const app::FigureOptions& figures, Streams io) {
    const auto options = load_options(c);
    const auto networks = app::networks_of(c.inputs);
    check_output_folder(k.out_dir, paths_of(networks, options, c));  // before the long work
    std::vector<std::string> paths, inputs;
    for (const auto& group : networks) paths.push_back(group[0]);
    const auto scored = load_and_score(networks, options, k.relation, so, inputs, io);
    const auto many = scoring::compare_many(
        app::cluster_names(paths), scored, options.mapping.ability_columns,
        options.mapping.trigger_columns, k.ability_threshold, k.trigger_threshold);
    const auto files =
        app::write_many_clusters(many, options.mapping.ability_columns,
                                 options.mapping.trigger_columns, k.out_dir, figures, inputs);
    app::print_many_clusters(many, files, io.out);
    return 0;
}

int compare_local_global(const InputCli& c, const CompareCli& k, const scoring::ScoreOptions& so,
                         const app::FigureOptions& figures, Streams io) {
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    check_output_folder(k.out_dir, with_given_paths(inputs, c));  // before the long work
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    app::require_locality(net, c.inputs.front());
    const auto one = app::pick_relation(net, k.relation);
    scoring::LocalGlobalOptions lo;
    lo.strong_threshold = so.ties.strong_threshold;
    const auto cmp = scoring::compare_local_global(one, lo);
    const auto scored = scoring::score_relation(one, so);
    print_scoring_warnings(scored.warnings, io);
    const auto output =
        app::write_local_global(one, cmp, scored, k.top, k.out_dir, figures, inputs);
    app::print_local_global(output, cmp, scored, io.out);
    return 0;
}

}  // namespace

int cmd_compare(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    CompareCli k;
    scoring::ScoreOptions so;
    MeasureCli measures;
    FigureCli figure;
    so.ei.permutations = 0;  // the comparison reports no p-values
    auto visible = compare_options(k);
    visible.add(figure_options(figure, true));
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    CommunityCli communities;
    visible.add(community_options(communities, false));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty())
        throw UsageError("compare needs a NETWORK; see clusterlens compare --help");
    if (k.out_dir.empty())
        throw UsageError("compare needs -o OUTDIR; see clusterlens compare --help");
    apply_measures(measures, so);
    app::FigureOptions figures;
    figures.page = page_options(figure);
    if (!figure.title.empty())
        throw UsageError("compare titles its figures itself; --title takes only none here");
    figures.formats = figure_formats(figure.formats);
    figures.label_by = figure.label_by;
    const auto networks = app::networks_of(c.inputs);
    const auto count = networks.size();
    if (k.report) {
        figures.report.wanted = true;
        figures.report.command = command_line("compare", args);
        std::vector<std::string> names, paths;
        for (const auto& group : networks) {
            names.push_back(network_title(group[0]));
            paths.push_back(group[0]);
        }
        figures.report.inputs = paths;
        if (count == 1)
            figures.report.title = "Local buzz and global pipelines: " + names[0];
        else if (count == 2)
            figures.report.title = "From " + names[0] + " to " + names[1];
        else
            figures.report.title = fmt::format("{} clusters compared: {}", count,
                                               fmt::join(app::cluster_names(paths), ", "));
    }
    if (vm.count("match") && count != 2)
        throw UsageError("--match applies to two networks (compare A B), not to one or many");
    so.communities = community_from(communities, 1);  // seeds 1..R, score's default
    if (so.communities && count != 2)
        throw UsageError(
            "--communities applies to two networks (compare A B: how far the two "
            "waves' communities agree), not to one or many");
    if (count == 2) return compare_two_networks(c, k, so, figures, io);
    if (count > 1) return compare_many_networks(c, k, so, figures, io);
    return compare_local_global(c, k, so, figures, io);
}

}  // namespace clusterlens::cli
