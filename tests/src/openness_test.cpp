// Openness and the E-I index: hand-computed small networks (arithmetic in comments), the toy
// cluster (as in gould_fernandez_test.cpp) and the CORDIS example against an independent Python
// implementation (tests/data/oracle/ei_oracle.json, made by ei_oracle.py with NetworkX 2.8),
// the permutation test's exact distribution on a 5-actor case, edge cases and errors.
#include "src/openness/openness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::ei_index;
using scoring::EiOptions;
using scoring::openness;

Actor make_actor(const std::string& id, Locality locality) {
    Actor a;
    a.id = id;
    a.locality = locality;
    return a;
}

// a, b local; x, y global; u unspecified; z a local isolate.
// Ties (undirected): a-b 2, a-x 3, a-u 1, b-x 1, x-y 4, u-y 2.
Network mixed(bool directed) {
    std::vector<Actor> actors{
        make_actor("a", Locality::local),       make_actor("b", Locality::local),
        make_actor("x", Locality::global),      make_actor("y", Locality::global),
        make_actor("u", Locality::unspecified), make_actor("z", Locality::local)};
    //           a-b   a-x   a-u   b-x   x-y   u-y
    return Network::build(actors, directed, {0, 1, 0, 2, 0, 4, 1, 2, 2, 3, 4, 3},
                          {2, 3, 1, 1, 4, 2}, {""}, {0, 0, 0, 0, 0, 0});
}

double rel_err(double got, double want) {
    return std::abs(got - want) / std::max(1.0, std::abs(want));
}

// Expects a value from the oracle json: null = NaN, else within 1e-9 relative.
void expect_oracle(double got, const nlohmann::json& want, const std::string& what) {
    if (want.is_null()) {
        EXPECT_TRUE(std::isnan(got)) << what << " = " << got << ", expected NaN";
    } else {
        EXPECT_LE(rel_err(got, want.get<double>()), 1e-9)
            << what << " = " << got << ", expected " << want.get<double>();
    }
}

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/ei_oracle.json"));
    return nlohmann::json::parse(in);
}

Network cordis() {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    return load_network({testing::example("cordis_ee_climate/data")}, o);
}

