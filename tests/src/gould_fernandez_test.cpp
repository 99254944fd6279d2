// Gould-Fernandez brokerage: hand-computed small networks (arithmetic in comments), the toy
// cluster's values from R sna 2.7-1 brokerage() (typed by hand), and R sna 2.7-1
// brokerage() on the toy cluster, Krackhardt's advice network and the CORDIS example
// (tests/data/oracle/brokerage_oracle.json, made by brokerage_oracle.R); edge cases, errors.
#include "src/brokerage/gould_fernandez.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "graphs/load.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::BrokerageOptions;
using scoring::BrokerageScores;
using scoring::gould_fernandez_brokerage;
using scoring::UndirectedPairs;

Network build(const std::vector<std::string>& ids, bool directed,
              const std::vector<std::pair<std::string, std::string>>& ties) {
    std::vector<Actor> actors(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) actors[i].id = ids[i];
    std::vector<std::int64_t> ends;
    for (const auto& [a, b] : ties) {
        ends.push_back(std::find(ids.begin(), ids.end(), a) - ids.begin());
        ends.push_back(std::find(ids.begin(), ids.end(), b) - ids.begin());
    }
    return Network::build(actors, directed, ends, std::vector<double>(ties.size(), 1.0), {""},
                          std::vector<std::uint32_t>(ties.size(), 0));
}

// The toy cluster: F1..F4 local firms (L), UNI and GOV local institutes (I), EXT1, EXT2 external
// (X); the same network as toy_undirected in brokerage_oracle.R.
const std::vector<std::string> toy_ids{"F1", "F2", "F3", "F4", "UNI", "GOV", "EXT1", "EXT2"};
const std::vector<std::string> toy_groups{"L", "L", "L", "L", "I", "I", "X", "X"};
Network toy(bool directed) {
    return build(toy_ids, directed,
                 {{"F1", "F2"},
                  {"F2", "F3"},
                  {"F1", "UNI"},
                  {"UNI", "GOV"},
                  {"F3", "EXT1"},
                  {"EXT1", "EXT2"},
                  {"F2", "F4"},
                  {"F1", "EXT1"},
                  {"GOV", "F4"}});
}

