#include "render/diagram.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <set>

#include "graphs/attributes.hpp"
#include "graphs/error.hpp"
#include "render/graphviz_support.hpp"
#include "render/style.hpp"

namespace clusterlens::render {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr const char* kFont = "Liberation Sans";  // fonts-liberation2, pinned (toolchain.md)

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
    double width = 0.15;  ///< inches
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
};

std::string linkage_of(Locality a, Locality b) {
    if (a == Locality::local && b == Locality::local) return "buzz";
    if ((a == Locality::local && b == Locality::global) ||
        (a == Locality::global && b == Locality::local))
        return "pipeline";
    return "extra_local";
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
        const auto* ci = net.actor_attributes().find("internal_connectivity");
        const auto* ce = net.actor_attributes().find("external_openness");
        if (ci == nullptr || ce == nullptr)
            throw UsageError(
                "--position-map needs the typology scores (internal_connectivity, "
                "external_openness): render a network scored by clusterlens score");
        for (std::size_t i = 0; i < n; ++i) {
            ix[i] = parse_number(ci->as_text(i)).value_or(kNan);
            ey[i] = parse_number(ce->as_text(i)).value_or(kNan);
            if (!std::isfinite(ix[i]) || !std::isfinite(ey[i])) keep[i] = 0;
        }
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
            continue;
        }
        Node nd;
        nd.actor = i;
        nd.label = a.label.empty() ? a.id : a.label;
        nd.global = global;
        nd.focal = a.focal;
        nd.type = a.type;
        nd.part = a.part;
        nd.category = shape_texts[i];
        nd.size_value = (*size_values)[i];
        nd.colour_value = colour_values[i];
        nd.colour_category = colour_texts[i];
        nd.ring = dist[i];
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
        graph_attr("pad", "0.3");
        graph_attr("fontname", kFont);
        graph_attr("forcelabels", "true");
        graph_attr("splines", "false");
        graph_attr("size", "16,16");  // scale a large drawing down to 16 inches
    }
    Agraph_t* get() { return g_.get(); }

    /// Lays out (nop2: every position pinned) and renders. The one place a figure's bytes are
    /// made. `dpi` is set for PNG only: Graphviz 2.43's SVG renderer scales the drawing by
    /// dpi/72 but leaves the view box at 72 dpi, so an SVG with dpi != 72 shows only the
    /// top-left part of the drawing (vector formats are resolution-free anyway).
    std::string render(const std::string& format) {
        graph_attr("dpi", format == "png" ? "110" : "72");
        return layout_and_render(g_.get(), "nop2", format);
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
    /// A text block whose left edge is at x (Graphviz centres node labels on pos).
    Agnode_t* text(const std::string& id, double x, double y, const std::string& html, double chars,
                   double points) {
        const double w = chars * points * 0.45;  // Liberation Sans: ~0.45 em per character
        auto* n = node(id, x + w / 2, y);
        set(n, "shape", "plaintext");
        set(n, "margin", "0");
        set(n, "width", fmt::format("{:.3f}", w / 72));
        set(n, "height", fmt::format("{:.3f}", points * 1.3 / 72));
        set_html(n, "label", html);
        return n;
    }
    Agedge_t* edge(Agnode_t* a, Agnode_t* b) { return agedge(g_.get(), a, b, nullptr, 1); }
    /// An invisible point: an end of a drawn line.
    Agnode_t* anchor(const std::string& id, double x, double y) {
        auto* n = node(id, x, y);
        set(n, "shape", "point");
        set(n, "width", "0.01");
        set(n, "style", "invis");
        return n;
    }
    /// A straight line between two invisible points (axes, threshold lines); penwidth "" keeps
    /// Graphviz's default.
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
};

std::string font(double points, const std::string& inner, bool bold = false) {
    return fmt::format("<FONT POINT-SIZE=\"{}\" FACE=\"{}\">{}{}{}</FONT>", points, kFont,
                       bold ? "<B>" : "", inner, bold ? "</B>" : "");
}

