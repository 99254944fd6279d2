// The E-I permutation test on a whole network (issue 16: the 10,000-permutation test is 5-7 %
// of the whole score job): times ei_index on the locality partition, RUNS times, and prints
// the p-values and the permutation mean, which must be the same on every run and for every
// build (the test's own regression tests pin them on the example).
// Each run times one thread and then two (interleaved), which must agree to the bit.
// Usage: bench_ei NETWORK MAP.toml [PERMUTATIONS] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/openness/openness.hpp"

int main(int argc, char** argv) {
    using namespace clusterlens;
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_ei NETWORK MAP.toml [PERMUTATIONS] [RUNS]\n");
        return 2;
    }
    LoadOptions o;
    o.mapping = load_mapping(argv[2]);
    const auto net = load_network({argv[1]}, o);
    const auto groups = scoring::locality_groups(net);
    const std::size_t perms = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 10000;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 3;
    std::vector<double> times[2];
    for (int r = 0; r < runs; ++r)
        for (const unsigned threads : {1U, 2U}) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto res =
                scoring::ei_index(net, groups, scoring::EiOptions{perms, 1}, {}, threads);
            const auto t1 = std::chrono::steady_clock::now();
            times[threads - 1].push_back(std::chrono::duration<double>(t1 - t0).count());
            std::printf(
                "run %d, %u thread(s): %.3f s; p upper %.17g lower %.17g valued %.17g/%.17g "
                "mean %.17g %.17g\n",
                r + 1, threads, times[threads - 1].back(), res.p_binary, res.p_binary_lower,
                res.p_valued, res.p_valued_lower, res.perm_mean_binary, res.perm_mean_valued);
        }
    for (auto& t : times) std::sort(t.begin(), t.end());
    std::printf(
        "median %.3f s on 1 thread, %.3f s on 2 (%.2fx) over %d runs, %zu permutations, "
        "%zu actors, %zu ties\n",
        times[0][times[0].size() / 2], times[1][times[1].size() / 2],
        times[0][times[0].size() / 2] / times[1][times[1].size() / 2], runs, perms,
        net.actor_count(), net.tie_count());
}
