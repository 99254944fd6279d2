// Burt's structural holes (src/holes/burt.hpp): tiny graphs computed by hand (arithmetic in the
// comments), values on which igraph 0.10.2 and NetworkX agree, igraph_constraint itself, and
// per-actor values from NetworkX 2.8.8 and python-igraph on three real networks
// (tests/data/oracle/burt_oracle.json, made by burt_oracle.py).
#include "src/holes/burt.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::burt_structural_holes;
using scoring::BurtOptions;
using scoring::BurtScores;

/// A network of actors "0", "1", ... with the given ties (pairs of indices) and weights (1 if
/// none given), all in one relation.
Network make(std::size_t n, bool directed, const std::vector<std::int64_t>& ends,
             std::vector<double> weights = {}) {
    std::vector<Actor> actors(n);
    for (std::size_t i = 0; i < n; ++i) actors[i].id = std::to_string(i);
    if (weights.empty()) weights.assign(ends.size() / 2, 1.0);
    const std::size_t m = weights.size();
    return Network::build(actors, directed, ends, std::move(weights), {""},
                          std::vector<std::uint32_t>(m, 0));
}

BurtScores whole(const Network& net) { return burt_structural_holes(net, BurtOptions{}); }
BurtScores ego(const Network& net) { return burt_structural_holes(net, BurtOptions{true}); }

// ---- tiny graphs by hand ------------------------------------------------------------------

TEST(BurtHand, Triangle) {
    // Each actor: N = 2, p = 1/2 to each contact, and the contacts are tied:
    // c_ij = (1/2 + p_iq·p_qj)² = (1/2 + 1/2·1/2)² = 9/16; C = 2·9/16 = 1.125.
    // ES = Σ_j (1 − p_iq·m_jq) = 2·(1 − 1/2·1) = 1 (Borgatti: 2 − 2·1/2 = 1); efficiency 1/2.
    // Equal c_ij → r_ij = 1 → hierarchy 0. One tie among the two contacts: density 1/1.
    const auto s = whole(make(3, false, {0, 1, 1, 2, 0, 2}));
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(s.constraint[i], 1.125);
        EXPECT_DOUBLE_EQ(s.effective_size[i], 1.0);
        EXPECT_DOUBLE_EQ(s.efficiency[i], 0.5);
        EXPECT_NEAR(s.hierarchy[i], 0.0, 1e-15);
        EXPECT_EQ(s.ego_size[i], 2.0);
        EXPECT_DOUBLE_EQ(s.ego_density[i], 1.0);
    }
}

TEST(BurtHand, StarWithFourLeaves) {
    // Centre 0: N = 4, p = 1/4, no ties among leaves: c_ij = (1/4)² = 1/16, C = 4/16 = 0.25;
    // ES = 4·(1 − 0) = 4, efficiency 1, hierarchy 0, density 0/6 = 0.
    // Leaf (pendant): N = 1, p = 1: C = 1² = 1, ES = 1, efficiency 1; hierarchy NaN because
    // N·ln N = 0; density NaN (no pair of contacts).
    const auto s = whole(make(5, false, {0, 1, 0, 2, 0, 3, 0, 4}));
    EXPECT_DOUBLE_EQ(s.constraint[0], 0.25);
    EXPECT_DOUBLE_EQ(s.effective_size[0], 4.0);
    EXPECT_DOUBLE_EQ(s.efficiency[0], 1.0);
    EXPECT_NEAR(s.hierarchy[0], 0.0, 1e-15);
    EXPECT_EQ(s.ego_size[0], 4.0);
    EXPECT_DOUBLE_EQ(s.ego_density[0], 0.0);
    for (std::size_t leaf = 1; leaf < 5; ++leaf) {
        EXPECT_DOUBLE_EQ(s.constraint[leaf], 1.0);
        EXPECT_DOUBLE_EQ(s.effective_size[leaf], 1.0);
        EXPECT_DOUBLE_EQ(s.efficiency[leaf], 1.0);
        EXPECT_TRUE(std::isnan(s.hierarchy[leaf]));
        EXPECT_EQ(s.ego_size[leaf], 1.0);
        EXPECT_TRUE(std::isnan(s.ego_density[leaf]));
    }
}

