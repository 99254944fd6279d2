// Shared by the centrality tests: small networks by hand and the scores of one.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "src/centrality/centrality.hpp"

namespace clusterlens::testing {

using scoring::CentralityOptions;
using scoring::CentralityScores;

/// Actors named a, b, c, ...; ties as (source, target, weight) over actor indices.
struct Tie {
    int s, t;
    double w = 1;
};
inline Network make(int n, bool directed, const std::vector<Tie>& ties) {
    std::vector<Actor> actors(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        actors[static_cast<std::size_t>(i)].id = std::string(1, static_cast<char>('a' + i));
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

inline CentralityScores scores_of(const Network& net, bool weighted_paths = false,
                                  unsigned threads = 1) {
    CentralityOptions o;
    o.weighted_paths = weighted_paths;
    o.threads = threads;
    return scoring::centrality(net, o);
}

/// |a - b| <= 1e-9 * max(1, |b|): relative for large values, absolute near 0.
inline void expect_close(double actual, double expected, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << what;
}

}  // namespace clusterlens::testing
