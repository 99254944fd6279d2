// Running a clusterlens command in-process from a test: exit code and both streams.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "src/cli/commands.hpp"

namespace clusterlens::testing {

struct CliResult {
    int code;
    std::string out, err;
};

inline CliResult run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::run(args, {out, err});
    return {code, out.str(), err.str()};
}

}  // namespace clusterlens::testing