TEST(BurtHand, WeightedPathHierarchy) {
    // 0 –1– 1 –3– 2. Actor 1: p_10 = 1/4, p_12 = 3/4, contacts not tied:
    // c_10 = 1/16, c_12 = 9/16, C = 10/16 = 0.625; ES = 2, efficiency 1;
    // r_10 = 2·(1/16)/(10/16) = 0.2, r_12 = 1.8: H = (0.2 ln 0.2 + 1.8 ln 1.8) / (2 ln 2).
    const auto s = whole(make(3, false, {0, 1, 1, 2}, {1, 3}));
    EXPECT_DOUBLE_EQ(s.constraint[1], 0.625);
    EXPECT_DOUBLE_EQ(s.effective_size[1], 2.0);
    EXPECT_DOUBLE_EQ(s.efficiency[1], 1.0);
    EXPECT_NEAR(s.hierarchy[1], (0.2 * std::log(0.2) + 1.8 * std::log(1.8)) / (2 * std::log(2.0)),
                1e-15);                      // = 0.531004...
    EXPECT_DOUBLE_EQ(s.constraint[0], 1.0);  // pendant
    EXPECT_TRUE(std::isnan(s.hierarchy[0]));
}

TEST(BurtHand, WeightedTriangleEffectiveSize) {
    // 0–1 w1, 1–2 w2, 0–2 w3. Actor 0: s = 4, p_01 = 1/4, p_02 = 3/4.
    // m_12 = a_12 / max_k a_1k = 2/max(1,2) = 1; m_21 = 2/max(3,2) = 2/3.
    // ES_0 = (1 − p_02·m_12) + (1 − p_01·m_21) = (1 − 3/4) + (1 − 1/4·2/3) = 1/4 + 5/6 = 13/12.
    // Constraint: s_1 = 3 (p_12 = 2/3), s_2 = 5 (p_21 = 2/5);
    // C_0 = (1/4 + 3/4·2/5)² + (3/4 + 1/4·2/3)² = (11/20)² + (11/12)² = 0.3025 + 0.840277...
    const auto s = whole(make(3, false, {0, 1, 1, 2, 0, 2}, {1, 2, 3}));
    EXPECT_DOUBLE_EQ(s.effective_size[0], 13.0 / 12.0);
    EXPECT_DOUBLE_EQ(s.efficiency[0], 13.0 / 24.0);
    EXPECT_DOUBLE_EQ(s.constraint[0], 121.0 / 400.0 + 121.0 / 144.0);
}

TEST(BurtHand, BorgattiBinaryFormEqualsBurt) {
    // Binary undirected: ES = N − 2t/N (Borgatti 1997). Actor 0 with contacts 1..5 and
    // ties 1–2, 2–3, 4–5 among them: N = 5, t = 3, ES = 5 − 6/5 = 3.8; density 3/10.
    const auto s = whole(make(6, false, {0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 1, 2, 2, 3, 4, 5}));
    EXPECT_DOUBLE_EQ(s.effective_size[0], 5.0 - 2.0 * 3.0 / 5.0);
    EXPECT_DOUBLE_EQ(s.efficiency[0], 3.8 / 5.0);
    EXPECT_DOUBLE_EQ(s.ego_density[0], 0.3);
    // Contact 2: N = 3 (0, 1, 3), ties 0–1, 0–3 among them: t = 2, ES = 3 − 4/3.
    EXPECT_DOUBLE_EQ(s.effective_size[2], 3.0 - 4.0 / 3.0);
}

