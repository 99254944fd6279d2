#include "render/diagram.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <numbers>
#include <optional>
#include <set>
#include <tuple>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "render/graphviz_support.hpp"
#include "render/page.hpp"
#include "render/style.hpp"

namespace clusterlens::render {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr const char* kFont = "Liberation Sans";  // Debian fonts-liberation2, pinned

// ---- attributes by name -----------------------------------------------------------------

bool is_model_field(const std::string& name) {
    return name == "part" || name == "type" || name == "locality" || name == "group" ||
           name == "stage" || name == "id" || name == "label";
}

std::string model_field(const Actor& a, const std::string& name) {
    if (name == "part") return std::string(to_string(a.part));
    if (name == "type") return a.type;
    if (name == "locality") return std::string(to_string(a.locality));
    if (name == "group") return a.group;
    if (name == "stage") return a.stage;
    if (name == "id") return a.id;
    return a.label;
}

[[noreturn]] void unknown_attribute(const Network& net, const std::string& option,
                                    const std::string& name) {
    std::string names = "part, type, locality, group, stage";
    for (const auto& c : net.actor_attributes().columns()) names += ", " + c.name;
    throw UsageError(option + " '" + name + "' is not an actor attribute; choose one of: " + names);
}

/// Numeric values of an attribute (text parsed; unparsable or empty → NaN), or nullopt when
/// the attribute is categorical (a model field or a text column that is not all numbers).
std::optional<std::vector<double>> numbers_of(const Network& net, const std::string& name,
                                              const std::string& option) {
    if (is_model_field(name)) return std::nullopt;
    const auto* col = net.actor_attributes().find(name);
    if (col == nullptr) unknown_attribute(net, option, name);
    std::vector<double> out(net.actor_count(), kNan);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto text = col->as_text(i);
        if (text.empty()) continue;
        const auto v = parse_number(text);
        if (!v) return std::nullopt;
        out[i] = *v;
    }
    return out;
}

std::vector<std::string> texts_of(const Network& net, const std::string& name,
                                  const std::string& option) {
    std::vector<std::string> out(net.actor_count());
    if (is_model_field(name)) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = model_field(net.actor(i), name);
        return out;
    }
    const auto* col = net.actor_attributes().find(name);
    if (col == nullptr) unknown_attribute(net, option, name);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = col->as_text(i);
    return out;
}

std::string thousands(std::size_t v) {
    auto s = std::to_string(v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string short_number(double v) {
    if (!std::isfinite(v)) return "n/a";
    return fmt::format("{:.3g}", v);
}

// ---- the view: what is drawn --------------------------------------------------------------

struct Node {
    std::size_t actor = kNone;  ///< actor index, or kNone for a collapsed group
    std::string label;
    bool global = false;
    bool focal = false;
    std::string type;
    Part part = Part::unspecified;
    std::size_t members = 1;
    std::string category;  ///< shape category (shape_by value)
    double size_value = kNan, colour_value = kNan;
    std::string colour_category;
    int ring = 0;
    double x = 0, y = 0;
    double fx = kNan, fy = kNan;  ///< position from the file (collapsed groups: the mean)
    double width = 0.15;          ///< inches
    bool labelled = false;
};

struct Edge {
    std::size_t a, b;  ///< node indices
    double weight;
    std::string kind;  ///< buzz | pipeline | extra_local
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

std::string linkage_of(Locality a, Locality b) {
    if (a == Locality::local && b == Locality::local) return "buzz";
    if ((a == Locality::local && b == Locality::global) ||
        (a == Locality::global && b == Locality::local))
        return "pipeline";
    return "extra_local";
}

/// Two numeric actor attributes as coordinates (text parsed; empty or unparsable → NaN);
/// false when either attribute is missing.
bool coordinates(const Network& net, const char* x_name, const char* y_name, std::vector<double>& x,
                 std::vector<double>& y) {
    const auto* cx = net.actor_attributes().find(x_name);
    const auto* cy = net.actor_attributes().find(y_name);
    if (cx == nullptr || cy == nullptr) return false;
    x.assign(net.actor_count(), kNan);
    y.assign(net.actor_count(), kNan);
    for (std::size_t i = 0; i < net.actor_count(); ++i) {
        x[i] = parse_number(cx->as_text(i)).value_or(kNan);
        y[i] = parse_number(cy->as_text(i)).value_or(kNan);
    }
    return true;
}

View build_view(const Network& net, const RenderOptions& o, bool numeric_colour) {
    const std::size_t n = net.actor_count();
    View v;
    v.directed = net.directed();
    const auto size_values = numbers_of(net, o.size_by, "--size-by");
    if (!size_values) throw UsageError("--size-by '" + o.size_by + "' is not numeric");
    std::vector<double> colour_values(n, kNan);
    std::vector<std::string> colour_texts(n);
    if (numeric_colour)
        colour_values = *numbers_of(net, o.color_by, "--color-by");
    else
        colour_texts = texts_of(net, o.color_by, "--color-by");
    const auto shape_texts = texts_of(net, o.shape_by, "--shape-by");
    std::vector<std::string> label_texts;
    if (!o.label_by.empty()) label_texts = texts_of(net, o.label_by, "--label-by");
    for (std::size_t i = 0; i < n && !v.locality_known; ++i)
        v.locality_known = net.actor(i).locality != Locality::unspecified;

    std::vector<char> keep(n, 1);
    std::vector<int> dist(n, -1);
    // Ego view: actors within `radius` steps of the ego (ties in either direction).
    if (!o.ego.empty()) {
        const auto ego = net.find_actor(o.ego);
        if (!ego) throw UsageError("--ego '" + o.ego + "' is not an actor id of this network");
        const auto nb = net.undirected_neighbours();
        std::vector<std::size_t> queue{*ego};
        dist[*ego] = 0;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const auto u = queue[q];
            if (static_cast<std::size_t>(dist[u]) == o.radius) continue;
            for (const auto w : nb[u])
                if (dist[w] < 0) dist[w] = dist[u] + 1, queue.push_back(w);
        }
        for (std::size_t i = 0; i < n; ++i) keep[i] = dist[i] >= 0;
        v.notes.push_back(fmt::format(
            "ego network of {} (radius {})",
            net.actor(*ego).label.empty() ? net.actor(*ego).id : net.actor(*ego).label, o.radius));
    }
    if (o.only_local) {
        for (std::size_t i = 0; i < n; ++i)
            if (net.actor(i).locality != Locality::local) keep[i] = 0;
        v.notes.push_back("local actors only (the buzz sub-network)");
    }
    // Position map: firms with a typology only.
    std::vector<double> ix(n, kNan), ey(n, kNan);
    if (o.layout == Layout::position_map) {
        const bool found = coordinates(net, "internal_connectivity", "external_openness", ix, ey);
        if (!found)
            throw UsageError(
                "--position-map needs the typology scores (internal_connectivity, "
                "external_openness): render a network scored by clusterlens score");
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isfinite(ix[i]) || !std::isfinite(ey[i])) keep[i] = 0;
    }
    // Overview of a large network: the top actors by the size score.
    std::size_t kept = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1));
    if (kept > o.max_actors) {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < n; ++i)
            if (keep[i]) order.push_back(i);
        auto key = [&](std::size_t i) {
            const double s = (*size_values)[i];
            return std::isfinite(s) ? s : -std::numeric_limits<double>::infinity();
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
        for (std::size_t k = o.max_actors; k < order.size(); ++k) keep[order[k]] = 0;
        v.notes.push_back(fmt::format("overview: top {} of {} actors by {}",
                                      thousands(o.max_actors), thousands(kept), o.size_by));
        v.actors_left_out += kept - o.max_actors;
        kept = o.max_actors;
    }

    // Positions from the file (x, y attributes, y up).
    std::vector<double> file_x, file_y;
    if (o.layout == Layout::file && !coordinates(net, "x", "y", file_x, file_y))
        throw UsageError(
            "--layout file: the network carries no positions (actor attributes x and y); "
            "Pajek, NetDraw VNA, GraphML (Gephi, yEd) and GML files keep them, or add x and "
            "y columns to the actor table");
    std::vector<std::size_t> group_members_with_position;

    // Nodes; global actors merged per value of collapse_external.
    std::vector<std::size_t> node_of(n, kNone);
    std::map<std::string, std::size_t> collapsed;
    std::vector<std::string> collapse_values;
    if (!o.collapse_external.empty())
        collapse_values = texts_of(net, o.collapse_external, "--collapse-external");
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
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
        nd.label = !label_texts.empty() && !label_texts[i].empty() ? label_texts[i]
                   : a.label.empty()                               ? a.id
                                                                   : a.label;
        nd.global = global;
        nd.focal = a.focal;
        nd.type = a.type;
        nd.part = a.part;
        nd.category = shape_texts[i];
        nd.size_value = (*size_values)[i];
        nd.colour_value = colour_values[i];
        nd.colour_category = colour_texts[i];
        nd.ring = dist[i];
        if (!file_x.empty()) {
            nd.fx = file_x[i], nd.fy = file_y[i];
            if (!std::isfinite(nd.fx) || !std::isfinite(nd.fy)) {
                if (v.without_position++ == 0) v.first_without_position = a.id;
            }
        }
        node_of[i] = v.nodes.size();
        v.nodes.push_back(nd);
    }
    for (auto& nd : v.nodes)
        if (nd.actor == kNone) {
            nd.label =
                fmt::format("{} ({} actor{})", nd.label, nd.members, nd.members == 1 ? "" : "s");
            nd.size_value = static_cast<double>(nd.members);
        }
    if (!collapsed.empty())
        v.notes.push_back(fmt::format(
            "{} global actors merged into {} grey octagons by {}",
            [&] {
                std::size_t m = 0;
                for (const auto& nd : v.nodes)
                    if (nd.actor == kNone) m += nd.members;
                return thousands(m);
            }(),
            collapsed.size(), o.collapse_external));

    // Ties between drawn nodes; merged ties summed.
    if (o.layout != Layout::position_map) {
        const auto* linkage = net.tie_attributes().find("linkage");
        const auto* dimension = net.tie_attributes().find(
            o.tie_colour_by.empty() ? std::string("learning_dimension") : o.tie_colour_by);
        if (!o.tie_colour_by.empty() && dimension == nullptr)
            throw UsageError("--tie-colour '" + o.tie_colour_by +
                             "' is not a tie attribute of this network");
        std::map<std::pair<std::size_t, std::size_t>, std::size_t> merged;
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
                                   linkage_of(net.actor(s).locality, net.actor(t).locality),
                                   "pipeline"});
                continue;
            }
            v.edges.push_back({a, b, net.weight(e),
                               linkage ? linkage->as_text(e)
                                       : linkage_of(net.actor(s).locality, net.actor(t).locality),
                               dimension ? dimension->as_text(e) : std::string()});
        }
        if (merged_away > 0) {
            v.ties_left_out += merged_away;
            v.notes.push_back(fmt::format("{} ties among merged global actors not drawn",
                                          thousands(merged_away)));
        }
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
    // Filters.
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
    // Weak ties first, so strong ones are drawn on top.
    std::stable_sort(v.edges.begin(), v.edges.end(),
                     [](const Edge& a, const Edge& b) { return a.weight < b.weight; });
    return v;
}

