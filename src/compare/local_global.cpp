#include "src/compare/local_global.hpp"

#include "src/learning/lock_in.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "graphs/error.hpp"
#include "src/centrality/centrality.hpp"
#include "src/ties/tie_strength.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

/// Union-find over actor indices, for component counts.
struct Components {
    std::vector<std::size_t> parent;
    explicit Components(std::size_t n) : parent(n) {
        std::iota(parent.begin(), parent.end(), std::size_t{0});
    }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

double ratio(double a, double b) { return b > 0 ? a / b : kNan; }

}  // namespace

LocalGlobalComparison compare_local_global(const Network& net, const LocalGlobalOptions& o) {
    require_one_relation(net, "compare_local_global");
    const std::size_t n = net.actor_count();
    LocalGlobalComparison r;
    std::vector<char> local(n, 0), global(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        local[i] = net.actor(i).locality == Locality::local;
        global[i] = net.actor(i).locality == Locality::global;
        r.local_actors += local[i];
        r.global_actors += global[i];
    }
    r.unspecified_actors = n - r.local_actors - r.global_actors;

    TieStrengthOptions to;
    to.strong_threshold = o.strong_threshold;
    const auto ts = tie_strength(net, to);
    r.strong_threshold = ts.threshold_used;
    r.threshold_is_median = ts.threshold_is_median;

    // Walk the ties once: side totals, degrees per side (distinct partners), components.
    const auto nl = static_cast<double>(r.local_actors), ng = static_cast<double>(r.global_actors);
    std::vector<double> buzz_degree(n, 0), pipe_partners(n, 0), pipe_ties(n, 0),
        pipe_strength(n, 0);
    std::vector<char> reached(n, 0), reached_non_gk(n, 0);
    Components buzz_parts(n), pipe_parts(n);
    std::size_t buzz_strong = 0, pipe_strong = 0;
    const auto ty = firm_typology(net, o.typology);
    // Distinct partners: Network::build merged parallel ties, but a digraph may hold i→j and
    // j→i; count each partner once via the undirected neighbour lists.
    const auto nb = net.undirected_neighbours();
    for (std::size_t i = 0; i < n; ++i) {
        if (!local[i]) continue;
        for (const auto j : nb[i]) {
            if (local[j]) buzz_degree[i] += 1;
            if (global[j]) {
                pipe_partners[i] += 1;
                reached[j] = 1;
                if (ty.typology[i] != "technological_gatekeeper") reached_non_gk[j] = 1;
            }
        }
    }
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto a = net.source(e), b = net.target(e);
        const double w = net.weight(e);
        const bool strong = ts.strength_class[e] == "strong";
        switch (linkage(net.actor(a).locality, net.actor(b).locality)) {
            case Linkage::buzz:
                ++r.buzz.ties;
                r.buzz.strength += w;
                buzz_strong += strong;
                buzz_parts.join(a, b);
                break;
            case Linkage::pipeline:
                ++r.pipelines.ties;
                r.pipelines.strength += w;
                pipe_strong += strong;
                pipe_parts.join(a, b);
                pipe_strength[local[a] ? a : b] += w;
                pipe_ties[local[a] ? a : b] += 1;
                break;
            case Linkage::extra_local:
                ++r.extra_local_ties;
                break;
            case Linkage::unknown:
                break;
        }
    }
    // Buzz: all local actors. Pipelines: local actors and the global actors reached.
    r.buzz.actors = r.local_actors;
    r.pipelines.actors = r.local_actors;
    for (std::size_t i = 0; i < n; ++i) {
        r.global_reached += reached[i];
        r.reached_only_via_gatekeepers += reached[i] && !reached_non_gk[i];
    }
    r.pipelines.actors += r.global_reached;
    std::vector<char> root_seen_b(n, 0), root_seen_p(n, 0);
    auto first_visit = [](std::vector<char>& seen, std::size_t root) {
        const bool first = seen[root] == 0;
        seen[root] = 1;
        return first;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (local[i] && first_visit(root_seen_b, buzz_parts.find(i))) ++r.buzz.components;
        if ((local[i] || reached[i]) && first_visit(root_seen_p, pipe_parts.find(i)))
            ++r.pipelines.components;
    }
    // Local density and pipeline concentration are lock-in's indicators: one definition each.
    const auto li = lock_in(net, {});
    r.buzz.density = li.local_density;
    r.pipelines.density = ratio(static_cast<double>(r.pipelines.ties), nl * ng);
    for (auto* side : {&r.buzz, &r.pipelines})
        side->mean_strength = ratio(side->strength, static_cast<double>(side->ties));
    r.buzz.strong_share = ratio(static_cast<double>(buzz_strong), static_cast<double>(r.buzz.ties));
    r.pipelines.strong_share =
        ratio(static_cast<double>(pipe_strong), static_cast<double>(r.pipelines.ties));
    auto centralization = [&](const std::vector<double>& d, double bound) {
        double top = 0, sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (local[i]) top = std::max(top, d[i]);
        for (std::size_t i = 0; i < n; ++i)
            if (local[i]) sum += top - d[i];
        return ratio(sum, bound);
    };
    r.buzz.centralization = centralization(buzz_degree, (nl - 1) * (nl - 2));
    r.pipelines.centralization = centralization(pipe_partners, (nl - 1) * ng);

    // Pipeline holders and concentration (shares of the pipeline count).
    const double total = static_cast<double>(r.pipelines.ties);
    r.pipeline_concentration = li.pipeline_concentration;
    r.gatekeeper_dependence = ratio(static_cast<double>(r.reached_only_via_gatekeepers),
                                    static_cast<double>(r.global_reached));

    // Local betweenness: Brandes within the buzz sub-network.
    std::vector<Actor> sub_actors;
    std::vector<std::int64_t> sub_index(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        if (local[i]) {
            sub_index[i] = static_cast<std::int64_t>(sub_actors.size());
            sub_actors.push_back(net.actor(i));
        }
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto a = net.source(e), b = net.target(e);
        if (!local[a] || !local[b]) continue;
        ends.push_back(sub_index[a]);
        ends.push_back(sub_index[b]);
        weights.push_back(net.weight(e));
    }
    std::vector<double> local_betweenness(sub_actors.size(), 0.0);
    if (!sub_actors.empty()) {
        const auto relation_name = net.relations().empty() ? std::string() : net.relations()[0];
        const auto sub = Network::build(sub_actors, net.directed(), ends, weights, {relation_name},
                                        std::vector<std::uint32_t>(weights.size(), 0));
        CentralityOptions co;
        co.threads = 1;
        local_betweenness = centrality(sub, co).betweenness;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!local[i]) continue;
        const double share = ratio(pipe_ties[i], total);
        r.local_rows.push_back({i, buzz_degree[i],
                                local_betweenness[static_cast<std::size_t>(sub_index[i])],
                                pipe_ties[i], pipe_strength[i], share, ty.typology[i]});
    }
    std::stable_sort(
        r.local_rows.begin(), r.local_rows.end(),
        [](const LocalActorRow& a, const LocalActorRow& b) { return a.pipelines > b.pipelines; });
    return r;
}

}  // namespace clusterlens::scoring
