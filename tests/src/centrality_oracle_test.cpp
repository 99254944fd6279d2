// Centrality against the NetworkX 2.8 / python-igraph 0.10 oracle
// (tests/data/oracle/centrality_oracle.json, made by centrality_oracle.py) and against
// published centralization values.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graphs/load.hpp"
#include "src/centrality/centrality.hpp"
#include "src/centrality_helpers.hpp"
#include "test_paths.hpp"

namespace clusterlens {
namespace {

using namespace testing;  // make, scores_of, expect_close

// ---- oracle json (NetworkX + python-igraph) --------------------------------------------------

Network oracle_network(const std::string& key, const nlohmann::json& entry) {
    if (entry.contains("file"))
        return load_network({testing::data(entry["file"].get<std::string>())}, LoadOptions{});
    if (entry.contains("example")) {
        LoadOptions o;
        o.mapping = load_mapping(testing::example("cordis_ee_climate/cordis.toml"));
        return load_network({testing::example("cordis_ee_climate/data")}, o);
    }
    // Borgatti (1997): actors A..G and the ties written by the oracle script.
    std::vector<Actor> actors(7);
    for (std::size_t i = 0; i < 7; ++i) actors[i].id = std::string(1, static_cast<char>('A' + i));
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (const auto& t : entry["ties"]) {
        ends.push_back(t[0].get<std::string>()[0] - 'A');
        ends.push_back(t[1].get<std::string>()[0] - 'A');
        weights.push_back(t[2].get<double>());
    }
    EXPECT_FALSE(key.empty());
    return Network::build(actors, false, ends, weights, {""},
                          std::vector<std::uint32_t>(weights.size(), 0));
}

void expect_measure(const Network& net, const std::vector<double>& actual,
                    const nlohmann::json& expected, const std::string& what) {
    ASSERT_EQ(actual.size(), net.actor_count()) << what;
    ASSERT_EQ(expected.size(), net.actor_count()) << what;
    for (std::size_t v = 0; v < net.actor_count(); ++v)
        expect_close(actual[v], expected.at(net.actor(v).id).get<double>(),
                     what + " " + net.actor(v).id);
}

TEST(Centrality, MatchesNetworkXAndIgraphOracle) {
    std::ifstream in(testing::data("oracle/centrality_oracle.json"));
    const auto oracle = nlohmann::json::parse(in);
    for (const auto& [key, entry] : oracle["networks"].items()) {
        SCOPED_TRACE(key);
        const auto net = oracle_network(key, entry);
        ASSERT_EQ(net.actor_count(), entry["actors"].get<std::size_t>());
        ASSERT_EQ(net.tie_count(), entry["ties"].is_array() ? entry["ties"].size()
                                                            : entry["ties"].get<std::size_t>());
        ASSERT_EQ(net.directed(), entry["directed"].get<bool>());
        const auto& m = entry["measures"];
        const auto s = scores_of(net, false, 2);
        expect_measure(net, s.degree, m["degree"], "degree");
        expect_measure(net, s.in_degree, m["in_degree"], "in_degree");
        expect_measure(net, s.out_degree, m["out_degree"], "out_degree");
        expect_measure(net, s.strength, m["strength"], "strength");
        expect_measure(net, s.betweenness, m["betweenness"], "betweenness");
        expect_measure(net, s.closeness, m["closeness"], "closeness");
        expect_measure(net, s.eigenvector, m["eigenvector"], "eigenvector");
        expect_measure(net, s.pagerank, m["pagerank"], "pagerank");
        expect_measure(net, s.coreness, m["coreness"], "coreness");
        const auto w = scores_of(net, true, 2);
        expect_measure(net, w.betweenness, m["betweenness_weighted"], "betweenness_weighted");
        expect_measure(net, w.closeness, m["closeness_weighted"], "closeness_weighted");

        const auto c = scoring::freeman_centralization(net, s);
        const auto& ce = entry["centralization"];
        expect_close(c.degree, ce["degree"].get<double>(), "degree centralization");
        expect_close(c.betweenness, ce["betweenness"].get<double>(), "betweenness centralization");
        expect_close(c.closeness, ce["closeness"].get<double>(), "closeness centralization");
        expect_close(scoring::transitivity(net), entry["transitivity"].get<double>(),
                     "transitivity");
    }
}

TEST(Centrality, BorgattiDegreeCentralizationAsPublished) {
    // Freeman (1979) degree centralization of Borgatti's 1997 example: 0.7333, worked out here.
    // Degrees A 4, B 3, C 1, D 2, E 2, F 2, G 6: Σ(6 - d) = 2+3+5+4+4+4 = 22; C* = 6 · 5 = 30.
    const auto net = make(
        7, false, {{0, 1}, {0, 5}, {0, 6}, {0, 4}, {4, 6}, {5, 6}, {1, 6}, {1, 3}, {3, 6}, {6, 2}});
    const auto s = scores_of(net);
    EXPECT_DOUBLE_EQ(scoring::freeman_centralization(net, s).degree, 22.0 / 30.0);
}

}  // namespace
}  // namespace clusterlens
