// Two networks compared (two clusters, or two waves of one cluster): comparison.csv,
// comparison.json, actors.csv, ties.csv, actor_changes.csv and the change figure, written
// together.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "src/app/figures.hpp"
#include "src/compare/two_networks.hpp"
#include "src/score/score.hpp"

namespace clusterlens::app {

/// Writes OUTDIR/comparison.csv, comparison.json, actors.csv, ties.csv, actor_changes.csv (id,
/// label, measure, a, b, change per kept actor and numeric score) and the change figure
/// (drawn first) for `cmp` = compare_two(a, b, options); `b` gives the figure's title block.
/// UsageError when an output is one of `inputs`. Returns the files written.
std::vector<std::string> write_two_networks(const scoring::ScoredRelation& b,
                                            const scoring::TwoNetworkComparison& cmp,
                                            const scoring::TwoNetworkOptions& options,
                                            const std::string& out_dir,
                                            const FigureOptions& figures,
                                            const std::vector<std::string>& inputs);

/// The report compare prints: how actors were matched, what was kept, gained and lost, the tie
/// stability, the rank stability of a few scores, and the files written.
void print_two_networks(const scoring::TwoNetworkComparison& cmp,
                        const scoring::TwoNetworkOptions& options,
                        const std::vector<std::string>& files, std::ostream& out);

}  // namespace clusterlens::app