// ---- positions (points) -------------------------------------------------------------------

double node_points(const Node& nd) { return nd.width * 72.0; }

/// Rings: ego view by distance; otherwise core 0, assisting 1, external 2 (unspecified part:
/// by locality, local 1, global or unknown 2).
void concentric(View& v, bool ego) {
    if (!ego)
        for (auto& nd : v.nodes) {
            switch (nd.part) {
                case Part::core:
                    nd.ring = 0;
                    break;
                case Part::assisting:
                    nd.ring = 1;
                    break;
                case Part::external:
                    nd.ring = 2;
                    break;
                default:
                    nd.ring = nd.global || nd.actor == kNone ? 2 : 1;
            }
        }
    int rings = 0;
    for (const auto& nd : v.nodes) rings = std::max(rings, nd.ring + 1);
    std::vector<std::vector<std::size_t>> ring(static_cast<std::size_t>(rings));
    double biggest = 0;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        ring[static_cast<std::size_t>(v.nodes[i].ring)].push_back(i);
        biggest = std::max(biggest, node_points(v.nodes[i]));
    }
    // Radii: each ring clear of the one inside; a ring too short for its nodes side by side
    // becomes a band of `bands` concentric circles (node k of the ring on circle k mod bands).
    double mean_size = 0;
    for (const auto& nd : v.nodes) mean_size += node_points(nd);
    mean_size /= std::max<double>(1, static_cast<double>(v.nodes.size()));
    const double spacing = mean_size + 6;
    std::vector<double> radius(ring.size(), 0);
    std::vector<std::size_t> bands(ring.size(), 1);
    double previous = -1;
    for (std::size_t r = 0; r < ring.size(); ++r) {
        if (ring[r].empty()) continue;
        const double count = static_cast<double>(ring[r].size());
        double rad = previous < 0
                         ? (ring[r].size() == 1
                                ? 0.0
                                : std::max(3 * spacing, count * spacing / (2 * std::numbers::pi)))
                         : previous + std::max({4 * spacing, 2.5 * biggest, 0.3 * previous});
        if (previous >= 0) {
            bands[r] =
                static_cast<std::size_t>(std::ceil(count * spacing / (2 * std::numbers::pi * rad)));
            bands[r] = std::clamp<std::size_t>(bands[r], 1, 6);
            if (bands[r] == 6)  // still too tight: widen the ring instead
                rad = std::max(rad, count * spacing / (2 * std::numbers::pi * 6));
        }
        radius[r] = rad;
        previous = rad + static_cast<double>(bands[r] - 1) * 1.2 * biggest;
    }
    // Start in category then input order; then barycentric sweeps: each node moves toward the
    // weighted circular mean of its neighbours' angles, and each ring is re-spaced evenly in
    // that order (ties drawn shorter, crossings fewer).
    std::vector<double> angle(v.nodes.size(), 0);
    auto respace = [&](std::vector<std::size_t>& members, const std::vector<double>& target) {
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return target[a] < target[b]; });
        const double step = 2 * std::numbers::pi / static_cast<double>(members.size());
        const double start = target[members.front()];
        for (std::size_t k = 0; k < members.size(); ++k)
            angle[members[k]] = start + step * static_cast<double>(k);
    };
    for (auto& members : ring) {
        if (members.empty()) continue;
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return v.nodes[a].category < v.nodes[b].category;
        });
        std::vector<double> target(v.nodes.size(), 0);
        for (std::size_t k = 0; k < members.size(); ++k)
            target[members[k]] = static_cast<double>(k);
        respace(members, target);
    }
    std::vector<std::vector<std::pair<std::size_t, double>>> adj(v.nodes.size());
    for (const auto& e : v.edges) {
        adj[e.a].emplace_back(e.b, e.weight);
        adj[e.b].emplace_back(e.a, e.weight);
    }
    for (int sweep = 0; sweep < 16; ++sweep) {
        std::vector<double> target = angle;
        for (std::size_t i = 0; i < v.nodes.size(); ++i) {
            double sx = 0, sy = 0;
            for (const auto& [j, w] : adj[i])
                sx += w * std::cos(angle[j]), sy += w * std::sin(angle[j]);
            if (sx != 0 || sy != 0) {
                double t = std::atan2(sy, sx);
                while (t < angle[i] - std::numbers::pi) t += 2 * std::numbers::pi;
                while (t > angle[i] + std::numbers::pi) t -= 2 * std::numbers::pi;
                target[i] = t;
            }
        }
        for (auto& members : ring)
            if (members.size() > 1) respace(members, target);
    }
    for (std::size_t r = 0; r < ring.size(); ++r) {
        auto members = ring[r];
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return angle[a] < angle[b]; });
        for (std::size_t k = 0; k < members.size(); ++k) {
            const auto i = members[k];
            const double rad = radius[r] + static_cast<double>(k % bands[r]) * 1.2 * biggest;
            v.nodes[i].x = rad * std::cos(angle[i]);
            v.nodes[i].y = rad * std::sin(angle[i]);
        }
    }
}

/// Positions from the file, scaled so the drawing's longer side is 40 pt per sqrt(actor)
/// (at least 300 pt): the units of the file (Pajek's 0..1, NetDraw's pixels) do not matter.
void file_layout(View& v) {
    if (v.without_position > 0)
        throw UsageError(fmt::format(
            "--layout file: {} drawn actor{} no position in the file (first: '{}'); give every "
            "actor x and y, or choose another --layout",
            v.without_position, v.without_position == 1 ? " has" : "s have",
            v.first_without_position));
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const auto& nd : v.nodes) {
        x0 = std::min(x0, nd.fx), x1 = std::max(x1, nd.fx);
        y0 = std::min(y0, nd.fy), y1 = std::max(y1, nd.fy);
    }
    const double side = std::max(x1 - x0, y1 - y0);
    const double target = std::max(300.0, 40.0 * std::sqrt(static_cast<double>(v.nodes.size())));
    const double scale = side > 0 ? target / side : 1.0;
    for (auto& nd : v.nodes) {
        nd.x = (nd.fx - x0) * scale;
        nd.y = (nd.fy - y0) * scale;
    }
}

/// Positions from a Graphviz engine run once on the bare network.
void engine_layout(View& v, Layout layout, std::uint64_t seed) {
    GraphPtr g(
        agopen(const_cast<char*>("layout"), v.directed ? Agdirected : Agundirected, nullptr));
    agattr(g.get(), AGRAPH, const_cast<char*>("start"),
           const_cast<char*>(std::to_string(seed % 1000000007).c_str()));
    agattr(g.get(), AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    agattr(g.get(), AGRAPH, const_cast<char*>("splines"), const_cast<char*>("false"));
    agattr(g.get(), AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    auto* width = agattr(g.get(), AGNODE, const_cast<char*>("width"), const_cast<char*>("0.2"));
    auto* height = agattr(g.get(), AGNODE, const_cast<char*>("height"), const_cast<char*>("0.2"));
    agattr(g.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("circle"));
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        auto* n = agnode(g.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 1);
        const auto w = fmt::format("{:.3f}", v.nodes[i].width);
        agxset(n, width, const_cast<char*>(w.c_str()));
        agxset(n, height, const_cast<char*>(w.c_str()));
        nodes.push_back(n);
    }
    for (const auto& e : v.edges) agedge(g.get(), nodes[e.a], nodes[e.b], nullptr, 1);
    const char* engine = layout == Layout::sfdp    ? "sfdp"
                         : layout == Layout::neato ? "neato"
                         : layout == Layout::fdp   ? "fdp"
                         : layout == Layout::dot   ? "dot"
                                                   : "circo";
    GVC_t* gvc = graphviz_context();
    take_graphviz_messages();
    // sfdp draws its start positions from the C library's generators without reseeding them
    // from `start`: seed them here, so a layout does not depend on what ran before it in the
    // process (the CLI and a library caller get the same figure).
    srand48(static_cast<long>(seed % 2147483647));
    std::srand(static_cast<unsigned>(seed % 2147483647));
    if (gvLayout(gvc, g.get(), engine) != 0)
        throw BackendError(std::string("graphviz: layout with ") + engine +
                           " failed: " + take_graphviz_messages());
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        v.nodes[i].x = ND_coord(nodes[i]).x;
        v.nodes[i].y = ND_coord(nodes[i]).y;
    }
    gvFreeLayout(gvc, g.get());
}

// ---- drawing ------------------------------------------------------------------------------

class Builder {
public:
    explicit Builder(bool directed)
        : g_(agopen(const_cast<char*>("clusterlens"), directed ? Agdirected : Agundirected,
                    nullptr)) {
        graph_attr("outputorder", "edgesfirst");
        graph_attr("bgcolor", "white");
        // The page is composed in points at its printed size (page.hpp): no pad, no margin,
        // no Graphviz scaling; two invisible corners fix the page to exactly width × height.
        graph_attr("pad", "0");
        graph_attr("margin", "0");
        graph_attr("fontname", kFont);
        graph_attr("splines", "false");
    }
    Agraph_t* get() { return g_.get(); }

