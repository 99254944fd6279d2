#include "render/view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "graphs/actor_values.hpp"
#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "render/page.hpp"

namespace clusterlens::render {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

std::string short_number(double v) {
    if (!std::isfinite(v)) return "n/a";
    return fmt::format("{:.3g}", v);
}

/// Sort key of a size score: undefined scores last.
double size_key(double s) {
    return std::isfinite(s) ? s : -std::numeric_limits<double>::infinity();
}

}  // namespace

// ---- selection ------------------------------------------------------------------------

std::size_t Selection::kept() const {
    return static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1));
}

ActorValues read_actor_values(const Network& net, const RenderOptions& o, bool numeric_colour) {
    const std::size_t n = net.actor_count();
    ActorValues values;
    auto size = numbers_of(net, o.size_by, "--size-by");
    if (!size) throw UsageError("--size-by '" + o.size_by + "' is not numeric");
    values.size = std::move(*size);
    values.colour.assign(n, kNan);
    values.colour_text.assign(n, std::string());
    if (numeric_colour)
        values.colour = *numbers_of(net, o.color_by, "--color-by");
    else
        values.colour_text = texts_of(net, o.color_by, "--color-by");
    values.shape = texts_of(net, o.shape_by, "--shape-by");
    if (!o.label_by.empty()) values.label = texts_of(net, o.label_by, "--label-by");
    return values;
}

void select_ego(const Network& net, const RenderOptions& o, Selection& s, View& v) {
    const auto ego = net.find_actor(o.ego);
    if (!ego) throw UsageError("--ego '" + o.ego + "' is not an actor id of this network");
    // Breadth-first over the undirected neighbours, stopping at the radius.
    const auto nb = net.undirected_neighbours();
    std::vector<std::size_t> queue{*ego};
    s.dist[*ego] = 0;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const auto u = queue[q];
        if (static_cast<std::size_t>(s.dist[u]) == o.radius) continue;
        for (const auto w : nb[u])
            if (s.dist[w] < 0) s.dist[w] = s.dist[u] + 1, queue.push_back(w);
    }
    for (std::size_t i = 0; i < s.keep.size(); ++i) s.keep[i] = s.dist[i] >= 0;
    const Actor& a = net.actor(*ego);
    v.notes.push_back(
        fmt::format("ego network of {} (radius {})", a.label.empty() ? a.id : a.label, o.radius));
}

void select_local(const Network& net, Selection& s, View& v) {
    for (std::size_t i = 0; i < s.keep.size(); ++i)
        if (net.actor(i).locality != Locality::local) s.keep[i] = 0;
    v.notes.push_back("local actors only (the buzz sub-network)");
}

void select_typed_firms(const Network& net, Selection& s, std::vector<double>& x,
                        std::vector<double>& y) {
    if (!coordinates(net, "internal_connectivity", "external_openness", x, y))
        throw UsageError(
            "--position-map needs the typology scores (internal_connectivity, "
            "external_openness): render a network scored by clusterlens score");
    for (std::size_t i = 0; i < s.keep.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) s.keep[i] = 0;
}

void select_top(const RenderOptions& o, const std::vector<double>& size, Selection& s, View& v) {
    const std::size_t kept = s.kept();
    if (kept <= o.max_actors) return;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < s.keep.size(); ++i)
        if (s.keep[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size_key(size[a]) > size_key(size[b]);
    });
    for (std::size_t k = o.max_actors; k < order.size(); ++k) s.keep[order[k]] = 0;
    v.notes.push_back(fmt::format("overview: top {} of {} actors by {}", thousands(o.max_actors),
                                  thousands(kept), o.size_by));
    v.actors_left_out += kept - o.max_actors;
}

// ---- merging --------------------------------------------------------------------------

