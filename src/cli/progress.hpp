// What the commands say on stderr while they work: progress on a terminal only (loading, the
// scoring stages), and the warnings of loading and of scoring, always.
#pragma once

#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/network.hpp"
#include "src/cli/commands.hpp"

namespace clusterlens::cli {

/// True when the error stream is the process's stderr and that is a terminal (progress is
/// printed then only, never into a file or pipe).
bool progress_wanted(Streams io);

/// Loads the network; on a terminal, says what it is reading and how long it took (the whole
/// CORDIS network takes about a second).
Network load_with_progress(const std::vector<std::string>& inputs, const LoadOptions& options,
                           Streams io);

/// The warnings of loading (path:line:col: warning: ...), one a line.
void print_warnings(const Network& net, Streams io);

/// The warnings of scoring ("clusterlens: warning: ..."), one a line.
void print_scoring_warnings(const std::vector<std::string>& warnings, Streams io);

}  // namespace clusterlens::cli
