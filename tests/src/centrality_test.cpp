// Centrality: hand-computed small networks (arithmetic in the comments), Padgett's published
// marriage-network betweenness, igraph 0.10 (the C library, an independent implementation of
// Brandes' algorithm) on random graphs, and tests/data/oracle/centrality_oracle.json
// (NetworkX 2.8 and python-igraph 0.10 agreeing, made by centrality_oracle.py).
#include "src/centrality/centrality.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality_detail.hpp"
#include "src/centrality_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using namespace testing;  // make, scores_of, expect_close

// ---- hand-computed -------------------------------------------------------------------------

TEST(Centrality, PathOfThree) {
    // a - b - c. degree 1, 2, 1. Betweenness of b: the pair {a, c} passes through b: 1.
    // Closeness (harmonic / (n-1)): a: (1/1 + 1/2) / 2 = 0.75; b: (1 + 1) / 2 = 1.
    // Coreness 1 everywhere. Eigenvector: λ = √2, x = (1/√2, 1, 1/√2).
    const auto s = scores_of(make(3, false, {{0, 1}, {1, 2}}));
    EXPECT_EQ(s.degree, (std::vector<double>{1, 2, 1}));
    EXPECT_EQ(s.in_degree, s.degree);
    EXPECT_EQ(s.out_degree, s.degree);
    EXPECT_EQ(s.strength, (std::vector<double>{1, 2, 1}));
    EXPECT_EQ(s.betweenness, (std::vector<double>{0, 1, 0}));
    EXPECT_DOUBLE_EQ(s.closeness[0], 0.75);
    EXPECT_DOUBLE_EQ(s.closeness[1], 1.0);
    EXPECT_DOUBLE_EQ(s.closeness[2], 0.75);
    EXPECT_NEAR(s.eigenvector[0], 1 / std::sqrt(2.0), 1e-9);
    EXPECT_NEAR(s.eigenvector[1], 1.0, 1e-9);
    EXPECT_EQ(s.coreness, (std::vector<double>{1, 1, 1}));
    // PageRank sums to 1 and the middle is highest.
    EXPECT_NEAR(s.pagerank[0] + s.pagerank[1] + s.pagerank[2], 1.0, 1e-12);
    EXPECT_GT(s.pagerank[1], s.pagerank[0]);
}

