#include "src/compare/many_clusters.hpp"

#include <cmath>

#include "graphs/error.hpp"
#include "src/compare/two_networks.hpp"

namespace clusterlens::scoring {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

/// Mean over actors of each actor's mean score in `columns` (local actors, or all when none).
double cluster_score(const ScoredRelation& c, const std::string& name,
                     const std::vector<std::string>& columns) {
    const Network& net = c.network;
    std::vector<const AttributeColumn*> cols;
    for (const auto& col : columns) {
        const auto* found = net.actor_attributes().find(col);
        if (found == nullptr)
            throw UsageError("cluster " + name + " has no actor column '" + col +
                             "' named in the mapping's [patterns]");
        cols.push_back(found);
    }
    bool any_local = false;
    for (const auto& a : net.actors()) any_local = any_local || a.locality == Locality::local;
    double sum = 0;
    std::size_t actors = 0;
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        if (any_local && net.actor(i).locality != Locality::local) continue;
        double s = 0;
        std::size_t k = 0;
        for (const auto* col : cols)
            if (const auto v = parse_number(col->as_text(i)); v && std::isfinite(*v)) s += *v, ++k;
        if (k == 0) continue;
        sum += s / static_cast<double>(k);
        ++actors;
    }
    return actors ? sum / static_cast<double>(actors) : kNan;
}

}  // namespace

std::string cluster_pattern(double a, double t, double ta, double tt) {
    if (!std::isfinite(a) || !std::isfinite(t) || !std::isfinite(ta) || !std::isfinite(tt))
        return "";
    if (a >= ta) return t >= tt ? "I sustainable development" : "II ability-oriented";
    return t >= tt ? "IV leader-oriented" : "III newborn";
}

ManyClusters compare_many(const std::vector<std::string>& names,
                          const std::vector<ScoredRelation>& clusters,
                          const std::vector<std::string>& ability_columns,
                          const std::vector<std::string>& trigger_columns, double ta, double tt) {
    ManyClusters r;
    r.patterns = !ability_columns.empty() && !trigger_columns.empty();
    for (std::size_t k = 0; k < clusters.size(); ++k) {
        ClusterRow row;
        row.name = names.at(k);
        for (const auto& [metric, value] : compared_metrics())
            row.values.push_back(value(clusters[k].cluster));
        if (r.patterns) {
            row.ability = cluster_score(clusters[k], row.name, ability_columns);
            row.trigger = cluster_score(clusters[k], row.name, trigger_columns);
        }
        r.rows.push_back(std::move(row));
    }
    if (!r.patterns) return r;
    r.thresholds_are_means = std::isnan(ta) && std::isnan(tt);
    auto mean = [&](double ClusterRow::*field) {
        double s = 0;
        std::size_t n = 0;
        for (const auto& row : r.rows)
            if (std::isfinite(row.*field)) s += row.*field, ++n;
        return n ? s / static_cast<double>(n) : kNan;
    };
    r.ability_threshold = std::isnan(ta) ? mean(&ClusterRow::ability) : ta;
    r.trigger_threshold = std::isnan(tt) ? mean(&ClusterRow::trigger) : tt;
    for (auto& row : r.rows)
        row.pattern =
            cluster_pattern(row.ability, row.trigger, r.ability_threshold, r.trigger_threshold);
    return r;
}

}  // namespace clusterlens::scoring
