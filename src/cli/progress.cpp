#include "src/cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

namespace clusterlens::cli {

bool progress_wanted(Streams io) { return &io.err == &std::cerr && isatty(STDERR_FILENO) == 1; }

Network load_with_progress(const std::vector<std::string>& inputs, const LoadOptions& options,
                           Streams io) {
    const bool tty = progress_wanted(io);
    const auto start = std::chrono::steady_clock::now();
    if (tty)
        io.err << "clusterlens: loading " << fmt::format("{}", fmt::join(inputs, " ")) << " ..."
               << std::flush;
    try {
        auto net = load_network(inputs, options);
        if (tty) {
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            io.err << fmt::format(" {} actors, {} ties in {:.2f} s\n", net.actor_count(),
                                  net.tie_count(), took.count());
        }
        return net;
    } catch (...) {
        if (tty) io.err << " failed\n";
        throw;
    }
}

void print_warnings(const Network& net, Streams io) {
    for (const auto& w : net.report().warnings) io.err << w.format() << '\n';
}

void print_scoring_warnings(const std::vector<std::string>& warnings, Streams io) {
    for (const auto& w : warnings) io.err << "clusterlens: warning: " << w << '\n';
}

}  // namespace clusterlens::cli
