// clusterlens score: score every actor and tie of each relation and write the tables.
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/relations.hpp"
#include "src/app/summary_reads.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage = "usage: clusterlens score NETWORK... -o OUTDIR [options]";

constexpr const char* kHelp =
    R"(Scores every actor and tie of the network and writes, atomically:
  OUTDIR/actors.csv      one row per actor: degree, in/out-degree, strength, betweenness,
                         closeness (harmonic), eigenvector, pagerank, coreness, constraint,
                         effective size, efficiency, hierarchy, ego size and density, ties and
                         strength to global actors, E-I, Gould-Fernandez roles and z, firm
                         typology, learning capacity (empty cell = undefined)
  OUTDIR/ties.csv        one row per tie: strength class, Onnela overlap, local bridge,
                         learning dimension, linkage (buzz | pipeline | extra_local)
  OUTDIR/summary.json    network-level results, every option and default used
  OUTDIR/network.graphml the network with every score as an attribute (opens in Gephi)
  OUTDIR/communities.csv with --communities METHOD: one row per community (composition by
                         part, type and locality, density, tie strength inside and out, E-I,
                         modularity share, top brokers, learning dimensions)
With several relations each is scored separately, in OUTDIR/<relation>/, the name made a safe
and unique folder name (x/y -> x_y, or x_y_2 when x_y is taken); OUTDIR/relations.csv says
which folder holds which relation.

Example (the bundled Estonian climate cluster):
  clusterlens score examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml -o out/ee
)";

}  // namespace

int cmd_score(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    std::string out_dir, relation;
    scoring::ScoreOptions so;
    MeasureCli measures;
    CommunityCli communities;
    std::size_t permutations = 10000, samples = 0;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    bool timings = false;
    po::options_description visible("score options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_dir)->value_name("OUTDIR"),
        "folder for actors.csv, ties.csv, summary.json and network.graphml (one subfolder per "
        "relation when there are several)")("relation", po::value(&relation)->value_name("NAME"),
                                            "score only this relation")(
        "betweenness-samples", count_value(&samples)->value_name("K"),
        "estimate betweenness from K random sources (Brandes & Pich 2007) instead of all n; "
        "the standard error goes to actors.csv (betweenness_se) and the summary")(
        "threads", count_value(&threads, 0, 1024)->value_name("N"),
        "threads for betweenness, closeness and the E-I test (default: all cores; the results "
        "are the same for any number)")(
        "permutations", count_value(&permutations)->default_value(10000)->value_name("N"),
        "permutations for the E-I test (0 = no test)")(
        "seed", count_value(&seed)->default_value(1)->value_name("S"),
        "seed for permutations and sampling")(
        "timings", po::bool_switch(&timings),
        "print the seconds each scoring stage took to stderr (for benchmarks)");
    visible.add(measure_options(so, measures));
    visible.add(lock_in_options(so.lock_in));
    visible.add(community_options(communities, false));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty()) throw UsageError("score needs a NETWORK; see clusterlens score --help");
    if (out_dir.empty()) throw UsageError("score needs -o OUTDIR; see clusterlens score --help");
    if (vm.count("betweenness-samples") && samples < 2)
        throw UsageError(
            "--betweenness-samples needs K >= 2 sources (the error estimate needs two); "
            "leave it out for exact betweenness");
    apply_measures(measures, so);
    so.ei.permutations = permutations;
    so.ei.seed = seed;
    so.centrality.seed = seed;
    so.centrality.betweenness_samples = samples;
    so.centrality.threads = threads;
    so.communities = community_from(communities, seed);
    ProgressLine line(io);  // on a terminal: the stage, its share done and the time left
    line.attach(so);
    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    const auto apart = with_given_paths(inputs, c);
    check_output_folder(out_dir, apart);  // before the long work
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    const auto chosen = app::relations_to_score(net, relation);
    // With several relations, one folder each, named as relation_folders says.
    std::vector<std::string> names, folders, dirs;
    for (const auto r : chosen) names.push_back(net.relations()[r]);
    if (chosen.size() > 1) folders = app::relation_folders(names);
    for (const auto& f : folders) {
        dirs.push_back((std::filesystem::path(out_dir) / f).string());
        check_output_folder(dirs.back(), apart);  // e.g. a file of that name in the way
    }
    if (chosen.size() == 1) dirs.push_back(out_dir);
    // Score everything first, then write: a failure leaves no partial output.
    std::vector<scoring::ScoredRelation> results;
    for (const auto r : chosen) {
        results.push_back(scoring::score_relation(net.select_relation(r), so));
        print_scoring_warnings(results.back().warnings, io);
        if (timings)
            for (const auto& [stage, seconds] : results.back().timings)
                io.err << fmt::format("timing: {}: {:.3f} s\n", stage, seconds);
    }
    for (std::size_t k = 0; k < results.size(); ++k) {
        if (chosen.size() > 1)
            io.out << "relation " << app::quoted_relation(names[k]) << " -> " << dirs[k] << '\n';
        app::print_score_summary(results[k], io.out);
        for (const auto& f : scoring::write_scored(results[k], dirs[k], inputs))
            io.out << "wrote " << f << '\n';
    }
    if (chosen.size() > 1)
        io.out << "wrote " << app::write_relation_folders(out_dir, names, folders, inputs)
               << " (the folder of each relation)\n";
    io.out << fmt::format("OK: {} actors, {} ties, {} relation(s) scored\n", net.actor_count(),
                          net.tie_count(), results.size());
    return 0;
}

}  // namespace clusterlens::cli