TEST(Openness, HandComputedPerActor) {
    const auto s = openness(mixed(false));
    // a: ties b (local, 2), x (global, 3), u (unspecified, 1). ext: 1 tie, weight 3;
    //    share 3/6. EI: E = 1 (x), I = 1 (b), u left out -> 0; valued (3 - 2)/5 = 0.2.
    EXPECT_EQ(s.ext_ties[0], 1.0);
    EXPECT_EQ(s.ext_strength[0], 3.0);
    EXPECT_DOUBLE_EQ(s.ext_share[0], 0.5);
    EXPECT_DOUBLE_EQ(s.ei[0], 0.0);
    EXPECT_DOUBLE_EQ(s.ei_valued[0], 0.2);
    // b: ties a (local, 2), x (global, 1). share 1/3; EI (1 - 1)/2 = 0; valued (1 - 2)/3.
    EXPECT_EQ(s.ext_ties[1], 1.0);
    EXPECT_DOUBLE_EQ(s.ext_share[1], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.ei[1], 0.0);
    EXPECT_DOUBLE_EQ(s.ei_valued[1], -1.0 / 3.0);
    // x (global): ties a (3), b (1) local, y (4) global. ext = the tie to y: 1, 4, 4/8.
    //    EI across the boundary: E = 2 (a, b), I = 1 (y) -> 1/3; valued (4 - 4)/8 = 0.
    EXPECT_EQ(s.ext_ties[2], 1.0);
    EXPECT_EQ(s.ext_strength[2], 4.0);
    EXPECT_DOUBLE_EQ(s.ext_share[2], 0.5);
    EXPECT_DOUBLE_EQ(s.ei[2], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.ei_valued[2], 0.0);
    // y (global): ties x (global, 4), u (unspecified, 2). ext 1 tie, 4, 4/6; EI: E = 0,
    //    I = 1 -> -1 (u left out); valued -4/4 = -1.
    EXPECT_DOUBLE_EQ(s.ext_share[3], 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(s.ei[3], -1.0);
    EXPECT_DOUBLE_EQ(s.ei_valued[3], -1.0);
    // u (unspecified): ext is about the other end (y global, 2; share 2/3); EI undefined.
    EXPECT_EQ(s.ext_ties[4], 1.0);
    EXPECT_DOUBLE_EQ(s.ext_share[4], 2.0 / 3.0);
    EXPECT_TRUE(std::isnan(s.ei[4]));
    EXPECT_TRUE(std::isnan(s.ei_valued[4]));
    // z: isolate.
    EXPECT_EQ(s.ext_ties[5], 0.0);
    EXPECT_EQ(s.ext_strength[5], 0.0);
    EXPECT_TRUE(std::isnan(s.ext_share[5]));
    EXPECT_TRUE(std::isnan(s.ei[5]));
    EXPECT_TRUE(std::isnan(s.ei_valued[5]));
}

TEST(Openness, DirectedCountsInAndOutArcs) {
    // a -> b, b -> a (weights 1, 2), a -> x (weight 3): a has three ties, E = 1, I = 2.
    std::vector<Actor> actors{make_actor("a", Locality::local), make_actor("b", Locality::local),
                              make_actor("x", Locality::global)};
    const auto net = Network::build(actors, true, {0, 1, 1, 0, 0, 2}, {1, 2, 3}, {""}, {0, 0, 0});
    const auto s = openness(net);
    EXPECT_DOUBLE_EQ(s.ei[0], -1.0 / 3.0);        // (1 - 2)/3
    EXPECT_DOUBLE_EQ(s.ei_valued[0], 0.0);        // (3 - (1 + 2))/6
    EXPECT_DOUBLE_EQ(s.ext_share[0], 3.0 / 6.0);  // x's 3 of 1 + 2 + 3
    EXPECT_DOUBLE_EQ(s.ei[2], 1.0);               // x: its only tie crosses the boundary
    // Whole network: I = a->b, b->a (2 ties, weight 3); E = a->x (1 tie, weight 3).
    const auto r = ei_index(net, scoring::locality_groups(net), EiOptions{0, 1});
    EXPECT_DOUBLE_EQ(r.whole_binary, -1.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.whole_valued, 0.0);
}

TEST(Openness, EmptyNetwork) {
    const auto net = Network::build({}, false, {}, {}, {""}, {});
    const auto s = openness(net);
    EXPECT_TRUE(s.ext_ties.empty());
    EXPECT_TRUE(s.ei.empty());
    const auto r = ei_index(net, {}, EiOptions{});
    EXPECT_TRUE(std::isnan(r.whole_binary));
    EXPECT_TRUE(std::isnan(r.whole_valued));
    EXPECT_TRUE(r.group_binary.empty());
    EXPECT_TRUE(std::isnan(r.p_binary));
    EXPECT_TRUE(std::isnan(r.p_valued_lower));
}

TEST(Openness, LocalityGroups) {
    const auto g = scoring::locality_groups(mixed(false));
    EXPECT_EQ(g, (std::vector<std::string>{"local", "local", "global", "global", "", "local"}));
}

TEST(EiIndex, HandComputedWithUnknownLabel) {
    const auto net = mixed(false);
    // Counted ties (u unknown: a-u and u-y left out): a-b (I, 2), a-x (E, 3), b-x (E, 1),
    // x-y (I, 4).
    const auto r = ei_index(net, scoring::locality_groups(net), EiOptions{0, 1});
    EXPECT_DOUBLE_EQ(r.whole_binary, 0.0);   // (2 - 2)/4
    EXPECT_DOUBLE_EQ(r.whole_valued, -0.2);  // ((3 + 1) - (2 + 4))/10
    // local: E = a-x, b-x (2; weight 4), I = a-b (1; weight 2): 1/3 and (4 - 2)/6.
    EXPECT_DOUBLE_EQ(r.group_binary.at("local"), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.group_valued.at("local"), 1.0 / 3.0);
    // global: E = a-x, b-x (2; 4), I = x-y (1; 4): 1/3 and 0.
    EXPECT_DOUBLE_EQ(r.group_binary.at("global"), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.group_valued.at("global"), 0.0);
    EXPECT_EQ(r.group_binary.count(""), 0u);
    EXPECT_TRUE(std::isnan(r.p_binary));  // no permutations asked
}

TEST(EiIndex, PermutationTestMatchesExactDistribution) {
    const auto net = mixed(false);
    // The 5 known actors a, b, x, y, z hold 3 "local" and 2 "global" labels: C(5,2) = 10
    // equally likely placements of the two global labels. E (ties between groups among a-b,
    // a-x, b-x, x-y; weights 2, 3, 1, 4) for each:
    //   {a,b} 2 (w 4)  {a,x} 3 (7)  {a,y} 3 (9)  {a,z} 2 (5)  {b,x} 3 (9)
    //   {b,y} 3 (7)    {b,z} 2 (3)  {x,y} 2 (4, observed)      {x,z} 3 (8)  {y,z} 1 (4)
    // binary: P(E >= 2) = 9/10, P(E <= 2) = 5/10; mean E = 2.4, mean EI = (2*2.4 - 4)/4 = 0.2
    // valued: P(E >= 4) = 9/10 (ties at 4 count), P(E <= 4) = 4/10; mean EI = 0.2 (exact:
    //   1 - 2 * sum n_g(n_g - 1)/(K(K - 1)) = 1 - 2 * (6 + 2)/20).
    // With 10,000 permutations the standard error of a share near 0.5 is 0.005.
    const auto r = ei_index(net, scoring::locality_groups(net), EiOptions{10000, 42});
    EXPECT_NEAR(r.p_binary, 0.9, 0.02);
    EXPECT_NEAR(r.p_binary_lower, 0.5, 0.025);
    EXPECT_NEAR(r.p_valued, 0.9, 0.02);
    EXPECT_NEAR(r.p_valued_lower, 0.4, 0.025);
    EXPECT_NEAR(r.perm_mean_binary, 0.2, 0.01);
    EXPECT_NEAR(r.perm_mean_valued, 0.2, 0.01);
    EXPECT_EQ(r.permutations, 10000u);
    EXPECT_EQ(r.seed, 42u);
}

TEST(EiIndex, PermutationTestIsDeterministicAndInRange) {
    const auto net = mixed(false);
    const auto groups = scoring::locality_groups(net);
    const auto a = ei_index(net, groups, EiOptions{500, 7});
    const auto b = ei_index(net, groups, EiOptions{500, 7});
    EXPECT_EQ(a.p_binary, b.p_binary);
    EXPECT_EQ(a.p_valued, b.p_valued);
    EXPECT_EQ(a.p_binary_lower, b.p_binary_lower);
    EXPECT_EQ(a.perm_mean_valued, b.perm_mean_valued);
    for (const std::uint64_t seed : {1u, 2u, 3u, 12345u}) {
        const auto r = ei_index(net, groups, EiOptions{200, seed});
        for (const double p : {r.p_binary, r.p_valued, r.p_binary_lower, r.p_valued_lower}) {
            EXPECT_GE(p, 0.0);
            EXPECT_LE(p, 1.0);
        }
        // Every permutation is >= or <= the observed value, so the tails cover everything.
        EXPECT_GE(r.p_binary + r.p_binary_lower, 1.0);
        EXPECT_GE(r.p_valued + r.p_valued_lower, 1.0);
        // A share of 200 permutations is a multiple of 1/200.
        EXPECT_DOUBLE_EQ(r.p_binary * 200, std::round(r.p_binary * 200));
    }
}

TEST(EiIndex, AllOneGroup) {
    std::vector<std::string> groups(6, "local");
    const auto r = ei_index(mixed(false), groups, EiOptions{100, 1});
    EXPECT_DOUBLE_EQ(r.whole_binary, -1.0);  // (0 - 6)/6
    EXPECT_DOUBLE_EQ(r.whole_valued, -1.0);
    EXPECT_DOUBLE_EQ(r.group_binary.at("local"), -1.0);
    // Shuffling one label changes nothing: every permutation equals the observation.
    EXPECT_EQ(r.p_binary, 1.0);
    EXPECT_EQ(r.p_binary_lower, 1.0);
    EXPECT_EQ(r.p_valued, 1.0);
    EXPECT_EQ(r.p_valued_lower, 1.0);
}

TEST(EiIndex, GroupWithoutTiesIsNaN) {
    // z is alone in "z-group" and has no ties.
    std::vector<std::string> groups{"l", "l", "g", "g", "", "z-group"};
    const auto r = ei_index(mixed(false), groups, EiOptions{0, 1});
    EXPECT_TRUE(std::isnan(r.group_binary.at("z-group")));
    EXPECT_TRUE(std::isnan(r.group_valued.at("z-group")));
}

TEST(EiIndex, AllUnknownIsNaN) {
    std::vector<std::string> groups(6, "");
    const auto r = ei_index(mixed(false), groups, EiOptions{100, 1});
    EXPECT_TRUE(std::isnan(r.whole_binary));
    EXPECT_TRUE(std::isnan(r.p_binary));
    EXPECT_TRUE(r.group_binary.empty());
}

TEST(EiIndex, WrongNumberOfLabelsIsUsageError) {
    try {
        ei_index(mixed(false), {"local"}, EiOptions{});
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "ei_index: 1 group labels for 6 actors");
    }
}

