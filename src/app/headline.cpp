#include "src/app/headline.hpp"

#include <cmath>

#include "src/openness/openness.hpp"
#include "src/size/composition.hpp"

namespace clusterlens::app {

render::Headline headline_from_network(const Network& net, const scoring::LockInOptions& lo) {
    render::Headline h;
    const auto comp = scoring::composition(net);
    for (const char* part : {"core", "assisting", "external", "unspecified"})
        if (comp.by_part.count(part)) h.actors_by_part.emplace_back(part, comp.by_part.at(part));
    h.ties = comp.ties;
    h.actors = comp.actors;
    h.locality_known = comp.by_locality.count("local") || comp.by_locality.count("global");
    scoring::EiOptions eo;
    eo.permutations = 0;
    const auto ei = scoring::ei_index(net, scoring::locality_groups(net), eo);
    h.local_ei = ei.group_binary.count("local") ? ei.group_binary.at("local") : std::nan("");
    double sum = 0;
    for (const double w : net.weights()) sum += w;
    h.mean_tie_strength =
        net.tie_count() ? sum / static_cast<double>(net.tie_count()) : std::nan("");
    h.lock_in = !h.locality_known ? -1 : scoring::lock_in(net, lo).lock_in ? 1 : 0;
    return h;
}

}  // namespace clusterlens::app
