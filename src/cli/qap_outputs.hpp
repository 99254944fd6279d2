// The test `clusterlens qap` runs on its dyadic variables, its files (qap.csv, summary.json,
// written atomically) and its report on stdout.
#pragma once

#include <string>
#include <vector>

#include "src/cli/commands.hpp"
#include "src/stats/qap.hpp"
#include "src/stats/qap_dyads.hpp"

namespace clusterlens::cli {

struct QapRun {
    std::string out_dir;
    std::vector<std::string> inputs;  ///< files no output may overwrite
    scoring::DyadicBuild build;
    scoring::QapOptions options;
    scoring::DyadicSet set;
    bool method_given = false, seed_given = false, permutations_given = false;
};

/// The QAP correlation (one predictor) or MRQAP (several) of q.set, its files and report.
int run_qap(const QapRun& q, Streams io);

/// A p-value as the report prints it: 4 decimals, "< 1/N" when 0 ("< 0.0001" for 10,000),
/// "-" when undefined.
std::string p_text(double p, std::uint64_t permutations);

}  // namespace clusterlens::cli
