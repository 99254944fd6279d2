#include "src/roles/typology.hpp"

#include <algorithm>
#include <cmath>

namespace clusterlens::scoring {

TypologyScores firm_typology(const Network& net, const TypologyOptions& options) {
    require_one_relation(net, "firm_typology");
    const std::size_t n = net.actor_count();
    TypologyScores s;
    s.typology.assign(n, "");
    s.internal_connectivity.assign(n, std::nan(""));
    s.external_openness.assign(n, std::nan(""));
    std::vector<char> firm(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const Actor& a = net.actor(i);
        firm[i] = (a.part == Part::core || (a.locality == Locality::local && is_firm_type(a.type)))
                      ? 1
                      : 0;
        s.firms += firm[i];
    }
    // Local contacts (distinct), outside strength, and the two Morrison flows per actor.
    std::vector<std::vector<std::size_t>> local_contacts(n);
    std::vector<double> ext(n, 0.0);
    std::vector<char> inflow_from_global(n, 0), outflow_to_local(n, 0);
    const bool directed = net.directed();
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const std::size_t u = net.source(e), v = net.target(e);
        const bool u_local = net.actor(u).locality == Locality::local;
        const bool v_local = net.actor(v).locality == Locality::local;
        const bool u_global = net.actor(u).locality == Locality::global;
        const bool v_global = net.actor(v).locality == Locality::global;
        if (v_local) local_contacts[u].push_back(v);
        if (u_local) local_contacts[v].push_back(u);
        if (v_global) ext[u] += net.weight(e);
        if (u_global) ext[v] += net.weight(e);
        // u -> v is a knowledge flow from u to v.
        if (u_global) inflow_from_global[v] = 1;
        if (v_local) outflow_to_local[u] = 1;
        if (!directed) {
            if (v_global) inflow_from_global[u] = 1;
            if (u_local) outflow_to_local[v] = 1;
        }
    }
    double sum_int = 0, sum_ext = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!firm[i]) continue;
        auto& c = local_contacts[i];
        std::sort(c.begin(), c.end());
        c.erase(std::unique(c.begin(), c.end()), c.end());
        s.internal_connectivity[i] = static_cast<double>(c.size());
        s.external_openness[i] = ext[i];
        sum_int += s.internal_connectivity[i];
        sum_ext += ext[i];
    }
    const double nf = static_cast<double>(s.firms);
    s.thresholds_are_means =
        std::isnan(options.internal_threshold) || std::isnan(options.external_threshold);
    s.internal_threshold = std::isnan(options.internal_threshold)
                               ? (s.firms ? sum_int / nf : std::nan(""))
                               : options.internal_threshold;
    s.external_threshold = std::isnan(options.external_threshold)
                               ? (s.firms ? sum_ext / nf : std::nan(""))
                               : options.external_threshold;
    s.morrison_applied = directed;
    for (std::size_t i = 0; i < n; ++i) {
        if (!firm[i]) continue;
        const double xi = s.internal_connectivity[i], xe = s.external_openness[i];
        const bool hi_int = xi > 0 && xi >= s.internal_threshold;
        const bool hi_ext = xe > 0 && xe >= s.external_threshold;
        std::string role;
        if (hi_int && hi_ext) {
            role = "technological_gatekeeper";
            if (directed && !inflow_from_global[i])
                role = "mutual_exchanger";
            else if (directed && !outflow_to_local[i])
                role = "external_star";
        } else if (hi_int) {
            role = "mutual_exchanger";
        } else if (hi_ext) {
            role = "external_star";
        } else {
            role = "isolated";
        }
        ++s.counts[role];
        s.typology[i] = std::move(role);
    }
    return s;
}

double gatekeeper_reach_share(const Network& net, const std::vector<std::string>& typology) {
    std::vector<char> reached(net.actor_count(), 0), via_gatekeeper(net.actor_count(), 0);
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        for (int side = 0; side < 2; ++side) {
            const auto l = side == 0 ? net.source(e) : net.target(e);
            const auto g = side == 0 ? net.target(e) : net.source(e);
            if (net.actor(l).locality != Locality::local ||
                net.actor(g).locality != Locality::global)
                continue;
            reached[g] = 1;
            if (typology[l] == "technological_gatekeeper") via_gatekeeper[g] = 1;
        }
    }
    std::size_t r = 0, v = 0;
    for (std::size_t i = 0; i < reached.size(); ++i) r += reached[i], v += via_gatekeeper[i];
    return r ? static_cast<double>(v) / static_cast<double>(r) : std::nan("");
}

}  // namespace clusterlens::scoring
