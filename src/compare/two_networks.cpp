#include "src/compare/two_networks.hpp"

#include <cmath>
#include <limits>
#include <map>

#include "graphs/error.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double number_at(const nlohmann::ordered_json& summary, const std::string& pointer) {
    const nlohmann::ordered_json::json_pointer p(pointer);
    if (!summary.contains(p)) return 0.0;  // a count absent from one summary (e.g. a role)
    const auto& v = summary.at(p);
    if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
    if (v.is_number()) return v.get<double>();
    return kNan;
}

double column(const Network& net, const char* name, std::size_t i) {
    const auto* c = net.actor_attributes().find(name);
    if (c == nullptr) return kNan;
    return parse_number(c->as_text(i)).value_or(kNan);
}

std::string text_column(const Network& net, const char* name, std::size_t i) {
    const auto* c = net.actor_attributes().find(name);
    return c == nullptr ? std::string() : c->as_text(i);
}

std::pair<std::string, std::string> tie_key(const Network& net, std::size_t e) {
    std::string s = net.actor(net.source(e)).id, t = net.actor(net.target(e)).id;
    if (!net.directed() && t < s) std::swap(s, t);
    return {s, t};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& compared_metrics() {
    static const std::vector<std::pair<std::string, std::string>> m = {
        {"actors", "/actors"},
        {"ties", "/ties"},
        {"density", "/density"},
        {"components", "/components"},
        {"largest_component_share", "/largest_component_share"},
        {"transitivity", "/transitivity"},
        {"degree_centralization", "/centralization/degree"},
        {"betweenness_centralization", "/centralization/betweenness"},
        {"cluster_openness_local_ei", "/ei_locality/cluster_openness"},
        {"whole_network_ei", "/ei_locality/whole_binary"},
        {"pipelines", "/pipelines/count"},
        {"pipelines_per_local_actor", "/pipelines/per_local_actor"},
        {"local_density", "/lock_in/indicators/3/value"},  // lock_in.hpp: 4th indicator
        {"pipeline_concentration_hhi", "/pipelines/concentration_hhi"},
        {"gatekeeper_reach_share", "/pipelines/gatekeeper_reach_share"},
        {"mean_tie_strength", "/tie_strength/mean_weight"},
        {"strong_tie_share", "/tie_strength/strong_share"},
        {"brokerage_total_z", "/brokerage/z/total"},
        {"typology_technological_gatekeeper", "/typology/counts/technological_gatekeeper"},
        {"typology_mutual_exchanger", "/typology/counts/mutual_exchanger"},
        {"typology_external_star", "/typology/counts/external_star"},
        {"typology_isolated", "/typology/counts/isolated"},
        {"lock_in_flag", "/lock_in/flag"},
        {"lock_in_indicators_fired", "/lock_in/fired"}};
    return m;
}

TwoNetworkComparison compare_two(const ScoredRelation& a, const ScoredRelation& b) {
    const Network& na = a.network;
    const Network& nb = b.network;
    if (na.directed() != nb.directed())
        throw UsageError(
            "compare: one network is directed and the other is not; compare like with like "
            "(set directed in the mapping)");
    TwoNetworkComparison r;
    for (const auto& [name, pointer] : compared_metrics()) {
        const double va = number_at(a.summary, pointer), vb = number_at(b.summary, pointer);
        r.metrics.push_back({name, va, vb, vb - va});
    }

    // Actors: kept and gained in B's order, then lost in A's order.
    std::vector<Actor> union_actors;
    std::vector<std::string> actor_change;
    std::vector<double> betweenness, capacity;
    std::map<std::string, std::size_t> union_index;
    for (std::size_t i = 0; i < nb.actor_count(); ++i) {
        const Actor& x = nb.actor(i);
        const auto in_a = na.find_actor(x.id);
        ActorChange c{x.id,
                      x.label,
                      in_a ? "kept" : "gained",
                      kNan,
                      column(nb, "ext_share", i),
                      kNan,
                      column(nb, "brokerage_total", i),
                      kNan,
                      column(nb, "gatekeeper", i),
                      "",
                      text_column(nb, "typology", i)};
        if (in_a) {
            ++r.actors_kept;
            c.ext_share_a = column(na, "ext_share", *in_a);
            c.brokerage_a = column(na, "brokerage_total", *in_a);
            c.gatekeeper_a = column(na, "gatekeeper", *in_a);
            c.typology_a = text_column(na, "typology", *in_a);
            if (c.typology_a != c.typology_b && (!c.typology_a.empty() || !c.typology_b.empty()))
                ++r.typology_changes;
        } else {
            ++r.actors_gained;
        }
        union_index[x.id] = union_actors.size();
        union_actors.push_back(x);
        actor_change.push_back(c.status);
        betweenness.push_back(column(nb, "betweenness", i));
        capacity.push_back(column(nb, "learning_capacity", i));
        r.actors.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < na.actor_count(); ++i) {
        const Actor& x = na.actor(i);
        if (nb.find_actor(x.id)) continue;
        ++r.actors_lost;
        r.actors.push_back({x.id, x.label, "lost", column(na, "ext_share", i), kNan,
                            column(na, "brokerage_total", i), kNan, column(na, "gatekeeper", i),
                            kNan, text_column(na, "typology", i), ""});
        union_index[x.id] = union_actors.size();
        union_actors.push_back(x);
        actor_change.push_back("lost");
        betweenness.push_back(column(na, "betweenness", i));
        capacity.push_back(column(na, "learning_capacity", i));
    }

    // Ties: by their ends' ids.
    std::map<std::pair<std::string, std::string>, std::size_t> in_a;
    for (std::size_t e = 0; e < na.tie_count(); ++e) in_a[tie_key(na, e)] = e;
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    std::vector<std::string> tie_change;
    std::map<std::pair<std::string, std::string>, char> seen_in_b;
    for (std::size_t e = 0; e < nb.tie_count(); ++e) {
        const auto key = tie_key(nb, e);
        seen_in_b[key] = 1;
        const auto it = in_a.find(key);
        const bool kept = it != in_a.end();
        r.ties.push_back({key.first, key.second, kept ? "kept" : "gained",
                          kept ? na.weight(it->second) : kNan, nb.weight(e)});
        (kept ? r.ties_kept : r.ties_gained) += 1;
        ends.push_back(static_cast<std::int64_t>(union_index.at(nb.actor(nb.source(e)).id)));
        ends.push_back(static_cast<std::int64_t>(union_index.at(nb.actor(nb.target(e)).id)));
        weights.push_back(nb.weight(e));
        tie_change.push_back(r.ties.back().status);
    }
    for (std::size_t e = 0; e < na.tie_count(); ++e) {
        const auto key = tie_key(na, e);
        if (seen_in_b.count(key)) continue;
        r.ties.push_back({key.first, key.second, "lost", na.weight(e), kNan});
        ++r.ties_lost;
        ends.push_back(static_cast<std::int64_t>(union_index.at(na.actor(na.source(e)).id)));
        ends.push_back(static_cast<std::int64_t>(union_index.at(na.actor(na.target(e)).id)));
        weights.push_back(na.weight(e));
        tie_change.push_back("lost");
    }
    const auto relation = nb.relations().empty() ? std::string() : nb.relations().front();
    r.change = Network::build(union_actors, nb.directed(), ends, weights, {relation},
                              std::vector<std::uint32_t>(weights.size(), 0));
    r.change.actor_attributes().set_texts("change", actor_change);
    r.change.actor_attributes().set_numbers("betweenness", betweenness);
    r.change.actor_attributes().set_numbers("learning_capacity", capacity);
    r.change.tie_attributes().set_texts("change", tie_change);
    return r;
}

}  // namespace clusterlens::scoring