std::vector<std::size_t> make_nodes(const Network& net, const RenderOptions& o,
                                    const ActorValues& values, const Selection& s,
                                    const std::vector<double>& file_x,
                                    const std::vector<double>& file_y, View& v) {
    const std::size_t n = net.actor_count();
    std::vector<std::size_t> node_of(n, kNone);
    std::map<std::string, std::size_t> collapsed;  // value → group node
    std::vector<std::size_t> group_members_with_position;
    std::vector<std::string> collapse_values;
    if (!o.collapse_external.empty())
        collapse_values = texts_of(net, o.collapse_external, "--collapse-external");
    for (std::size_t i = 0; i < n; ++i) {
        if (!s.keep[i]) continue;
        const Actor& a = net.actor(i);
        const bool global = a.locality == Locality::global;
        if (global && !collapse_values.empty()) {
            const std::string value =
                collapse_values[i].empty() ? std::string("(none)") : collapse_values[i];
            auto [it, fresh] = collapsed.emplace(value, v.nodes.size());
            if (fresh) {
                Node g;
                g.global = true;
                g.members = 0;
                g.part = Part::external;
                g.category = "(grouped)";
                v.nodes.push_back(g);
            }
            ++v.nodes[it->second].members;
            v.nodes[it->second].label = value;
            node_of[i] = it->second;
            if (!file_x.empty() && std::isfinite(file_x[i]) && std::isfinite(file_y[i])) {
                // The group sits at the running mean of its members' positions.
                auto& g = v.nodes[it->second];
                group_members_with_position.resize(v.nodes.size(), 0);
                const double k = static_cast<double>(++group_members_with_position[it->second]);
                g.fx = std::isfinite(g.fx) ? g.fx + (file_x[i] - g.fx) / k : file_x[i];
                g.fy = std::isfinite(g.fy) ? g.fy + (file_y[i] - g.fy) / k : file_y[i];
            }
            continue;
        }
        Node nd;
        nd.actor = i;
        nd.label = !values.label.empty() && !values.label[i].empty() ? values.label[i]
                   : a.label.empty()                                 ? a.id
                                                                     : a.label;
        nd.global = global;
        nd.focal = a.focal;
        nd.type = a.type;
        nd.part = a.part;
        nd.category = values.shape[i];
        nd.size_value = values.size[i];
        nd.colour_value = values.colour[i];
        nd.colour_category = values.colour_text[i];
        nd.ring = s.dist[i];
        if (!file_x.empty()) {
            nd.fx = file_x[i], nd.fy = file_y[i];
            if (!std::isfinite(nd.fx) || !std::isfinite(nd.fy)) {
                if (v.without_position++ == 0) v.first_without_position = a.id;
            }
        }
        node_of[i] = v.nodes.size();
        v.nodes.push_back(nd);
    }
    std::size_t merged = 0;
    for (auto& nd : v.nodes)
        if (nd.actor == kNone) {
            nd.label =
                fmt::format("{} ({} actor{})", nd.label, nd.members, nd.members == 1 ? "" : "s");
            nd.size_value = static_cast<double>(nd.members);
            merged += nd.members;
        }
    if (!collapsed.empty())
        v.notes.push_back(fmt::format("{} global actors merged into {} grey octagons by {}",
                                      thousands(merged), collapsed.size(), o.collapse_external));
    return node_of;
}

void make_edges(const Network& net, const RenderOptions& o, const std::vector<std::size_t>& node_of,
                View& v) {
    const auto* linkage = net.tie_attributes().find("linkage");
    const auto* dimension = net.tie_attributes().find(
        o.tie_colour_by.empty() ? std::string("learning_dimension") : o.tie_colour_by);
    if (!o.tie_colour_by.empty() && dimension == nullptr)
        throw UsageError("--tie-colour '" + o.tie_colour_by +
                         "' is not a tie attribute of this network");
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> merged;  // node pair → edge
    std::size_t merged_away = 0;
    for (std::size_t e = 0; e < net.tie_count(); ++e) {
        const auto s = net.source(e), t = net.target(e);
        if (node_of[s] == kNone || node_of[t] == kNone) {
            ++v.ties_left_out;
            continue;
        }
        auto a = node_of[s], b = node_of[t];
        // Inside one merged group, or between two: not the cluster's pipelines.
        if (v.nodes[a].actor == kNone && v.nodes[b].actor == kNone) {
            ++merged_away;
            continue;
        }
        const bool merge = v.nodes[a].actor == kNone || v.nodes[b].actor == kNone;
        if (merge) {
            if (!v.directed && a > b) std::swap(a, b);
            auto [it, fresh] = merged.emplace(std::make_pair(a, b), v.edges.size());
            if (!fresh) {
                v.edges[it->second].weight += net.weight(e);
                continue;
            }
            v.edges.push_back({a, b, net.weight(e),
                               std::string(to_string(clusterlens::linkage(net.actor(s).locality,
                                                                          net.actor(t).locality))),
                               "pipeline"});
            continue;
        }
        v.edges.push_back({a, b, net.weight(e),
                           linkage ? linkage->as_text(e)
                                   : std::string(to_string(clusterlens::linkage(
                                         net.actor(s).locality, net.actor(t).locality))),
                           dimension ? dimension->as_text(e) : std::string()});
    }
    if (merged_away > 0) {
        v.ties_left_out += merged_away;
        v.notes.push_back(
            fmt::format("{} ties among merged global actors not drawn", thousands(merged_away)));
    }
}

// ---- filters and draw order -----------------------------------------------------------

void filter_ties(const RenderOptions& o, View& v) {
    if (!o.only_linkage.empty()) {
        const std::size_t all = v.edges.size();
        std::erase_if(v.edges, [&](const Edge& e) { return e.kind != o.only_linkage; });
        v.ties_left_out += all - v.edges.size();
        v.notes.push_back("ties shown: " + o.only_linkage + " only");
    }
    const std::size_t before = v.edges.size();
    if (o.min_weight > 0)
        std::erase_if(v.edges, [&](const Edge& e) { return e.weight < o.min_weight; });
    if (o.top_ties > 0 && v.edges.size() > o.top_ties) {
        std::stable_sort(v.edges.begin(), v.edges.end(),
                         [](const Edge& a, const Edge& b) { return a.weight > b.weight; });
        v.edges.resize(o.top_ties);
    }
    if (v.edges.size() < before) {
        v.ties_left_out += before - v.edges.size();
        std::string rule;
        if (o.min_weight > 0) rule = fmt::format("weight >= {}", short_number(o.min_weight));
        if (o.top_ties > 0)
            rule += (rule.empty() ? "" : ", ") + fmt::format("the {} strongest", o.top_ties);
        v.notes.push_back(fmt::format("ties shown: {} ({} of {})", rule, thousands(v.edges.size()),
                                      thousands(before)));
    }
}

