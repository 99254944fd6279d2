// Many clusters compared (three or more networks): one row per cluster in clusters.csv and
// clusters.json, the linkage chart and, when the mapping names ability and trigger columns,
// the patterns chart, written together.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "src/app/figures.hpp"
#include "src/compare/many_clusters.hpp"

namespace clusterlens::app {

/// The name of each network in the tables: its file or folder name, or its whole path when
/// two networks have the same name. `paths`: the first path of each network.
std::vector<std::string> cluster_names(const std::vector<std::string>& paths);

/// Writes OUTDIR/clusters.csv, clusters.json, the linkage chart and (with patterns) the
/// patterns chart for `many` = compare_many(...), the charts drawn first. `ability_columns`
/// and `trigger_columns` are the mapping's [patterns] columns compare_many used. UsageError
/// when an output is one of `inputs`. Returns the files written.
std::vector<std::string> write_many_clusters(const scoring::ManyClusters& many,
                                             const std::vector<std::string>& ability_columns,
                                             const std::vector<std::string>& trigger_columns,
                                             const std::string& out_dir,
                                             const FigureOptions& figures,
                                             const std::vector<std::string>& inputs);

/// The table compare prints: one line per cluster, the pattern thresholds, the files written.
void print_many_clusters(const scoring::ManyClusters& many, const std::vector<std::string>& files,
                         std::ostream& out);

}  // namespace clusterlens::app