TEST(Centrality, StarIsMaximallyCentralized) {
    // Star: centre a, leaves b..e (n = 5). Centre betweenness = C(4,2) = 6 pairs of leaves.
    // Closeness: centre 4/4 = 1; leaf (1 + 3 · 1/2) / 4 = 0.625.
    // Freeman: degree Σ(4 - 1) · 4 = 12 / ((n-1)(n-2) = 12) = 1;
    // betweenness 4 · 6 = 24 / ((n-1)²(n-2)/2 = 24) = 1;
    // closeness 4 · (1 - 0.625) = 1.5 / ((n-2)/2 = 1.5) = 1.
    const auto net = make(5, false, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const auto s = scores_of(net);
    EXPECT_DOUBLE_EQ(s.betweenness[0], 6.0);
    EXPECT_DOUBLE_EQ(s.closeness[0], 1.0);
    EXPECT_DOUBLE_EQ(s.closeness[3], 0.625);
    const auto c = scoring::freeman_centralization(net, s);
    EXPECT_DOUBLE_EQ(c.degree, 1.0);
    EXPECT_DOUBLE_EQ(c.betweenness, 1.0);
    EXPECT_DOUBLE_EQ(c.closeness, 1.0);
    // No triangle, 6 connected triples (all centred on a): transitivity 0.
    EXPECT_DOUBLE_EQ(scoring::transitivity(net), 0.0);
}

TEST(Centrality, TriangleWithPendant) {
    // a, b, c triangle; c - d. Betweenness of c: pairs {a, d}, {b, d}: 2.
    // Transitivity: 1 triangle; connected triples: a 1, b 1, c C(3,2) = 3 → 5; 3 · 1 / 5 = 0.6.
    // Coreness: the triangle is the 2-core; d is in the 1-core.
    const auto net = make(4, false, {{0, 1}, {1, 2}, {0, 2}, {2, 3}});
    const auto s = scores_of(net);
    EXPECT_EQ(s.betweenness, (std::vector<double>{0, 0, 2, 0}));
    EXPECT_EQ(s.coreness, (std::vector<double>{2, 2, 2, 1}));
    EXPECT_DOUBLE_EQ(scoring::transitivity(net), 0.6);
    // Freeman degree: degrees 2, 2, 3, 1 → Σ(3 - d) = 1 + 1 + 0 + 2 = 4; C* = 3 · 2 = 6.
    EXPECT_DOUBLE_EQ(scoring::freeman_centralization(net, s).degree, 4.0 / 6.0);
}

TEST(Centrality, DirectedChainWithMutualDyad) {
    // a → b → c and b → a. Degree = distinct neighbours: a 1, b 2, c 1 (a ⇄ b counts once).
    // in-degree 1, 1, 1; out-degree 1, 2, 0. Betweenness (ordered pairs): only a → c passes
    // through b: 1. Closeness over out-paths: a: (1 + 1/2)/2 = 0.75; b: (1 + 1)/2 = 1; c: 0.
    // Freeman (directed): betweenness Σ(1 - b_i) = 2 / ((n-1)²(n-2) = 4) = 0.5;
    // closeness (1 - 0.75) + 0 + (1 - 0) = 1.25 / (n - 1 = 2) = 0.625; degree 2 / 2 = 1.
    const auto net = make(3, true, {{0, 1}, {1, 2}, {1, 0}});
    const auto s = scores_of(net);
    EXPECT_EQ(s.degree, (std::vector<double>{1, 2, 1}));
    EXPECT_EQ(s.in_degree, (std::vector<double>{1, 1, 1}));
    EXPECT_EQ(s.out_degree, (std::vector<double>{1, 2, 0}));
    EXPECT_EQ(s.strength, (std::vector<double>{2, 3, 1}));
    EXPECT_EQ(s.betweenness, (std::vector<double>{0, 1, 0}));
    EXPECT_EQ(s.closeness, (std::vector<double>{0.75, 1.0, 0.0}));
    const auto c = scoring::freeman_centralization(net, s);
    EXPECT_DOUBLE_EQ(c.degree, 1.0);
    EXPECT_DOUBLE_EQ(c.betweenness, 0.5);
    EXPECT_DOUBLE_EQ(c.closeness, 0.625);
    // Coreness counts in + out arcs: a 2, b 3, c 1. Removing c leaves a and b with 2 arcs each
    // (a → b, b → a): the 2-core is {a, b}; c is in the 1-core.
    EXPECT_EQ(s.coreness, (std::vector<double>{2, 2, 1}));
}

TEST(Centrality, WeightedPathsSquare) {
    // Square a - b - c - d - a, weights 1, 1, 2, 2 → lengths 1, 1, 1/2, 1/2.
    // Binary: each vertex is on one of two geodesics of the opposite pair: 0.5 each.
    // Weighted: a → c: via b 2, via d 1 → d gets 1. b → d: via a 1.5, via c 1.5 → a, c get 0.5.
    // Weighted closeness of a: 1/1 (b) + 1/1 (c, via d) + 1/0.5 (d) = 4, / 3 = 4/3 (> 1 is
    // possible with lengths < 1).
    const auto net = make(4, false, {{0, 1, 1}, {1, 2, 1}, {2, 3, 2}, {3, 0, 2}});
    EXPECT_EQ(scores_of(net).betweenness, (std::vector<double>{0.5, 0.5, 0.5, 0.5}));
    const auto w = scores_of(net, true);
    EXPECT_EQ(w.betweenness, (std::vector<double>{0.5, 0, 0.5, 1}));
    EXPECT_DOUBLE_EQ(w.closeness[0], 4.0 / 3.0);
    EXPECT_EQ(w.strength, (std::vector<double>{3, 2, 3, 4}));
}

TEST(Centrality, WeightedPathTiesAsIgraph) {
    // a - b - c - d with weights 3, 3, 3 (lengths 1/3) and a - d with weight 1 (length 1).
    // In floating point 1 + 1/3 + 1/3 + 1/3 = 1.9999999999999998 ≠ 2: igraph's relative
    // tolerance (1e-10) makes the two a–d paths tie, as they do in exact arithmetic.
    // {a, d}: two geodesics → b, c get 1/2 each. {a, c}: via b (2/3) beats via d (4/3) → b 1.
    // {b, d}: via c → c 1. So b = c = 1.5 (without the tolerance: 1).
    const auto net = make(4, false, {{0, 1, 3}, {1, 2, 3}, {2, 3, 3}, {0, 3, 1}});
    EXPECT_EQ(scores_of(net, true).betweenness, (std::vector<double>{0, 1.5, 1.5, 0}));
}

TEST(Centrality, IsolateAndTwoComponents) {
    // Triangle a, b, c; path d - e - f; isolate g (n = 7).
    // Betweenness: e 1 (pair {d, f}), others 0. Closeness: a (1 + 1) / 6 = 1/3;
    // d (1 + 1/2) / 6 = 0.25; e 2/6; g 0. Eigenvector: the triangle (λ = 2) dominates the path
    // (λ = √2): a, b, c = 1, the path ≈ 0, the isolate exactly 0. Coreness 2, 1, 0.
    const auto net = make(7, false, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}});
    const auto s = scores_of(net);
    EXPECT_EQ(s.betweenness, (std::vector<double>{0, 0, 0, 0, 1, 0, 0}));
    EXPECT_DOUBLE_EQ(s.closeness[0], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.closeness[3], 0.25);
    EXPECT_DOUBLE_EQ(s.closeness[4], 2.0 / 6.0);
    EXPECT_EQ(s.closeness[6], 0.0);
    EXPECT_NEAR(s.eigenvector[0], 1.0, 1e-9);
    EXPECT_NEAR(s.eigenvector[4], 0.0, 1e-9);
    EXPECT_EQ(s.eigenvector[6], 0.0);
    EXPECT_EQ(s.strength[6], 0.0);
    EXPECT_EQ(s.degree[6], 0.0);
    EXPECT_EQ(s.coreness, (std::vector<double>{2, 2, 2, 1, 1, 1, 0}));
    // The isolate keeps igraph's PageRank: teleport only, > 0; all sum to 1.
    EXPECT_GT(s.pagerank[6], 0.0);
    double sum = 0;
    for (const double p : s.pagerank) sum += p;
    EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(Centrality, EdgelessNetworkHasZeroEigenvector) {
    // igraph gives every actor of an edgeless graph eigenvector centrality 1; isolates get 0.
    const auto net = make(3, false, {});
    const auto s = scores_of(net);
    EXPECT_EQ(s.eigenvector, (std::vector<double>{0, 0, 0}));
    EXPECT_EQ(s.closeness, (std::vector<double>{0, 0, 0}));
    EXPECT_EQ(s.betweenness, (std::vector<double>{0, 0, 0}));
    EXPECT_TRUE(std::isnan(scoring::transitivity(net)));  // no connected triple
    // All scores equal: no spread, centralization 0.
    EXPECT_EQ(scoring::freeman_centralization(net, s).degree, 0.0);
}