void draw_order(View& v) {
    std::stable_sort(v.edges.begin(), v.edges.end(),
                     [](const Edge& a, const Edge& b) { return a.weight < b.weight; });
}

// ---- the whole view -------------------------------------------------------------------

View build_view(const Network& net, const RenderOptions& o, bool numeric_colour) {
    const std::size_t n = net.actor_count();
    View v;
    v.directed = net.directed();
    const auto values = read_actor_values(net, o, numeric_colour);
    for (std::size_t i = 0; i < n && !v.locality_known; ++i)
        v.locality_known = net.actor(i).locality != Locality::unspecified;

    Selection s(n);
    if (!o.ego.empty()) select_ego(net, o, s, v);
    if (o.only_local) select_local(net, s, v);
    const bool map = o.layout == Layout::position_map;
    std::vector<double> ix(n, kNan), ey(n, kNan);
    if (map) select_typed_firms(net, s, ix, ey);
    select_top(o, values.size, s, v);

    std::vector<double> file_x, file_y;  // positions from the file (x, y attributes, y up)
    if (o.layout == Layout::file && !coordinates(net, "x", "y", file_x, file_y))
        throw UsageError(
            "--layout file: the network carries no positions (actor attributes x and y); "
            "Pajek, NetDraw VNA, GraphML (Gephi, yEd) and GML files keep them, or add x and "
            "y columns to the actor table");
    const auto node_of = make_nodes(net, o, values, s, file_x, file_y, v);

    if (!map) {
        make_edges(net, o, node_of, v);
    } else {
        v.ties_left_out = net.tie_count();
        v.notes.push_back("position map: firms with a typology; ties not drawn");
        for (auto& nd : v.nodes) {
            nd.x = ix[nd.actor];
            nd.y = ey[nd.actor];
        }
    }
    // Without localities no tie is buzz or pipeline: one plain style.
    if (!v.locality_known)
        for (auto& e : v.edges) e.kind = "plain";
    filter_ties(o, v);
    draw_order(v);
    return v;
}

// ---- labels ---------------------------------------------------------------------------

Labelling choose_labels(const RenderOptions& o, View& v) {
    Labelling out;
    std::vector<std::size_t> order;  // actors by size score, largest first
    for (std::size_t i = 0; i < v.nodes.size(); ++i)
        if (v.nodes[i].actor != kNone) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size_key(v.nodes[a].size_value) > size_key(v.nodes[b].size_value);
    });
    std::vector<char> chosen(v.nodes.size(), 0);
    auto take = [&](std::size_t i) {
        if (!chosen[i]) chosen[i] = 1, out.order.push_back(i);
    };
    const bool none = o.labels == RenderOptions::Labels::none;
    if (!o.ego.empty() && !none)
        for (std::size_t i = 0; i < v.nodes.size(); ++i)
            if (v.nodes[i].ring == 0 && v.nodes[i].actor != kNone) take(i);
    for (std::size_t i = 0; i < v.nodes.size(); ++i)
        if (v.nodes[i].actor == kNone && !none) take(i);
    const std::size_t count = o.labels == RenderOptions::Labels::all ? order.size()
                              : none                                 ? 0
                                     : std::min(o.label_top, order.size());
    if (o.only_linkage == "pipeline" && o.labels == RenderOptions::Labels::top) {
        // Partners ranked by the strength of their drawn pipelines; local actors by size.
        std::vector<double> strength(v.nodes.size(), 0);
        for (const auto& e : v.edges)
            if (e.kind == "pipeline") strength[e.a] += e.weight, strength[e.b] += e.weight;
        std::vector<std::size_t> partners, locals;
        for (const auto i : order) (v.nodes[i].global ? partners : locals).push_back(i);
        std::stable_sort(partners.begin(), partners.end(),
                         [&](std::size_t a, std::size_t b) { return strength[a] > strength[b]; });
        for (std::size_t j = 0; j < std::min(count, locals.size()); ++j) take(locals[j]);
        for (std::size_t j = 0; j < std::min(count, partners.size()); ++j)
            if (strength[partners[j]] > 0) take(partners[j]);
        out.rule =
            fmt::format("labels: top {} local actors by {}, top {} partners by pipeline strength",
                        o.label_top, o.size_by, o.label_top);
    } else {
        for (std::size_t j = 0; j < count; ++j) take(order[j]);
        out.rule = fmt::format("labels: top {} by {}", o.label_top, o.size_by);
    }
    for (const auto i : out.order) v.nodes[i].labelled = true;
    return out;
}

}  // namespace clusterlens::render
