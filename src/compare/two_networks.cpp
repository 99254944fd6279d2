#include "src/compare/two_networks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "graphs/error.hpp"
#include "src/communities/communities.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double column(const Network& net, const char* name, std::size_t i) {
    const auto* c = net.actor_attributes().find(name);
    if (c == nullptr) return kNan;
    return parse_number(c->as_text(i)).value_or(kNan);
}

std::string text_column(const Network& net, const char* name, std::size_t i) {
    const auto* c = net.actor_attributes().find(name);
    return c == nullptr ? std::string() : c->as_text(i);
}

/// A tie by its ends' matching keys (key[i]: actor i's id or label), unordered when undirected.
std::pair<std::string, std::string> tie_key(const Network& net, const std::vector<std::string>& key,
                                            std::size_t e) {
    std::string s = key[net.source(e)], t = key[net.target(e)];
    if (!net.directed() && t < s) std::swap(s, t);
    return {s, t};
}

/// "x, y, z" of the first five items, then "and N more".
std::string some_of(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < 5; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > 5) out += " and " + std::to_string(items.size() - 5) + " more";
    return out;
}

/// A network's matching labels and what keeps them from identifying its actors.
struct Labels {
    std::vector<std::string> key;         ///< per actor: matching_label()
    std::vector<std::string> duplicates;  ///< "'label' (actors id1, id2)", by label
    std::vector<std::string> unlabelled;  ///< ids whose label is a position (positional ids)
    bool usable() const { return duplicates.empty() && unlabelled.empty(); }
    /// What is wrong, for messages; "" when usable.
    std::string problems() const {
        std::string out;
        if (!duplicates.empty()) out = "duplicate labels " + some_of(duplicates);
        if (!unlabelled.empty())
            out += (out.empty() ? "" : "; ") + std::string("actors without a label ") +
                   some_of(unlabelled);
        return out;
    }
};

Labels labels_of(const Network& net, bool positional) {
    Labels l;
    std::map<std::string, std::vector<std::string>> ids_of;
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        const auto& id = net.actor(i).id;
        l.key.push_back(matching_label(net, i));
        ids_of[l.key.back()].push_back(id);
        if (positional && l.key.back() == id) l.unlabelled.push_back(id);
    }
    for (const auto& [label, ids] : ids_of)
        if (ids.size() > 1) l.duplicates.push_back("'" + label + "' (actors " + some_of(ids) + ")");
    return l;
}

}  // namespace

std::string positional_ids(const Network& net) {
    if (net.report().format == "pajek") return "Pajek vertex numbers are positions, not identities";
    const std::size_t n = net.actor_count();
    if (n == 0) return "";
    auto all = [&](auto id_of) {
        for (std::size_t i = 0; i < n; ++i)
            if (net.actor(i).id != id_of(i)) return false;
        return true;
    };
    if (all([](std::size_t i) { return "n" + std::to_string(i); }))
        return "ids n0..n" + std::to_string(n - 1) +
               " in order, as igraph and NetworkX write GraphML, are positions, not identities";
    for (const std::size_t first : {std::size_t{1}, std::size_t{0}})
        if (all([&](std::size_t i) { return std::to_string(i + first); }))
            return "ids " + std::to_string(first) + ".." + std::to_string(n - 1 + first) +
                   " in order are positions, not identities";
    return "";
}

std::string matching_label(const Network& net, std::size_t i) {
    const Actor& a = net.actor(i);
    if (!a.label.empty() && a.label != a.id) return a.label;
    if (const auto* name = net.actor_attributes().find("name")) {
        auto text = name->as_text(i);
        if (!text.empty()) return text;
    }
    return a.id;
}

const std::vector<ComparedMetric>& compared_metrics() {
    using S = const ClusterSummary&;
    static const std::vector<ComparedMetric> m = {
        {"actors", [](S s) { return static_cast<double>(s.composition.actors); }},
        {"ties", [](S s) { return static_cast<double>(s.composition.ties); }},
        {"density", [](S s) { return s.density; }},
        {"components", [](S s) { return static_cast<double>(s.composition.components); }},
        {"largest_component_share", [](S s) { return s.composition.largest_component_share; }},
        {"transitivity", [](S s) { return s.transitivity; }},
        {"degree_centralization", [](S s) { return s.centralization.degree; }},
        {"betweenness_centralization", [](S s) { return s.centralization.betweenness; }},
        {"cluster_openness_local_ei", [](S s) { return s.cluster_openness(); }},
        {"whole_network_ei", [](S s) { return s.ei_locality.whole_binary; }},
        {"pipelines", [](S s) { return static_cast<double>(s.pipelines.count); }},
        {"pipelines_per_local_actor", [](S s) { return s.pipelines.per_local_actor; }},
        {"local_density", [](S s) { return s.lock_in.local_density; }},
        {"pipeline_concentration_hhi", [](S s) { return s.pipelines.concentration_hhi; }},
        {"gatekeeper_reach_share", [](S s) { return s.pipelines.gatekeeper_reach_share; }},
        {"mean_tie_strength", [](S s) { return s.tie_strength.mean_weight; }},
        {"strong_tie_share", [](S s) { return s.tie_strength.strong_share; }},
        {"brokerage_total_z", [](S s) { return s.brokerage.z.total; }},
        {"typology_technological_gatekeeper",
         [](S s) { return static_cast<double>(s.typology.count("technological_gatekeeper")); }},
        {"typology_mutual_exchanger",
         [](S s) { return static_cast<double>(s.typology.count("mutual_exchanger")); }},
        {"typology_external_star",
         [](S s) { return static_cast<double>(s.typology.count("external_star")); }},
        {"typology_isolated",
         [](S s) { return static_cast<double>(s.typology.count("isolated")); }},
        {"lock_in_flag", [](S s) { return s.lock_in.lock_in ? 1.0 : 0.0; }},
        {"lock_in_indicators_fired", [](S s) { return static_cast<double>(s.lock_in.fired); }}};
    return m;
}

