// The clusterlens commands. Each takes its arguments (after the command name), prints to the
// given streams and returns the exit code; errors are thrown and mapped to exit codes by main.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace clusterlens::cli {

struct Streams {
    std::ostream& out;
    std::ostream& err;
};

int run(const std::vector<std::string>& args, Streams io);

}  // namespace clusterlens::cli
