// Issue 16: the binary Brandes searches run on the graph renumbered breadth-first, 8 sources
// at a time (multi-source BFS). The result must be the plain algorithm's to the bit (each
// search adds the same numbers in the same order; path counts are integers, summed exactly),
// for exact and sampled betweenness, exact and sampled closeness, for any thread count, on the
// test networks: the bundled CORDIS example, corpus files, and generated graphs with isolates,
// twins, several components and paths of hundreds of levels (a batch once held only 254),
// undirected and directed. The expected values are those of one search per source in the input's
// order (path_scores with SweepPlan{false, false}, the algorithm before the change); the whole
// CORDIS network is checked the same way by tests/bench/bench_centrality --order.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality.hpp"
#include "src/centrality/centrality_detail.hpp"
#include "src/centrality_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

namespace detail = scoring::detail;

/// Bits, not values: -0.0 and 0.0 differ, NaNs compare.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

/// Actors v0, v1, ... (testing::make names them by one letter, which runs out past 26).
Network from_ties(int n, bool directed, const std::vector<testing::Tie>& ties) {
    std::vector<Actor> actors(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) actors[static_cast<std::size_t>(i)].id = "v" + std::to_string(i);
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (const auto& t : ties) {
        ends.push_back(t.s);
        ends.push_back(t.t);
        weights.push_back(t.w);
    }
    return Network::build(actors, directed, ends, weights, {""},
                          std::vector<std::uint32_t>(ties.size(), 0));
}

/// n actors, ~m random ties (duplicates merged by Network::build's rules), the last `isolates`
/// actors untied, and twin pairs: actor 2k+1 copies actor 2k's ties for the first few k.
Network generated(int n, int m, int isolates, bool directed, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<testing::Tie> ties;
    const int tied = n - isolates;
    for (int e = 0; e < m; ++e) {
        const int s = static_cast<int>(rng() % static_cast<std::uint64_t>(tied));
        const int t = static_cast<int>(rng() % static_cast<std::uint64_t>(tied));
        if (s != t) ties.push_back({s, t, 1});
    }
    const auto base = ties.size();
    for (std::size_t e = 0; e < base; ++e)  // twins: 1 copies 0, 3 copies 2
        for (const int k : {0, 2})
            if (ties[e].s == k && ties[e].t != k + 1) ties.push_back({k + 1, ties[e].t, 1});
    return from_ties(n, directed, ties);
}

void expect_same_bits_as_input_order(const Network& net, const std::string& what) {
    SCOPED_TRACE(what);
    const auto csr = detail::make_csr(net, false);
    for (const std::size_t samples : {std::size_t{0}, std::size_t{7}}) {
        for (const std::size_t closeness_samples : {std::size_t{0}, std::size_t{5}}) {
            for (const unsigned threads : {1U, 2U}) {
                scoring::CentralityOptions o;
                o.threads = threads;
                o.betweenness_samples = samples;
                o.closeness_samples = closeness_samples;
                o.seed = 3;
                const auto before = detail::path_scores(csr, o, {false, false});
                for (const auto plan : {detail::SweepPlan{true, false},
                                        detail::SweepPlan{false, true}, detail::SweepPlan{}}) {
                    const auto after = detail::path_scores(csr, o, plan);
                    const std::string how =
                        std::string(plan.breadth_first ? "breadth-first" : "input order") +
                        (plan.batched ? ", batched" : ", one by one") + "; samples " +
                        std::to_string(samples) + ", closeness samples " +
                        std::to_string(closeness_samples) + ", threads " + std::to_string(threads);
                    EXPECT_TRUE(same_bits(before.betweenness, after.betweenness))
                        << "betweenness, " << how;
                    EXPECT_TRUE(same_bits(before.closeness, after.closeness))
                        << "closeness, " << how;
                    EXPECT_TRUE(same_bits(before.betweenness_se, after.betweenness_se))
                        << "standard errors, " << how;
                }
            }
        }
    }
}

TEST(SweepOrder, BreadthFirstRenumberingGivesTheSameBitsOnTheExample) {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, o);
    ASSERT_EQ(net.actor_count(), 400u);
    expect_same_bits_as_input_order(net, "cordis_ee_climate");
}

TEST(SweepOrder, BreadthFirstRenumberingGivesTheSameBitsOnCorpusFiles) {
    for (const char* file : {"pajek/relations.net", "pajek/arcslist.net", "pajek/mixed.net"}) {
        const auto net = load_network({testing::data(file)}, LoadOptions{});
        expect_same_bits_as_input_order(net, file);  // every relation's ties together
    }
}

TEST(SweepOrder, BreadthFirstRenumberingGivesTheSameBitsOnGeneratedGraphs) {
    for (const bool directed : {false, true})
        for (const std::uint64_t seed : {1u, 2u, 3u}) {
            const auto net = generated(300, 700, 20, directed, seed);
            expect_same_bits_as_input_order(
                net, (directed ? "directed, seed " : "undirected, seed ") + std::to_string(seed));
        }
    // Several components and a chain (long distances): the order of components matters.
    std::vector<testing::Tie> ties;
    for (int i = 0; i < 40; ++i) ties.push_back({i, i + 1, 1});
    for (int i = 50; i < 58; ++i) ties.push_back({50, i + 1, 1});
    expect_same_bits_as_input_order(from_ties(60, false, ties), "chain and star");
    // Paths of 300 and 600 levels (beyond the 254 a batch once held) beside a dense part,
    // undirected and directed.
    std::vector<testing::Tie> long_ties;
    for (int i = 0; i < 300; ++i) long_ties.push_back({i, i + 1, 1});
    for (int i = 301; i < 320; ++i)
        for (int j = i + 1; j < 320; j += 3) long_ties.push_back({i, j, 1});
    long_ties.push_back({300, 301, 1});
    expect_same_bits_as_input_order(from_ties(330, false, long_ties), "long path, undirected");
    expect_same_bits_as_input_order(from_ties(330, true, long_ties), "long path, directed");
    std::vector<testing::Tie> cycle;
    for (int i = 0; i < 600; ++i) cycle.push_back({i, (i + 1) % 600, 1});
    expect_same_bits_as_input_order(from_ties(600, true, cycle), "directed cycle of 600");
}

TEST(SweepOrder, BatchesOfEverySizeGiveTheSameBits) {
    // 1 to 9 sources left for the last batch of a chunk: graphs of 2..80 actors.
    for (int n = 2; n <= 80; n += 7) {
        const auto net = generated(n, 3 * n, n / 10, false, static_cast<std::uint64_t>(n));
        expect_same_bits_as_input_order(net, "n = " + std::to_string(n));
    }
}

}  // namespace
}  // namespace clusterlens