TEST(BurtHand, EgoModelIgnoresAltersOutsideTies) {
    // Ego 0 with contacts 1, 2 (tied to each other); 2 also tied to outsider 3.
    // Whole network: s_2 = 3, p_21 = 1/3; s_1 = 2, p_12 = 1/2;
    //   C_0 = (1/2 + 1/2·1/3)² + (1/2 + 1/2·1/2)² = 4/9 + 9/16 = 145/144.
    // Ego model: within {0,1,2} s_2 = 2, p_21 = 1/2: a triangle, C_0 = 1.125.
    // Binary, so effective size 1 in both (max_k a_jk = 1 either way).
    const auto net = make(4, false, {0, 1, 0, 2, 1, 2, 2, 3});
    const auto w = whole(net);
    const auto e = ego(net);
    EXPECT_DOUBLE_EQ(w.constraint[0], 145.0 / 144.0);
    EXPECT_DOUBLE_EQ(e.constraint[0], 1.125);
    EXPECT_DOUBLE_EQ(w.effective_size[0], 1.0);
    EXPECT_DOUBLE_EQ(e.effective_size[0], 1.0);
    EXPECT_EQ(w.ego_density[0], e.ego_density[0]);
    // Actor 3 is a pendant; its ego network {3, 2} is a single tie in both models: C = 1.
    EXPECT_DOUBLE_EQ(e.constraint[3], 1.0);
}

TEST(BurtHand, EgoModelWeightedEffectiveSize) {
    // As above with 2–3 of weight 5. Whole network: m_21 = a_21 / max_k a_2k = 1/5, m_12 = 1,
    //   ES_0 = (1 − p_02·m_12) + (1 − p_01·m_21) = (1 − 1/2) + (1 − 1/2·1/5) = 1.4;
    //   s_2 = 7, p_21 = 1/7: C_0 = (1/2 + 1/2·1/7)² + (1/2 + 1/2·1/2)² = 16/49 + 9/16.
    // Ego model: max over {0,1,2} of a_2k = 1, m_21 = 1: ES_0 = 1/2 + 1/2 = 1; C_0 = 1.125.
    const auto net = make(4, false, {0, 1, 0, 2, 1, 2, 2, 3}, {1, 1, 1, 5});
    const auto w = whole(net);
    const auto e = ego(net);
    EXPECT_DOUBLE_EQ(w.effective_size[0], 1.4);
    EXPECT_DOUBLE_EQ(w.constraint[0], 16.0 / 49.0 + 9.0 / 16.0);
    EXPECT_DOUBLE_EQ(e.effective_size[0], 1.0);
    EXPECT_DOUBLE_EQ(e.constraint[0], 1.125);
}

// ---- directed ------------------------------------------------------------------------------

TEST(BurtDirected, SmallCase) {
    // Arcs 0→1, 0→2, 1→0, 2→1 (igraph 0.10.2 and NetworkX constraint: 1.0031/1.0031/1.3889).
    // a_01 = 2 (both directions), a_02 = 1, a_12 = 1.
    // p_01 = 2/3, p_02 = 1/3; p_10 = 2/3, p_12 = 1/3; p_20 = p_21 = 1/2.
    // C_0 = (2/3 + 1/3·1/2)² + (1/3 + 2/3·1/3)² = 25/36 + 25/81 = 325/324;
    // C_2 = 2·(1/2 + 1/2·2/3)² = 50/36.
    // ES_0: m_12 = a_12/max_k a_1k = 1/2, m_21 = 1/1:
    //   (1 − p_02·m_12) + (1 − p_01·m_21) = 5/6 + 1/3 = 7/6.
    // Ego density: contacts of 0 are {1, 2}, arcs among them: 2→1 → 1/(2·1);
    //   contacts of 2 are {0, 1}, arcs 0→1 and 1→0 → 2/2.
    const auto s = whole(make(3, true, {0, 1, 0, 2, 1, 0, 2, 1}));
    EXPECT_DOUBLE_EQ(s.constraint[0], 325.0 / 324.0);
    EXPECT_DOUBLE_EQ(s.constraint[1], 325.0 / 324.0);
    EXPECT_DOUBLE_EQ(s.constraint[2], 50.0 / 36.0);
    EXPECT_NEAR(s.constraint[0], 1.0031, 5e-5);  // igraph = NetworkX, 4 decimals
    EXPECT_NEAR(s.constraint[2], 1.3889, 5e-5);
    EXPECT_DOUBLE_EQ(s.effective_size[0], 7.0 / 6.0);
    EXPECT_EQ(s.ego_size[0], 2.0);
    EXPECT_DOUBLE_EQ(s.ego_density[0], 0.5);
    EXPECT_DOUBLE_EQ(s.ego_density[2], 1.0);
}