TEST(Centrality, EmptyAndTinyNetworks) {
    const auto empty = make(0, false, {});
    const auto s = scores_of(empty);
    EXPECT_TRUE(s.degree.empty());
    EXPECT_TRUE(s.betweenness.empty());
    EXPECT_TRUE(s.pagerank.empty());
    const auto c = scoring::freeman_centralization(empty, s);
    EXPECT_TRUE(std::isnan(c.degree));
    EXPECT_TRUE(std::isnan(c.betweenness));
    EXPECT_TRUE(std::isnan(c.closeness));
    EXPECT_TRUE(std::isnan(scoring::transitivity(empty)));
    // One actor: every score 0 but PageRank (1); centralization undefined for n < 3.
    const auto one = make(1, false, {});
    const auto s1 = scores_of(one);
    EXPECT_EQ(s1.closeness, std::vector<double>{0});
    EXPECT_EQ(s1.eigenvector, std::vector<double>{0});
    EXPECT_DOUBLE_EQ(s1.pagerank[0], 1.0);
    EXPECT_TRUE(std::isnan(scoring::freeman_centralization(one, s1).closeness));
    // Two actors, one tie: closeness 1 each, centralization undefined (C* = 0).
    const auto two = make(2, false, {{0, 1}});
    const auto s2 = scores_of(two);
    EXPECT_EQ(s2.closeness, (std::vector<double>{1, 1}));
    EXPECT_TRUE(std::isnan(scoring::freeman_centralization(two, s2).degree));
}

TEST(Centrality, SeveralRelationsAreAUsageError) {
    std::vector<Actor> actors(3);
    actors[0].id = "a";
    actors[1].id = "b";
    actors[2].id = "c";
    const auto net =
        Network::build(actors, false, {0, 1, 1, 2}, {1, 1}, {"knowledge", "business"}, {0, 1});
    try {
        (void)scoring::centrality(net, {});
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(),
                     "centrality: the network holds ties of 2 relations (\"knowledge\", "
                     "\"business\"); measure one relation at a time (Network::select_relation; "
                     "on the command line --relation)");
    }
    EXPECT_NO_THROW((void)scoring::centrality(net.select_relation(0), {}));
}