    /// Lays out (nop2: every position pinned) and renders. The one place a figure's bytes are
    /// made. `dpi` is set for PNG only: Graphviz 2.43's SVG renderer scales the drawing by
    /// dpi/72 but leaves the view box at 72 dpi, so an SVG with dpi != 72 shows only the
    /// top-left part of the drawing (vector formats are resolution-free anyway). The SVG's
    /// declared size is then the page's (not rounded), and the PDF's date fixed.
    std::string render(const std::string& format, double page_w, double page_h) {
        graph_attr("dpi", format == "png" ? "110" : "72");
        for (const auto& [id, x, y] :
             {std::tuple{"page_corner_a", 0.0, 0.0}, std::tuple{"page_corner_b", page_w, page_h}}) {
            auto* n = node(id, x, y);
            set(n, "shape", "point");
            set(n, "width", "0");
            set(n, "height", "0");
            set(n, "style", "invis");
        }
        auto bytes = layout_and_render(g_.get(), "nop2", format);
        if (format == "svg") return exact_svg_size(std::move(bytes));
        if (format == "pdf") return fixed_pdf_date(std::move(bytes));
        return bytes;
    }

    void graph_attr(const char* name, const std::string& value) {
        agsafeset(g_.get(), const_cast<char*>(name), const_cast<char*>(value.c_str()),
                  const_cast<char*>(""));
    }
    Agnode_t* node(const std::string& id, double x, double y) {
        auto* n = agnode(g_.get(), const_cast<char*>(id.c_str()), 1);
        set(n, "id", id);  // SVG <g id=...>: ours, never user data
        set(n, "pos", fmt::format("{:.2f},{:.2f}", x, y));
        set(n, "fontname", kFont);
        return n;
    }
    template <class Obj>
    void set(Obj* obj, const char* name, const std::string& value) {
        agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()),
                  const_cast<char*>(""));
    }
    template <class Obj>
    void set_html(Obj* obj, const char* name, const std::string& html) {
        char* h = agstrdup_html(g_.get(), const_cast<char*>(html.c_str()));
        agsafeset(obj, const_cast<char*>(name), h, const_cast<char*>(""));
        agstrfree(g_.get(), h);
    }
    /// A text block of measured size w × h whose left edge is at x and vertical centre at y
    /// (Graphviz centres node labels on pos).
    Agnode_t* text(const std::string& id, double x, double y, const std::string& html, double w,
                   double h) {
        auto* n = node(id, x + w / 2, y);
        set(n, "shape", "plaintext");
        set(n, "margin", "0");
        set(n, "width", fmt::format("{:.4f}", w / 72));
        set(n, "height", fmt::format("{:.4f}", h / 72));
        set_html(n, "label", html);
        return n;
    }
    Agedge_t* edge(Agnode_t* a, Agnode_t* b) { return agedge(g_.get(), a, b, nullptr, 1); }
    /// An invisible point: an end of a drawn line.
    Agnode_t* anchor(const std::string& id, double x, double y) {
        auto* n = node(id, x, y);
        set(n, "shape", "point");
        set(n, "width", "0");
        set(n, "height", "0");
        set(n, "style", "invis");
        return n;
    }
    /// A straight line between two invisible points (axes, ticks, threshold lines); penwidth
    /// "" keeps Graphviz's default.
    Agedge_t* line(const std::string& id, double x0, double y0, double x1, double y1,
                   const std::string& style, const std::string& colour,
                   const std::string& penwidth = "") {
        auto* e = edge(anchor(id + "_a", x0, y0), anchor(id + "_b", x1, y1));
        set(e, "id", id);
        set(e, "style", style);
        set(e, "color", colour);
        set(e, "dir", "none");
        if (!penwidth.empty()) set(e, "penwidth", penwidth);
        return e;
    }

private:
    GraphPtr g_;
};

struct Bounds {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    void add(double x, double y, double r) {
        x0 = std::min(x0, x - r), x1 = std::max(x1, x + r);
        y0 = std::min(y0, y - r), y1 = std::max(y1, y + r);
    }
    bool empty() const { return !(x1 >= x0); }
};

/// Graphviz 2.43 reads an HTML label's POINT-SIZE as a whole number: sizes are rounded here,
/// so what is measured is what is drawn.
std::string font(double points, const std::string& inner, bool bold = false) {
    return fmt::format("<FONT POINT-SIZE=\"{}\" FACE=\"{}\">{}{}{}</FONT>", std::lround(points),
                       kFont, bold ? "<B>" : "", inner, bold ? "</B>" : "");
}

// ---- encodings shared by the drawing and its legend (one function per encoding) -----------

/// Node diameter in points at the printed size: the natural width (inches) times the
/// network's size scale k, never below 2 pt.
double printed_diameter(double width_inches, double k) {
    return std::max(2.0, width_inches * 72.0 * k);
}
/// Natural node width (inches) for a size score at t in [0, 1] of its range (area ∝ score).
double natural_width(double t) { return 0.12 + 0.5 * (std::isfinite(t) ? std::sqrt(t) : 0.0); }
/// Tie width in points for t = sqrt of the weight's place in its range.
double tie_width(double t, double k) { return std::max(0.25, (0.4 + 3.2 * t) * k); }
/// Tie opacity: stronger ties darker; ties outside the cluster (global-global) fainter still.
double tie_alpha(double t, const std::string& kind) {
    return (0.18 + 0.72 * t) * (kind == "extra_local" ? 0.5 : 1.0);
}

std::string grey_level(double t) {  // t in [0, 1]: light to dark
    if (!std::isfinite(t)) return "#ffffff";
    const int v = static_cast<int>(std::lround(235 - 190 * std::clamp(t, 0.0, 1.0)));
    return fmt::format("#{:02x}{:02x}{:02x}", v, v, v);
}
std::string fill_numeric(double t, bool grey) {
    return grey ? (std::isfinite(t) ? grey_level(t) : "#ffffff") : sequential_colour(t);
}
std::string fill_category(std::size_t index, bool grey) {
    static const double levels[] = {0.0, 1.0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.875};
    return grey ? grey_level(levels[index % 8]) : qualitative_colour(index);
}

/// A two-wave comparison reads the usual way, for actors and ties alike: gained green, lost
/// red-orange, kept grey (Okabe-Ito bluish green and vermillion: distinct for colour-blind
/// readers too). Other categories: the palette by index.
std::string category_colour(const std::string& category, std::size_t index, bool grey) {
    if (category == "gained") return grey ? "#000000" : "#009e73";
    if (category == "lost") return grey ? "#b0b0b0" : "#d55e00";
    if (category == "kept") return grey ? "#606060" : "#999999";
    return fill_category(index, grey);
}

std::string edge_colour(const std::string& kind, const std::string& category, bool by_attribute,
                        const std::map<std::string, std::size_t>& dims, bool grey) {
    if (by_attribute) return category_colour(category, dims.at(category), grey);
    if (kind == "buzz") return grey ? "#000000" : "#0072b2";
    if (kind == "pipeline") return grey ? "#404040" : "#d55e00";
    if (kind == "plain") return grey ? "#404040" : "#555555";
    return grey ? "#8c8c8c" : "#7f7f7f";
}
std::string edge_style(const std::string& kind) {
    if (kind == "buzz" || kind == "plain") return "solid";
    if (kind == "pipeline") return "dashed";
    return "dotted";
}

// ---- the page: title block, legend, plot ------------------------------------------------

/// One legend row: a heading, a text, or a sample (shape, colour ramp, size, tie) with a text.
struct Row {
    enum class Kind { heading, text, shape, ramp, tie } kind = Kind::text;
    std::string text;
    std::string shape = "circle", fill = "#ffffff";
    bool dashed = false;
    double diameter = 0;  ///< shape samples, points at the printed size
    std::vector<std::string> ramp;
    std::string colour, style;  ///< tie samples
    double width = 0, alpha = 1;
    double text_w = 0, text_h = 0, w = 0, h = 0, sample_w = 0;
};
using Section = std::vector<Row>;

std::string row_html(const Row& r, double f) {
    return font(f, html_text(r.text, 90), r.kind == Row::Kind::heading);
}

/// Measures every row's text and sets each row's size (sample, gap, text).
void measure_rows(std::vector<Section>& legend, double f) {
    std::vector<std::string> html;
    for (const auto& s : legend)
        for (const auto& r : s) html.push_back(row_html(r, f));
    const auto sizes = measure_labels(html);
    std::size_t i = 0;
    for (auto& s : legend)
        for (auto& r : s) {
            std::tie(r.text_w, r.text_h) = sizes[i++];
            switch (r.kind) {
                case Row::Kind::heading:
                case Row::Kind::text:
                    r.sample_w = 0;
                    break;
                case Row::Kind::shape:
                    r.sample_w = std::max(r.diameter, 1.2 * f) + 0.6 * f;
                    break;
                case Row::Kind::ramp:
                    r.sample_w = 0;
                    break;
                case Row::Kind::tie:
                    r.sample_w = 4 * f;
                    break;
            }
            r.w = r.sample_w + r.text_w;
            r.h = std::max(r.text_h, r.diameter) + 0.35 * f;
            if (r.kind == Row::Kind::heading) r.h += 0.3 * f;
            if (r.kind == Row::Kind::ramp) {
                r.w = std::max(r.text_w, 5 * 3.2 * f);
                r.h = 1.3 * f + r.text_h + 0.35 * f;
            }
        }
}

double section_width(const Section& s) {
    double w = 0;
    for (const auto& r : s) w = std::max(w, r.w);
    return w;
}
double section_height(const Section& s) {
    double h = 0;
    for (const auto& r : s) h += r.h;
    return h;
}