TEST(BurtDirected, WeightedSmallCase) {
    // Same arcs with weights 2, 2, 1, 1 (0.8403 / 1.1428 / 1.3781, igraph 0.10.2 and NetworkX).
    // a_01 = 3, a_02 = 2, a_12 = 1: p_01 = 3/5, p_02 = 2/5, p_12 = 1/4, p_21 = 1/3:
    // C_0 = (3/5 + 2/5·1/3)² + (2/5 + 3/5·1/4)² = (11/15)² + (11/20)² = 0.840277...
    const auto s = whole(make(3, true, {0, 1, 0, 2, 1, 0, 2, 1}, {2, 2, 1, 1}));
    EXPECT_DOUBLE_EQ(s.constraint[0], 121.0 / 225.0 + 121.0 / 400.0);
    EXPECT_NEAR(s.constraint[0], 0.8403, 5e-5);
    EXPECT_NEAR(s.constraint[1], 1.1428, 5e-5);
    EXPECT_NEAR(s.constraint[2], 1.3781, 5e-5);
}

TEST(BurtDirected, SinkIsDefinedUnlikeNetworkX) {
    // Arcs 0→1, 0→2, 0→3, 1→2. Actors 2 and 3 only receive ties. igraph gives 1.006944 and 1;
    // networkx.constraint 2.8 gives NaN for both (its per-node path tests successors only,
    // networkx/algorithms/structuralholes.py). We follow igraph and Burt: contacts are in- or
    // out-neighbours. C_2: p_20 = p_21 = 1/2, p_10 = 1/2, p_01 = 1/3:
    //   (1/2 + 1/2·1/2)² + (1/2 + 1/2·1/3)² = 9/16 + 4/9 = 1.006944...
    const auto s = whole(make(4, true, {0, 1, 0, 2, 0, 3, 1, 2}));
    EXPECT_DOUBLE_EQ(s.constraint[2], 9.0 / 16.0 + 4.0 / 9.0);
    EXPECT_DOUBLE_EQ(s.constraint[3], 1.0);
    EXPECT_DOUBLE_EQ(s.effective_size[3], 1.0);
    EXPECT_EQ(s.ego_size[2], 2.0);
}

// ---- published and cross-tool values --------------------------------------------------------

// Borgatti (1997) example, A..G = 0..6 (as in NetworkX's test_structuralholes.py, whose values
// were computed with UCINET and igraph, then by hand). Edges A–B, A–F, A–G, A–E, E–G, F–G, B–G,
// B–D, D–G, G–C.
const std::vector<std::int64_t> kBorgatti = {0, 1, 0, 5, 0, 6, 0, 4, 4, 6,
                                             5, 6, 1, 6, 1, 3, 3, 6, 6, 2};
// Weights A–B 2, A–F 3, A–G 5, A–E 2, E–G 8, F–G 3, B–G 4, B–D 1, D–G 3, G–C 10.
const std::vector<double> kBorgattiWeights = {2, 3, 5, 2, 8, 3, 4, 1, 3, 10};

