// The commands run() dispatches to, one file each (validate.cpp, convert.cpp, ...): each takes
// its arguments after the command name, prints to `io` and returns the exit code; errors are
// thrown and mapped to exit codes by run().
#pragma once

#include <string>
#include <vector>

#include "src/cli/commands.hpp"

namespace clusterlens::cli {

int cmd_validate(const std::vector<std::string>& args, Streams io);
int cmd_convert(const std::vector<std::string>& args, Streams io);
int cmd_score(const std::vector<std::string>& args, Streams io);
int cmd_explain(const std::vector<std::string>& args, Streams io);
int cmd_render(const std::vector<std::string>& args, Streams io);
int cmd_communities(const std::vector<std::string>& args, Streams io);
int cmd_compare(const std::vector<std::string>& args, Streams io);
int cmd_report(const std::vector<std::string>& args, Streams io);
int cmd_qap(const std::vector<std::string>& args, Streams io);

}  // namespace clusterlens::cli
