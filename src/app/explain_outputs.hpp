// `clusterlens explain`'s outputs (issue 14): coefficients.csv, explain_actors.csv,
// summary.json and the figure explain.svg (+ the other --figure-format formats), written
// together, and the table it prints.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/app/figures.hpp"
#include "src/stats/node_regression.hpp"
#include "src/stats/regression_data.hpp"

namespace clusterlens::app {

/// One explain run: what it regressed and the result.
struct ExplainRun {
    std::vector<std::string> inputs;  ///< the network's files, as resolved
    std::string relation;             ///< the relation scored
    bool default_predictors = true;   ///< the four dimensions (no --predictors)
    /// Which of --method, --permutations and --seed were given (the report marks defaults).
    struct Given {
        bool method = false, permutations = false, seed = false;
    } given;
    scoring::RegressionData data;
    scoring::NodeRegression fit;
    double seconds = 0;  ///< wall time of the permutations (--timings only, never in a file)
};

/// The p-value as the table and the CSV print it: "< 0.0001" (1/permutations) when 0, else
/// the number; "" when NaN.
std::string p_text(double p, std::size_t permutations);

/// Writes OUTDIR/coefficients.csv, explain_actors.csv, summary.json and the figures of
/// `figures` (drawn first), all or none. `scored` is the network the data came from (ids,
/// labels, parts). UsageError when an output is one of `inputs`. Returns the files written.
std::vector<std::string> write_explain(const Network& scored, const ExplainRun& run,
                                       const std::string& out_dir, const FigureOptions& figures);

/// The report: model, actors used and dropped, method, permutations and seed, the
/// coefficients table, the references of the dummies and the files written. The same bytes on
/// every run and machine (no time, no thread count: timing_line is for --timings).
void print_explain(const ExplainRun& run, const std::vector<std::string>& files, std::ostream& out);

/// "timing: permutations: 10,000 in 2.31 s on 2 threads" (for benchmarks, on stderr).
std::string timing_line(const ExplainRun& run);

}  // namespace clusterlens::app
