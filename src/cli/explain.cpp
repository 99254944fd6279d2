// clusterlens explain: node-level regression of an actor outcome on network positions, with
// permutation p-values (issue 14).
#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "graphs/atomic_file.hpp"
#include "graphs/error.hpp"
#include "src/app/explain_outputs.hpp"
#include "src/app/relations.hpp"
#include "src/cli/command_list.hpp"
#include "src/cli/options.hpp"
#include "src/cli/progress.hpp"

namespace clusterlens::cli {
namespace {

constexpr const char* kUsage =
    "usage: clusterlens explain NETWORK... --outcome COLUMN -o OUTDIR [options]";

constexpr const char* kHelp =
    R"(Tests what an actor's outcome (a learning or innovation score, patents, new products, EC
funding) has to do with its position in the network: scores the network as `clusterlens score`
does, then regresses the outcome on position measures (least squares) and tests each coefficient
by permutation, since actors tied to each other are not independent observations and the
classical standard errors and t-tests assume they are. Writes, atomically:
  OUTDIR/coefficients.csv  term, b, beta (standardised), se_naive and t (classical, assuming
                           independence), p_two_sided, p_greater, p_less (permutation),
                           null_beta_lo/hi (2.5 % and 97.5 % of the permuted betas)
  OUTDIR/explain_actors.csv  per actor: outcome, predictors, fitted, residual, used, reason
  OUTDIR/summary.json      model, reference levels, n, dropped actors and why, R2, adjusted R2,
                           method, permutations, exact, seed, coefficients
  OUTDIR/explain.svg, .png the coefficients on their permutation bands, and the outcome against
                           the predictor with the largest |beta|, shaped by part

Columns: the outcome is any numeric actor column: a score (degree, closeness, constraint,
brokerage_z, learning_capacity, ...) or an attribute the input brings (a survey's learning
score, firm size). Predictors default to the four dimensions of learning capacity (Wang 2013):
closeness (harmonic), ego_size, ext_share (openness) and mean_tie_strength (strength / degree).
--predictors takes any numeric or categorical columns; categorical ones (typology, type, part,
locality, a text attribute) become dummies `typology=gatekeeper` against the most frequent
level (ties: alphabetical), which is printed. Actors missing the outcome or a predictor are
dropped (listwise) and counted per reason: isolates have no ext_share or mean_tie_strength.
Collinear predictors are an error that names them.

Permutation test: the statistic is each coefficient's t (pivotal, sna::netlm's default).
  --method freedman-lane (default) permutes the residuals of the model without the tested
      term and adds them back to its fitted values (Freedman & Lane 1983): the other
      predictors keep their part of the outcome, so the test is of the term given the
      controls. With correlated predictors (closeness and ego size are) it keeps its nominal
      level where permuting the outcome does not (Anderson & Legendre 1999; Winkler et al.
      2014, NeuroImage 92:381).
  --method outcome permutes the outcome against the fixed predictors, as UCINET's node-level
      regression does: use it to reproduce UCINET. With one predictor both methods are the
      same test and give the same p-values.
p = (permutations at least as extreme) / permutations, a plain share with no +1 (as score's
E-I test), printed "< 0.0001" when none was (10,000 permutations). When n! <= --permutations
every ordering of the actors is enumerated and p is exact (the report says so). The same seed
gives the same results on any machine and any --threads.

Example (the bundled Estonian climate cluster; ec_contribution_case_eur is the EC funding each
organisation received in the case's CORDIS projects: a demonstration, not a learning measure):
  clusterlens explain examples/cordis_ee_climate/data --map examples/cordis_ee_climate/cordis.toml --outcome ec_contribution_case_eur -o out/ee_explain
)";

/// "a,b,c" as names (no empty ones).
std::vector<std::string> split_names(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(',', start);
        const auto name = text.substr(start, end == std::string::npos ? end : end - start);
        if (name.empty())
            throw UsageError("--predictors takes column names separated by commas; got '" + text +
                             "'");
        out.push_back(name);
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

scoring::PermutationMethod method_named(const std::string& name) {
    if (name == "freedman-lane") return scoring::PermutationMethod::freedman_lane;
    if (name == "outcome") return scoring::PermutationMethod::outcome;
    throw UsageError("--method takes freedman-lane or outcome, not '" + name + "'");
}

}  // namespace