TEST(EiIndex, ToyClusterHandTyped) {
    // By hand: whole-network E-I on the groups L / I / X = (4 - 5)/9 (4 external, 5 internal).
    std::vector<Actor> actors;
    for (const char* id : {"F1", "F2", "F3", "F4", "UNI", "GOV", "EXT1", "EXT2"})
        actors.push_back(make_actor(id, Locality::unspecified));
    // F1-F2, F2-F3, F1-UNI, UNI-GOV, F3-EXT1, EXT1-EXT2, F2-F4, F1-EXT1, GOV-F4
    const auto net =
        Network::build(actors, false, {0, 1, 1, 2, 0, 4, 4, 5, 2, 6, 6, 7, 1, 3, 0, 6, 5, 3},
                       std::vector<double>(9, 1.0), {""}, std::vector<std::uint32_t>(9, 0));
    const auto r = ei_index(net, {"L", "L", "L", "L", "I", "I", "X", "X"}, EiOptions{0, 1});
    EXPECT_DOUBLE_EQ(r.whole_binary, -1.0 / 9.0);
}

// The toy cluster with the weights of ei_oracle.py.
Network toy(const nlohmann::json& ties) {
    const std::vector<std::string> ids{"F1", "F2", "F3", "F4", "UNI", "GOV", "EXT1", "EXT2"};
    std::vector<Actor> actors;
    for (const auto& id : ids)
        actors.push_back(
            make_actor(id, id.rfind("EXT", 0) == 0 ? Locality::global : Locality::local));
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (const auto& t : ties) {
        for (int k = 0; k < 2; ++k) {
            const auto id = t[static_cast<std::size_t>(k)].get<std::string>();
            ends.push_back(std::find(ids.begin(), ids.end(), id) - ids.begin());
        }
        weights.push_back(t[2].get<double>());
    }
    const std::vector<std::uint32_t> rel(weights.size(), 0);
    return Network::build(actors, false, ends, weights, {""}, rel);
}

