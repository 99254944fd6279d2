// The view of a network that a diagram draws (issue 4): which actors and ties, merged how,
// filtered how, in which order; and which actors get a label. Pure: no Graphviz, no scoring,
// only the Network and the options, so each step is tested on a handful of actors
// (tests/render/view_test.cpp). Internal to render.
//
// build_view runs the steps in this order; each step that leaves something out or merges says
// so in View::notes (the legend's "shown" section lists them in this order):
//   selection  ego neighbourhood, local actors only, the position map's firms, the overview
//   merging    global actors collapsed per attribute value, their ties summed
//   filters    one linkage only, a minimum weight, the N strongest ties; then the draw order
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "graphs/network.hpp"
#include "render/options.hpp"

namespace clusterlens::render {

/// Node::actor of a merged group (several global actors drawn as one node).
inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Node {
    std::size_t actor = kNone;  ///< actor index, or kNone for a collapsed group
    std::string label;
    bool global = false;
    bool focal = false;
    std::string type;
    Part part = Part::unspecified;
    std::size_t members = 1;
    std::string category;  ///< shape category (shape_by value)
    double size_value = std::numeric_limits<double>::quiet_NaN();
    double colour_value = std::numeric_limits<double>::quiet_NaN();
    std::string colour_category;
    int ring = 0;  ///< ego view: distance from the ego (set by the layout otherwise)
    double x = 0, y = 0;
    /// Position from the file (collapsed groups: the mean of their members').
    double fx = std::numeric_limits<double>::quiet_NaN();
    double fy = std::numeric_limits<double>::quiet_NaN();
    double width = 0.15;  ///< inches (node_width of the size score)
    bool labelled = false;
};

struct Edge {
    std::size_t a, b;  ///< node indices
    double weight;
    std::string kind;  ///< linkage: buzz | pipeline | extra_local (plain: no locality known)
    std::string dimension;
};

struct View {
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<std::string> notes;
    std::size_t actors_left_out = 0, ties_left_out = 0;
    bool directed = false;
    bool locality_known = false;       ///< some actor is local or global
    std::size_t without_position = 0;  ///< --layout file: drawn actors the file gives no x, y
    std::string first_without_position;
};

/// The whole view: the steps below in order. UsageError for an unknown attribute or ego,
/// a size attribute that is not numeric, a position map without typology scores, a file
/// layout without positions, an unknown tie colour attribute.
View build_view(const Network& net, const RenderOptions& o, bool numeric_colour);

// ---- the steps ------------------------------------------------------------------------

/// The attribute values a view reads, once per actor.
struct ActorValues {
    std::vector<double> size;              ///< size_by
    std::vector<double> colour;            ///< color_by when numeric (else NaN)
    std::vector<std::string> colour_text;  ///< color_by when categorical (else "")
    std::vector<std::string> shape;        ///< shape_by
    std::vector<std::string> label;        ///< label_by; empty when not asked for
};
ActorValues read_actor_values(const Network& net, const RenderOptions& o, bool numeric_colour);

/// Which actors are drawn, and (ego view) each actor's distance from the ego (-1: not
/// reached).
struct Selection {
    std::vector<char> keep;
    std::vector<int> dist;
    explicit Selection(std::size_t actors) : keep(actors, 1), dist(actors, -1) {}
    std::size_t kept() const;
};

/// Ego view: actors within `o.radius` steps of `o.ego` (ties in either direction).
void select_ego(const Network& net, const RenderOptions& o, Selection& s, View& v);
/// Local actors only (the buzz sub-network).
void select_local(const Network& net, Selection& s, View& v);
/// Position map: firms with a typology (finite internal_connectivity and external_openness),
/// whose scores are returned in x and y.
void select_typed_firms(const Network& net, Selection& s, std::vector<double>& x,
                        std::vector<double>& y);
/// Overview of a large network: above `o.max_actors`, the top ones by size score (stable:
/// ties in input order); the others count as left out.
void select_top(const RenderOptions& o, const std::vector<double>& size, Selection& s, View& v);

/// One node per selected actor in input order; with `o.collapse_external`, global actors
/// merged into one node per value of that attribute ("(none)" for no value), labelled
/// "value (n actors)" and sized by their number. `file_x`/`file_y` (may be empty): positions
/// from the file. Returns each actor's node (kNone: not drawn).
std::vector<std::size_t> make_nodes(const Network& net, const RenderOptions& o,
                                    const ActorValues& values, const Selection& s,
                                    const std::vector<double>& file_x,
                                    const std::vector<double>& file_y, View& v);

/// Ties between drawn nodes, with their linkage (the `linkage` tie attribute, else from the
/// ends' localities) and dimension (`o.tie_colour_by`, else `learning_dimension`). Ties to a
/// merged group are summed per node pair; ties inside or between merged groups are left out.
void make_edges(const Network& net, const RenderOptions& o, const std::vector<std::size_t>& node_of,
                View& v);

/// Tie filters: `o.only_linkage`, then `o.min_weight`, then the `o.top_ties` strongest.
void filter_ties(const RenderOptions& o, View& v);

/// Weak ties first, so strong ones are drawn on top (stable).
void draw_order(View& v);

/// Which actors are labelled, in placing order: the ego (unless labels none), merged groups
/// (unless none), then the top `o.label_top` by size score (all, none); in a pipeline view
/// (`only_linkage` pipeline) the top local actors by size and the partners with the
/// strongest drawn pipelines. Sets Node::labelled; `rule` is the legend's line.
struct Labelling {
    std::vector<std::size_t> order;
    std::string rule;
};
Labelling choose_labels(const RenderOptions& o, View& v);

}  // namespace clusterlens::render