std::size_t compared_metric_index(const std::string& name) {
    const auto& m = compared_metrics();
    for (std::size_t k = 0; k < m.size(); ++k)
        if (m[k].name == name) return k;
    throw BackendError("compare: no compared metric '" + name + "'");
}

TwoNetworkComparison compare_two(const ScoredRelation& a, const ScoredRelation& b,
                                 const TwoNetworkOptions& options) {
    const Network& na = a.network;
    const Network& nb = b.network;
    if (na.directed() != nb.directed())
        throw UsageError(
            "compare: one network is directed and the other is not; compare like with like "
            "(set directed in the mapping)");
    TwoNetworkComparison r;
    for (const auto& [name, value] : compared_metrics()) {
        const double va = value(a.cluster), vb = value(b.cluster);
        r.metrics.push_back({name, va, vb, vb - va});
    }

    // Matching keys: ids, or labels (the rule is in the header).
    const auto why_a = positional_ids(na), why_b = positional_ids(nb);
    std::string why = why_a.empty() ? why_b : why_a;
    if (!why_a.empty() && !why_b.empty() && why_a != why_b) why += "; " + why_b;
    const auto la = labels_of(na, !why_a.empty()), lb = labels_of(nb, !why_b.empty());
    if (options.match == ActorMatch::label) {
        for (const auto& [l, path] :
             {std::pair{&la, &options.path_a}, std::pair{&lb, &options.path_b}})
            if (!l->usable())
                throw InputError(SourcePos{*path},
                                 "cannot match actors by label (--match label): " + l->problems() +
                                     "; every actor needs a label unique within its network (or "
                                     "use --match id)");
        r.matched_by_label = true;
        r.matching = "actors matched by label (--match label)";
    } else if (options.match == ActorMatch::id) {
        r.matching = "actors matched by id (--match id)" +
                     (why.empty() ? std::string() : ", although " + why);
    } else if (why.empty()) {
        r.matching = "actors matched by id";
    } else if (la.usable() && lb.usable()) {
        r.matched_by_label = true;
        r.matching = "actors matched by label (" + why + ")";
    } else {
        const auto& bad = la.usable() ? lb : la;
        r.matching = "actors matched by id, although " + why + ": labels not used, " +
                     (la.usable() ? options.path_b : options.path_a) + " has " + bad.problems();
    }
    std::vector<std::string> key_a, key_b;
    if (r.matched_by_label) {
        key_a = la.key;
        key_b = lb.key;
    } else {
        for (const auto& x : na.actors()) key_a.push_back(x.id);
        for (const auto& x : nb.actors()) key_b.push_back(x.id);
    }
    std::map<std::string, std::size_t> index_a, index_b;
    for (std::size_t i = 0; i < key_a.size(); ++i) index_a.emplace(key_a[i], i);
    for (std::size_t i = 0; i < key_b.size(); ++i) index_b.emplace(key_b[i], i);
    // The union network's actors go by their keys (ids of A and B may clash when matched by
    // label).
    auto union_actor = [&](const Actor& x, const std::string& key) {
        Actor u = x;
        u.id = key;
        if (r.matched_by_label) u.label = key;
        return u;
    };

    // Actors: kept and gained in B's order, then lost in A's order.
    std::vector<Actor> union_actors;
    std::vector<std::string> actor_change;
    std::vector<double> betweenness, capacity;
    std::map<std::string, std::size_t> union_index;
    std::vector<int> community_a, community_b;  // the kept actors' communities in A and in B
    std::vector<KeptActor> kept_actors;
    const bool communities = na.actor_attributes().find("community") != nullptr &&
                             nb.actor_attributes().find("community") != nullptr;
    for (std::size_t i = 0; i < nb.actor_count(); ++i) {
        const Actor& x = nb.actor(i);
        const auto found = index_a.find(key_b[i]);
        const bool kept = found != index_a.end();
        const std::size_t ia = kept ? found->second : 0;  // A's index when kept
        ActorChange c{x.id,
                      r.matched_by_label ? key_b[i] : x.label,
                      kept ? "kept" : "gained",
                      kNan,
                      column(nb, "ext_share", i),
                      kNan,
                      column(nb, "brokerage_total", i),
                      kNan,
                      column(nb, "gatekeeper", i),
                      "",
                      text_column(nb, "typology", i)};
        if (kept) {
            ++r.actors_kept;
            kept_actors.push_back({ia, i, c.id, c.label});
            c.ext_share_a = column(na, "ext_share", ia);
            c.brokerage_a = column(na, "brokerage_total", ia);
            c.gatekeeper_a = column(na, "gatekeeper", ia);
            c.typology_a = text_column(na, "typology", ia);
            if (c.typology_a != c.typology_b && (!c.typology_a.empty() || !c.typology_b.empty()))
                ++r.typology_changes;
            const double ca = column(na, "community", ia), cb = column(nb, "community", i);
            if (communities && std::isfinite(ca) && std::isfinite(cb)) {
                community_a.push_back(static_cast<int>(ca));
                community_b.push_back(static_cast<int>(cb));
            }
        } else {
            ++r.actors_gained;
        }
        union_index[key_b[i]] = union_actors.size();
        union_actors.push_back(union_actor(x, key_b[i]));
        actor_change.push_back(c.status);
        betweenness.push_back(column(nb, "betweenness", i));
        capacity.push_back(column(nb, "learning_capacity", i));
        r.actors.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < na.actor_count(); ++i) {
        const Actor& x = na.actor(i);
        if (index_b.count(key_a[i])) continue;
        ++r.actors_lost;
        r.actors.push_back({x.id, r.matched_by_label ? key_a[i] : x.label, "lost",
                            column(na, "ext_share", i), kNan, column(na, "brokerage_total", i),
                            kNan, column(na, "gatekeeper", i), kNan, text_column(na, "typology", i),
                            ""});
        union_index[key_a[i]] = union_actors.size();
        union_actors.push_back(union_actor(x, key_a[i]));
        actor_change.push_back("lost");
        betweenness.push_back(column(na, "betweenness", i));
        capacity.push_back(column(na, "learning_capacity", i));
    }

    if (communities) {
        auto& ag = r.communities;
        ag.present = true;
        ag.actors = community_a.size();
        const auto distinct = [](std::vector<int> v) {
            std::sort(v.begin(), v.end());
            return static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
        };
        ag.communities_a = distinct(community_a);
        ag.communities_b = distinct(community_b);
        ag.nmi = ag.adjusted_rand = kNan;
        if (ag.actors >= 2) {
            ag.nmi = nmi(community_a, community_b);
            ag.adjusted_rand = adjusted_rand(community_a, community_b);
        }
    }

    r.tie_stability = scoring::tie_stability(na, nb, key_a, key_b);
    r.tie_stability.strong_threshold = a.cluster.tie_strength.strong_threshold;
    r.tie_stability.threshold_is_median = a.cluster.tie_strength.threshold_is_median;
    r.actor_stability = scoring::actor_stability(a, b, kept_actors);

    // Ties: by their ends' keys.
    std::map<std::pair<std::string, std::string>, std::size_t> in_a;
    for (std::size_t e = 0; e < na.tie_count(); ++e) in_a[tie_key(na, key_a, e)] = e;
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    std::vector<std::string> tie_change;
    std::map<std::pair<std::string, std::string>, char> seen_in_b;
    for (std::size_t e = 0; e < nb.tie_count(); ++e) {
        const auto key = tie_key(nb, key_b, e);
        seen_in_b[key] = 1;
        const auto it = in_a.find(key);
        const bool kept = it != in_a.end();
        r.ties.push_back({key.first, key.second, kept ? "kept" : "gained",
                          kept ? na.weight(it->second) : kNan, nb.weight(e)});
        (kept ? r.ties_kept : r.ties_gained) += 1;
        ends.push_back(static_cast<std::int64_t>(union_index.at(key_b[nb.source(e)])));
        ends.push_back(static_cast<std::int64_t>(union_index.at(key_b[nb.target(e)])));
        weights.push_back(nb.weight(e));
        tie_change.push_back(r.ties.back().status);
    }
    for (std::size_t e = 0; e < na.tie_count(); ++e) {
        const auto key = tie_key(na, key_a, e);
        if (seen_in_b.count(key)) continue;
        r.ties.push_back({key.first, key.second, "lost", na.weight(e), kNan});
        ++r.ties_lost;
        ends.push_back(static_cast<std::int64_t>(union_index.at(key_a[na.source(e)])));
        ends.push_back(static_cast<std::int64_t>(union_index.at(key_a[na.target(e)])));
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