TEST(BurtAnchors, BorgattiBinary) {
    // Constraint: igraph 0.10.2 = NetworkX (4 decimals); effective size, efficiency: Borgatti
    // 1997 / NetworkX; hierarchy: NetworkX local_constraint + Coleman–Theil.
    const auto s = whole(make(7, false, kBorgatti));
    const double constraint[] = {0.5955, 0.6427, 1.0, 0.7847, 0.7309, 0.7309, 0.4003};
    const double effective[] = {2.5, 1.6667, 1.0, 1.0, 1.0, 1.0, 4.6667};
    const double efficiency[] = {0.625, 0.5556, 1.0, 0.5, 0.5, 0.5, 0.7778};
    const double hierarchy[] = {0.1678, 0.0737, NAN, 0.0127, 0.0034, 0.0034, 0.0947};
    for (std::size_t i = 0; i < 7; ++i) {
        SCOPED_TRACE(std::string(1, static_cast<char>('A' + i)));
        EXPECT_NEAR(s.constraint[i], constraint[i], 5e-5);
        EXPECT_NEAR(s.effective_size[i], effective[i], 5e-5);
        EXPECT_NEAR(s.efficiency[i], efficiency[i], 5e-5);
        if (std::isnan(hierarchy[i])) {
            EXPECT_TRUE(std::isnan(s.hierarchy[i]));  // C is a pendant: N = 1
        } else {
            EXPECT_NEAR(s.hierarchy[i], hierarchy[i], 5e-5);
        }
    }
    // G: N = 6, t = 4 (A–B, A–F, A–E, B–D): Borgatti 6 − 8/6; density 4/15.
    EXPECT_DOUBLE_EQ(s.effective_size[6], 6.0 - 8.0 / 6.0);
    EXPECT_DOUBLE_EQ(s.ego_density[6], 4.0 / 15.0);
}