void expect_partition(const scoring::EiResult& r, const nlohmann::json& want,
                      const std::string& what) {
    expect_oracle(r.whole_binary, want["whole_binary"], what + " whole_binary");
    expect_oracle(r.whole_valued, want["whole_valued"], what + " whole_valued");
    ASSERT_EQ(r.group_binary.size(), want["group_binary"].size()) << what;
    for (const auto& [g, v] : want["group_binary"].items())
        expect_oracle(r.group_binary.at(g), v, what + " group_binary " + g);
    for (const auto& [g, v] : want["group_valued"].items())
        expect_oracle(r.group_valued.at(g), v, what + " group_valued " + g);
}

void expect_actors(const Network& net, const scoring::OpennessScores& s,
                   const nlohmann::json& want) {
    ASSERT_EQ(net.actor_count(), want.size());
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& id = net.actor(i).id;
        const auto& w = want.at(id);
        expect_oracle(s.ext_ties[i], w["ext_ties"], id + " ext_ties");
        expect_oracle(s.ext_strength[i], w["ext_strength"], id + " ext_strength");
        expect_oracle(s.ext_share[i], w["ext_share"], id + " ext_share");
        expect_oracle(s.ei[i], w["ei"], id + " ei");
        expect_oracle(s.ei_valued[i], w["ei_valued"], id + " ei_valued");
    }
}