int cmd_explain(const std::vector<std::string>& args, Streams io) {
    InputCli c;
    std::string out_dir, relation, outcome, predictors, method = "freedman-lane";
    scoring::ScoreOptions so;
    MeasureCli measures;
    FigureCli figure;
    scoring::NodeRegressionOptions ro;
    std::size_t samples = 0;
    bool timings = false;
    po::options_description visible("explain options");
    visible.add_options()("help,h", "show this help")(
        "output,o", po::value(&out_dir)->value_name("OUTDIR"),
        "folder for coefficients.csv, explain_actors.csv, summary.json and the figure")(
        "outcome", po::value(&outcome)->value_name("COLUMN"),
        "the numeric actor column to explain (required)")(
        "predictors", po::value(&predictors)->value_name("A,B,..."),
        "the columns to explain it by (default: closeness,ego_size,ext_share,mean_tie_strength)")(
        "method", po::value(&method)->default_value("freedman-lane")->value_name("NAME"),
        "permutation method: freedman-lane (residuals of the reduced model; controls held "
        "fixed) or outcome (the outcome vector, as UCINET)")(
        "permutations", count_value(&ro.permutations)->default_value(10000)->value_name("N"),
        "permutations per test (0 = no test); all n! orderings, exactly, when n! <= N")(
        "seed", count_value(&ro.seed)->default_value(1)->value_name("S"),
        "seed of the permutations")("threads", count_value(&ro.threads, 0, 1024)->value_name("N"),
                                    "threads for the permutations and betweenness (default: all "
                                    "cores; the results are the same for any number)")(
        "relation", po::value(&relation)->value_name("NAME"),
        "the relation to use when the network has several")(
        "betweenness-samples", count_value(&samples)->value_name("K"),
        "estimate betweenness from K random sources (as score does), for large networks when "
        "betweenness is not a predictor")(
        "timings", po::bool_switch(&timings),
        "print the seconds the scoring stages and the permutations took to stderr (for "
        "benchmarks)");
    visible.add(figure_options(figure, true));
    visible.add(measure_options(so, measures));
    po::variables_map vm;
    if (!parse(args, visible, c, vm, kUsage, kHelp, io)) return 0;
    if (c.inputs.empty())
        throw UsageError("explain needs a NETWORK; see clusterlens explain --help");
    if (out_dir.empty())
        throw UsageError("explain needs -o OUTDIR; see clusterlens explain --help");
    if (outcome.empty())
        throw UsageError(
            "explain needs --outcome COLUMN (a numeric actor column); see clusterlens explain "
            "--help");
    if (vm.count("betweenness-samples") && samples < 2)
        throw UsageError(
            "--betweenness-samples needs K >= 2 sources; leave it out for exact "
            "betweenness");
    ro.method = method_named(method);
    apply_measures(measures, so);
    so.ei.permutations = 0;  // explain reports no E-I test
    so.centrality.threads = ro.threads;
    so.centrality.betweenness_samples = samples;
    so.centrality.seed = ro.seed;
    app::FigureOptions figures;
    figures.page = page_options(figure);
    if (!figure.title.empty())
        throw UsageError("explain titles its figure itself; --title takes only none here");
    figures.formats = figure_formats(figure.formats);
    figures.label_by = figure.label_by;
    const auto names =
        vm.count("predictors") ? split_names(predictors) : scoring::learning_dimension_predictors();

    const auto options = load_options(c);
    const auto inputs = resolve_inputs(c.inputs, options).all();
    check_output_folder(out_dir, with_given_paths(inputs, c));  // before the long work
    const auto net = load_with_progress(c.inputs, options, io);
    print_warnings(net, io);
    const auto one = app::pick_relation(net, relation);
    ProgressLine line(io);  // on a terminal: the stage, its share done and the time left
    line.attach(so);
    auto scored = scoring::score_relation(one, so);
    print_scoring_warnings(scored.warnings, io);
    if (timings)
        for (const auto& [stage, seconds] : scored.timings)
            io.err << fmt::format("timing: {}: {:.3f} s\n", stage, seconds);
    scoring::add_mean_tie_strength(scored.network);

    app::ExplainRun run;
    run.inputs = inputs;
    run.relation = one.relations().front();
    run.default_predictors = !vm.count("predictors");
    run.given = {!vm["method"].defaulted(), !vm["permutations"].defaulted(),
                 !vm["seed"].defaulted()};
    run.data = scoring::regression_data(scored.network, outcome, names, scored.input_attributes);
    const auto started = std::chrono::steady_clock::now();
    run.fit = scoring::node_regression(run.data.design, run.data.y, ro);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto files = app::write_explain(scored.network, run, out_dir, figures);
    app::print_explain(run, files, io.out);
    if (timings && run.fit.permutations > 0) io.err << app::timing_line(run);
    return 0;
}

}  // namespace clusterlens::cli
