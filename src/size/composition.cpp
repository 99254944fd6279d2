#include "src/size/composition.hpp"

#include <cmath>
#include <vector>

namespace clusterlens::scoring {

Composition composition(const Network& net) {
    Composition c;
    c.actors = net.actor_count();
    c.ties = net.tie_count();
    c.directed = net.directed();
    for (const auto& a : net.actors()) {
        ++c.by_part[std::string(to_string(a.part))];
        ++c.by_type[a.type];
        ++c.by_locality[std::string(to_string(a.locality))];
    }
    std::vector<std::size_t> per_relation(net.relations().size(), 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) ++per_relation[net.relation(e)];
    const double n = static_cast<double>(c.actors);
    for (std::size_t r = 0; r < per_relation.size(); ++r) {
        const auto& name = net.relations()[r];
        c.by_relation[name] = per_relation[r];
        const double pairs = n * (n - 1) / (c.directed ? 1.0 : 2.0);
        c.density_by_relation[name] =
            c.actors < 2 ? std::nan("") : static_cast<double>(per_relation[r]) / pairs;
    }

    IgraphIntVector membership, sizes;
    igraph_integer_t count = 0;
    igraph_call("counting components", igraph_connected_components, net.graph(), membership.get(),
                sizes.get(), &count, IGRAPH_WEAK);
    c.components = static_cast<std::size_t>(count);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(sizes.get()); ++i)
        c.largest_component =
            std::max(c.largest_component, static_cast<std::size_t>(VECTOR(*sizes.get())[i]));
    c.largest_component_share =
        c.actors == 0 ? std::nan("") : static_cast<double>(c.largest_component) / n;

    std::vector<char> touched(c.actors, 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        touched[net.source(e)] = touched[net.target(e)] = 1;
    for (const char t : touched) c.isolates += t ? 0 : 1;
    return c;
}

}  // namespace clusterlens::scoring
