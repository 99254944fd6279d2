#include "graphs/network.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace clusterlens {

Network::Network() : graph_(0, false) { relations_.emplace_back(); }

Network Network::build(std::vector<Actor> actors, bool directed,
                       const std::vector<std::int64_t>& ends, std::vector<double> weights,
                       std::vector<std::string> relations,
                       std::vector<std::uint32_t> tie_relation) {
    const auto n = static_cast<std::int64_t>(actors.size());
    if (ends.size() != 2 * weights.size() || tie_relation.size() != weights.size())
        throw BackendError("Network::build: tie arrays differ in length");
    if (relations.empty()) relations.emplace_back();
    for (std::size_t i = 0; i < ends.size(); i += 2) {
        if (ends[i] < 0 || ends[i] >= n || ends[i + 1] < 0 || ends[i + 1] >= n)
            throw BackendError("Network::build: tie end out of range");
        if (ends[i] == ends[i + 1]) throw BackendError("Network::build: self-loop");
    }
    for (std::size_t e = 0; e < weights.size(); ++e) {
        if (!(std::isfinite(weights[e]) && weights[e] > 0))
            throw BackendError("Network::build: weight not > 0");
        if (tie_relation[e] >= relations.size())
            throw BackendError("Network::build: relation index out of range");
    }

    Network net;
    net.graph_ = IgraphGraph(n, directed);
    if (!ends.empty()) {
        igraph_vector_int_t view;
        igraph_vector_int_view(&view, reinterpret_cast<const igraph_integer_t*>(ends.data()),
                               static_cast<igraph_integer_t>(ends.size()));
        static_assert(sizeof(igraph_integer_t) == sizeof(std::int64_t));
        igraph_call("adding ties", igraph_add_edges, net.graph_.get(), &view, nullptr);
    }
    net.actors_ = std::move(actors);
    net.ends_ = ends;
    net.weights_ = std::move(weights);
    net.relations_ = std::move(relations);
    net.tie_relation_ = std::move(tie_relation);
    net.id_index_sorted_.resize(net.actors_.size());
    std::iota(net.id_index_sorted_.begin(), net.id_index_sorted_.end(), std::size_t{0});
    std::sort(net.id_index_sorted_.begin(), net.id_index_sorted_.end(),
              [&](std::size_t a, std::size_t b) { return net.actors_[a].id < net.actors_[b].id; });
    return net;
}

Network Network::select_relation(std::uint32_t relation) const {
    if (relation >= relations_.size()) throw BackendError("select_relation: no such relation");
    std::vector<std::int64_t> ends;
    std::vector<double> weights;
    std::vector<std::size_t> rows;
    for (std::size_t e = 0; e < weights_.size(); ++e) {
        if (tie_relation_[e] != relation) continue;
        ends.push_back(ends_[2 * e]);
        ends.push_back(ends_[2 * e + 1]);
        weights.push_back(weights_[e]);
        rows.push_back(e);
    }
    Network out = build(actors_, directed(), ends, std::move(weights), {relations_[relation]},
                        std::vector<std::uint32_t>(rows.size(), 0));
    out.actor_attrs_ = actor_attrs_;
    out.tie_attrs_ = tie_attrs_;
    out.tie_attrs_.select_rows(rows);
    out.report_ = report_;
    out.metadata_ = metadata_;
    return out;
}

std::vector<std::vector<std::size_t>> Network::undirected_neighbours() const {
    std::vector<std::vector<std::size_t>> nb(actors_.size());
    for (std::size_t e = 0; e < weights_.size(); ++e) {
        const auto a = static_cast<std::size_t>(ends_[2 * e]);
        const auto b = static_cast<std::size_t>(ends_[2 * e + 1]);
        nb[a].push_back(b);
        nb[b].push_back(a);
    }
    for (auto& v : nb) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    return nb;
}

bool Network::directed() const noexcept { return igraph_is_directed(graph_.get()); }

std::size_t Network::source(std::size_t tie) const {
    return static_cast<std::size_t>(ends_.at(2 * tie));
}

std::size_t Network::target(std::size_t tie) const {
    return static_cast<std::size_t>(ends_.at(2 * tie + 1));
}

std::optional<std::size_t> Network::find_actor(const std::string& id) const {
    auto it = std::lower_bound(
        id_index_sorted_.begin(), id_index_sorted_.end(), id,
        [&](std::size_t a, const std::string& key) { return actors_[a].id < key; });
    if (it != id_index_sorted_.end() && actors_[*it].id == id) return *it;
    return std::nullopt;
}

void require_one_relation(const Network& net, std::string_view what) {
    std::vector<char> used(net.relations().size(), 0);
    std::size_t count = 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e)
        if (!used[net.relation(e)]) used[net.relation(e)] = 1, ++count;
    if (count < 2) return;
    std::string names;
    for (std::size_t r = 0; r < used.size(); ++r)
        if (used[r]) names += (names.empty() ? "\"" : ", \"") + net.relations()[r] + "\"";
    throw UsageError(std::string(what) + ": the network holds ties of " + std::to_string(count) +
                     " relations (" + names +
                     "); measure one relation at a time (Network::select_relation; on the "
                     "command line --relation)");
}

}  // namespace clusterlens
