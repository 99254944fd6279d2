// clusterlens command-line entry: parses nothing itself; maps errors to exit codes
// (0 ok, 1 input error, 2 usage error, 3 internal error).
#include <iostream>
#include <string>
#include <vector>

#include "src/cli/commands.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return clusterlens::cli::run(args, {std::cout, std::cerr});
}
