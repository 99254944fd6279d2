// Issue 16, item 4: long stages report the share done (a progress line on a terminal). The
// centrality searches and the E-I permutation test call a progress callback with shares that
// never decrease, stay in [0, 1] and reach 1 (on one thread, where every report is taken); and
// the results are the same bits with or without the callback, for any thread count.
#include <gtest/gtest.h>

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality.hpp"
#include "src/openness/openness.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

Network example() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

/// The shares one run reported, in order (the callback is never called by two threads at
/// once; the mutex only makes the test's own check of that claim safe).
struct Shares {
    std::mutex m;
    std::vector<double> seen;
    bool overlapped = false;
    bool busy = false;
    std::function<void(double)> callback() {
        return [this](double s) {
            std::unique_lock<std::mutex> lock(m, std::try_to_lock);
            if (!lock.owns_lock() || busy) {
                overlapped = true;
                return;
            }
            busy = true;
            seen.push_back(s);
            busy = false;
        };
    }
};

void expect_rising_to(const std::vector<double>& seen, bool to_one, const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_FALSE(seen.empty());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_GE(seen[i], 0.0);
        EXPECT_LE(seen[i], 1.0);
        if (i > 0) {
            EXPECT_GE(seen[i], seen[i - 1]) << "at report " << i;
        }
    }
    if (to_one) {
        EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    }
}

TEST(SearchProgress, CentralitySharesRiseToOneAndLeaveTheScoresAlone) {
    const auto net = example();
    ASSERT_EQ(net.actor_count(), 400u);
    for (const bool weighted : {false, true})
        for (const std::size_t closeness_samples : {std::size_t{0}, std::size_t{50}})
            for (const unsigned threads : {1U, 2U}) {
                const std::string what =
                    std::string(weighted ? "weighted" : "binary") + ", closeness samples " +
                    std::to_string(closeness_samples) + ", threads " + std::to_string(threads);
                scoring::CentralityOptions o;
                o.weighted_paths = weighted;
                o.closeness_samples = closeness_samples;
                o.threads = threads;
                const auto quiet = scoring::centrality(net, o);
                Shares shares;
                o.progress = shares.callback();
                const auto told = scoring::centrality(net, o);
                EXPECT_FALSE(shares.overlapped) << what;
                // One thread takes every report, so the last is the whole; two may skip some.
                expect_rising_to(shares.seen, threads == 1, what);
                if (closeness_samples > 0 && threads == 1) {
                    // The searches for paths first (400 of 450), then the 50 pivots.
                    bool passed = false;
                    for (const double s : shares.seen) passed |= std::abs(s - 400.0 / 450) < 1e-12;
                    EXPECT_TRUE(passed) << what << ": no report at the end of the path searches";
                }
                EXPECT_TRUE(same_bits(quiet.betweenness, told.betweenness)) << what;
                EXPECT_TRUE(same_bits(quiet.closeness, told.closeness)) << what;
                EXPECT_TRUE(same_bits(quiet.closeness_se, told.closeness_se)) << what;
            }
}

TEST(SearchProgress, PermutationTestSharesRiseToOneAndLeaveThePValuesAlone) {
    const auto net = example();
    const auto groups = scoring::locality_groups(net);
    const scoring::EiOptions o{1000, 7};
    const auto quiet = scoring::ei_index(net, groups, o);
    Shares shares;
    const auto told = scoring::ei_index(net, groups, o, shares.callback());
    // Every 64 permutations: 15 reports, the last at 960 of 1,000.
    ASSERT_EQ(shares.seen.size(), 15u);
    expect_rising_to(shares.seen, false, "E-I");
    EXPECT_DOUBLE_EQ(shares.seen.back(), 960.0 / 1000.0);
    EXPECT_EQ(quiet.p_binary, told.p_binary);
    EXPECT_EQ(quiet.p_valued, told.p_valued);
    EXPECT_EQ(quiet.perm_mean_binary, told.perm_mean_binary);
}

}  // namespace
}  // namespace clusterlens