// Role columns in sna's order.
const std::vector<std::string> sna_roles{"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};

const std::vector<double>& role(const scoring::BrokerageRoles& t, std::size_t k) {
    const std::vector<const std::vector<double>*> cols{
        &t.coordinator, &t.itinerant, &t.representative, &t.gatekeeper, &t.liaison, &t.total};
    return *cols[k];
}
const std::vector<double>& raw_role(const BrokerageScores& s, std::size_t k) {
    const std::vector<const std::vector<double>*> cols{
        &s.coordinator, &s.itinerant, &s.representative, &s.gatekeeper, &s.liaison, &s.total};
    return *cols[k];
}
double value(const scoring::BrokerageRoleValues& v, std::size_t k) {
    const double vals[] = {v.coordinator, v.itinerant, v.representative,
                           v.gatekeeper,  v.liaison,   v.total};
    return vals[k];
}

// Expects got == scale * want (null = NaN) within 1e-9 relative.
void expect_oracle(double got, const nlohmann::json& want, double scale, const std::string& what) {
    if (want.is_null()) {
        EXPECT_TRUE(std::isnan(got)) << what << " = " << got << ", expected NaN";
        return;
    }
    const double w = scale * want.get<double>();
    EXPECT_LE(std::abs(got - w), 1e-9 * std::max(1.0, std::abs(w)))
        << what << " = " << got << ", expected " << w;
}

nlohmann::json oracle() {
    std::ifstream in(testing::data("oracle/brokerage_oracle.json"));
    return nlohmann::json::parse(in);
}

// Compares every per-actor and global value with sna; `scale` multiplies sna's counts,
// expectations and standard deviations (1/2 for undirected pairs counted once); z never scales.
void expect_matches_sna(const Network& net, const std::vector<std::string>& groups,
                        const nlohmann::json& want, double scale, const BrokerageOptions& options) {
    ASSERT_EQ(net.actor_count(), want["ids"].size());
    ASSERT_EQ(groups, want["groups"].get<std::vector<std::string>>());
    const auto s = gould_fernandez_brokerage(net, groups, options);
    for (std::size_t k = 0; k < sna_roles.size(); ++k) {
        const auto& r = sna_roles[k];
        for (std::size_t i = 0; i < net.actor_count(); ++i) {
            const auto& id = net.actor(i).id;
            expect_oracle(raw_role(s, k)[i], want["raw.nli"][id][r], scale, id + " raw " + r);
            expect_oracle(role(s.expected, k)[i], want["exp.nli"][id][r], scale, id + " exp " + r);
            expect_oracle(role(s.sd, k)[i], want["sd.nli"][id][r], scale, id + " sd " + r);
            expect_oracle(role(s.z, k)[i], want["z.nli"][id][r], 1.0, id + " z " + r);
        }
        expect_oracle(value(s.global.raw, k), want["raw.gli"][r], scale, "global raw " + r);
        expect_oracle(value(s.global.expected, k), want["exp.gli"][r], scale, "global exp " + r);
        expect_oracle(value(s.global.sd, k), want["sd.gli"][r], scale, "global sd " + r);
        expect_oracle(value(s.global.z, k), want["z.gli"][r], 1.0, "global z " + r);
    }
}

TEST(GouldFernandez, HandComputedDirectedGatekeeper) {
    // x (global) -> a (local) -> b (local), a -> c (local), x -> c.
    // Two-paths through a: x->a->b (no x->b): gatekeeper (b_OI); x->a->c is closed by x->c.
    const auto net =
        build({"x", "a", "b", "c"}, true, {{"x", "a"}, {"a", "b"}, {"a", "c"}, {"x", "c"}});
    const std::vector<std::string> groups{"global", "local", "local", "local"};
    const auto s = gould_fernandez_brokerage(net, groups, BrokerageOptions{});
    EXPECT_EQ(s.gatekeeper, (std::vector<double>{0, 1, 0, 0}));
    EXPECT_EQ(s.total, (std::vector<double>{0, 1, 0, 0}));
    EXPECT_EQ(s.representative, (std::vector<double>{0, 0, 0, 0}));

    // N = 4, m = 4: d = 4/12 = 1/3; q = d^2(1-d) = 2/27; r = d^3(1-d)^3 = 8/729;
    // s = d^4(1-d)^2 = 4/729; u = d^5(1-d) = 2/729. Groups: global n = 1, local n = 3, K = 4.
    EXPECT_DOUBLE_EQ(s.density, 1.0 / 3.0);
    // a (local, n_i = 3): E[b_OI] = q (K - n_i)(n_i - 1) = 2/27 * 1 * 2 = 4/27;
    // Var = E(1 - q) + 2((n_i-1) C(K-n_i,2) + (K-n_i) C(n_i-1,2)) r
    //     = 4/27 * 25/27 + 2(2*0 + 1*1) 8/729 = 116/729; z = (1 - 4/27) / (sqrt(116)/27)
    //     = 23/sqrt(116).
    EXPECT_DOUBLE_EQ(s.expected.gatekeeper[1], 4.0 / 27.0);
    EXPECT_DOUBLE_EQ(s.sd.gatekeeper[1], std::sqrt(116.0) / 27.0);
    EXPECT_DOUBLE_EQ(s.z.gatekeeper[1], 23.0 / std::sqrt(116.0));
    // a: E[w_I] = q (n_i-1)(n_i-2) = 4/27; Var = 4/27 * 25/27 + 2*2*1*0*r = 100/729;
    // z = (0 - 4/27)/(10/27) = -0.4.
    EXPECT_DOUBLE_EQ(s.z.coordinator[1], -0.4);
    // x (global, n_i = 1): coordinator, representative, gatekeeper and liaison have E = 0,
    // Var = 0: z undefined. Itinerant: E = q * 3 * 2 = 4/9,
    // Var = 4/9 * 25/27 + 2 * (3*2*1) * 8/729 = 396/729.
    EXPECT_TRUE(std::isnan(s.z.coordinator[0]));
    EXPECT_TRUE(std::isnan(s.z.representative[0]));
    EXPECT_TRUE(std::isnan(s.z.gatekeeper[0]));
    EXPECT_TRUE(std::isnan(s.z.liaison[0]));
    EXPECT_DOUBLE_EQ(s.expected.itinerant[0], 4.0 / 9.0);
    EXPECT_DOUBLE_EQ(s.sd.itinerant[0], std::sqrt(396.0) / 27.0);
    // Global b_OI: raw 1; E = q sum_g n_g (K-n_g)(n_g-1) = q (1*3*0 + 3*1*2) = 4/9;
    // Var = E(1-q) + sum_g n_g(K-n_g)(n_g-1)((K-3) r + (n_g-2) u) = 300/729 + 6(8 + 2)/729
    //     = 360/729; z = (5/9)/(sqrt(360)/27) = 15/sqrt(360).
    EXPECT_EQ(s.global.raw.gatekeeper, 1.0);
    EXPECT_DOUBLE_EQ(s.global.expected.gatekeeper, 4.0 / 9.0);
    EXPECT_DOUBLE_EQ(s.global.z.gatekeeper, 15.0 / std::sqrt(360.0));
}

TEST(GouldFernandez, DirectionDecidesGatekeeperOrRepresentative) {
    // Knowledge flows along arcs. A local firm f taking from outside (g) and passing to a local
    // partner (p) is a gatekeeper; the reverse flow (p -> f -> g) makes f a representative.
    const std::vector<std::string> groups{"global", "local", "local"};
    const auto in = build({"g", "f", "p"}, true, {{"g", "f"}, {"f", "p"}});
    const auto out = build({"g", "f", "p"}, true, {{"p", "f"}, {"f", "g"}});
    const auto s_in = gould_fernandez_brokerage(in, groups, BrokerageOptions{});
    const auto s_out = gould_fernandez_brokerage(out, groups, BrokerageOptions{});
    EXPECT_EQ(s_in.gatekeeper[1], 1.0);
    EXPECT_EQ(s_in.representative[1], 0.0);
    EXPECT_EQ(s_out.gatekeeper[1], 0.0);
    EXPECT_EQ(s_out.representative[1], 1.0);
    // Undirected, the pair {g, p} counts once, split between the two indistinguishable roles.
    const auto und = build({"g", "f", "p"}, false, {{"g", "f"}, {"f", "p"}});
    const auto s_und = gould_fernandez_brokerage(und, groups, BrokerageOptions{});
    EXPECT_EQ(s_und.gatekeeper[1], 0.5);
    EXPECT_EQ(s_und.representative[1], 0.5);
    EXPECT_EQ(s_und.total[1], 1.0);
    // Only an arc a -> c closes a directed two-path (as sna): c -> a does not.
    const auto back = build({"g", "f", "p"}, true, {{"g", "f"}, {"f", "p"}, {"p", "g"}});
    EXPECT_EQ(gould_fernandez_brokerage(back, groups, BrokerageOptions{}).gatekeeper[1], 1.0);
    const auto closed = build({"g", "f", "p"}, true, {{"g", "f"}, {"f", "p"}, {"g", "p"}});
    EXPECT_EQ(gould_fernandez_brokerage(closed, groups, BrokerageOptions{}).total[1], 0.0);
}

TEST(GouldFernandez, ToyClusterHandTyped) {
    // R sna 2.7-1 brokerage() on the toy cluster, typed by hand. Undirected, sna counts
    // ordered pairs: F1 b_IO 2, b_OI 2, b_O 2; F2 w_I 6; F3, UNI, GOV, F4 b_IO 1, b_OI 1;
    // EXT1 w_O 2, b_IO 2, b_OI 2. clusterlens counts unordered pairs: half of each.
    const auto u = gould_fernandez_brokerage(toy(false), toy_groups, BrokerageOptions{});
    //                                               F1 F2   F3   F4   UNI  GOV  EXT1 EXT2
    EXPECT_EQ(u.coordinator, (std::vector<double>{0, 3, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(u.itinerant, (std::vector<double>{0, 0, 0, 0, 0, 0, 1, 0}));
    EXPECT_EQ(u.representative, (std::vector<double>{1, 0, 0.5, 0.5, 0.5, 0.5, 1, 0}));
    EXPECT_EQ(u.gatekeeper, (std::vector<double>{1, 0, 0.5, 0.5, 0.5, 0.5, 1, 0}));
    EXPECT_EQ(u.liaison, (std::vector<double>{1, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(u.total, (std::vector<double>{3, 3, 1, 1, 1, 1, 3, 0}));
    // Directed (arcs as listed): F2 w_I 2; F3 b_IO 1; UNI b_OI 1; GOV b_IO 1; EXT1 b_OI 2.
    const auto d = gould_fernandez_brokerage(toy(true), toy_groups, BrokerageOptions{});
    EXPECT_EQ(d.coordinator, (std::vector<double>{0, 2, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(d.representative, (std::vector<double>{0, 0, 1, 0, 0, 1, 0, 0}));
    EXPECT_EQ(d.gatekeeper, (std::vector<double>{0, 0, 0, 0, 1, 0, 2, 0}));
    EXPECT_EQ(d.itinerant, (std::vector<double>(8, 0.0)));
    EXPECT_EQ(d.liaison, (std::vector<double>(8, 0.0)));
    EXPECT_EQ(d.total, (std::vector<double>{0, 2, 1, 0, 1, 1, 2, 0}));
}

TEST(GouldFernandez, UndirectedCountsAreHalfOfSna) {
    // sna reads the undirected toy as a symmetric digraph: its raw counts are exactly 2x ours,
    // its expectations and sds too, its z-scores equal ours. UndirectedPairs::ordered_as_sna
    // reproduces sna's numbers as they are.
    const auto o = oracle();
    expect_matches_sna(toy(false), toy_groups, o["toy_undirected"], 0.5, BrokerageOptions{});
    expect_matches_sna(toy(false), toy_groups, o["toy_undirected"], 1.0,
                       BrokerageOptions{UndirectedPairs::ordered_as_sna});
    // The option changes nothing on a directed network.
    expect_matches_sna(toy(true), toy_groups, o["toy_directed"], 1.0,
                       BrokerageOptions{UndirectedPairs::ordered_as_sna});
}

TEST(GouldFernandez, ToyDirectedMatchesSna) {
    expect_matches_sna(toy(true), toy_groups, oracle()["toy_directed"], 1.0, BrokerageOptions{});
}

TEST(GouldFernandez, KrackhardtAdviceMatchesSna) {
    // 21 managers, 190 advice arcs; groups = dept (0 = the CEO alone, so several of his z are
    // undefined, as in sna).
    const auto net =
        load_network({testing::data("reference/networkdata_ht_advice.graphml")}, LoadOptions{});
    ASSERT_TRUE(net.directed());
    ASSERT_EQ(net.tie_count(), 190u);
    const auto* dept = net.actor_attributes().find("dept");
    ASSERT_NE(dept, nullptr);
    std::vector<std::string> groups;
    for (std::size_t i = 0; i < net.actor_count(); ++i) groups.push_back(dept->as_text(i));
    expect_matches_sna(net, groups, oracle()["advice"], 1.0, BrokerageOptions{});
}

TEST(GouldFernandez, CordisExampleMatchesSna) {
    LoadOptions o;
    o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
    const auto net = load_network({testing::example("cordis_ee_climate/data")}, o);
    ASSERT_FALSE(net.directed());
    std::vector<std::string> groups;
    for (const auto& a : net.actors())
        groups.push_back(a.locality == Locality::local ? "local" : "global");
    const auto want = oracle()["cordis"];
    expect_matches_sna(net, groups, want, 0.5, BrokerageOptions{});
    expect_matches_sna(net, groups, want, 1.0, BrokerageOptions{UndirectedPairs::ordered_as_sna});
}

TEST(GouldFernandez, UndirectedCountingEqualsTwoPathEnumeration) {
    // Undirected networks are counted from neighbour group counts minus triangles; digraphs
    // by enumerating two-paths. The same ties as a digraph with both arcs must give the same
    // raw counts (sna's ordered pairs), on random networks with four groups and unknowns.
    std::mt19937_64 rng(4242);
    for (int round = 0; round < 20; ++round) {
        const int n = 10 + 4 * round;
        std::vector<std::string> ids, groups;
        for (int i = 0; i < n; ++i) {
            ids.push_back("v" + std::to_string(i));
            const auto g = rng() % 5;  // 4 groups and "" (unknown)
            groups.push_back(g == 4 ? "" : std::string(1, static_cast<char>('A' + g)));
        }
        std::vector<std::pair<std::string, std::string>> ties, arcs;
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b)
                if (rng() % 100 < static_cast<unsigned>(8 + round)) {
                    ties.emplace_back(ids[a], ids[b]);
                    arcs.emplace_back(ids[a], ids[b]);
                    arcs.emplace_back(ids[b], ids[a]);
                }
        const auto u = gould_fernandez_brokerage(build(ids, false, ties), groups,
                                                 BrokerageOptions{UndirectedPairs::ordered_as_sna});
        const auto d = gould_fernandez_brokerage(build(ids, true, arcs), groups, {});
        const auto once = gould_fernandez_brokerage(build(ids, false, ties), groups, {});
        for (int i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const std::string what = "round " + std::to_string(round) + " actor " + ids[k];
            if (groups[k].empty()) {
                EXPECT_TRUE(std::isnan(u.total[k])) << what;
                continue;
            }
            EXPECT_EQ(u.coordinator[k], d.coordinator[k]) << what;
            EXPECT_EQ(u.itinerant[k], d.itinerant[k]) << what;
            EXPECT_EQ(u.gatekeeper[k], d.gatekeeper[k]) << what;
            EXPECT_EQ(u.representative[k], d.representative[k]) << what;
            EXPECT_EQ(u.liaison[k], d.liaison[k]) << what;
            EXPECT_EQ(u.total[k], d.total[k]) << what;
            EXPECT_EQ(2 * once.total[k], u.total[k]) << what;
            EXPECT_FALSE(std::signbit(u.coordinator[k])) << what;  // 0, never -0 in the CSV
        }
    }
}

TEST(GouldFernandez, UnknownGroupIsLeftOut) {
    // Path a - b - c (all "L") and u (unknown) tied to b. Two-paths with u as an end are not
    // classified; u itself gets NaN. b: the pair {a, c} is one coordinator.
    const auto net = build({"a", "b", "c", "u"}, false, {{"a", "b"}, {"b", "c"}, {"b", "u"}});
    const auto s = gould_fernandez_brokerage(net, {"L", "L", "L", ""}, BrokerageOptions{});
    EXPECT_EQ(s.coordinator[1], 1.0);
    EXPECT_EQ(s.total[1], 1.0);
    EXPECT_TRUE(std::isnan(s.total[3]));
    EXPECT_TRUE(std::isnan(s.z.total[3]));
    EXPECT_EQ(s.group_sizes.size(), 1u);
    EXPECT_EQ(s.group_sizes.at("L"), 3u);
    // d over all 4 actors: 2*3/(4*3) = 0.5; q = 0.25 * 0.5 = 0.125; K = 3 known actors.
    // b: E[w_I] = q (3-1)(3-2) = 0.25 per ordered pair, 0.125 for unordered pairs.
    // Var = 0.25 (1 - 0.125) + 2*2*1*0*r = 0.21875 (ordered); sd halves: sqrt(0.21875)/2.
    EXPECT_DOUBLE_EQ(s.density, 0.5);
    EXPECT_DOUBLE_EQ(s.expected.coordinator[1], 0.125);
    EXPECT_DOUBLE_EQ(s.sd.coordinator[1], std::sqrt(0.21875) / 2);
    EXPECT_DOUBLE_EQ(s.global.raw.total, 1.0);
}

TEST(GouldFernandez, IsolateAndAllOneGroup) {
    // Star centre c with leaves a, b, e, and an isolate i; everyone in one group.
    const auto net = build({"c", "a", "b", "e", "i"}, false, {{"c", "a"}, {"c", "b"}, {"c", "e"}});
    const auto s =
        gould_fernandez_brokerage(net, std::vector<std::string>(5, "all"), BrokerageOptions{});
    // c brokers the pairs {a,b}, {a,e}, {b,e}: three coordinator roles; nothing else exists.
    EXPECT_EQ(s.coordinator, (std::vector<double>{3, 0, 0, 0, 0}));
    EXPECT_EQ(s.total, (std::vector<double>{3, 0, 0, 0, 0}));
    EXPECT_EQ(s.global.raw.coordinator, 3.0);
    // The isolate has counts 0 and a defined z (its expectation is that of its group).
    EXPECT_EQ(s.total[4], 0.0);
    EXPECT_FALSE(std::isnan(s.z.total[4]));
    // One group: the between-group roles have E = 0 and Var = 0, so z is undefined.
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_TRUE(std::isnan(s.z.itinerant[i]));
        EXPECT_TRUE(std::isnan(s.z.representative[i]));
        EXPECT_TRUE(std::isnan(s.z.gatekeeper[i]));
        EXPECT_TRUE(std::isnan(s.z.liaison[i]));
        EXPECT_EQ(s.expected.liaison[i], 0.0);
    }
    // With one group the coordinator is the total: same moments.
    EXPECT_DOUBLE_EQ(s.z.coordinator[0], s.z.total[0]);
    EXPECT_TRUE(std::isnan(s.global.z.liaison));
}

TEST(GouldFernandez, GroupsOfTwoOrLessHaveUndefinedCoordinatorZ) {
    // In the toy, I = {UNI, GOV} and X = {EXT1, EXT2}: a coordinator needs two other members
    // of the broker's group, so E = Var = 0 and z is NaN (sna: 0/0 = NaN).
    const auto s = gould_fernandez_brokerage(toy(false), toy_groups, BrokerageOptions{});
    for (std::size_t i = 4; i < 8; ++i) {
        EXPECT_EQ(s.expected.coordinator[i], 0.0);
        EXPECT_TRUE(std::isnan(s.z.coordinator[i])) << toy_ids[i];
    }
    EXPECT_FALSE(std::isnan(s.z.coordinator[0]));  // L has 4 members
}

TEST(GouldFernandez, EmptyNetwork) {
    const auto net = Network::build({}, true, {}, {}, {""}, {});
    const auto s = gould_fernandez_brokerage(net, {}, BrokerageOptions{});
    EXPECT_TRUE(s.total.empty());
    EXPECT_TRUE(s.z.total.empty());
    EXPECT_TRUE(std::isnan(s.density));
    EXPECT_EQ(s.global.raw.total, 0.0);
    EXPECT_TRUE(std::isnan(s.global.expected.total));
    EXPECT_TRUE(std::isnan(s.global.z.total));
}

TEST(GouldFernandez, NoTiesHasUndefinedZ) {
    // d = 0: every expectation and variance is 0.
    const auto net = build({"a", "b", "c"}, false, {});
    const auto s = gould_fernandez_brokerage(net, {"x", "x", "y"}, BrokerageOptions{});
    EXPECT_EQ(s.expected.total[0], 0.0);
    EXPECT_TRUE(std::isnan(s.z.total[0]));
    EXPECT_TRUE(std::isnan(s.global.z.total));
}

TEST(GouldFernandez, WrongNumberOfLabelsIsUsageError) {
    try {
        gould_fernandez_brokerage(toy(false), {"L"}, BrokerageOptions{});
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "gould_fernandez_brokerage: 1 group labels for 8 actors");
    }
}

}  // namespace
}  // namespace clusterlens