/// Where each legend section goes: one column (right), or sections side by side in rows that
/// wrap at `width` (bottom). Returns the legend's size; `at` gets each section's top-left.
std::pair<double, double> arrange_legend(const std::vector<Section>& legend,
                                         PageOptions::Legend where, double width, double gap,
                                         std::vector<std::pair<double, double>>& at) {
    at.clear();
    double w = 0, h = 0;
    if (where == PageOptions::Legend::right) {
        for (const auto& s : legend) {
            at.emplace_back(0, -h);
            h += section_height(s) + (s.empty() ? 0 : gap * 0.4);
            w = std::max(w, section_width(s));
        }
        return {w, h};
    }
    double x = 0, y = 0, line_h = 0;
    for (const auto& s : legend) {
        const double sw = section_width(s), sh = section_height(s);
        if (x > 0 && x + sw > width) y += line_h + gap * 0.6, x = 0, line_h = 0;
        at.emplace_back(x, -y);
        x += sw + gap * 1.5;
        line_h = std::max(line_h, sh);
        w = std::max(w, x - gap * 1.5);
    }
    return {w, y + line_h};
}

/// Emits a legend section with its top-left corner at (x, top).
void emit_section(Builder& b, const Section& s, double x, double top, double f, int& item,
                  const std::string& format_id) {
    double y = top;
    for (const auto& r : s) {
        const double mid = y - r.h / 2;
        const auto id = [&] { return fmt::format("{}_{}", format_id, item++); };
        switch (r.kind) {
            case Row::Kind::heading:
            case Row::Kind::text:
                b.text(id(), x, mid + (r.kind == Row::Kind::heading ? -0.15 * f : 0),
                       row_html(r, f), r.text_w, r.text_h);
                break;
            case Row::Kind::shape: {
                const double cx = x + std::max(r.diameter, 1.2 * f) / 2;
                auto* n = b.node(id(), cx, mid);
                b.set(n, "shape", r.shape);
                b.set(n, "fixedsize", "true");
                b.set(n, "width", fmt::format("{:.4f}", r.diameter / 72));
                b.set(n, "height", fmt::format("{:.4f}", r.diameter / 72));
                b.set(n, "label", "");
                b.set(n, "style", r.dashed ? "filled,dashed" : "filled");
                b.set(n, "fillcolor", r.fill);
                b.set(n, "penwidth", r.dashed ? "1.2" : "0.8");
                b.text(id(), x + r.sample_w, mid, row_html(r, f), r.text_w, r.text_h);
                break;
            }
            case Row::Kind::ramp: {
                const double bw = 3.2 * f, bh = 1.1 * f, by = y - 0.2 * f - bh / 2;
                for (std::size_t k = 0; k < r.ramp.size(); ++k) {
                    auto* n = b.node(id(), x + bw * (static_cast<double>(k) + 0.5), by);
                    b.set(n, "shape", "box");
                    b.set(n, "fixedsize", "true");
                    b.set(n, "width", fmt::format("{:.4f}", bw / 72));
                    b.set(n, "height", fmt::format("{:.4f}", bh / 72));
                    b.set(n, "label", "");
                    b.set(n, "style", "filled");
                    b.set(n, "fillcolor", r.ramp[k]);
                    b.set(n, "penwidth", "0.5");
                }
                b.text(id(), x, y - 0.2 * f - bh - 0.15 * f - r.text_h / 2, row_html(r, f),
                       r.text_w, r.text_h);
                break;
            }
            case Row::Kind::tie: {
                auto* a = b.anchor(id(), x, mid);
                auto* c = b.anchor(id(), x + 3.4 * f, mid);
                auto* e = b.edge(a, c);
                b.set(e, "id", fmt::format("legend_tie_{}", item++));
                b.set(e, "penwidth", fmt::format("{:.2f}", r.width));
                b.set(e, "color", with_alpha(r.colour, r.alpha));
                b.set(e, "style", r.style);
                b.set(e, "dir", "none");
                b.text(id(), x + r.sample_w, mid, row_html(r, f), r.text_w, r.text_h);
                break;
            }
        }
        y -= r.h;
    }
}

/// A title-block line (the title itself is bold, 1.5 × the body size).
struct TitleLine {
    std::string text;
    bool title = false;
    double w = 0, h = 0;
};

/// Axes with ticks and values, and quadrant lines with their names (position map, charts).
struct Axes {
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    double x_line = kNan, y_line = kNan;
    std::string x_title, y_title;
    std::string top_right, bottom_right, top_left, bottom_left;
    double plot_w = 560, plot_h = 420;  ///< natural plot size (points)
    bool x_counts = false;              ///< x counts whole things: ticks at whole numbers
};

/// What a page holds: the plot (nodes placed in natural coordinates), the title block and the
/// legend. compose() scales the plot into the room left and says where everything goes.
struct PageLayout {
    double width = 0, height = 0;
    double s = 1, k = 1;              ///< position scale and size scale of the plot
    double plot_x0 = 0, plot_y1 = 0;  ///< page position of the plot's natural top-left
    double nat_x0 = 0, nat_y1 = 0;    ///< natural top-left of the plot
    double plot_w = 0, plot_h = 0;    ///< printed plot size
    double legend_x = 0, legend_y = 0;
    double title_x = 0, title_y = 0;
    double axis_left = 0, axis_bottom = 0, axis_top = 0;
    double px(double x) const { return plot_x0 + (x - nat_x0) * s; }
    double py(double y) const { return plot_y1 - (nat_y1 - y) * s; }
};

struct Composer {
    const PageOptions& p;
    double f, m, gap;
    explicit Composer(const PageOptions& options)
        : p(options),
          f(options.font_size),
          m(std::max(6.0, options.font_size)),
          gap(1.5 * options.font_size) {}

    /// Splits `text` at `sep` into lines no wider than `width` (at least one piece a line).
    std::vector<TitleLine> wrap(const std::string& text, const std::string& sep, double width,
                                bool title, double size) const {
        std::vector<std::string> pieces;
        std::size_t start = 0;
        while (start <= text.size()) {
            auto end = text.find(sep, start);
            if (end == std::string::npos) end = text.size();
            if (end > start) pieces.push_back(text.substr(start, end - start));
            start = end + sep.size();
        }
        std::vector<TitleLine> out;
        std::size_t from = 0;
        while (from < pieces.size()) {
            std::vector<std::string> html;
            std::vector<TitleLine> tl;
            for (std::size_t to = from; to < pieces.size(); ++to) {
                TitleLine l;
                l.title = title;
                for (std::size_t k = from; k <= to; ++k)
                    l.text += (k == from ? "" : sep) + pieces[k];
                html.push_back(this->html(l, size));
                tl.push_back(l);
            }
            const auto sizes = measure_labels(html);
            std::size_t take = 0;
            while (take + 1 < tl.size() && sizes[take + 1].first <= width) ++take;
            tl[take].w = sizes[take].first;
            tl[take].h = sizes[take].second;
            out.push_back(tl[take]);
            from += take + 1;
        }
        return out;
    }
    std::string html(const TitleLine& l, double size) const {
        return l.title ? font(size, html_text(l.text, 200), true)
                       : font(size, html_text(l.text, 400));
    }
};

/// The page asked for cannot hold what it must: says which option, what needs the room and
/// the smallest page that would hold it.
[[noreturn]] void too_small(const char* option, double given, const std::string& what,
                            double need) {
    throw UsageError(fmt::format(
        "{} {:.1f}cm is too small: {} a page at least {:.1f}cm ({:.0f}pt) {}; use a larger "
        "{}, --legend bottom or none, or a smaller --font-size",
        option, given / 72 * 2.54, what, need / 72 * 2.54, need,
        std::string(option) == "--width" ? "wide" : "high", option));
}

struct PageParts {
    std::string title;                                     ///< "" with no headline: no title block
    std::vector<std::string> headline;                     ///< lines, wrapped at " | "
    std::function<std::vector<Section>(double k)> legend;  ///< measured; null: no legend
    Bounds nat;                                            ///< the plot's natural extent
    double axis_left = 0, axis_bottom = 0, axis_top = 0;   ///< room for axes (points)
    double axis_right = 0;  ///< half the last x tick value, centred on the axis end
};

struct Composed {
    PageLayout L;
    std::vector<TitleLine> title;
    std::vector<Section> legend;
    std::vector<std::pair<double, double>> legend_at;  ///< each section's top-left (page)
    Box legend_box, title_box;
};