/// A random network: `groups` random cliques ("projects", many twins, like CORDIS) plus `extra`
/// random ties, integer weights 1..4; parallel ties kept once.
Network random_network(std::mt19937_64& rng, int n, int groups, int extra, bool directed) {
    std::uniform_int_distribution<int> actor(0, n - 1), size(2, 6), weight(1, 4);
    std::set<std::pair<int, int>> seen;
    std::vector<Tie> ties;
    auto add = [&](int a, int b) {
        if (a == b) return;
        const auto key = directed || a < b ? std::make_pair(a, b) : std::make_pair(b, a);
        if (seen.insert(key).second) ties.push_back({a, b, static_cast<double>(weight(rng))});
    };
    for (int g = 0; g < groups; ++g) {
        std::vector<int> members(static_cast<std::size_t>(size(rng)));
        for (auto& m : members) m = actor(rng);
        for (const int a : members)
            for (const int b : members) add(a, b);
    }
    for (int e = 0; e < extra; ++e) add(actor(rng), actor(rng));
    return make(n, directed, ties);
}

TEST(Centrality, SampledBetweennessEstimator) {
    // Star centre a, leaves b..e (n = 5). A leaf source s gives δ_s(a) = 3 (its paths to the 3
    // other leaves); the centre as source gives 0.
    // K = 1: the estimate is ½ · (n/K) · δ = 7.5 or 0, and the standard error is undefined.
    // K = 2: two leaves give ½ · 5/2 · 6 = 7.5 with sample variance 0, so SE 0; the centre and
    // a leaf give ½ · 5/2 · 3 = 3.75, s² = ((0 − 1.5)² + (3 − 1.5)²)/1 = 4.5 and
    // SE = ½ · 5 · sqrt((1 − 2/5) · 4.5 / 2) = 2.5 · sqrt(1.35).
    const auto net = make(5, false, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    int leaf_sources = 0, mixed = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        CentralityOptions o;
        o.betweenness_samples = 1;
        o.seed = seed;
        const auto s = scoring::centrality(net, o);
        EXPECT_TRUE(s.betweenness[0] == 0.0 || s.betweenness[0] == 7.5) << s.betweenness[0];
        leaf_sources += s.betweenness[0] == 7.5 ? 1 : 0;
        EXPECT_EQ(s.betweenness[1], 0.0);
        EXPECT_TRUE(std::isnan(s.betweenness_se[0]));
        EXPECT_EQ(s.closeness[1], 0.625);                                   // closeness stays exact
        EXPECT_EQ(s.betweenness, scoring::centrality(net, o).betweenness);  // same seed, same

        o.betweenness_samples = 2;
        const auto two = scoring::centrality(net, o);
        ASSERT_EQ(two.betweenness_se.size(), 5U);
        if (two.betweenness[0] == 7.5) {
            EXPECT_EQ(two.betweenness_se[0], 0.0);
        } else {
            ++mixed;
            EXPECT_DOUBLE_EQ(two.betweenness[0], 3.75);
            EXPECT_DOUBLE_EQ(two.betweenness_se[0], 2.5 * std::sqrt(1.35));
        }
        EXPECT_EQ(two.betweenness_se[1], 0.0);  // a leaf is never between
    }
    EXPECT_GT(leaf_sources, 0);
    EXPECT_GT(mixed, 0);
    // K >= n is exact and has no standard error.
    CentralityOptions all;
    all.betweenness_samples = 5;
    const auto exact = scoring::centrality(net, all);
    EXPECT_EQ(exact.betweenness[0], 6.0);
    EXPECT_TRUE(exact.betweenness_se.empty());
}

