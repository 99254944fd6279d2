// Network composition and size (README, "Measures"): who is in the network and how it hangs
// together. Used by `clusterlens validate` and later by the score summary.
//
// - actors by part, type and locality ("" = unspecified), ties by relation;
// - density per relation: undirected 2m/(n(n-1)), directed m/(n(n-1)); NaN for n < 2;
// - weak components over all relations, the size of the largest and its share of actors
//   (n_largest / n); isolates = actors without any tie.
// Complexity O(n + m). Source: Wasserman & Faust (1994) ch. 4.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "graphs/network.hpp"

namespace clusterlens::scoring {

struct Composition {
    std::size_t actors = 0;
    std::size_t ties = 0;
    bool directed = false;
    std::map<std::string, std::size_t> by_part, by_type, by_locality, by_relation;
    std::map<std::string, double> density_by_relation;
    std::size_t components = 0;
    std::size_t largest_component = 0;
    double largest_component_share = 0;
    std::size_t isolates = 0;
};

Composition composition(const Network& net);

}  // namespace clusterlens::scoring