Composed compose(const Composer& c, PageParts& parts) {
    const auto& p = c.p;
    Composed out;
    auto& L = out.L;
    const bool has_legend =
        static_cast<bool>(parts.legend) && p.legend != PageOptions::Legend::none;
    const bool right = has_legend && p.legend == PageOptions::Legend::right;
    const bool bottom = has_legend && p.legend == PageOptions::Legend::bottom;
    if (parts.nat.empty()) parts.nat.add(0, 0, 0);
    const double nat_w = parts.nat.x1 - parts.nat.x0, nat_h = parts.nat.y1 - parts.nat.y0;
    std::vector<std::pair<double, double>> at;
    std::vector<Section> first = has_legend ? parts.legend(1.0) : std::vector<Section>{};
    const auto [col_w, col_h] = arrange_legend(first, PageOptions::Legend::right, 0, c.gap, at);
    double widest = 0;
    for (const auto& s : first) widest = std::max(widest, section_width(s));
    double W = p.width;
    if (W <= 0) {
        double natural =
            2 * c.m + parts.axis_left + nat_w + parts.axis_right + (right ? c.gap + col_w : 0);
        if (bottom) natural = std::max(natural, 2 * c.m + widest);
        W = std::min(std::max(natural, 20 * c.f), 1152.0);
    }
    const double avail_w =
        W - 2 * c.m - parts.axis_left - parts.axis_right - (right ? c.gap + col_w : 0);
    if (avail_w < 4 * c.f)
        too_small("--width", W,
                  right ? "the drawing and the legend beside it need" : "the drawing needs",
                  W - avail_w + 4 * c.f);
    if (bottom && widest > W - 2 * c.m)
        too_small("--width", W, "the widest legend section needs", widest + 2 * c.m);
    double s = nat_w > 0 ? avail_w / nat_w : 1.0;
    if (p.width <= 0) s = std::min(s, 1.0);
    double T = 0;
    if (p.title) {
        if (!parts.title.empty())
            for (auto& l : c.wrap(parts.title, " ", W - 2 * c.m, true, 1.5 * c.f))
                out.title.push_back(l);
        for (const auto& line : parts.headline)
            for (auto& l : c.wrap(line, " | ", W - 2 * c.m, false, c.f)) out.title.push_back(l);
        for (const auto& l : out.title) T += l.h + 0.15 * c.f;
        if (!out.title.empty()) T += 0.8 * c.f;
    }
    const auto [bw, bh] =
        arrange_legend(first, PageOptions::Legend::bottom, W - 2 * c.m, c.gap, at);
    (void)bw;
    if (p.height > 0) {
        const double room =
            p.height - 2 * c.m - T - parts.axis_top - parts.axis_bottom - (bottom ? c.gap + bh : 0);
        if (room < 4 * c.f)
            too_small("--height", p.height,
                      bottom ? "the title block, the drawing and the legend below it need"
                             : "the title block and the drawing need",
                      p.height - room + 4 * c.f);
        if (nat_h > 0) s = std::min(s, room / nat_h);
    }
    L.s = s;
    L.k = std::min(s, 1.0);
    if (has_legend) out.legend = parts.legend(L.k);
    (void)col_h;
    if (p.height > 0 && right) {  // the legend at the size it is drawn
        const auto [w_k, h_k] =
            arrange_legend(out.legend, PageOptions::Legend::right, 0, c.gap, at);
        (void)w_k;
        if (h_k > p.height - 2 * c.m - T)
            too_small("--height", p.height,
                      "the title block and the legend beside the drawing need", h_k + 2 * c.m + T);
    }
    const auto [lw, lh] =
        arrange_legend(out.legend, right ? PageOptions::Legend::right : PageOptions::Legend::bottom,
                       W - 2 * c.m, c.gap, at);
    L.plot_w = nat_w * s;
    L.plot_h = nat_h * s;
    const double body = parts.axis_top + L.plot_h + parts.axis_bottom;
    const double H =
        p.height > 0 ? p.height
                     : 2 * c.m + T + std::max(body, right ? lh : 0.0) + (bottom ? c.gap + lh : 0.0);
    L.width = W;
    L.height = H;
    L.nat_x0 = parts.nat.x0;
    L.nat_y1 = parts.nat.y1;
    L.plot_x0 = c.m + parts.axis_left;
    L.plot_y1 = H - c.m - T - parts.axis_top;
    L.title_x = c.m;
    L.title_y = H - c.m;
    if (right) {
        L.legend_x = std::min(L.plot_x0 + L.plot_w + parts.axis_right + c.gap, W - c.m - lw);
        L.legend_y = H - c.m - T;
    } else if (bottom) {
        L.legend_x = c.m;
        L.legend_y = L.plot_y1 - L.plot_h - parts.axis_bottom - c.gap;
    }
    for (const auto& [x, y] : at) out.legend_at.emplace_back(L.legend_x + x, L.legend_y + y);
    out.legend_box =
        has_legend ? Box{L.legend_x, L.legend_y - lh, L.legend_x + lw, L.legend_y} : Box{};
    out.title_box = Box{c.m, H - c.m - T + 0.8 * c.f, W - c.m, H - c.m};  // the text, not the gap
    if (out.title.empty()) out.title_box = Box{};
    return out;
}

/// A label on a faint white ground (legible over ties), with a leader line to its node when
/// it had to go farther out.
void emit_label(Builder& b, const std::string& id, const Box& box, const std::string& html,
                const std::pair<double, double>& size, const Circle& node, bool leader) {
    auto* n = b.text(id, box.x0, (box.y0 + box.y1) / 2, html, size.first, size.second);
    b.set(n, "style", "filled");
    b.set(n, "fillcolor", "#ffffffb3");
    b.set(n, "color", "#ffffff00");
    if (!leader) return;
    // From the node's edge to the nearest point of the label's box.
    const double px = std::clamp(node.x, box.x0, box.x1), py = std::clamp(node.y, box.y0, box.y1);
    const double dx = px - node.x, dy = py - node.y, len = std::hypot(dx, dy);
    if (len <= node.r) return;
    b.line(id + "_leader", node.x + dx / len * node.r, node.y + dy / len * node.r, px, py, "solid",
           "#555555", "0.5");
}

/// Emits the title block and the legend of a composed page.
void emit_frame(Builder& b, const Composer& c, const Composed& page) {
    double y = page.L.title_y;
    for (std::size_t i = 0; i < page.title.size(); ++i) {
        const auto& l = page.title[i];
        b.text(i == 0 && l.title ? std::string("title") : fmt::format("title_{}", i),
               page.L.title_x, y - l.h / 2, c.html(l, l.title ? 1.5 * c.f : c.f), l.w, l.h);
        y -= l.h + 0.15 * c.f;
    }
    int item = 0;
    for (std::size_t s = 0; s < page.legend.size(); ++s)
        emit_section(b, page.legend[s], page.legend_at[s].first, page.legend_at[s].second, c.f,
                     item, "legend");
}

/// Tick values and axis titles: the room they need around the plot.
struct AxisText {
    std::vector<double> x_ticks, y_ticks;
    std::vector<std::pair<double, double>> x_sizes, y_sizes;  ///< measured tick labels
    std::vector<TitleLine> x_title, y_title;
    double left = 0, bottom = 0, top = 0, right = 0;
};

AxisText prepare_axes(const Composer& c, Axes& a, double title_width) {
    AxisText t;
    t.x_ticks = nice_ticks(a.x_lo, a.x_hi);
    if (a.x_counts && t.x_ticks.size() > 1 && t.x_ticks[1] - t.x_ticks[0] < 1) {
        t.x_ticks.clear();  // whole contacts: ticks at whole numbers
        for (double v = std::floor(a.x_lo); v <= std::ceil(a.x_hi) + 1e-9; v += 1)
            t.x_ticks.push_back(v);
    }
    t.y_ticks = nice_ticks(a.y_lo, a.y_hi);
    a.x_lo = t.x_ticks.front(), a.x_hi = t.x_ticks.back();
    a.y_lo = t.y_ticks.front(), a.y_hi = t.y_ticks.back();
    if (a.x_hi <= a.x_lo) a.x_hi = a.x_lo + 1;
    if (a.y_hi <= a.y_lo) a.y_hi = a.y_lo + 1;
    std::vector<std::string> html;
    for (const double v : t.x_ticks) html.push_back(font(c.f, html_text(human_number(v))));
    for (const double v : t.y_ticks) html.push_back(font(c.f, html_text(human_number(v))));
    const auto sizes = measure_labels(html);
    t.x_sizes.assign(sizes.begin(), sizes.begin() + static_cast<long>(t.x_ticks.size()));
    t.y_sizes.assign(sizes.begin() + static_cast<long>(t.x_ticks.size()), sizes.end());
    t.x_title = c.wrap(a.x_title, " ", title_width, false, c.f);
    t.y_title = c.wrap(a.y_title, " ", title_width, false, c.f);
    double widest = 0;
    for (const auto& s : t.y_sizes) widest = std::max(widest, s.first);
    const double tick = 0.4 * c.f;
    t.left = widest + tick + 0.4 * c.f;
    double h = 0;
    for (const auto& l : t.x_title) h += l.h;
    t.bottom = tick + (t.x_sizes.empty() ? 0 : t.x_sizes[0].second) + 0.3 * c.f + h + 0.3 * c.f;
    h = 0;
    for (const auto& l : t.y_title) h += l.h;
    t.top = h + 0.6 * c.f;
    // The last x tick label is centred on the axis end: keep room for its half.
    t.right = t.x_sizes.empty() ? 0 : t.x_sizes.back().first / 2;
    return t;
}

double chart_x(const Axes& a, double x) { return (x - a.x_lo) / (a.x_hi - a.x_lo) * a.plot_w; }
double chart_y(const Axes& a, double y) { return (y - a.y_lo) / (a.y_hi - a.y_lo) * a.plot_h; }