/// δ_s(v) for every source s and actor v from the definition, not Brandes' recursion:
/// δ_s(v) = Σ_{t ≠ s, v} σ_st(v) / σ_st with σ_st(v) = σ_sv σ_vt when d(s,v) + d(v,t) = d(s,t),
/// distances and path counts from one plain BFS per actor (binary paths, out-arcs).
std::vector<std::vector<double>> dependencies_by_definition(const Network& net) {
    const std::size_t n = net.actor_count();
    std::vector<std::vector<std::size_t>> adj(n);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        adj[net.source(e)].push_back(net.target(e));
        if (!net.directed()) adj[net.target(e)].push_back(net.source(e));
    }
    std::vector<std::vector<long>> d(n, std::vector<long>(n, -1));
    std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0));
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<std::size_t> queue{s};
        d[s][s] = 0;
        sigma[s][s] = 1;
        for (std::size_t q = 0; q < queue.size(); ++q)
            for (const auto w : adj[queue[q]]) {
                const auto v = queue[q];
                if (d[s][w] < 0) d[s][w] = d[s][v] + 1, queue.push_back(w);
                if (d[s][w] == d[s][v] + 1) sigma[s][w] += sigma[s][v];
            }
    }
    std::vector<std::vector<double>> delta(n, std::vector<double>(n, 0));
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t v = 0; v < n; ++v)
            for (std::size_t t = 0; t < n; ++t)
                if (v != s && t != s && t != v && d[s][v] > 0 && d[v][t] > 0 &&
                    d[s][t] == d[s][v] + d[v][t])
                    delta[s][v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
    return delta;
}

TEST(Centrality, SampledBetweennessAndErrorMatchTheDefinition) {
    // The estimate and its standard error recomputed from the sampled sources (the same
    // sample_sources draw) and dependencies from the definition, with the survey-sampling
    // formulas written out here: T = h·(n/K)·Σ δ_s(v), SE = h·n·sqrt((1 − K/n)·s²/K).
    std::mt19937_64 rng(77);
    for (int round = 0; round < 6; ++round) {
        const bool directed = round % 2 == 1;
        const int n = 30 + 10 * round;
        const auto net = random_network(rng, n, n / 4, n / 2, directed);
        const auto delta = dependencies_by_definition(net);
        const std::size_t k = 7 + static_cast<std::size_t>(round);
        const std::uint64_t seed = 1000 + static_cast<std::uint64_t>(round);
        CentralityOptions o;
        o.betweenness_samples = k;
        o.seed = seed;
        const auto s = scoring::centrality(net, o);
        const auto sources = scoring::detail::sample_sources(net.actor_count(), k, seed);
        ASSERT_EQ(sources.size(), k);
        ASSERT_EQ(std::set<std::uint32_t>(sources.begin(), sources.end()).size(), k);
        const double h = directed ? 1.0 : 0.5, nn = n, kk = static_cast<double>(k);
        for (std::size_t v = 0; v < net.actor_count(); ++v) {
            double sum = 0, sum2 = 0;
            for (const auto src : sources) sum += delta[src][v];
            const double mean = sum / kk;
            for (const auto src : sources) sum2 += (delta[src][v] - mean) * (delta[src][v] - mean);
            const double se = h * nn * std::sqrt((1 - kk / nn) * (sum2 / (kk - 1)) / kk);
            const std::string what =
                "round " + std::to_string(round) + " actor " + std::to_string(v);
            expect_close(s.betweenness[v], h * nn / kk * sum, "estimate " + what);
            EXPECT_NEAR(s.betweenness_se[v], se, 1e-7 * std::max(1.0, se)) << "SE " << what;
        }
    }
}

TEST(Centrality, SampledBetweennessErrorCoversTheExactValue) {
    // The stated error means what it says: on the bundled CORDIS example, over 30 seeds,
    // exact ∈ estimate ± 2 SE for about 95% of the (seed, actor) pairs among the 40 actors
    // with the highest exact betweenness (normal approximation; K = 50 of 400 sources).
    LoadOptions lo;
    lo.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, lo);
    const auto exact = scores_of(net).betweenness;
    std::vector<double> sorted = exact;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const double cut = sorted.at(39);
    std::size_t inside = 0, total = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        CentralityOptions o;
        o.betweenness_samples = 50;
        o.seed = seed;
        const auto s = scoring::centrality(net, o);
        for (std::size_t v = 0; v < net.actor_count(); ++v) {
            if (exact[v] < cut) continue;
            ++total;
            inside += std::fabs(s.betweenness[v] - exact[v]) <= 2 * s.betweenness_se[v] ? 1 : 0;
        }
    }
    ASSERT_GE(total, 1200U);
    const double coverage = static_cast<double>(inside) / static_cast<double>(total);
    EXPECT_GT(coverage, 0.88) << inside << " of " << total;
    EXPECT_LT(coverage, 0.995) << inside << " of " << total;  // an SE that is too wide fails too
}

