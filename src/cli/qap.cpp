// clusterlens qap: QAP correlation and MRQAP between relations, dyadic covariates and waves
// (issue 14 item 3). The statistics are in src/stats/qap.hpp, the dyadic variables in
// src/stats/qap_dyads.hpp; the outputs are written by src/cli/qap_outputs.cpp.
#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/relations.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"
#include "src/cli/qap_outputs.hpp"
#include "src/stats/qap_dyads.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage =
    "usage: clusterlens qap NETWORK --relations Y,X1[,X2...] [--covariates LIST] -o OUTDIR\n"
    "       clusterlens qap A B [--covariates LIST] -o OUTDIR   (two networks: two waves)";

constexpr const char* kHelp =
    R"(Tests whether two dyadic variables go together: does knowledge flow along business ties
(--relations knowledge,business)? are local pairs more often tied than other pairs
(--covariates both_local)? did the second wave's ties follow the first's (qap A B)? Ordinary
tests are wrong on network data (the ties of one actor are not independent); QAP relabels the
actors at random (rows and columns together, so each network keeps its structure) and asks how
often a relabelled network fits as well as the real one.

  one predictor   the QAP correlation r (Pearson over the dyads, as R sna::gcor)
  several         MRQAP, least squares of Y on them (as sna::netlm): coefficients, standardised
                  coefficients (beta), R² and adjusted R², and each t tested by double
                  semi-partialling (Dekker, Krackhardt & Snijders 2007; netlm's "qapspp"), or
                  by permuting Y (--method y; netlm's "qapy")

Dyads: every ordered pair i->j of distinct actors when the network is directed, every
unordered pair when it is undirected (sna's mode="graph"); the diagonal is never a dyad.
Values: tie weights (0 = no tie), or 0/1 with --binary. Covariates (--covariates, comma-
separated): same_locality, same_type, same_part, both_local (1 for a pair of local actors),
same:ATTR (1 when both have the same ATTR), diff:ATTR (|x_i - x_j| of a numeric ATTR, e.g.
diff:size). An actor with a missing covariate value is left out (all its dyads are dropped, for
every variable); how many is reported. Two networks: actors matched as compare A B matches
them (--match), the dyads among the actors in both; Y is B (the later wave), the first
predictor is A, covariates come from B.

Reading the p-values: p_two_sided is the share of the relabellings whose statistic (r, or the
t of the term) is at least as far from 0 as the observed one; p_greater the share at least as
large (a positive association), p_less at most as large. Plain shares, no +1, so 0 means
"below 1/permutations" (printed "< 0.0001" for 10,000); when n! <= --permutations every
relabelling is enumerated and p is exact. A small p says the association is unlikely to come
from the structure of the networks alone; it does not say which way knowledge flows.

Writes, atomically: OUTDIR/qap.csv (one row per term: r, or coefficient, beta, se, t, and the
three p-values) and OUTDIR/summary.json (method, dyads used and dropped, directed, valued,
permutations, exact, seed, results). The same seed gives the same bytes for any --threads.
Memory: 8 bytes per dyad and variable plus an n x n matrix; --max-qap-actors guards it.

Example (the bundled Estonian climate cluster: are co-participation ties more frequent
between organisations of the same type, and between local ones?):
  clusterlens qap examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml --covariates same_type,both_local -o out/ee_qap
)";

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(',', start);
        auto item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!item.empty()) out.push_back(item);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

/// The relation `name` of `net`, or its only relation when `name` is empty.
std::uint32_t relation_of(const Network& net, const std::string& name, const std::string& path) {
    if (!name.empty()) return app::relation_named(net, name);
    if (net.relations().size() == 1) return 0;
    std::string list;
    for (const auto& r : net.relations()) list += (list.empty() ? "" : ", ") + r;
    throw UsageError(path + " has several relations (" + list +
                     "); name the one to test with --relations");
}

std::string memory_text(std::uint64_t bytes) {
    if (bytes >= 1000000000) return fmt::format("{:.1f} GB", static_cast<double>(bytes) / 1e9);
    return fmt::format("{:.0f} MB", static_cast<double>(bytes) / 1e6);
}

/// UsageError when `actors` is above the limit, with the memory the test would take.
void check_size(std::size_t actors, bool directed, std::size_t predictors, std::size_t limit) {
    if (actors <= limit) return;
    throw UsageError(fmt::format(
        "qap: {} actors is more than --max-qap-actors {}: the dyadic variables and the {}x{} "
        "matrix a permutation is applied to would take about {} ({} {} dyads, 8 bytes each per "
        "variable); raise --max-qap-actors if the machine has that memory, or test a cut of the "
        "network",
        actors, limit, actors, actors,
        memory_text(scoring::qap_memory_bytes(actors, directed, predictors)),
        scoring::dyad_count(actors, directed), directed ? "ordered" : "unordered"));
}

}  // namespace