TEST(EiIndex, ToyClusterMatchesOracle) {
    const auto o = oracle();
    const auto net = toy(o["toy"]["ties"]);
    const auto three = ei_index(net, {"L", "L", "L", "L", "I", "I", "X", "X"}, EiOptions{0, 1});
    expect_partition(three, o["toy"]["three"], "toy three");
    const auto loc = ei_index(net, scoring::locality_groups(net), EiOptions{0, 1});
    expect_partition(loc, o["toy"]["locality"], "toy locality");
    expect_actors(net, openness(net), o["toy"]["actors"]);
}

// score --groups ATTR (issue 13): each actor's E-I on a partition of three groups, against
// ei_oracle.py's actors_three; on the locality partition it is openness()'s ei.
TEST(EiIndex, ActorEiOnAnyPartitionMatchesOracle) {
    const auto o = oracle();
    const auto net = toy(o["toy"]["ties"]);
    const std::vector<std::string> three{"L", "L", "L", "L", "I", "I", "X", "X"};
    const auto a = scoring::actor_ei(net, three);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& id = net.actor(i).id;
        expect_oracle(a.binary[i], o["toy"]["actors_three"][id]["ei"], id + " ei (three)");
        expect_oracle(a.valued[i], o["toy"]["actors_three"][id]["ei_valued"],
                      id + " ei_valued (three)");
    }
    // By hand: F1's ties go to F2 (L, 3), UNI (I, 2), EXT1 (X, 5): E = 2, I = 1 -> 1/3;
    // valued E = 7, I = 3 -> 0.4.
    EXPECT_DOUBLE_EQ(a.binary[0], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(a.valued[0], 0.4);
    const auto loc = scoring::actor_ei(net, scoring::locality_groups(net));
    const auto op = openness(net);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        EXPECT_EQ(loc.binary[i], op.ei[i]) << i;
        EXPECT_EQ(loc.valued[i], op.ei_valued[i]) << i;
    }
    // An unknown label: its actor is NaN, its ties leave the others' counts.
    auto partial = three;
    partial[6] = "";  // EXT1
    const auto p = scoring::actor_ei(net, partial);
    EXPECT_TRUE(std::isnan(p.binary[6]));
    EXPECT_DOUBLE_EQ(p.binary[0], 0.0);  // F1: E = 1 (UNI), I = 1 (F2)
    EXPECT_THROW(scoring::actor_ei(net, {"L"}), UsageError);
}

TEST(EiIndex, CordisExampleMatchesOracle) {
    const auto o = oracle()["cordis"];
    const auto net = cordis();
    ASSERT_EQ(net.actor_count(), 400u);
    ASSERT_EQ(net.tie_count(), 6850u);
    const auto start = std::chrono::steady_clock::now();
    const auto r = ei_index(net, scoring::locality_groups(net), EiOptions{});
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    RecordProperty("ei_index_10000_permutations_seconds", std::to_string(took.count()));
    expect_partition(r, o["locality"], "cordis");
    expect_actors(net, openness(net), o["actors"]);
    // The permutation distribution's exact mean (oracle) against the 10,000 draws' mean: the
    // draws' standard deviation is 0.016 (binary) and 0.028 (valued) in the oracle's own
    // Monte Carlo, so the mean's standard error is < 0.0003 and 0.005 is > 15 of them.
    EXPECT_NEAR(r.perm_mean_binary, o["locality"]["perm_mean"].get<double>(), 0.005);
    EXPECT_NEAR(r.perm_mean_valued, o["locality"]["perm_mean"].get<double>(), 0.005);
    // p-values against the oracle's Monte Carlo (NumPy PCG64, 20,000 draws): the largest
    // binomial standard error of the two estimates together is about 0.0012 (p near 0.009),
    // so 0.005 is > 4 of them. Observed EI -0.849 against a chance mean of -0.921: the
    // cluster is more open than random labels would make it.
    const auto& mc = o["mc"];
    EXPECT_NEAR(r.p_binary, mc["p_binary"].get<double>(), 0.005);
    EXPECT_NEAR(r.p_binary_lower, mc["p_binary_lower"].get<double>(), 0.005);
    EXPECT_NEAR(r.p_valued, mc["p_valued"].get<double>(), 0.005);
    EXPECT_NEAR(r.p_valued_lower, mc["p_valued_lower"].get<double>(), 0.005);
    EXPECT_EQ(r.permutations, 10000u);
    EXPECT_EQ(r.seed, 1u);
}

}  // namespace
}  // namespace clusterlens