/// Draws the axes, ticks, titles, quadrant lines and names; returns the names' boxes (labels
/// keep off them). Each name sits in its quadrant's outer corner, away from the crossing of
/// the lines where points gather.
std::vector<Box> emit_axes(Builder& b, const Composer& c, const Axes& a, const AxisText& t,
                           const PageLayout& L) {
    const double x0 = L.px(0), x1 = L.px(a.plot_w), y0 = L.py(0), y1 = L.py(a.plot_h);
    const double tick = 0.4 * c.f;
    b.line("axis_x", x0, y0, x1, y0, "solid", "#333333", "0.8");
    b.line("axis_y", x0, y0, x0, y1, "solid", "#333333", "0.8");
    for (std::size_t i = 0; i < t.x_ticks.size(); ++i) {
        const double x = L.px(chart_x(a, t.x_ticks[i]));
        b.line(fmt::format("tick_x_{}", i), x, y0, x, y0 - tick, "solid", "#333333", "0.6");
        const auto [w, h] = t.x_sizes[i];
        b.text(fmt::format("axis_tick_x_{}", i), x - w / 2, y0 - tick - 0.1 * c.f - h / 2,
               font(c.f, html_text(human_number(t.x_ticks[i]))), w, h);
    }
    for (std::size_t i = 0; i < t.y_ticks.size(); ++i) {
        const double y = L.py(chart_y(a, t.y_ticks[i]));
        b.line(fmt::format("tick_y_{}", i), x0, y, x0 - tick, y, "solid", "#333333", "0.6");
        const auto [w, h] = t.y_sizes[i];
        b.text(fmt::format("axis_tick_y_{}", i), x0 - tick - 0.25 * c.f - w, y,
               font(c.f, html_text(human_number(t.y_ticks[i]))), w, h);
    }
    // Axis titles: x centred below the tick values, y above the axis, both horizontal.
    double y = y0 - tick - (t.x_sizes.empty() ? 0 : t.x_sizes[0].second) - 0.3 * c.f;
    for (std::size_t i = 0; i < t.x_title.size(); ++i) {
        const auto& l = t.x_title[i];
        b.text(fmt::format("axis_x_label_{}", i), std::max(c.m, (x0 + x1) / 2 - l.w / 2),
               y - l.h / 2, c.html(l, c.f), l.w, l.h);
        y -= l.h;
    }
    y = y1 + 0.5 * c.f;
    for (std::size_t i = t.y_title.size(); i-- > 0;) {
        const auto& l = t.y_title[i];
        b.text(fmt::format("axis_y_label_{}", i), std::max(c.m, x0 - t.left), y + l.h / 2,
               c.html(l, c.f), l.w, l.h);
        y += l.h;
    }
    if (std::isfinite(a.x_line)) {
        const double x = L.px(chart_x(a, a.x_line));
        b.line("quadrant_x", x, y0, x, y1, "dashed", "#666666", "0.8");
    }
    if (std::isfinite(a.y_line)) {
        const double y2 = L.py(chart_y(a, a.y_line));
        b.line("quadrant_y", x0, y2, x1, y2, "dashed", "#666666", "0.8");
    }
    std::vector<Box> boxes;
    if (!std::isfinite(a.x_line) || !std::isfinite(a.y_line)) return boxes;
    const std::string names[] = {a.top_right, a.bottom_right, a.top_left, a.bottom_left};
    std::vector<std::string> html;
    for (const auto& name : names)
        html.push_back(font(1.1 * c.f, "<I>" + html_text(name) + "</I>"));
    const auto sizes = measure_labels(html);
    const char* ids[] = {"quadrant_tr", "quadrant_br", "quadrant_tl", "quadrant_bl"};
    const double pad = 0.5 * c.f;
    for (std::size_t i = 0; i < 4; ++i) {
        if (names[i].empty()) continue;
        const auto [w, h] = sizes[i];
        const bool right = i < 2, top = i % 2 == 0;
        const double left_x = right ? x1 - pad - w : x0 + pad;
        const double mid_y = top ? y1 - pad - h / 2 : y0 + pad + h / 2;
        auto* n = b.text(ids[i], left_x, mid_y, html[i], w, h);
        b.set(n, "fontcolor", "#555555");
        boxes.push_back({left_x, mid_y - h / 2, left_x + w, mid_y + h / 2});
    }
    return boxes;
}

}  // namespace

Layout parse_layout(const std::string& name) {
    if (name == "concentric") return Layout::concentric;
    if (name == "sfdp") return Layout::sfdp;
    if (name == "neato") return Layout::neato;
    if (name == "fdp") return Layout::fdp;
    if (name == "dot") return Layout::dot;
    if (name == "circo") return Layout::circo;
    if (name == "file") return Layout::file;
    throw UsageError("--layout '" + name +
                     "' is not a layout; choose concentric, sfdp, neato, fdp, dot, circo or file");
}

std::string to_string(Layout layout) {
    switch (layout) {
        case Layout::concentric:
            return "concentric";
        case Layout::sfdp:
            return "sfdp";
        case Layout::neato:
            return "neato";
        case Layout::fdp:
            return "fdp";
        case Layout::dot:
            return "dot";
        case Layout::circo:
            return "circo";
        case Layout::file:
            return "positions from the file";
        case Layout::position_map:
            return "position map";
    }
    return "?";
}

