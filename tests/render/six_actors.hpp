// Six-actor clusters built in the test (no reader, no scoring) for the render unit tests.
//
//   a  core firm, local              ties (weight): a-b 1, a-c 2, b-c 3 (local buzz),
//   b  core firm, local                             a-d 4, a-e 0.5 (pipelines),
//   c  university, assisting, local                 d-e 6 (outside the cluster),
//   d  firm, external, global (DE)                  c-f 7 (pipeline)
//   e  research, external, global (DE)
//   f  government, external, global (FR)
//
// betweenness (an actor attribute, as score writes it): a 5, b 3, c 1, d 0, e undefined, f 2;
// country: a b c EE, d e DE, f FR.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graphs/network.hpp"

namespace clusterlens::testing {

inline Actor make_actor(const std::string& id, Part part, const std::string& type,
                        Locality locality) {
    Actor a;
    a.id = id;
    a.part = part;
    a.type = type;
    a.locality = locality;
    return a;
}

/// A network of `actors` with undirected ties `ends` (pairs of actor indices) and weights.
inline Network small_network(std::vector<Actor> actors, const std::vector<std::int64_t>& ends,
                             std::vector<double> weights) {
    const auto ties = weights.size();
    return Network::build(std::move(actors), false, ends, std::move(weights), {""},
                          std::vector<std::uint32_t>(ties, 0));
}

inline Network six_actors() {
    std::vector<Actor> actors = {make_actor("a", Part::core, "firm", Locality::local),
                                 make_actor("b", Part::core, "firm", Locality::local),
                                 make_actor("c", Part::assisting, "university", Locality::local),
                                 make_actor("d", Part::external, "firm", Locality::global),
                                 make_actor("e", Part::external, "research", Locality::global),
                                 make_actor("f", Part::external, "government", Locality::global)};
    auto net = small_network(std::move(actors), {0, 1, 0, 2, 1, 2, 0, 3, 0, 4, 3, 4, 2, 5},
                             {1, 2, 3, 4, 0.5, 6, 7});
    net.actor_attributes().set_numbers("betweenness", {5, 3, 1, 0, std::nan(""), 2});
    net.actor_attributes().set_texts("country", {"EE", "EE", "EE", "DE", "DE", "FR"});
    return net;
}

}  // namespace clusterlens::testing
