#include "src/learning/lock_in.hpp"

#include <cmath>

#include "graphs/attributes.hpp"
#include "src/openness/openness.hpp"

namespace clusterlens::scoring {

LockInDiagnosis lock_in(const Network& net, const LockInOptions& o) {
    require_one_relation(net, "lock_in");
    LockInDiagnosis d;
    const std::size_t n = net.actor_count();
    std::vector<double> held(n, 0.0);  // pipelines per actor
    for (std::size_t i = 0; i < n; ++i)
        d.local_actors += net.actor(i).locality == Locality::local ? 1 : 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto u = net.source(e), v = net.target(e);
        const auto lu = net.actor(u).locality, lv = net.actor(v).locality;
        switch (linkage(lu, lv)) {
            case Linkage::buzz:
                ++d.local_ties;
                break;
            case Linkage::pipeline:
                ++d.pipelines;
                held[lu == Locality::local ? u : v] += 1;
                break;
            case Linkage::extra_local:
            case Linkage::unknown:
                break;
        }
    }
    const double nan = std::nan("");
    const double E = static_cast<double>(d.pipelines), I = static_cast<double>(d.local_ties);
    const double L = static_cast<double>(d.local_actors);
    // The local group's E-I is the E-I index of the locality partition (one definition).
    const auto group_ei = ei_index(net, locality_groups(net), EiOptions{0, 1}).group_binary;
    const double ei = group_ei.count("local") ? group_ei.at("local") : nan;
    const double per_actor = d.local_actors ? E / L : nan;
    double hhi = nan;
    if (d.pipelines > 0) {
        hhi = 0;
        for (const double h : held) hhi += (h / E) * (h / E);
    }
    const double pairs = L * (L - 1) / (net.directed() ? 1.0 : 2.0);
    const double density = d.local_actors >= 2 ? I / pairs : nan;
    d.local_ei = ei;
    d.pipelines_per_local_actor = per_actor;
    d.pipeline_concentration = hhi;
    d.local_density = density;
    auto add = [&](const char* name, double value, bool le, double threshold, bool strict) {
        const bool fired =
            !std::isnan(value) &&
            (le ? (strict ? value < threshold : value <= threshold) : value >= threshold);
        d.indicators.push_back(LockInIndicator{
            name, value,
            std::string(le ? (strict ? "< " : "<= ") : ">= ") + format_number(threshold), fired});
        d.fired += fired ? 1 : 0;
    };
    add("local_ei", ei, true, o.ei_threshold, false);
    add("pipelines_per_local_actor", per_actor, true, o.pipelines_threshold, true);
    add("pipeline_concentration", hhi, false, o.concentration_threshold, false);
    add("local_density", density, false, o.density_threshold, false);
    d.lock_in = d.fired >= o.min_fired;
    return d;
}

}  // namespace clusterlens::scoring