std::string edge_colour(const Edge& e, bool by_dimension,
                        const std::map<std::string, std::size_t>& dims) {
    if (by_dimension) return qualitative_colour(dims.at(e.dimension));
    if (e.kind == "buzz") return "#0072b2";
    if (e.kind == "pipeline") return "#d55e00";
    return "#7f7f7f";
}
std::string edge_style(const std::string& kind) {
    if (kind == "buzz") return "solid";
    if (kind == "pipeline") return "dashed";
    return "dotted";
}

}  // namespace

Layout parse_layout(const std::string& name) {
    if (name == "concentric") return Layout::concentric;
    if (name == "sfdp") return Layout::sfdp;
    if (name == "neato") return Layout::neato;
    if (name == "fdp") return Layout::fdp;
    if (name == "dot") return Layout::dot;
    if (name == "circo") return Layout::circo;
    throw UsageError("--layout '" + name +
                     "' is not a layout; choose concentric, sfdp, neato, fdp, dot or circo");
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
        nd.width = 0.12 + 0.5 * (std::isfinite(t) ? std::sqrt(t) : 0.0);
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
    // Labels: the top actors by size score (all / none on request); merged groups always.
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
        const std::size_t count = o.labels == RenderOptions::Labels::all ? order.size()
                                  : o.labels == RenderOptions::Labels::none
                                      ? 0
                                      : std::min(o.label_top, order.size());
        for (std::size_t j = 0; j < count; ++j) v.nodes[order[j]].labelled = true;
        for (auto& nd : v.nodes)
            if (nd.actor == kNone && o.labels != RenderOptions::Labels::none) nd.labelled = true;
    }

    // Positions.
    if (o.layout == Layout::concentric) {
        concentric(v, !o.ego.empty());
    } else if (o.layout == Layout::position_map) {
        // scaled below, with the axes
    } else {
        engine_layout(v, o.layout, o.seed);
    }

    Builder b(v.directed);
    Bounds box;
    double map_w = 0, map_h = 0;
    if (o.layout == Layout::position_map) {
        // x: internal connectivity, y: external openness, onto a 560 × 420 pt plot.
        double x_hi = 0, y_hi = 0, x_sum = 0, y_sum = 0;
        for (const auto& nd : v.nodes) {
            x_hi = std::max(x_hi, nd.x), y_hi = std::max(y_hi, nd.y);
            x_sum += nd.x, y_sum += nd.y;
        }
        const double count = std::max<double>(1, static_cast<double>(v.nodes.size()));
        const double tx =
            std::isfinite(o.internal_threshold) ? o.internal_threshold : x_sum / count;
        const double ty =
            std::isfinite(o.external_threshold) ? o.external_threshold : y_sum / count;
        x_hi = std::max({x_hi, tx * 2, 1.0});
        y_hi = std::max({y_hi, ty * 2, 1.0});
        map_w = 560, map_h = 420;
        auto sx = [&](double x) { return x / x_hi * map_w; };
        auto sy = [&](double y) { return y / y_hi * map_h; };
        for (auto& nd : v.nodes) nd.x = sx(nd.x), nd.y = sy(nd.y);
        auto line = [&](const std::string& id, double x0, double y0, double x1, double y1,
                        const char* style,
                        const char* colour) { b.line(id, x0, y0, x1, y1, style, colour, "1.2"); };
        line("axis_x", 0, 0, map_w, 0, "solid", "#333333");
        line("axis_y", 0, 0, 0, map_h, "solid", "#333333");
        line("quadrant_x", sx(tx), 0, sx(tx), map_h, "dashed", "#666666");
        line("quadrant_y", 0, sy(ty), map_w, sy(ty), "dashed", "#666666");
        const double qx_lo = sx(tx) / 2, qx_hi = (sx(tx) + map_w) / 2;
        const double qy_lo = sy(ty) / 2, qy_hi = (sy(ty) + map_h) / 2;
        auto quadrant = [&](const std::string& id, double x, double y, const std::string& name) {
            auto* n = b.node(id, x, y);
            b.set(n, "shape", "plaintext");
            b.set_html(n, "label", font(13, "<I>" + name + "</I>"));
            b.set(n, "fontcolor", "#555555");
        };
        quadrant("quadrant_gatekeeper", qx_hi, qy_hi, "technological gatekeeper");
        quadrant("quadrant_exchanger", qx_hi, qy_lo, "mutual exchanger");
        quadrant("quadrant_star", qx_lo, qy_hi, "external star");
        quadrant("quadrant_isolated", qx_lo, qy_lo, "isolated");
        auto axis_label = [&](const std::string& id, double x, double y, const std::string& text) {
            auto* n = b.node(id, x, y);
            b.set(n, "shape", "plaintext");
            b.set_html(n, "label", font(11, text));
        };
        // Both axis titles are horizontal: x below its axis, y above the top of its axis.
        axis_label("axis_x_label", map_w / 2, -28,
                   fmt::format("local internal connectivity (distinct local contacts; line at {})",
                               short_number(tx)));
        axis_label("axis_y_label", 0, map_h + 22,
                   fmt::format("external openness (strength to global actors; line at {})",
                               short_number(ty)));
        box.add(0, -40, 0);
        box.add(map_w, map_h + 30, 0);
        v.notes.push_back(fmt::format("quadrant lines: internal {}, external {}", short_number(tx),
                                      short_number(ty)));
    }

    // Actors.
    std::vector<Agnode_t*> drawn(v.nodes.size(), nullptr);
    for (std::size_t i = 0; i < v.nodes.size(); ++i) {
        const auto& nd = v.nodes[i];
        box.add(nd.x, nd.y, node_points(nd) / 2);
        auto* n = b.node((nd.actor == kNone ? "group_" : "actor_") + std::to_string(i), nd.x, nd.y);
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
        b.set(n, "width", fmt::format("{:.3f}", nd.width));
        b.set(n, "height", fmt::format("{:.3f}", nd.width));
        b.set(n, "label", "");
        std::string fill = "#d9d9d9";
        if (nd.actor != kNone)
            fill = numeric_colour ? sequential_colour(colour_t01[i])
                                  : qualitative_colour(colour_cats.at(nd.colour_category));
        b.set(n, "style", nd.global ? "filled,dashed" : "filled");
        b.set(n, "fillcolor", fill);
        b.set(n, "color", nd.global ? "#000000" : "#222222");
        b.set(n, "penwidth", nd.global ? "1.6" : "1.0");
        if (nd.labelled) {
            b.set(n, "xlabel", plain_label(nd.label, 32));
            b.set(n, "fontsize", "9");
        }
    }
    // Ties.
    double w_lo = 0, w_hi = 0;
    std::vector<double> weights;
    for (const auto& e : v.edges) weights.push_back(e.weight);
    const auto w01 = normalise(weights, w_lo, w_hi);
    for (std::size_t j = 0; j < v.edges.size(); ++j) {
        const auto& e = v.edges[j];
        auto* edge = b.edge(drawn[e.a], drawn[e.b]);
        b.set(edge, "id", "tie_" + std::to_string(j));
        const double t = std::isfinite(w01[j]) ? std::sqrt(w01[j]) : 0.5;
        b.set(edge, "penwidth", fmt::format("{:.2f}", 0.4 + 3.2 * t));
        // Ties outside the cluster (global-global) are context: fainter still.
        const double alpha = (0.18 + 0.72 * t) * (e.kind == "extra_local" ? 0.5 : 1.0);
        b.set(edge, "color", with_alpha(edge_colour(e, !o.tie_colour_by.empty(), dims), alpha));
        b.set(edge, "style", edge_style(e.kind));
        if (v.directed) b.set(edge, "arrowsize", "0.5");
    }

    // Title block above the drawing.
    const double gap = 24;
    {
        std::string parts;
        for (const auto& [part, count] : h.actors_by_part)
            parts += (parts.empty() ? "" : " · ") + html_text(part) + " " + thousands(count);
        const std::string line1 =
            fmt::format("actors: {} | ties: {} | cluster openness (E-I of the local group): {}",
                        parts.empty() ? "n/a" : parts, thousands(h.ties), short_number(h.local_ei));
        const std::string line2 = fmt::format(
            "mean tie strength: {} | lock-in: {} | layout: {}{}", short_number(h.mean_tie_strength),
            h.lock_in == 1   ? "YES"
            : h.lock_in == 0 ? "no"
                             : "n/a",
            to_string(o.layout), o.relation.empty() ? "" : " | relation: " + html_text(o.relation));
        const std::string title = o.title.empty() ? "Cluster innovation network" : o.title;
        const std::string html = fmt::format(
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">"
            "<TR><TD ALIGN=\"LEFT\">{}</TD></TR>"
            "<TR><TD ALIGN=\"LEFT\">{}</TD></TR>"
            "<TR><TD ALIGN=\"LEFT\">{}</TD></TR></TABLE>",
            font(18, html_text(title, 120), true), font(11, line1), font(11, line2));
        const double chars = std::max<double>({static_cast<double>(line1.size()) * 0.9,
                                               static_cast<double>(line2.size()) * 0.9,
                                               static_cast<double>(title.size()) * 1.6});
        auto* n = b.text("title", box.x0, box.y1 + gap + 30, html, chars, 11);
        b.set(n, "height", "0.8");
    }

    // Legend, right of the drawing, top-aligned.
    {
        double x = box.x1 + 60, y = box.y1;
        const double row = 20;
        int item = 0;
        auto heading = [&](const std::string& text) {
            y -= 8;
            b.text(fmt::format("legend_{}", item++), x, y, font(11, html_text(text, 70), true),
                   static_cast<double>(text.size()), 11);
            y -= row;
        };
        auto note = [&](double at, const std::string& text) {
            b.text(fmt::format("legend_{}", item++), at, y, font(10, html_text(text, 90)),
                   static_cast<double>(text.size()), 10);
        };
        auto sample = [&](const std::string& shape, double width, const std::string& fill,
                          bool dashed) {
            auto* n = b.node(fmt::format("legend_{}", item++), x + 10, y);
            b.set(n, "shape", shape);
            b.set(n, "fixedsize", "true");
            b.set(n, "width", fmt::format("{:.3f}", width));
            b.set(n, "height", fmt::format("{:.3f}", width));
            b.set(n, "label", "");
            b.set(n, "style", dashed ? "filled,dashed" : "filled");
            b.set(n, "fillcolor", fill);
            b.set(n, "penwidth", dashed ? "1.6" : "1.0");
            return n;
        };
        heading("Legend");
        heading(o.shape_by == "type" ? "shape: actor type" : "shape: " + o.shape_by);
        if (o.shape_by == "type") {
            std::set<std::pair<std::string, std::string>> seen;  // shape, meaning
            for (const auto& nd : v.nodes) {
                if (nd.actor == kNone) continue;
                const auto shape = shape_for_type(nd.type, nd.focal);
                std::string meaning = shape == "circle"         ? "firm"
                                      : shape == "doublecircle" ? "focal firm"
                                      : shape == "box"          ? "university / research"
                                      : shape == "triangle"     ? "government"
                                      : shape == "diamond"      ? "intermediary"
                                                                : "other / not given";
                seen.emplace(shape, meaning);
            }
            for (const auto& [shape, meaning] : seen) {
                sample(shape, 0.2, "#ffffff", false);
                note(x + 26, meaning);
                y -= row;
            }
        } else {
            for (const auto& [name, index] : shape_cats) {
                sample(shape_for_category(index), 0.2, "#ffffff", false);
                note(x + 26, name.empty() ? "(none)" : name);
                y -= row;
            }
        }
        if (!v.nodes.empty() && std::any_of(v.nodes.begin(), v.nodes.end(),
                                            [](const Node& nd) { return nd.actor == kNone; })) {
            sample("octagon", 0.2, "#d9d9d9", true);
            note(x + 26, "global actors merged by " + o.collapse_external);
            y -= row;
        }
        sample("circle", 0.2, "#ffffff", false);
        note(x + 26, "solid outline: local (in the region)");
        y -= row;
        sample("circle", 0.2, "#ffffff", true);
        note(x + 26, "dashed outline: global (outside the region)");
        y -= row;

        if (numeric_colour) {
            heading(fmt::format("fill: {} ({} to {})", o.color_by, short_number(colour_lo),
                                short_number(colour_hi)));
            for (int s = 0; s <= 4; ++s) {
                const double t = s / 4.0;
                auto* n = b.node(fmt::format("legend_{}", item++), x + 10 + s * 34, y);
                b.set(n, "shape", "box");
                b.set(n, "fixedsize", "true");
                b.set(n, "width", "0.45");
                b.set(n, "height", "0.2");
                b.set(n, "label", "");
                b.set(n, "style", "filled");
                b.set(n, "fillcolor", sequential_colour(t));
                b.set(n, "penwidth", "0.5");
            }
            y -= row;
            note(x, fmt::format("{}   low  …  high   {}", short_number(colour_lo),
                                short_number(colour_hi)));
            y -= row;
            sample("circle", 0.2, sequential_colour(kNan), false);
            note(x + 26, "grey: undefined");
            y -= row;
        } else {
            heading("fill: " + o.color_by);
            for (const auto& [name, index] : colour_cats) {
                sample("circle", 0.2, qualitative_colour(index), false);
                note(x + 26, name.empty() ? "(none)" : name);
                y -= row;
            }
        }

        heading(fmt::format("size: {} ({} to {})", o.size_by, short_number(size_lo),
                            short_number(size_hi)));
        for (const double t : {0.0, 0.25, 1.0}) {
            const double w = 0.12 + 0.5 * std::sqrt(t);
            y -= w * 36;
            auto* n = sample("circle", w, "#ffffff", false);
            b.set(n, "pos", fmt::format("{:.2f},{:.2f}", x + 24, y));
            const double value = std::isfinite(size_lo) ? size_lo + t * (size_hi - size_lo) : kNan;
            note(x + 60, short_number(value));
            y -= w * 36 + 6;
        }

        if (!v.edges.empty()) {
            heading(fmt::format("ties: width and opacity = weight ({} to {})", short_number(w_lo),
                                short_number(w_hi)));
            auto tie_sample = [&](const std::string& kind, const std::string& colour, double t,
                                  const std::string& text) {
                auto* a = b.anchor(fmt::format("legend_{}", item++), x, y);
                auto* c = b.anchor(fmt::format("legend_{}", item++), x + 44, y);
                auto* e = b.edge(a, c);
                b.set(e, "id", fmt::format("legend_tie_{}", item++));
                b.set(e, "penwidth", fmt::format("{:.2f}", 0.4 + 3.2 * t));
                b.set(e, "color", with_alpha(colour, 0.18 + 0.72 * t));
                b.set(e, "style", edge_style(kind));
                b.set(e, "dir", "none");
                note(x + 54, text);
                y -= row;
            };
            if (!o.tie_colour_by.empty()) {
                for (const auto& [name, index] : dims)
                    tie_sample("buzz", qualitative_colour(index), 0.6,
                               o.tie_colour_by + ": " + (name.empty() ? "(none)" : name));
            } else {
                tie_sample("buzz", "#0072b2", 1.0, "local buzz (solid): both ends local");
                tie_sample("pipeline", "#d55e00", 1.0, "global pipeline (dashed): local to global");
                tie_sample("extra_local", "#7f7f7f", 1.0, "outside the cluster (dotted)");
            }
            tie_sample("buzz", "#333333", 0.0, "weakest tie: " + short_number(w_lo));
            tie_sample("buzz", "#333333", 1.0, "strongest tie: " + short_number(w_hi));
        }
        heading("shown");
        std::vector<std::string> lines = v.notes;
        if (o.labels == RenderOptions::Labels::top)
            lines.push_back(fmt::format("labels: top {} by {}", o.label_top, o.size_by));
        lines.push_back(fmt::format("{} actor{} and {} tie{} drawn", thousands(v.nodes.size()),
                                    v.nodes.size() == 1 ? "" : "s", thousands(v.edges.size()),
                                    v.edges.size() == 1 ? "" : "s"));
        if (v.actors_left_out + v.ties_left_out > 0)
            lines.push_back(fmt::format("left out: {} actors, {} ties",
                                        thousands(v.actors_left_out), thousands(v.ties_left_out)));
        for (const auto& line : lines) {
            note(x, line);
            y -= row;
        }
    }

    Diagram out;
    out.actors_drawn = 0;
    for (const auto& nd : v.nodes) out.actors_drawn += nd.actor == kNone ? 0 : 1;
    out.ties_drawn = v.edges.size();
    out.actors_left_out = v.actors_left_out;
    out.ties_left_out = v.ties_left_out;
    out.notes = v.notes;
    out.bytes = b.render(format);
    return out;
}

