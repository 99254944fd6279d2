// Local versus global linkage of one cluster (compare with one network): the tidy table
// comparison.csv, comparison.json, local_actors.csv and the four figures, written together.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/app/figures.hpp"
#include "src/app/tables.hpp"
#include "src/compare/local_global.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// The rows of comparison.csv: the measures of each side, the cluster-wide ones, then the
/// lock-in indicators and flag of the scored relation.
std::vector<MetricRow> local_global_rows(const Network& relation,
                                         const scoring::LocalGlobalComparison& cmp,
                                         const scoring::ScoredRelation& scored);

struct LocalGlobalOutput {
    std::vector<MetricRow> rows;     ///< comparison.csv
    std::vector<std::string> files;  ///< written, in order
};

/// Writes OUTDIR/comparison.csv, comparison.json (with the `top` pipeline holders),
/// local_actors.csv and the figures buzz, pipelines, position_map and local_global, drawn
/// before any file is written and all committed together. `relation` is the network compared
/// (one relation), `cmp` its compare_local_global, `scored` its score_relation. UsageError when
/// an output is one of `inputs`.
LocalGlobalOutput write_local_global(const Network& relation,
                                     const scoring::LocalGlobalComparison& cmp,
                                     const scoring::ScoredRelation& scored, std::size_t top,
                                     const std::string& out_dir, const FigureOptions& figures,
                                     const std::vector<std::string>& inputs);

/// The report compare prints: buzz and pipelines side by side, and the files written.
void print_local_global(const LocalGlobalOutput& output, const scoring::LocalGlobalComparison& cmp,
                        const scoring::ScoredRelation& scored, std::ostream& out);

}  // namespace clusterlens::app
