// Issue 16: the E-I permutation test runs on two threads (one draws the permutations, the
// other swaps and counts them). The draws are the generator's alone, so the p-values and the
// permutation means must be the same bits for any thread count: checked on generated networks
// large enough for the two-thread path (1,024 labelled actors or more), with every group known
// and with some actors of unknown group, two groups and five. The sequence itself (one thread)
// is pinned by the golden outputs (summary.json of the main job, tests/golden).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "src/centrality_helpers.hpp"
#include "src/openness/openness.hpp"

namespace clusterlens {
namespace {

Network generated(int n, int m, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<Actor> actors(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) actors[static_cast<std::size_t>(i)].id = "v" + std::to_string(i);
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (int e = 0; e < m; ++e) {
        const auto s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
        const auto t = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
        if (s == t) continue;
        ends.push_back(s);
        ends.push_back(t);
        weights.push_back(1.0 + static_cast<double>(rng() % 4));
    }
    return Network::build(actors, false, ends, weights, {""},
                          std::vector<std::uint32_t>(weights.size(), 0));
}

TEST(EiThreads, SameBitsForAnyThreadCount) {
    const auto net = generated(3000, 9000, 5);
    for (const int groups : {2, 5})
        for (const bool some_unknown : {false, true}) {
            std::vector<std::string> labels(net.actor_count());
            for (std::size_t i = 0; i < labels.size(); ++i)
                labels[i] = some_unknown && i % 7 == 3 ? "" : "g" + std::to_string(i % groups);
            const std::string what = std::to_string(groups) + " groups" +
                                     (some_unknown ? ", some unknown" : ", all known");
            const scoring::EiOptions o{300, 11};
            const auto one = scoring::ei_index(net, labels, o, {}, 1);
            for (const unsigned threads : {2U, 3U, 0U}) {
                const auto other = scoring::ei_index(net, labels, o, {}, threads);
                EXPECT_EQ(one.p_binary, other.p_binary) << what << ", threads " << threads;
                EXPECT_EQ(one.p_binary_lower, other.p_binary_lower) << what;
                EXPECT_EQ(one.p_valued, other.p_valued) << what;
                EXPECT_EQ(one.p_valued_lower, other.p_valued_lower) << what;
                EXPECT_EQ(one.perm_mean_binary, other.perm_mean_binary) << what;
                EXPECT_EQ(one.perm_mean_valued, other.perm_mean_valued) << what;
            }
            // A test that ran: both tails are shares, and ties with the observed count in both.
            EXPECT_GE(one.p_binary + one.p_binary_lower, 1.0) << what;
            EXPECT_LE(one.p_binary, 1.0) << what;
            EXPECT_TRUE(std::isfinite(one.perm_mean_valued)) << what;
        }
}

}  // namespace
}  // namespace clusterlens
