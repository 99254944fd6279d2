// The Network model: actors and ties of a cluster innovation network over an igraph_t.
//
// Conventions (README "Input" and "Measures"):
// - Actors carry id, label, part (core | assisting | external), type, focal, locality
//   (local | global; derived from part unless given), stage, group, and further attributes.
// - Ties carry source, target, weight (> 0), relation and further attributes. One Network is
//   either directed or undirected; arcs always point in the direction knowledge flows (a reader
//   whose data say "i asks j" is told so by the mapping and reverses the arcs on load).
// - Self-loops are dropped and parallel ties (same pair, same relation) summed on load; both
//   are counted in LoadReport.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "graphs/igraph_support.hpp"
#include "graphs/vocabulary.hpp"

namespace clusterlens {

struct Actor {
    std::string id;
    std::string label;
    Part part = Part::unspecified;
    std::string type;  ///< one of known_actor_types() or "" when not given
    bool focal = false;
    Locality locality = Locality::unspecified;
    std::string stage;
    std::string group;
};

/// What happened while loading: counts the user should know about, and the warnings.
struct LoadReport {
    std::vector<std::string> sources;  ///< files read
    std::string format;                ///< "csv", "graphml", ...
    std::size_t self_loops_dropped = 0;
    std::size_t parallel_ties_merged = 0;   ///< ties folded into an earlier tie (weights summed)
    std::size_t actors_created = 0;         ///< actors created for unknown tie ends (option)
    std::size_t mixed_undirected_ties = 0;  ///< undirected ties turned into two arcs
    bool arcs_reversed = false;             ///< input arcs pointed against the knowledge flow
    std::vector<Warning> warnings;
};

/// A cluster innovation network. Owns its igraph_t; vertex i is actor i, edge e is tie e.
class Network {
public:
    Network();

    // ---- construction (used by the loader; validated input only) ---------------------
    /// Builds the network. `ends` holds 2 actor indices per tie; weights and relation indices
    /// one per tie. Preconditions (checked, BackendError otherwise): indices in range, weights
    /// finite and > 0, no self-loops, no parallel tie within a relation.
    static Network build(std::vector<Actor> actors, bool directed,
                         const std::vector<std::int64_t>& ends, std::vector<double> weights,
                         std::vector<std::string> relations,
                         std::vector<std::uint32_t> tie_relation);

    // ---- actors --------------------------------------------------------------------
    std::size_t actor_count() const noexcept { return actors_.size(); }
    const std::vector<Actor>& actors() const noexcept { return actors_; }
    const Actor& actor(std::size_t i) const { return actors_.at(i); }
    std::optional<std::size_t> find_actor(const std::string& id) const;
    AttributeTable& actor_attributes() noexcept { return actor_attrs_; }
    const AttributeTable& actor_attributes() const noexcept { return actor_attrs_; }

    // ---- ties ----------------------------------------------------------------------
    std::size_t tie_count() const noexcept { return weights_.size(); }
    bool directed() const noexcept;
    std::size_t source(std::size_t tie) const;
    std::size_t target(std::size_t tie) const;
    double weight(std::size_t tie) const { return weights_.at(tie); }
    const std::vector<double>& weights() const noexcept { return weights_; }
    /// Relation names; a network without a relation column has one relation, "" (unnamed).
    const std::vector<std::string>& relations() const noexcept { return relations_; }
    std::uint32_t relation(std::size_t tie) const { return tie_relation_.at(tie); }
    AttributeTable& tie_attributes() noexcept { return tie_attrs_; }
    const AttributeTable& tie_attributes() const noexcept { return tie_attrs_; }

    const igraph_t* graph() const noexcept { return graph_.get(); }

    LoadReport& report() noexcept { return report_; }
    const LoadReport& report() const noexcept { return report_; }

    /// Sorted distinct neighbours of every actor, direction ignored (in- and out-neighbours
    /// alike, every relation). O(m log m).
    std::vector<std::vector<std::size_t>> undirected_neighbours() const;

    /// A network with the same actors (and actor attributes) and only the ties of one relation
    /// (with their attributes). Measures are computed per relation on such networks.
    Network select_relation(std::uint32_t relation) const;

    /// Free-form network-level metadata (name, mapping used, attribution...).
    std::map<std::string, std::string>& metadata() noexcept { return metadata_; }
    const std::map<std::string, std::string>& metadata() const noexcept { return metadata_; }

private:
    IgraphGraph graph_;
    std::vector<Actor> actors_;
    std::vector<std::int64_t> ends_;  // as given (igraph reorders undirected ends)
    std::vector<double> weights_;
    std::vector<std::string> relations_;
    std::vector<std::uint32_t> tie_relation_;
    AttributeTable actor_attrs_;
    AttributeTable tie_attrs_;
    LoadReport report_;
    std::map<std::string, std::string> metadata_;
    std::vector<std::size_t> id_index_sorted_;  // actor indices sorted by id, for find_actor
};

/// The precondition of every measure: the network holds ties of one relation only (an empty
/// network and one with ties of a single relation pass). UsageError naming `what`, the count
/// and the relations otherwise. O(m).
void require_one_relation(const Network& net, std::string_view what);

}  // namespace clusterlens
