// Community detection (src/communities). Expected values: by hand in the comments, or from
// tests/data/oracle/communities_oracle.json, made by communities_oracle.py with NetworkX 2.8.8,
// python-igraph 0.10.2 and leidenalg 0.9.1 (provenance in the JSON).
#include "src/communities/communities.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "graphs/mapping.hpp"
#include "src/centrality_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using scoring::CommunityOptions;
using scoring::detect_communities;
using testing::make;
using testing::Tie;

const nlohmann::json& oracle() {
    static const nlohmann::json o = [] {
        std::ifstream in(testing::data("oracle/communities_oracle.json"));
        return nlohmann::json::parse(in);
    }();
    return o;
}

const std::vector<std::string>& oracle_networks() {
    static const std::vector<std::string> names = {"karate",     "karate_weighted", "bridge",
                                                   "ring",       "cordis",          "baltics_ee",
                                                   "baltics_lv", "baltics_lt"};
    return names;
}

/// The oracle's network: built from its edge list, or the bundled CORDIS example loaded with its
/// mapping (the oracle lists that one's actors by id instead).
const Network& network(const std::string& name) {
    static std::map<std::string, Network> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    const auto& o = oracle()["networks"][name];
    if (name == "cordis") {
        LoadOptions lo;
        lo.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
        return cache.emplace(name, load_network({testing::example("cordis_ee_climate/data")}, lo))
            .first->second;
    }
    if (name.rfind("baltics_", 0) == 0) {  // baltics_ee -> examples/cordis_sc5_baltics/EE
        std::string country = name.substr(8);
        for (auto& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        LoadOptions lo;
        lo.mapping = load_mapping(testing::example("cordis_sc5_baltics/cordis.toml"));
        return cache
            .emplace(name, load_network({testing::example("cordis_sc5_baltics/" + country)}, lo))
            .first->second;
    }
    std::vector<Tie> ties;
    for (const auto& e : o["edges"])
        ties.push_back({e[0].get<int>(), e[1].get<int>(), e[2].get<double>()});
    return cache.emplace(name, make(o["n"].get<int>(), false, ties)).first->second;
}

/// An oracle membership (listed in the oracle's actor order) in our actor order.
std::vector<int> ours(const std::string& name, const nlohmann::json& membership) {
    const auto& net = network(name);
    auto m = membership.get<std::vector<int>>();
    if (!oracle()["networks"][name].contains("ids")) return m;
    const auto& ids = oracle()["networks"][name]["ids"];
    std::vector<int> out(net.actor_count(), -1);
    for (std::size_t k = 0; k < ids.size(); ++k)
        out.at(net.find_actor(ids[k].get<std::string>()).value()) = m[k];
    return out;
}

scoring::CommunityResult run(const std::string& name, const std::string& method,
                             std::size_t runs = 20, std::uint64_t seed = 1) {
    CommunityOptions o;
    o.method = method;
    o.runs = runs;
    o.seed = seed;
    return detect_communities(network(name), o);
}

/// Modularity as igraph computes it, on the network's own (undirected, simple) graph.
double igraph_q(const Network& net, const std::vector<int>& membership) {
    IgraphIntVector m(static_cast<igraph_integer_t>(membership.size()));
    for (std::size_t i = 0; i < membership.size(); ++i)
        VECTOR(*m.get())[static_cast<igraph_integer_t>(i)] = membership[i];
    igraph_vector_t w;
    igraph_vector_view(&w, net.weights().data(), static_cast<igraph_integer_t>(net.tie_count()));
    igraph_real_t q = 0;
    igraph_call("modularity", igraph_modularity, net.graph(), m.get(), &w, 1.0, false, &q);
    return q;
}

TEST(Communities, ModularityMatchesNetworkXAndIgraph) {
    for (const auto& name : oracle_networks())
        for (const auto& [pname, p] : oracle()["networks"][name]["partitions"].items()) {
            const double q = scoring::modularity(network(name), ours(name, p["membership"]), 1.0,
                                                 /*weighted=*/true);
            EXPECT_NEAR(q, p["networkx"].get<double>(), 1e-9) << name << " " << pname;
            EXPECT_NEAR(q, p["igraph"].get<double>(), 1e-9) << name << " " << pname;
        }
}

TEST(Communities, ModularityOfTwoBridgedCliquesByHand) {
    // Two 5-cliques {0..4}, {5..9} and the bridge 4-5: m = 10 + 10 + 1 = 21, 2m = 42. Each
    // clique has W_c = 10 internal edges and K_c = 4*5 + 1 = 21 (the bridge adds 1), so
    // Q = 2 * (10/21 - (21/42)^2) = 20/21 - 1/2 = 0.452380952...
    const auto& net = network("bridge");
    const std::vector<int> cliques = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    EXPECT_NEAR(scoring::modularity(net, cliques, 1.0, true), 20.0 / 21 - 0.5, 1e-12);
    // gamma = 0.5: 20/21 - 0.5 * 1/2 = 20/21 - 1/4.
    EXPECT_NEAR(scoring::modularity(net, cliques, 0.5, true), 20.0 / 21 - 0.25, 1e-12);
    // One group: W = 21, K = 42: Q = 1 - 1 = 0.
    EXPECT_NEAR(scoring::modularity(net, std::vector<int>(10, 3), 1.0, true), 0.0, 1e-12);
    // Weights count unless weighted = false: a bridge of weight 4 gives m = 24, K_c = 24,
    // Q = 2 * (10/24 - 1/4) = 1/3; unweighted it is 20/21 - 1/2 again.
    std::vector<Tie> ties;
    for (int base : {0, 5})
        for (int i = 0; i < 5; ++i)
            for (int j = i + 1; j < 5; ++j) ties.push_back({base + i, base + j});
    ties.push_back({4, 5, 4.0});
    const auto heavy = make(10, false, ties);
    EXPECT_NEAR(scoring::modularity(heavy, cliques, 1.0, true), 1.0 / 3, 1e-12);
    EXPECT_NEAR(scoring::modularity(heavy, cliques, 1.0, false), 20.0 / 21 - 0.5, 1e-12);
}

TEST(Communities, LeidenAndLouvainWithinOnePercentOfTheOracles) {
    for (const auto& name : oracle_networks()) {
        const auto& o = oracle()["networks"][name];
        const double leidenalg = o["leidenalg"]["best"].get<double>();
        const double louvain = o["networkx_louvain"]["best"].get<double>();
        const auto leiden = run(name, "leiden");
        const auto multilevel = run(name, "louvain");
        EXPECT_GE(leiden.modularity, 0.99 * leidenalg) << name;
        EXPECT_GE(multilevel.modularity, 0.99 * louvain) << name;
        // The modularity reported is that of the membership returned.
        EXPECT_NEAR(leiden.modularity, igraph_q(network(name), leiden.membership), 1e-9) << name;
        EXPECT_NEAR(multilevel.modularity, igraph_q(network(name), multilevel.membership), 1e-9)
            << name;
    }
    // The cliques themselves are the best partition of the two small cases (oracle: all
    // leidenalg seeds find them).
    EXPECT_EQ(run("bridge", "leiden").membership, (std::vector<int>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
    EXPECT_EQ(run("ring", "leiden").count, 6u);
}

TEST(Communities, OtherMethodsReportIgraphsModularityNearPythonIgraphs) {
    for (const auto& name : oracle_networks()) {
        const auto& o = oracle()["networks"][name];
        const auto& net = network(name);
        const auto infomap = run(name, "infomap");
        const auto walktrap = run(name, "walktrap", 1);
        const auto lpa = run(name, "label_propagation");
        for (const auto* r : {&infomap, &walktrap, &lpa})
            EXPECT_NEAR(r->modularity, igraph_q(net, r->membership), 1e-9) << name << r->method;
        // Walktrap is deterministic and python-igraph runs the same C core (libigraph 0.10.2):
        // the same partition.
        EXPECT_NEAR(walktrap.modularity, o["igraph_walktrap"]["modularity"].get<double>(), 1e-9)
            << name;
        EXPECT_NEAR(
            scoring::nmi(walktrap.membership, ours(name, o["igraph_walktrap"]["membership"])), 1.0,
            1e-12)
            << name;
        // Randomised: our best of 20 seeds against python-igraph's best of 20 (different RNG
        // streams). Margins: 2 % for Infomap (10 trials per run), 5 % for label propagation,
        // whose single runs vary most (karate: 0.25 to 0.40 in the oracle).
        EXPECT_GE(infomap.modularity, 0.98 * o["igraph_infomap"]["best"].get<double>()) << name;
        EXPECT_GE(lpa.modularity, 0.95 * o["igraph_label_propagation"]["best"].get<double>())
            << name;
    }
}

TEST(Communities, SameSeedSameMembership) {
    for (const std::string method : {"leiden", "louvain", "infomap", "label_propagation"}) {
        const auto a = run("cordis", method, 3, 7);
        const auto b = run("cordis", method, 3, 7);
        EXPECT_EQ(a.membership, b.membership) << method;
        EXPECT_EQ(a.best_seed, b.best_seed) << method;
        EXPECT_EQ(a.modularity, b.modularity) << method;
        EXPECT_EQ(a.co_assignment.size(), b.co_assignment.size()) << method;
        // A single run with the kept seed gives the kept partition.
        const auto single = run("cordis", method, 1, a.best_seed);
        EXPECT_EQ(single.membership, a.membership) << method;
    }
}

TEST(Communities, CanonicalLabels) {
    // Sizes: label 2 has 3 actors, 5 has 2, 9 has 1 -> 2->0, 5->1, 9->2.
    EXPECT_EQ(scoring::canonical_membership({5, 5, 2, 9, 2, 2}),
              (std::vector<int>{1, 1, 0, 2, 0, 0}));
    // Equal sizes: the group holding the smaller actor index comes first.
    EXPECT_EQ(scoring::canonical_membership({7, 3, 3, 7}), (std::vector<int>{0, 1, 1, 0}));
    EXPECT_TRUE(scoring::canonical_membership({}).empty());
    for (const std::string method : {"leiden", "louvain", "infomap", "walktrap"}) {
        const auto r = run("karate_weighted", method, 2);
        EXPECT_EQ(scoring::canonical_membership(r.membership), r.membership) << method;
        std::vector<std::size_t> sizes(r.count, 0);
        for (int c : r.membership) ++sizes.at(static_cast<std::size_t>(c));
        EXPECT_TRUE(std::is_sorted(sizes.rbegin(), sizes.rend())) << method;
    }
}

TEST(Communities, NmiAndAdjustedRandByHand) {
    const std::vector<int> a = {0, 0, 1, 1};
    EXPECT_NEAR(scoring::nmi(a, a), 1.0, 1e-12);
    EXPECT_NEAR(scoring::adjusted_rand(a, a), 1.0, 1e-12);
    EXPECT_NEAR(scoring::nmi(a, {4, 4, 9, 9}), 1.0, 1e-12);  // labels do not matter
    // a against {0,1,0,1}: every cell of the 2x2 contingency table holds 1, I = 0, NMI = 0.
    // ARI: sum_ij C(n_ij,2) = 0; rows sum C(2,2)+C(2,2) = 2, columns 2; C(4,2) = 6; expected
    // 2*2/6 = 2/3, max (2+2)/2 = 2: ARI = (0 - 2/3) / (2 - 2/3) = -1/2.
    EXPECT_NEAR(scoring::nmi(a, {0, 1, 0, 1}), 0.0, 1e-12);
    EXPECT_NEAR(scoring::adjusted_rand(a, {0, 1, 0, 1}), -0.5, 1e-12);
    // a against b = {0,0,0,1}: joint p = 1/2 (0,0), 1/4 (1,0), 1/4 (1,1); pa = 1/2, 1/2;
    // pb = 3/4, 1/4. I = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2; H(a) = ln 2;
    // H(b) = -(3/4 ln 3/4 + 1/4 ln 1/4); NMI = 2I / (H(a) + H(b)) = 0.2740...
    // ARI: sum C(n_ij,2) = C(2,2) = 1; rows 1 + 1 = 2; columns C(3,2) = 3; expected 2*3/6 = 1;
    // max (2+3)/2 = 5/2: ARI = (1 - 1) / (5/2 - 1) = 0.
    const std::vector<int> b = {0, 0, 0, 1};
    const double i = 0.5 * std::log(4.0 / 3) + 0.25 * std::log(2.0 / 3) + 0.25 * std::log(2.0);
    const double ha = std::log(2.0), hb = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
    EXPECT_NEAR(scoring::nmi(a, b), 2 * i / (ha + hb), 1e-12);
    EXPECT_NEAR(scoring::adjusted_rand(a, b), 0.0, 1e-12);
    EXPECT_THROW(scoring::nmi(a, {0, 1}), UsageError);
    EXPECT_THROW(scoring::adjusted_rand(a, {0, 1, -1, 0}), UsageError);
}

TEST(Communities, StabilityAcrossRuns) {
    // Every run finds the six cliques of the ring (oracle: all leidenalg and Louvain seeds):
    // NMI = ARI = 1 between all pairs and every actor stays with all of its group.
    const auto r = run("ring", "louvain", 5);
    EXPECT_NEAR(r.mean_nmi, 1.0, 1e-12);
    EXPECT_NEAR(r.mean_ari, 1.0, 1e-12);
    ASSERT_EQ(r.co_assignment.size(), 24u);
    for (double c : r.co_assignment) EXPECT_NEAR(c, 1.0, 1e-12);
    // One run: undefined.
    const auto one = run("ring", "louvain", 1);
    EXPECT_TRUE(std::isnan(one.mean_nmi));
    EXPECT_TRUE(std::isnan(one.mean_ari));
    EXPECT_TRUE(std::isnan(one.co_assignment[0]));
    // Label propagation on karate varies between seeds: agreement below 1, shares in [0, 1].
    const auto lpa = run("karate", "label_propagation", 10);
    EXPECT_LT(lpa.mean_nmi, 1.0);
    EXPECT_GT(lpa.mean_nmi, 0.0);
    for (double c : lpa.co_assignment)
        if (!std::isnan(c)) {
            EXPECT_GE(c, 0.0);
            EXPECT_LE(c, 1.0);
        }
    EXPECT_EQ(lpa.runs, 10u);
    EXPECT_GE(lpa.best_seed, 1u);
    EXPECT_LE(lpa.best_seed, 10u);
}

TEST(Communities, StabilityFromTheSingleRuns) {
    // R = 6 runs of label propagation on karate, redone one by one (runs = 1, seed s + r gives
    // run r) and the header's definitions applied to them directly: the mean NMI and ARI over
    // the 15 pairs, and per actor the mean over the other runs of the share of its best-run
    // group (itself left out) that shares its label there.
    const std::size_t runs = 6;
    const auto all = run("karate", "label_propagation", runs, 11);
    std::vector<std::vector<int>> single;
    for (std::size_t r = 0; r < runs; ++r)
        single.push_back(run("karate", "label_propagation", 1, 11 + r).membership);
    const std::size_t best = all.best_seed - 11;
    EXPECT_EQ(single[best], all.membership);
    double nmi = 0, ari = 0;
    for (std::size_t a = 0; a < runs; ++a)
        for (std::size_t b = a + 1; b < runs; ++b) {
            nmi += scoring::nmi(single[a], single[b]) / 15;
            ari += scoring::adjusted_rand(single[a], single[b]) / 15;
        }
    EXPECT_NEAR(all.mean_nmi, nmi, 1e-12);
    EXPECT_NEAR(all.mean_ari, ari, 1e-12);
    const auto& b = all.membership;
    for (std::size_t i = 0; i < b.size(); ++i) {
        std::size_t group = 0;
        for (std::size_t j = 0; j < b.size(); ++j) group += (j != i && b[j] == b[i]) ? 1 : 0;
        if (group == 0) {
            EXPECT_TRUE(std::isnan(all.co_assignment[i])) << i;
            continue;
        }
        double share = 0;
        for (std::size_t r = 0; r < runs; ++r) {
            if (r == best) continue;
            std::size_t same = 0;
            for (std::size_t j = 0; j < b.size(); ++j)
                same += (j != i && b[j] == b[i] && single[r][j] == single[r][i]) ? 1 : 0;
            share += static_cast<double>(same) / static_cast<double>(group) /
                     static_cast<double>(runs - 1);
        }
        EXPECT_NEAR(all.co_assignment[i], share, 1e-12) << i;
    }
}

TEST(Communities, DirectedIsolatesAndEmpty) {
    // Directed: a->b and b->a (weights 1 and 2) are one edge of weight 3; two such pairs and
    // an isolate e. Q of {ab, cd, e}: m = 6, each pair W = 3, K = 6: 2 * (3/6 - 1/4) = 1/2.
    const auto net = make(5, true, {{0, 1, 1}, {1, 0, 2}, {2, 3, 3}});
    EXPECT_NEAR(scoring::modularity(net, {0, 0, 1, 1, 2}, 1.0, true), 0.5, 1e-12);
    for (const std::string method :
         {"leiden", "louvain", "infomap", "walktrap", "label_propagation"}) {
        CommunityOptions o;
        o.method = method;
        const auto r = detect_communities(net, o);
        EXPECT_EQ(r.membership, (std::vector<int>{0, 0, 1, 1, 2})) << method;
        EXPECT_EQ(r.count, 3u) << method;
        EXPECT_NEAR(r.modularity, 0.5, 1e-12) << method;
    }
    // No ties: every actor alone, Q undefined.
    const auto empty = make(3, false, {});
    const auto r = detect_communities(empty, CommunityOptions{});
    EXPECT_EQ(r.membership, (std::vector<int>{0, 1, 2}));
    EXPECT_TRUE(std::isnan(r.modularity));
    EXPECT_TRUE(std::isnan(scoring::modularity(empty, {0, 0, 0}, 1.0, true)));
}

TEST(Communities, ResolutionChangesTheGrain) {
    // Ring of six 4-cliques: at gamma = 1 the six cliques; at gamma = 0.1 merging neighbours
    // pays (the penalty gamma (K_c/2m)^2 shrinks), so fewer, larger communities.
    CommunityOptions o;
    o.runs = 5;
    EXPECT_EQ(detect_communities(network("ring"), o).count, 6u);
    o.resolution = 0.1;
    const auto coarse = detect_communities(network("ring"), o);
    EXPECT_LT(coarse.count, 6u);
    EXPECT_NEAR(coarse.modularity,
                scoring::modularity(network("ring"), coarse.membership, 0.1, true), 1e-12);
}

TEST(Communities, MaximalCliquesByHand) {
    // Triangle a-b-c, the tie c-d, the isolate e: maximal cliques {a,b,c}, {c,d}, {e}.
    const auto net = make(5, false, {{0, 1}, {1, 2}, {0, 2}, {2, 3}});
    using Cliques = std::vector<std::vector<std::size_t>>;
    EXPECT_EQ(scoring::maximal_cliques(net, 0), (Cliques{{0, 1, 2}, {2, 3}, {4}}));
    EXPECT_EQ(scoring::maximal_cliques(net, 2), (Cliques{{0, 1, 2}, {2, 3}}));
    EXPECT_EQ(scoring::maximal_cliques(net, 3), (Cliques{{0, 1, 2}}));
    // The bridged 5-cliques: the two cliques and the bridge.
    EXPECT_EQ(scoring::maximal_cliques(network("bridge"), 2),
              (Cliques{{0, 1, 2, 3, 4}, {4, 5}, {5, 6, 7, 8, 9}}));
}

TEST(Communities, UsageErrors) {
    const auto& net = network("bridge");
    CommunityOptions o;
    o.method = "spinglass";
    EXPECT_THROW(detect_communities(net, o), UsageError);
    o.method = "leiden";
    o.runs = 0;
    EXPECT_THROW(detect_communities(net, o), UsageError);
    o.runs = 1;
    o.resolution = 0;
    EXPECT_THROW(detect_communities(net, o), UsageError);
    o.method = "walktrap";
    o.resolution = 2;
    EXPECT_THROW(detect_communities(net, o), UsageError);
    EXPECT_THROW(scoring::modularity(net, {0, 1}, 1.0, true), UsageError);
    // Two relations: the caller splits first.
    std::vector<Actor> actors(3);
    actors[0].id = "a", actors[1].id = "b", actors[2].id = "c";
    const auto two = Network::build(actors, false, {0, 1, 1, 2}, {1, 1}, {"r", "s"}, {0, 1});
    EXPECT_THROW(detect_communities(two, CommunityOptions{}), UsageError);
    EXPECT_THROW(scoring::maximal_cliques(two, 2), UsageError);
}

}  // namespace
}  // namespace clusterlens