int cmd_qap(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    QapRun q;
    std::string relations, covariates, method = "dsp", match = "auto";
    std::size_t max_actors = 4000;
    po::options_description visible("qap options");
    visible.add_options()("help,h", "show this help")("output,o",
                                                      po::value(&q.out_dir)->value_name("OUTDIR"),
                                                      "folder for qap.csv and summary.json")(
        "relations", po::value(&relations)->value_name("Y,X1,..."),
        "one network: the outcome relation, then the predictor relations; two networks: the "
        "relation to use in both, or A's and B's (RA,RB)")(
        "covariates", po::value(&covariates)->value_name("LIST"),
        "dyadic covariates: same_locality, same_type, same_part, both_local, same:ATTR, "
        "diff:ATTR")("binary", po::bool_switch(&q.build.binary), "0/1 ties instead of tie weights")(
        "method", po::value(&method)->default_value("dsp")->value_name("dsp|y"),
        "MRQAP test: dsp = double semi-partialling (netlm qapspp), y = permute Y (qapy)")(
        "permutations", count_value(&q.options.permutations)->default_value(10000)->value_name("N"),
        "random relabellings (all n! instead when n! <= N; 0 = no test)")(
        "seed", count_value(&q.options.seed)->default_value(1)->value_name("S"),
        "seed of the relabellings")("threads",
                                    count_value(&q.options.threads, 0, 1024)->value_name("T"),
                                    "threads (default 0: all cores; results do not change)")(
        "match", po::value(&match)->value_name("id|label|auto"),
        "two networks: match actors by id, by label, or auto (default, as compare A B)")(
        "max-qap-actors", count_value(&max_actors, 2)->default_value(4000)->value_name("N"),
        "refuse networks of more than N actors (4000: about 2 GB with three predictors on a "
        "directed network)");
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty()) throw UsageError("qap needs a NETWORK; see clusterlens qap --help");
    if (q.out_dir.empty()) throw UsageError("qap needs -o OUTDIR; see clusterlens qap --help");
    if (method == "dsp" || method == "qapspp")
        q.options.method = scoring::MrqapMethod::semi_partialling;
    else if (method == "y" || method == "qapy")
        q.options.method = scoring::MrqapMethod::y_permutation;
    else
        throw UsageError("--method takes dsp (double semi-partialling) or y (permute Y); got '" +
                         method + "'");
    for (const auto& item : split_list(covariates))
        q.build.covariates.push_back(scoring::parse_covariate(item));
    const auto names = split_list(relations);
    const auto networks = app::networks_of(c.inputs);
    if (networks.size() > 2)
        throw UsageError(
            "qap takes one network (--relations Y,X...) or two (A B: two waves), not " +
            std::to_string(networks.size()));
    const bool waves = networks.size() == 2;
    if (vm.count("match") && !waves) throw UsageError("--match applies to two networks (qap A B)");
    if (waves && names.size() > 2)
        throw UsageError(
            "with two networks --relations names one relation (the same in both) or "
            "two (A's, B's), not " +
            std::to_string(names.size()));
    if (!waves && names.size() < 2 && q.build.covariates.empty())
        throw UsageError(
            "qap needs a predictor: name the outcome and predictor relations "
            "(--relations Y,X) or add --covariates (see clusterlens qap --help)");
    q.method_given = vm.count("method") && !vm["method"].defaulted();
    q.seed_given = !vm["seed"].defaulted();
    q.permutations_given = !vm["permutations"].defaulted();

    const auto options = load_options(c);
    std::vector<std::string> inputs;
    for (const auto& group : networks)
        for (const auto& f : resolve_inputs(group, options).all()) inputs.push_back(f);
    check_output_folder(q.out_dir, with_given_paths(inputs, c));  // before the long work
    q.inputs = inputs;
    std::vector<Network> loaded;
    for (const auto& group : networks) {
        loaded.push_back(load_with_progress(group, options, io));
        print_warnings(loaded.back(), io);
    }
    if (waves) {
        scoring::TwoNetworkOptions to;
        to.path_a = networks[0][0];
        to.path_b = networks[1][0];
        if (match == "id")
            to.match = scoring::ActorMatch::id;
        else if (match == "label")
            to.match = scoring::ActorMatch::label;
        else if (match != "auto")
            throw UsageError("--match takes id, label or auto, not '" + match + "'");
        const auto ra = relation_of(loaded[0], names.empty() ? "" : names[0], to.path_a);
        const auto rb = relation_of(loaded[1], names.empty() ? "" : names.back(), to.path_b);
        check_size(std::min(loaded[0].actor_count(), loaded[1].actor_count()), loaded[1].directed(),
                   1 + q.build.covariates.size(), max_actors);
        q.set = scoring::wave_dyads(loaded[0], ra, loaded[1], rb, q.build, to);
    } else {
        std::vector<std::uint32_t> chosen;
        for (const auto& n : names) chosen.push_back(app::relation_named(loaded[0], n));
        if (chosen.empty()) chosen.push_back(relation_of(loaded[0], "", networks[0][0]));
        check_size(loaded[0].actor_count(), loaded[0].directed(),
                   chosen.size() - 1 + q.build.covariates.size(), max_actors);
        q.set = scoring::relation_dyads(loaded[0], chosen, q.build);
    }
    loaded.clear();
    if (progress_wanted(io))
        io.err << fmt::format("clusterlens: qap over {} dyads, {} permutations ...\n",
                              q.set.data.y.size(), q.options.permutations);
    return run_qap(q, io);
}

}  // namespace clusterlens::cli