// ---- Padgett's Florentine families (published) ----------------------------------------------

TEST(Centrality, PadgettMarriageBetweennessAsPublished) {
    // Unnormalised Freeman betweenness of the marriage network as published (shared/data
    // README; Padgett & Ansell 1993), rounded to 2 decimals there. Ids n0..n15 are the GraphML
    // node ids; names from the file's "name" key (via the oracle json's copy of them).
    std::ifstream in(testing::data("oracle/centrality_oracle.json"));
    const auto names = nlohmann::json::parse(in)["networks"]["flo_marriage"]["names"];
    const auto net =
        load_network({testing::data("reference/networkdata_flo_marriage.graphml")}, LoadOptions{});
    const auto s = scores_of(net);
    const std::map<std::string, double> published = {
        {"Medici", 47.5},     {"Guadagni", 23.17}, {"Albizzi", 19.33}, {"Salviati", 13.0},
        {"Ridolfi", 10.33},   {"Bischeri", 9.5},   {"Strozzi", 9.33},  {"Barbadori", 8.5},
        {"Tornabuoni", 8.33}, {"Castellani", 5.0}, {"Peruzzi", 2.0},   {"Acciaiuoli", 0},
        {"Ginori", 0},        {"Lamberteschi", 0}, {"Pazzi", 0},       {"Pucci", 0}};
    ASSERT_EQ(net.actor_count(), published.size());
    for (std::size_t v = 0; v < net.actor_count(); ++v) {
        const auto name = names.at(net.actor(v).id).get<std::string>();
        EXPECT_NEAR(s.betweenness[v], published.at(name), 0.005) << name;
    }
}

// ---- igraph C on random graphs ---------------------------------------------------------------

/// igraph_betweenness and igraph_harmonic_centrality (normalized) on the same network.
std::pair<std::vector<double>, std::vector<double>> igraph_paths(const Network& net,
                                                                 bool weighted) {
    std::vector<double> lengths;
    for (const double w : net.weights()) lengths.push_back(1.0 / w);
    igraph_vector_t view;
    const igraph_vector_t* weights =
        weighted && !lengths.empty()
            ? igraph_vector_view(&view, lengths.data(),
                                 static_cast<igraph_integer_t>(lengths.size()))
            : nullptr;
    igraph_vector_t b, h;
    igraph_vector_init(&b, 0);
    igraph_vector_init(&h, 0);
    igraph_call("test", igraph_betweenness, net.graph(), &b, igraph_vss_all(), true, weights);
    igraph_call("test", igraph_harmonic_centrality, net.graph(), &h, igraph_vss_all(), IGRAPH_OUT,
                weights, true);
    std::vector<double> bv(VECTOR(b), VECTOR(b) + igraph_vector_size(&b));
    std::vector<double> hv(VECTOR(h), VECTOR(h) + igraph_vector_size(&h));
    igraph_vector_destroy(&b);
    igraph_vector_destroy(&h);
    return {bv, hv};
}

TEST(Centrality, MatchesIgraphOnRandomGraphs) {
    std::mt19937_64 rng(20240611);
    for (int round = 0; round < 24; ++round) {
        const bool directed = round % 2 == 1;
        const bool weighted = round % 4 >= 2;
        const int n = 20 + 7 * round;
        const auto net = random_network(rng, n, n / 4, n / 2, directed);
        const auto [b, h] = igraph_paths(net, weighted);
        for (const unsigned threads : {1U, 3U}) {
            const auto s = scores_of(net, weighted, threads);
            for (std::size_t v = 0; v < net.actor_count(); ++v) {
                const std::string what = "round " + std::to_string(round) + " actor " +
                                         std::to_string(v) + " threads " + std::to_string(threads);
                expect_close(s.betweenness[v], b[v], "betweenness " + what);
                expect_close(s.closeness[v], h[v], "closeness " + what);
            }
        }
    }
}

TEST(Centrality, ThreadCountDoesNotChangeTheResult) {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, o);
    for (const bool weighted : {false, true}) {
        const auto one = scores_of(net, weighted, 1);
        for (const unsigned threads : {2U, 5U}) {
            const auto many = scores_of(net, weighted, threads);
            EXPECT_EQ(one.betweenness, many.betweenness);  // bit for bit
            EXPECT_EQ(one.closeness, many.closeness);
        }
    }
}

}  // namespace
}  // namespace clusterlens