TEST(BurtAnchors, BorgattiWeighted) {
    // Weighted constraint: igraph 0.10.2 = NetworkX (4 decimals). Weighted effective size
    // G 5.47, A 2.47: NetworkX test_structuralholes.py (2 decimals).
    const auto s = whole(make(7, false, kBorgatti, kBorgattiWeights));
    const double constraint[] = {0.7950, 0.8127, 1.0, 0.9134, 0.8835, 0.8332, 0.2989};
    for (std::size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(s.constraint[i], constraint[i], 5e-5) << static_cast<char>('A' + i);
    EXPECT_NEAR(s.effective_size[6], 5.47, 5e-3);
    EXPECT_NEAR(s.effective_size[0], 2.47, 5e-3);
}

TEST(BurtAnchors, IgraphHoleGraph) {
    // igraph tests/unit/igraph_constraint.c: two K4s {0..3}, {5..8} joined by the path 3–4–5.
    // Actor 4: p = 1/2 to 3 and 5, which are not tied: C = 1/4 + 1/4 = 0.5.
    const auto s = whole(make(9, false, {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3, 3, 4,
                                         4, 5, 5, 6, 5, 7, 5, 8, 6, 7, 6, 8, 7, 8}));
    const double expected[] = {0.865741, 0.865741, 0.865741, 0.583333, 0.5,
                               0.583333, 0.865741, 0.865741, 0.865741};
    for (std::size_t i = 0; i < 9; ++i) EXPECT_NEAR(s.constraint[i], expected[i], 5e-7) << i;
    EXPECT_DOUBLE_EQ(s.constraint[4], 0.5);
}

// ---- igraph_constraint itself (the whole-network model is its semantics) -------------------

std::vector<double> igraph_constraint_of(const Network& net) {
    const IgraphHandlerScope scope;  // clusterlens' handlers until the code is checked
    igraph_vector_t weights, res;
    igraph_vector_view(&weights, net.weights().data(),
                       static_cast<igraph_integer_t>(net.weights().size()));
    igraph_vector_init(&res, 0);
    const auto code = igraph_constraint(net.graph(), &res, igraph_vss_all(), &weights);
    std::vector<double> out(VECTOR(res), VECTOR(res) + igraph_vector_size(&res));
    igraph_vector_destroy(&res);
    igraph_check(code, "igraph_constraint");
    return out;
}

void expect_same_as_igraph(const Network& net) {
    const auto ours = whole(net).constraint;
    const auto theirs = igraph_constraint_of(net);
    ASSERT_EQ(ours.size(), theirs.size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
        if (std::isnan(theirs[i])) {
            EXPECT_TRUE(std::isnan(ours[i])) << i;  // isolates: NaN in both
        } else {
            EXPECT_NEAR(ours[i], theirs[i], 1e-12 * theirs[i]) << i;
        }
    }
}

TEST(BurtIgraph, ConstraintEqualsIgraphConstraint) {
    expect_same_as_igraph(make(7, false, kBorgatti, kBorgattiWeights));
    expect_same_as_igraph(make(3, true, {0, 1, 0, 2, 1, 0, 2, 1}, {2, 2, 1, 1}));
    expect_same_as_igraph(make(4, true, {0, 1, 0, 2, 0, 3, 1, 2}));
    for (const char* name : {"networkdata_flo_marriage", "networkdata_flo_business",
                             "networkdata_ht_advice", "networkdata_ht_friends"}) {
        SCOPED_TRACE(name);
        expect_same_as_igraph(load_network(
            {testing::data(std::string("reference/") + name + ".graphml")}, LoadOptions{}));
    }
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    expect_same_as_igraph(load_network({testing::example("cordis_ee_climate/data")}, o));
}

// ---- edge cases ----------------------------------------------------------------------------

TEST(BurtEdge, EmptyNetwork) {
    const auto s = whole(make(0, false, {}));
    EXPECT_TRUE(s.constraint.empty());
    EXPECT_TRUE(s.effective_size.empty());
    EXPECT_TRUE(s.efficiency.empty());
    EXPECT_TRUE(s.hierarchy.empty());
    EXPECT_TRUE(s.ego_size.empty());
    EXPECT_TRUE(s.ego_density.empty());
}

TEST(BurtEdge, IsolateIsNaNWithEgoSizeZero) {
    // Actor 2 has no tie. igraph_constraint and networkx.constraint / effective_size give NaN
    // too; ego size is 0.
    for (const bool ego_model : {false, true}) {
        const auto s = burt_structural_holes(make(3, false, {0, 1}), BurtOptions{ego_model});
        EXPECT_TRUE(std::isnan(s.constraint[2]));
        EXPECT_TRUE(std::isnan(s.effective_size[2]));
        EXPECT_TRUE(std::isnan(s.efficiency[2]));
        EXPECT_TRUE(std::isnan(s.hierarchy[2]));
        EXPECT_EQ(s.ego_size[2], 0.0);
        EXPECT_TRUE(std::isnan(s.ego_density[2]));
        EXPECT_DOUBLE_EQ(s.constraint[0], 1.0);  // the pair: two pendants
    }
}

TEST(BurtEdge, ActorsWithoutTies) {
    const auto s = whole(make(2, true, {}));
    EXPECT_TRUE(std::isnan(s.constraint[0]));
    EXPECT_EQ(s.ego_size[1], 0.0);
}

TEST(BurtEdge, TwoRelationsAreRejected) {
    std::vector<Actor> actors(3);
    for (std::size_t i = 0; i < 3; ++i) actors[i].id = std::to_string(i);
    const auto net =
        Network::build(actors, false, {0, 1, 1, 2}, {1, 1}, {"advice", "friendship"}, {0, 1});
    try {
        whole(net);
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        EXPECT_STREQ(
            e.what(),
            "burt_structural_holes: the network holds ties of 2 relations (\"advice\", "
            "\"friendship\"); measure one relation at a time (Network::select_relation; on "
            "the command line --relation)");
    }
    // One relation selected: fine.
    EXPECT_DOUBLE_EQ(whole(net.select_relation(0)).constraint[0], 1.0);
}

// ---- oracle: NetworkX 2.8.8 and python-igraph (tests/data/oracle/burt_oracle.json) ---------

/// |ours − expected| ≤ 1e-9·|expected| + 1e-12 (the absolute part only matters at 0, e.g. a
/// hierarchy of exactly even constraint); null in the oracle means NaN.
void expect_value(double ours, const nlohmann::json& expected, const std::string& what) {
    if (expected.is_null()) {
        EXPECT_TRUE(std::isnan(ours)) << what << " = " << ours << ", expected NaN";
        return;
    }
    const double e = expected.get<double>();
    EXPECT_NEAR(ours, e, 1e-9 * std::fabs(e) + 1e-12) << what;
}

const nlohmann::json& oracle() {
    static const nlohmann::json j = [] {
        std::ifstream in(testing::data("oracle/burt_oracle.json"));
        return nlohmann::json::parse(in);
    }();
    return j;
}

void check_against_oracle(const Network& net, const std::string& name) {
    ASSERT_TRUE(oracle()["networks"].contains(name)) << name << " missing: rerun burt_oracle.py";
    const auto& actors = oracle()["networks"][name]["actors"];
    ASSERT_EQ(actors.size(), net.actor_count());
    const auto w = whole(net);
    const auto e = ego(net);
    // Directed sinks: actors with in-ties only.
    std::vector<char> sends(net.actor_count(), 0);
    for (std::size_t t = 0; t < net.tie_count(); ++t) sends[net.source(t)] = 1;
    for (const auto& [id, v] : actors.items()) {
        const auto found = net.find_actor(id);
        ASSERT_TRUE(found.has_value()) << id;
        const std::size_t i = *found;
        const std::string at = name + " actor " + id + ": ";
        expect_value(w.constraint[i], v["constraint_igraph"], at + "constraint vs igraph");
        expect_value(w.effective_size[i], v["effective_size"], at + "effective size");
        expect_value(w.efficiency[i], v["efficiency"], at + "efficiency");
        expect_value(w.hierarchy[i], v["hierarchy"], at + "hierarchy");
        EXPECT_EQ(w.ego_size[i], v["ego_size"].get<double>()) << at;
        expect_value(w.ego_density[i], v["ego_density"], at + "ego density");
        expect_value(e.constraint[i], v["ego_constraint"], at + "ego-model constraint");
        expect_value(e.effective_size[i], v["ego_effective_size"], at + "ego-model eff. size");
        expect_value(e.hierarchy[i], v["ego_hierarchy"], at + "ego-model hierarchy");
        EXPECT_EQ(e.ego_size[i], w.ego_size[i]);
        if (!std::isnan(e.ego_density[i]) || !std::isnan(w.ego_density[i])) {
            EXPECT_EQ(e.ego_density[i], w.ego_density[i]);
        }
        // NetworkX on the network as given: equal, except directed sinks, where NetworkX 2.8
        // gives NaN and we (like igraph) a value (pinned difference; see burt.hpp).
        const bool sink = net.directed() && w.ego_size[i] > 0 && !sends[i];
        if (sink) {
            EXPECT_TRUE(v["constraint_networkx"].is_null()) << at;
            EXPECT_TRUE(v["effective_size_networkx"].is_null()) << at;
            EXPECT_FALSE(std::isnan(w.constraint[i])) << at;
        } else {
            expect_value(w.constraint[i], v["constraint_networkx"], at + "constraint vs NetworkX");
            expect_value(w.effective_size[i], v["effective_size_networkx"],
                         at + "effective size vs NetworkX");
        }
    }
}

TEST(BurtOracle, FlorentineMarriage) {
    // Binary, undirected; Pucci is an isolate (NaN everywhere in igraph, NetworkX and here).
    // NetworkX's effective size here is Borgatti's N − 2t/N.
    check_against_oracle(
        load_network({testing::data("reference/networkdata_flo_marriage.graphml")}, LoadOptions{}),
        "flo_marriage");
}

TEST(BurtOracle, KrackhardtAdviceDirected) {
    check_against_oracle(
        load_network({testing::data("reference/networkdata_ht_advice.graphml")}, LoadOptions{}),
        "ht_advice");
}

TEST(BurtOracle, KrackhardtReportsDirectedWithSink) {
    // n6 (the president) reports to no one: NetworkX 2.8 gives NaN for its constraint and
    // effective size, igraph and we a value (pinned in check_against_oracle).
    const auto net =
        load_network({testing::data("reference/networkdata_ht_reports.graphml")}, LoadOptions{});
    check_against_oracle(net, "ht_reports");
    if (HasFatalFailure()) return;
    const auto president = net.find_actor("n6");
    ASSERT_TRUE(president.has_value());
    EXPECT_TRUE(
        oracle()["networks"]["ht_reports"]["actors"]["n6"]["constraint_networkx"].is_null());
    EXPECT_FALSE(std::isnan(whole(net).constraint[*president]));
}

TEST(BurtOracle, CordisExampleWeighted) {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    check_against_oracle(load_network({testing::example("cordis_ee_climate/data")}, o),
                         "cordis_ee_climate");
}

}  // namespace
}  // namespace clusterlens