std::string render_quadrant_chart(const QuadrantChart& c, const std::string& format) {
    if (format != "svg" && format != "png" && format != "pdf" && format != "dot")
        throw UsageError("cannot write a figure as '" + format + "'; use .svg, .png, .pdf or .dot");
    graphviz_context();
    Builder b(false);
    double x_lo = 0, y_lo = 0, x_hi = std::max(2 * c.x_threshold, 1e-9),
           y_hi = std::max(2 * c.y_threshold, 1e-9);
    for (const auto& p : c.points) {
        if (std::isfinite(p.x)) x_lo = std::min(x_lo, p.x), x_hi = std::max(x_hi, p.x);
        if (std::isfinite(p.y)) y_lo = std::min(y_lo, p.y), y_hi = std::max(y_hi, p.y);
    }
    const double w = 480, h = 360;
    auto sx = [&](double x) { return (x - x_lo) / (x_hi - x_lo) * w; };
    auto sy = [&](double y) { return (y - y_lo) / (y_hi - y_lo) * h; };
    auto line = [&](const std::string& id, double x0, double y0, double x1, double y1,
                    const char* style) { b.line(id, x0, y0, x1, y1, style, "#555555"); };
    auto text = [&](const std::string& id, double x, double y, const std::string& html) {
        auto* n = b.node(id, x, y);
        b.set(n, "shape", "plaintext");
        b.set_html(n, "label", html);
    };
    line("axis_x", 0, 0, w, 0, "solid");
    line("axis_y", 0, 0, 0, h, "solid");
    line("quadrant_x", sx(c.x_threshold), 0, sx(c.x_threshold), h, "dashed");
    line("quadrant_y", 0, sy(c.y_threshold), w, sy(c.y_threshold), "dashed");
    const double qx_lo = sx(c.x_threshold) / 2, qx_hi = (sx(c.x_threshold) + w) / 2;
    const double qy_lo = sy(c.y_threshold) / 2, qy_hi = (sy(c.y_threshold) + h) / 2;
    text("quadrant_tr", qx_hi, qy_hi, font(12, "<I>" + html_text(c.top_right) + "</I>"));
    text("quadrant_br", qx_hi, qy_lo, font(12, "<I>" + html_text(c.bottom_right) + "</I>"));
    text("quadrant_tl", qx_lo, qy_hi, font(12, "<I>" + html_text(c.top_left) + "</I>"));
    text("quadrant_bl", qx_lo, qy_lo, font(12, "<I>" + html_text(c.bottom_left) + "</I>"));
    text(
        "axis_x_label", w / 2, -26,
        font(11, html_text(fmt::format("{} (line at {})", c.x_name, short_number(c.x_threshold)))));
    text(
        "axis_y_label", 0, h + 20,
        font(11, html_text(fmt::format("{} (line at {})", c.y_name, short_number(c.y_threshold)))));
    text("title", w / 2, h + 56, font(16, html_text(c.title, 120), true));
    for (std::size_t i = 0; i < c.points.size(); ++i) {
        const auto& p = c.points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        auto* n = b.node("cluster_" + std::to_string(i), sx(p.x), sy(p.y));
        b.set(n, "shape", "circle");
        b.set(n, "fixedsize", "true");
        b.set(n, "width", "0.18");
        b.set(n, "label", "");
        b.set(n, "style", "filled");
        b.set(n, "fillcolor", qualitative_colour(4));
        b.set(n, "xlabel", plain_label(p.label, 32));
        b.set(n, "fontsize", "10");
    }
    return b.render(format);
}

}  // namespace clusterlens::render