Diagram render_network(const Network& net, const Headline& h, const RenderOptions& o,
                       const std::string& format) {
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("cannot write a figure as '" + format + "'; use .svg, .png, .pdf or .dot");
    // The context first: creating it sets Graphviz's default node label (\N) for graphs made
    // afterwards, so making it before any graph keeps the output the same in every process.
    graphviz_context();
    const bool numeric_colour = numbers_of(net, o.color_by, "--color-by").has_value();
    View v = build_view(net, o, numeric_colour);

    // Sizes (area ∝ score), colours, labels.
    std::vector<double> sizes;
    for (const auto& nd : v.nodes) sizes.push_back(nd.actor == kNone ? kNan : nd.size_value);
    double size_lo = 0, size_hi = 0;
    const auto size_t01 = normalise(sizes, size_lo, size_hi);
    std::size_t max_members = 1;
    for (const auto& nd : v.nodes)
        if (nd.actor == kNone) max_members = std::max(max_members, nd.members);
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        auto& nd = v.nodes[i];
        const double t = nd.actor == kNone
                             ? static_cast<double>(nd.members) / static_cast<double>(max_members)
                             : size_t01[i];
        nd.width = natural_width(t);
    }
    std::vector<double> colours;
    for (const auto& nd : v.nodes) colours.push_back(nd.colour_value);
    double colour_lo = 0, colour_hi = 0;
    const auto colour_t01 = normalise(colours, colour_lo, colour_hi);
    std::map<std::string, std::size_t> colour_cats, shape_cats, dims;
    for (const auto& nd : v.nodes) {
        if (nd.actor == kNone) continue;
        if (!numeric_colour) colour_cats.emplace(nd.colour_category, 0);
        shape_cats.emplace(nd.category, 0);
    }
    std::size_t k = 0;
    for (auto& [name, index] : colour_cats) index = k++;
    k = 0;
    for (auto& [name, index] : shape_cats) index = k++;
    for (const auto& e : v.edges) dims.emplace(e.dimension, 0);
    k = 0;
    for (auto& [name, index] : dims) index = k++;
    // Labels: the top actors by size score (all / none on request), the ego always, merged
    // groups always; in a pipeline view the partners abroad with the strongest pipelines too.
    std::vector<std::size_t> label_order;
    std::string label_rule;
    {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < v.nodes.size(); ++i)
            if (v.nodes[i].actor != kNone) order.push_back(i);
        auto key = [&](std::size_t i) {
            return std::isfinite(v.nodes[i].size_value) ? v.nodes[i].size_value
                                                        : -std::numeric_limits<double>::infinity();
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
        std::vector<char> chosen(v.nodes.size(), 0);
        auto take = [&](std::size_t i) {
            if (!chosen[i]) chosen[i] = 1, label_order.push_back(i);
        };
        if (!o.ego.empty() && o.labels != RenderOptions::Labels::none)
            for (std::size_t i = 0; i < v.nodes.size(); ++i)
                if (v.nodes[i].ring == 0 && v.nodes[i].actor != kNone) take(i);
        for (std::size_t i = 0; i < v.nodes.size(); ++i)
            if (v.nodes[i].actor == kNone && o.labels != RenderOptions::Labels::none) take(i);
        const std::size_t count = o.labels == RenderOptions::Labels::all ? order.size()
                                  : o.labels == RenderOptions::Labels::none
                                      ? 0
                                      : std::min(o.label_top, order.size());
        const bool pipeline_view = o.only_linkage == "pipeline";
        if (pipeline_view && o.labels == RenderOptions::Labels::top) {
            // Partners ranked by the strength of their drawn pipelines; local actors by size.
            std::vector<double> strength(v.nodes.size(), 0);
            for (const auto& e : v.edges)
                if (e.kind == "pipeline") strength[e.a] += e.weight, strength[e.b] += e.weight;
            std::vector<std::size_t> partners, locals;
            for (const auto i : order) (v.nodes[i].global ? partners : locals).push_back(i);
            std::stable_sort(partners.begin(), partners.end(), [&](std::size_t a, std::size_t b) {
                return strength[a] > strength[b];
            });
            for (std::size_t j = 0; j < std::min(count, locals.size()); ++j) take(locals[j]);
            for (std::size_t j = 0; j < std::min(count, partners.size()); ++j)
                if (strength[partners[j]] > 0) take(partners[j]);
            label_rule = fmt::format(
                "labels: top {} local actors by {}, top {} partners by pipeline strength",
                o.label_top, o.size_by, o.label_top);
        } else {
            for (std::size_t j = 0; j < count; ++j) take(order[j]);
            label_rule = fmt::format("labels: top {} by {}", o.label_top, o.size_by);
        }
        for (const auto i : label_order) v.nodes[i].labelled = true;
    }

    // Positions.
    if (o.layout == Layout::concentric) {
        concentric(v, !o.ego.empty());
    } else if (o.layout == Layout::position_map) {
        // scaled below, with the axes
    } else if (o.layout == Layout::file) {
        file_layout(v);
    } else {
        engine_layout(v, o.layout, o.seed);
    }

    const Composer c(o.page);
    const bool grey = o.page.greyscale;
    const bool map = o.layout == Layout::position_map;

    // Position map: firms by internal connectivity (x) and external openness (y) on a chart.
    Axes axes;
    AxisText axis_text;
    std::size_t spread = 0;
    if (map) {
        double x_hi = 0, y_hi = 0, x_sum = 0, y_sum = 0;
        for (const auto& nd : v.nodes) {
            x_hi = std::max(x_hi, nd.x), y_hi = std::max(y_hi, nd.y);
            x_sum += nd.x, y_sum += nd.y;
        }
        const double count = std::max<double>(1, static_cast<double>(v.nodes.size()));
        axes.x_line = std::isfinite(o.internal_threshold) ? o.internal_threshold : x_sum / count;
        axes.y_line = std::isfinite(o.external_threshold) ? o.external_threshold : y_sum / count;
        axes.x_hi = std::max({x_hi, axes.x_line * 2, 1.0});
        axes.y_hi = std::max({y_hi, axes.y_line * 2, 1.0});
        axes.x_title =
            fmt::format("local internal connectivity (distinct local contacts; line at {})",
                        human_number(axes.x_line));
        axes.y_title = fmt::format("external openness (strength to global actors; line at {})",
                                   human_number(axes.y_line));
        axes.x_counts = true;  // distinct local contacts
        axes.top_right = "technological gatekeeper";
        axes.bottom_right = "mutual exchanger";
        axes.top_left = "external star";
        axes.bottom_left = "isolated";
        axes.plot_w = 560, axes.plot_h = 420;
        const double room = o.page.width > 0 ? o.page.width * 0.6 : 560;
        axis_text = prepare_axes(c, axes, room);
        std::vector<double> xs, ys;
        double mean_d = 0;
        for (const auto& nd : v.nodes) {
            xs.push_back(chart_x(axes, nd.x));
            ys.push_back(chart_y(axes, nd.y));
            mean_d += node_points(nd);
        }
        mean_d /= count;
        spread = spread_overlapping(xs, ys, 0.8 * mean_d);
        for (std::size_t i = 0; i < v.nodes.size(); ++i) v.nodes[i].x = xs[i], v.nodes[i].y = ys[i];
        v.notes.push_back(fmt::format("quadrant lines: internal {}, external {}",
                                      human_number(axes.x_line), human_number(axes.y_line)));
        if (spread > 0)
            v.notes.push_back(
                fmt::format("{} overlapping firm{} spread around {} value (deterministic spiral)",
                            spread, spread == 1 ? "" : "s", spread == 1 ? "its" : "their"));
    }

    // The plot's natural extent.
    PageParts parts;
    if (map) {
        parts.nat.add(0, 0, 0);
        parts.nat.add(axes.plot_w, axes.plot_h, 0);
        parts.axis_left = axis_text.left;
        parts.axis_bottom = axis_text.bottom;
        parts.axis_top = axis_text.top;
        parts.axis_right = axis_text.right;
    }
    for (const auto& nd : v.nodes) parts.nat.add(nd.x, nd.y, node_points(nd) / 2);
    if (!map && !label_order.empty()) {
        // Room for a label above the top node and below the bottom one.
        parts.axis_top += 1.3 * c.f;
        parts.axis_bottom += 1.3 * c.f;
    }

    // Title block.
    const bool localities = h.locality_known;
    {
        std::string actors;
        for (const auto& [part, count] : h.actors_by_part)
            if (part != "unspecified" || h.actors_by_part.size() > 1)
                actors += (actors.empty() ? "" : " · ") + part + " " + thousands(count);
        if (actors.empty()) actors = thousands(h.actors);
        const std::string openness =
            localities ? human_number(h.local_ei) : std::string("n/a (no locality)");
        const std::string lock = h.lock_in == 1   ? "YES"
                                 : h.lock_in == 0 ? "no"
                                 : localities     ? "n/a"
                                                  : "not assessed (no locality)";
        parts.title = o.title.empty() ? "Cluster innovation network" : o.title;
        parts.headline.push_back(
            fmt::format("actors: {} | ties: {} | cluster openness (E-I of the local group): {}",
                        actors, thousands(h.ties), openness));
        parts.headline.push_back(fmt::format(
            "mean tie strength: {} | lock-in: {} | layout: {}{}", human_number(h.mean_tie_strength),
            lock, to_string(o.layout), o.relation.empty() ? "" : " | relation: " + o.relation));
    }

    // Ties: weights to [0, 1] (width and opacity use the square root).
    double w_lo = 0, w_hi = 0;
    std::vector<double> weights;
    for (const auto& e : v.edges) weights.push_back(e.weight);
    const auto w01 = normalise(weights, w_lo, w_hi);
    std::set<std::string> kinds;
    for (const auto& e : v.edges) kinds.insert(e.kind);

    // Legend, built for a size scale k (samples drawn exactly as the network's nodes).
    parts.legend = [&](double scale) {
        std::vector<Section> legend;
        auto heading = [](Section& s, const std::string& text) {
            Row r;
            r.kind = Row::Kind::heading;
            r.text = text;
            s.push_back(r);
        };
        auto sample = [&](Section& s, const std::string& shape, double d, const std::string& fill,
                          bool dashed, const std::string& text) {
            Row r;
            r.kind = Row::Kind::shape;
            r.shape = shape, r.diameter = d, r.fill = fill, r.dashed = dashed, r.text = text;
            s.push_back(r);
        };
        auto text = [](Section& s, const std::string& t) {
            Row r;
            r.text = t;
            s.push_back(r);
        };
        const double small = std::max(0.9 * c.f, printed_diameter(0.2, scale));
        Section shapes;
        heading(shapes, o.shape_by == "type" ? "shape: actor type" : "shape: " + o.shape_by);
        if (o.shape_by == "type") {
            std::set<std::pair<std::string, std::string>> seen;  // shape, meaning
            for (const auto& nd : v.nodes) {
                if (nd.actor == kNone) continue;
                const auto shape = shape_for_type(nd.type, nd.focal);
                seen.emplace(shape, shape == "circle"         ? "firm"
                                    : shape == "doublecircle" ? "focal firm"
                                    : shape == "box"          ? "university / research"
                                    : shape == "triangle"     ? "government"
                                    : shape == "diamond"      ? "intermediary"
                                                              : "other / not given");
            }
            for (const auto& [shape, meaning] : seen)
                sample(shapes, shape, small, "#ffffff", false, meaning);
        } else {
            for (const auto& [name, index] : shape_cats)
                sample(shapes, shape_for_category(index), small, "#ffffff", false,
                       name.empty() ? "(none)" : name);
        }
        if (std::any_of(v.nodes.begin(), v.nodes.end(),
                        [](const Node& nd) { return nd.actor == kNone; }))
            sample(shapes, "octagon", small, "#d9d9d9", true,
                   "global actors merged by " + o.collapse_external + " (size: actors merged)");
        bool any_local = false, any_global = false;
        for (const auto& nd : v.nodes) (nd.global ? any_global : any_local) = true;
        if (localities && any_local)
            sample(shapes, "circle", small, "#ffffff", false,
                   "solid outline: local (in the region)");
        if (localities && any_global)
            sample(shapes, "circle", small, "#ffffff", true,
                   "dashed outline: global (outside the region)");
        legend.push_back(shapes);

        Section fill;
        if (numeric_colour && colour_lo == colour_hi) {  // one value: one swatch, no scale
            heading(fill, "fill: " + o.color_by);
            sample(fill, "circle", small, fill_numeric(0.5, grey), false,
                   "every actor: " + human_number(colour_lo));
        } else if (numeric_colour) {
            heading(fill, fmt::format("fill: {} ({} to {})", o.color_by, human_number(colour_lo),
                                      human_number(colour_hi)));
            Row r;
            r.kind = Row::Kind::ramp;
            for (int s = 0; s <= 4; ++s) r.ramp.push_back(fill_numeric(s / 4.0, grey));
            r.text = fmt::format("{}  low  …  high  {}", human_number(colour_lo),
                                 human_number(colour_hi));
            fill.push_back(r);
            if (std::any_of(v.nodes.begin(), v.nodes.end(), [](const Node& nd) {
                    return nd.actor != kNone && !std::isfinite(nd.colour_value);
                }))
                sample(fill, "circle", small, fill_numeric(kNan, grey), false,
                       grey ? "white: undefined" : "grey: undefined");
        } else {
            heading(fill, "fill: " + o.color_by);
            for (const auto& [name, index] : colour_cats)
                sample(fill, "circle", small, category_colour(name, index, grey), false,
                       name.empty() ? "(none)" : name);
        }
        legend.push_back(fill);

        Section size;
        heading(size, fmt::format("size: {} ({} to {})", o.size_by, human_number(size_lo),
                                  human_number(size_hi)));
        const std::vector<double> steps =
            size_lo == size_hi ? std::vector<double>{0.5} : std::vector<double>{0.0, 0.25, 1.0};
        if (size_lo == size_hi) size.back().text = "size: " + o.size_by;
        for (const double t : steps) {
            const double value = std::isfinite(size_lo) ? size_lo + t * (size_hi - size_lo) : kNan;
            sample(
                size, "circle", printed_diameter(natural_width(t), scale), "#ffffff", false,
                size_lo == size_hi ? "every actor: " + human_number(value) : human_number(value));
        }
        legend.push_back(size);

        if (!v.edges.empty()) {
            Section ties;
            heading(ties, w_lo == w_hi ? std::string("ties")
                                       : fmt::format("ties: width and opacity = weight ({} to {})",
                                                     human_number(w_lo), human_number(w_hi)));
            auto tie = [&](const std::string& kind, const std::string& colour, double t,
                           const std::string& label) {
                Row r;
                r.kind = Row::Kind::tie;
                r.colour = colour, r.style = edge_style(kind), r.width = tie_width(t, scale);
                r.alpha = tie_alpha(t, kind == "extra_local" ? "buzz" : kind);
                r.text = label;
                ties.push_back(r);
            };
            if (!o.tie_colour_by.empty()) {
                for (const auto& [name, index] : dims)
                    tie("buzz", edge_colour("buzz", name, true, dims, grey), 0.6,
                        o.tie_colour_by + ": " + (name.empty() ? "(none)" : name));
                // The line style still tells the linkage.
                if (kinds.size() > 1) {
                    if (kinds.count("buzz")) tie("buzz", "#555555", 0.6, "solid: local buzz");
                    if (kinds.count("pipeline"))
                        tie("pipeline", "#555555", 0.6, "dashed: global pipeline");
                    if (kinds.count("extra_local"))
                        tie("extra_local", "#555555", 0.6, "dotted: outside the cluster");
                }
            } else {
                if (kinds.count("buzz"))
                    tie("buzz", edge_colour("buzz", "", false, dims, grey), 1.0,
                        "local buzz (solid): both ends local");
                if (kinds.count("pipeline"))
                    tie("pipeline", edge_colour("pipeline", "", false, dims, grey), 1.0,
                        "global pipeline (dashed): local to global");
                if (kinds.count("extra_local"))
                    tie("extra_local", edge_colour("extra_local", "", false, dims, grey), 1.0,
                        localities ? "outside the cluster (dotted)"
                                   : "locality not given (dotted)");
            }
            const std::string base = kinds.size() == 1 && kinds.count("plain") ? "plain" : "buzz";
            if (w_lo == w_hi) {  // normalise() puts equal values at 0.5
                tie(base, base == "plain" ? edge_colour(base, "", false, dims, grey) : "#333333",
                    std::sqrt(0.5), "every tie: weight " + human_number(w_lo));
            } else {
                tie(base, "#333333", 0.0, "weakest tie: " + human_number(w_lo));
                tie(base, "#333333", 1.0, "strongest tie: " + human_number(w_hi));
            }
            legend.push_back(ties);
        }
        Section shown;
        heading(shown, "shown");
        std::vector<std::string> lines = v.notes;
        if (o.labels == RenderOptions::Labels::top) lines.push_back(label_rule);
        if (o.labels == RenderOptions::Labels::all) lines.push_back("labels: every actor");
        if (o.labels == RenderOptions::Labels::none) lines.push_back("labels: none");
        std::size_t groups = 0;
        for (const auto& nd : v.nodes) groups += nd.actor == kNone ? 1 : 0;
        const std::size_t actors = v.nodes.size() - groups;
        lines.push_back(fmt::format("{} actor{}{} and {} tie{} drawn", thousands(actors),
                                    actors == 1 ? "" : "s",
                                    groups ? fmt::format(", {} merged groups", groups) : "",
                                    thousands(v.edges.size()), v.edges.size() == 1 ? "" : "s"));
        if (v.actors_left_out + v.ties_left_out > 0)
            lines.push_back(fmt::format("left out: {} actors, {} ties",
                                        thousands(v.actors_left_out), thousands(v.ties_left_out)));
        for (const auto& line : lines) text(shown, line);
        legend.push_back(shown);
        if (!legend.empty() && o.page.legend == PageOptions::Legend::right) {
            Section title;
            heading(title, "Legend");
            legend.insert(legend.begin(), title);
        }
        measure_rows(legend, c.f);
        return legend;
    };
    const auto page = compose(c, parts);
    const auto& L = page.L;

    Builder b(v.directed);
    emit_frame(b, c, page);
    std::vector<Box> quadrant_names;
    if (map) quadrant_names = emit_axes(b, c, axes, axis_text, L);

    // Actors.
    std::vector<Agnode_t*> drawn(v.nodes.size(), nullptr);
    std::vector<Circle> circles;
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        const auto& nd = v.nodes[i];
        const double x = L.px(nd.x), y = L.py(nd.y), d = printed_diameter(nd.width, L.k);
        circles.push_back({x, y, d / 2});
        auto* n = b.node((nd.actor == kNone ? "group_" : "actor_") + std::to_string(i), x, y);
        drawn[i] = n;
        std::string shape;
        if (nd.actor == kNone)
            shape = "octagon";
        else if (o.shape_by == "type")
            shape = shape_for_type(nd.type, nd.focal);
        else
            shape = shape_for_category(shape_cats.at(nd.category));
        b.set(n, "shape", shape);
        b.set(n, "fixedsize", "true");
        b.set(n, "width", fmt::format("{:.4f}", d / 72));
        b.set(n, "height", fmt::format("{:.4f}", d / 72));
        b.set(n, "label", "");
        std::string fill = "#d9d9d9";
        if (nd.actor != kNone)
            fill = numeric_colour ? fill_numeric(colour_t01[i], grey)
                                  : category_colour(nd.colour_category,
                                                    colour_cats.at(nd.colour_category), grey);
        b.set(n, "style", nd.global ? "filled,dashed" : "filled");
        b.set(n, "fillcolor", fill);
        b.set(n, "color", nd.global ? "#000000" : "#222222");
        b.set(n, "penwidth", fmt::format("{:.2f}", (nd.global ? 1.6 : 1.0) * std::max(L.k, 0.5)));
    }
    // Ties.
    for (std::size_t j = 0; j < v.edges.size(); ++j) {
        const auto& e = v.edges[j];
        auto* edge = b.edge(drawn[e.a], drawn[e.b]);
        b.set(edge, "id", "tie_" + std::to_string(j));
        const double t = std::isfinite(w01[j]) ? std::sqrt(w01[j]) : 0.5;
        b.set(edge, "penwidth", fmt::format("{:.2f}", tie_width(t, L.k)));
        b.set(edge, "color",
              with_alpha(edge_colour(e.kind, e.dimension, !o.tie_colour_by.empty(), dims, grey),
                         tie_alpha(t, e.kind)));
        b.set(edge, "style", edge_style(e.kind));
        if (v.directed) b.set(edge, "arrowsize", fmt::format("{:.2f}", 0.5 * std::max(L.k, 0.4)));
    }
    // Labels: beside their own node, never on another node, the legend or the title.
    {
        std::vector<std::size_t> owner;
        std::vector<std::string> html;
        for (const auto i : label_order) {
            owner.push_back(i);
            html.push_back(font(c.f, html_text(v.nodes[i].label, 32)));
        }
        auto label_sizes = measure_labels(html);
        // Browsers set text up to ~5 % wider than pango measures it: place with room for that.
        for (auto& [lw, lh] : label_sizes) lw *= 1.06;
        std::vector<Box> keep_out;
        if (page.legend_box.x1 > page.legend_box.x0) keep_out.push_back(page.legend_box);
        if (page.title_box.x1 > page.title_box.x0) keep_out.push_back(page.title_box);
        keep_out.insert(keep_out.end(), quadrant_names.begin(), quadrant_names.end());
        const Box whole{c.m / 2, c.m / 2, L.width - c.m / 2, L.height - c.m / 2};
        std::vector<char> detached;
        const auto boxes =
            place_labels(circles, owner, label_sizes, keep_out, whole, 0.25 * c.f, &detached);
        for (std::size_t l = 0; l < owner.size(); ++l)
            emit_label(b, "label_" + std::to_string(owner[l]), boxes[l], html[l], label_sizes[l],
                       circles[owner[l]], detached[l] != 0);
    }

    Diagram out;
    out.actors_drawn = 0;
    for (const auto& nd : v.nodes) out.actors_drawn += nd.actor == kNone ? 0 : 1;
    out.ties_drawn = v.edges.size();
    out.actors_left_out = v.actors_left_out;
    out.ties_left_out = v.ties_left_out;
    out.notes = v.notes;
    out.width = L.width;
    out.height = L.height;
    out.bytes = b.render(format, L.width, L.height);
    return out;
}

std::string render_quadrant_chart(const QuadrantChart& q, const std::string& format,
                                  const PageOptions& options) {
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("cannot write a figure as '" + format + "'; use .svg, .png, .pdf or .dot");
    graphviz_context();
    const Composer c(options);
    Axes a;
    a.x_lo = 0, a.y_lo = 0;
    a.x_hi = std::max(2 * q.x_threshold, 1e-9), a.y_hi = std::max(2 * q.y_threshold, 1e-9);
    for (const auto& p : q.points) {
        if (std::isfinite(p.x)) a.x_lo = std::min(a.x_lo, p.x), a.x_hi = std::max(a.x_hi, p.x);
        if (std::isfinite(p.y)) a.y_lo = std::min(a.y_lo, p.y), a.y_hi = std::max(a.y_hi, p.y);
    }
    a.x_line = q.x_threshold, a.y_line = q.y_threshold;
    a.x_title = fmt::format("{} (line at {})", q.x_name, human_number(q.x_threshold));
    a.y_title = fmt::format("{} (line at {})", q.y_name, human_number(q.y_threshold));
    a.top_right = q.top_right, a.bottom_right = q.bottom_right;
    a.top_left = q.top_left, a.bottom_left = q.bottom_left;
    a.plot_w = 480, a.plot_h = 360;
    const auto t = prepare_axes(c, a, options.width > 0 ? options.width * 0.7 : 480);
    std::vector<double> xs, ys;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < q.points.size(); ++i) {
        const auto& p = q.points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        xs.push_back(chart_x(a, p.x));
        ys.push_back(chart_y(a, p.y));
        index.push_back(i);
    }
    const double d = 0.18 * 72;
    const auto spread = spread_overlapping(xs, ys, 0.8 * d);
    PageParts parts;
    parts.nat.add(0, 0, 0);
    parts.nat.add(a.plot_w, a.plot_h, 0);
    parts.axis_left = t.left, parts.axis_bottom = t.bottom, parts.axis_top = t.top;
    parts.axis_right = t.right;
    parts.title = q.title;
    if (spread > 0)
        parts.headline.push_back(
            fmt::format("{} overlapping point{} spread around {} value (deterministic spiral)",
                        spread, spread == 1 ? "" : "s", spread == 1 ? "its" : "their"));
    const auto page = compose(c, parts);
    const auto& L = page.L;
    Builder b(false);
    emit_frame(b, c, page);
    const auto quadrant_names = emit_axes(b, c, a, t, L);
    std::vector<Circle> circles;
    std::vector<std::size_t> owner;
    std::vector<std::string> html;
    for (std::size_t j = 0; j < index.size(); ++j) {
        const double x = L.px(xs[j]), y = L.py(ys[j]), dp = printed_diameter(0.18, L.k);
        auto* n = b.node("cluster_" + std::to_string(index[j]), x, y);
        b.set(n, "shape", "circle");
        b.set(n, "fixedsize", "true");
        b.set(n, "width", fmt::format("{:.4f}", dp / 72));
        b.set(n, "height", fmt::format("{:.4f}", dp / 72));
        b.set(n, "label", "");
        b.set(n, "style", "filled");
        b.set(n, "fillcolor", options.greyscale ? "#606060" : qualitative_colour(4));
        circles.push_back({x, y, dp / 2});
        owner.push_back(j);
        html.push_back(font(c.f, html_text(q.points[index[j]].label, 32)));
    }
    auto sizes = measure_labels(html);
    for (auto& [w, h] : sizes) w *= 1.06;  // room for browsers' wider text, as for networks
    std::vector<Box> keep_out;
    if (page.title_box.x1 > page.title_box.x0) keep_out.push_back(page.title_box);
    keep_out.insert(keep_out.end(), quadrant_names.begin(), quadrant_names.end());
    const Box whole{c.m / 2, c.m / 2, L.width - c.m / 2, L.height - c.m / 2};
    std::vector<char> detached;
    const auto boxes = place_labels(circles, owner, sizes, keep_out, whole, 0.25 * c.f, &detached);
    for (std::size_t j = 0; j < owner.size(); ++j)
        emit_label(b, "label_" + std::to_string(index[j]), boxes[j], html[j], sizes[j], circles[j],
                   detached[j] != 0);
    return b.render(format, L.width, L.height);
}

}  // namespace clusterlens::render
